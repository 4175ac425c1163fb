package io.verbatim.documents.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One document as the API shows it: its current version, processing state and version history. */
record DocumentView(UUID id, UUID collectionId, String title, int version, String filename, String contentType, long sizeBytes,
                    String status, String failureCode, String failureReason, Integer pages, Integer passages,
                    Instant createdAt, Instant updatedAt, Instant processedAt, List<DocumentStore.Version> versions) {

    static DocumentView of(DocumentStore.DocumentDetail detail) {
        DocumentStore.Document d = detail.document();
        return new DocumentView(d.id(), d.collectionId(), d.title(), d.version(), d.filename(), d.contentType(), d.sizeBytes(),
                d.status(), d.failureCode(), d.failureReason(), d.pages(), d.passages(), d.createdAt(), d.updatedAt(),
                d.processedAt(), detail.versions());
    }
}
