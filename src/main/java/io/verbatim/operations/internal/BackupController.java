package io.verbatim.operations.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Backups and their restore verifications, for platform admins only (they span every tenant). */
@RestController
@RequestMapping("/api/v1/backups")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class BackupController {

    private final Backups backups;
    private final BackupVerifier verifier;
    private final AuditLog audit;

    BackupController(Backups backups, BackupVerifier verifier, AuditLog audit) {
        this.backups = backups;
        this.verifier = verifier;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Backups, newest first (files deleted by retention keep their record, with deleted_at)")
    Page<BackupRecord> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        return Page.of(backups.list(Page.decode(cursor), size + 1), size, BackupRecord::name);
    }

    @GetMapping("/{id:[0-9a-fA-F-]{36}}")
    BackupRecord get(@PathVariable UUID id) {
        return backups.find(id).orElseThrow(() -> ProblemException.notFound("Backup " + id));
    }

    @PostMapping
    @Operation(summary = "Back up now: 202 with the queued backup; 409 backup-running while one runs")
    ResponseEntity<BackupRecord> run(@RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey == null && backups.busy()) {
            throw ProblemException.conflict("backup-running", "A backup is already running; wait for it to finish");
        }
        BackupRecord queued = backups.start(CurrentUser.require().email(), idempotencyKey);
        audit.record("backup.requested", "backup", queued.id().toString(), Map.of("name", queued.name()));
        return ResponseEntity.accepted().location(URI.create("/api/v1/backups/" + queued.id())).body(queued);
    }

    @GetMapping("/verifications")
    @Operation(summary = "The backup verification log, newest first")
    Page<VerificationRecord> verifications(@RequestParam(required = false) String cursor,
                                           @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        Long before = cursorId(Page.decode(cursor));
        return Page.of(verifier.list(before, size + 1), size, v -> Long.toString(v.id()));
    }

    @GetMapping("/verifications/{id:\\d+}")
    VerificationRecord verification(@PathVariable long id) {
        return verifier.find(id).orElseThrow(() -> ProblemException.notFound("Verification " + id));
    }

    @PostMapping("/verifications")
    @Operation(summary = "Verify the latest backup now (restore into a scratch database and compare): 202; "
            + "409 no-backup when there is none, verification-running while one runs")
    ResponseEntity<VerificationRecord> verify(@RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        if (backups.files().latest().isEmpty()) {
            throw ProblemException.conflict("no-backup", "There is no backup to verify yet; run one first");
        }
        if (idempotencyKey == null && verifier.busy()) {
            throw ProblemException.conflict("verification-running", "A verification is already running; wait for it to finish");
        }
        VerificationRecord queued = verifier.start(CurrentUser.require().email(), idempotencyKey);
        audit.record("backup.verification_requested", "backup_verification", Long.toString(queued.id()), Map.of());
        return ResponseEntity.accepted().location(URI.create("/api/v1/backups/verifications/" + queued.id())).body(queued);
    }

    private static Long cursorId(String key) {
        try {
            return key == null ? null : Long.valueOf(key);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-cursor", "The cursor is not one this API issued");
        }
    }
}
