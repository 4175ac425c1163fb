package io.verbatim.documents.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sharing a document through a tracked link, and opening one. */
@RestController
class TrackedLinkController {

    private final TrackedLinks links;

    TrackedLinkController(TrackedLinks links) {
        this.links = links;
    }

    record LinkBody(Integer expiresInHours) {
    }

    @PostMapping("/api/v1/documents/{id}/links")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    TrackedLinks.Link create(@PathVariable UUID id, @RequestBody(required = false) LinkBody body) {
        int hours = body == null || body.expiresInHours() == null ? 72 : body.expiresInHours();
        return links.create(id, Duration.ofHours(hours));
    }

    @GetMapping("/api/v1/documents/{id}/links")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    List<TrackedLinks.Link> list(@PathVariable UUID id) {
        return links.list(id);
    }

    @DeleteMapping("/api/v1/documents/{id}/links/{linkId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    void revoke(@PathVariable UUID id, @PathVariable UUID linkId) {
        links.revoke(id, linkId);
    }

    /** The shared file itself, inline; the token in the path is the only credential. */
    @GetMapping("/shared/documents/{token}")
    ResponseEntity<byte[]> open(@PathVariable String token, HttpServletRequest request) {
        TrackedLinks.Shared shared = links.open(token, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
        // PDFs and plain text open in the browser; anything that could run (HTML) downloads, and nothing runs as us.
        boolean inline = shared.contentType().equals("application/pdf") || shared.contentType().equals("text/plain");
        return ResponseEntity.ok()
                .contentType(inline ? MediaType.parseMediaType(shared.contentType()) : MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.CONTENT_DISPOSITION, (inline ? ContentDisposition.inline() : ContentDisposition.attachment()).filename(shared.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(shared.content());
    }
}
