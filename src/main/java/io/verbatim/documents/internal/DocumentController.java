package io.verbatim.documents.internal;

import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents: admins and managers upload into collections they may read (202: processing continues in the
 * background); everyone reads the documents of the collections they may read.
 */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentController {

    private final DocumentStore documents;

    DocumentController(DocumentStore documents) {
        this.documents = documents;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    DocumentStore.Document upload(@RequestPart(name = "file", required = false) MultipartFile file,
                                  @RequestParam(name = "collection_id", required = false) UUID collectionId,
                                  @RequestParam(required = false) String title) {
        if (file == null || collectionId == null) {
            throw ProblemException.badRequest("validation", "a 'file' part and a 'collection_id' are required");
        }
        try {
            return documents.upload(collectionId, title, file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping
    Page<DocumentStore.Document> list(@RequestParam(name = "collection_id", required = false) UUID collectionId,
                                      @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return documents.list(collectionId, cursor, Page.limit(limit));
    }

    @GetMapping("/{id}")
    DocumentView get(@PathVariable UUID id) {
        return DocumentView.of(documents.get(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    void delete(@PathVariable UUID id) {
        documents.delete(id);
    }
}
