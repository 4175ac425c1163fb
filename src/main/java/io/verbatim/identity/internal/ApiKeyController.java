package io.verbatim.identity.internal;

import io.verbatim.identity.Role;
import io.verbatim.platform.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins issue machine keys; a key can never manage keys (it is not a person). */
@RestController
@RequestMapping("/api/v1/api-keys")
@PreAuthorize("(hasAnyRole('ADMIN', 'PLATFORM_ADMIN')) and principal.apiKeyId == null")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    record CreateKey(@NotBlank @Size(max = 100) String name, Role role) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeys.CreatedKey create(@Valid @RequestBody CreateKey body) {
        return keys.create(body.name(), body.role() == null ? Role.ADMIN : body.role());
    }

    @GetMapping
    Page<ApiKeys.ApiKeyView> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return keys.list(cursor, Page.limit(limit));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        keys.revoke(id);
    }
}
