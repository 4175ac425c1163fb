package io.verbatim.documents.internal;

import io.verbatim.platform.Page;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Collections: admins create and change them; everyone lists those they may read. */
@RestController
@RequestMapping("/api/v1/collections")
class CollectionController {

    private final CollectionStore collections;

    CollectionController(CollectionStore collections) {
        this.collections = collections;
    }

    record CollectionBody(String name, Permissions permissions) {
        Permissions effective() {
            return permissions == null ? Permissions.none() : permissions;
        }
    }

    @GetMapping
    Page<CollectionStore.DocumentCollection> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return collections.list(cursor, Page.limit(limit));
    }

    @GetMapping("/{id}")
    CollectionStore.DocumentCollection get(@PathVariable UUID id) {
        return collections.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    CollectionStore.DocumentCollection create(@RequestBody CollectionBody body) {
        return collections.create(body.name(), body.effective());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    CollectionStore.DocumentCollection update(@PathVariable UUID id, @RequestBody CollectionBody body) {
        return collections.update(id, body.name(), body.effective());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    void delete(@PathVariable UUID id) {
        collections.delete(id);
    }
}
