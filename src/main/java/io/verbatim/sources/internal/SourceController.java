package io.verbatim.sources.internal;

import io.verbatim.credentials.Credentials;
import io.verbatim.identity.AuditLog;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Admins configure recording sources, start runs, and read the run history (drop-folder scans included). */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class SourceController {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    /** Conversation sources other paths use: a connector may not take them over. */
    private static final Set<String> RESERVED = Set.of("upload", "drop-folder", "twilio", "vapi", "callrail", "demo");

    private final Sources sources;
    private final SourceRuns runs;
    private final SourceScheduler scheduler;
    private final SourceRunner runner;
    private final Credentials credentials;
    private final AuditLog audit;

    SourceController(Sources sources, SourceRuns runs, SourceScheduler scheduler, SourceRunner runner, Credentials credentials,
                     AuditLog audit) {
        this.sources = sources;
        this.runs = runs;
        this.scheduler = scheduler;
        this.runner = runner;
        this.credentials = credentials;
        this.audit = audit;
    }

    /** @param interval {@code 15m}, {@code 1h}, {@code PT15M}; default 15 minutes */
    record CreateSource(String name, String kind, String credential, String interval, Boolean enabled, JsonNode settings) {
    }

    /** @param resetHighWaterMark true to list everything again (a backfill; what exists is still skipped) */
    record ChangeSource(String credential, String interval, Boolean enabled, JsonNode settings, Boolean resetHighWaterMark) {
    }

    record SourceView(UUID id, String name, String kind, String credential, String interval, long intervalSeconds, boolean enabled,
                      JsonNode settings, Instant highWaterMark, Instant nextRunAt, int consecutiveFailures, String lastError,
                      boolean running, Instant createdAt, Instant updatedAt) {
        static SourceView of(Sources.Source s) {
            return new SourceView(s.id(), s.name(), s.kind(), s.credential(), s.interval().toString(), s.intervalSeconds(), s.enabled(),
                    s.settings(), s.highWaterMark(), s.nextRunAt(), s.consecutiveFailures(), s.lastError(), s.running(), s.createdAt(),
                    s.updatedAt());
        }
    }

    record RunStarted(UUID runId, UUID sourceId, String statusUrl) {
    }

    @PostMapping("/sources")
    ResponseEntity<SourceView> create(@RequestBody CreateSource body) {
        if (body == null || body.name() == null || !NAME.matcher(body.name()).matches()) {
            throw ProblemException.badRequest("validation", "name is lower-case letters, digits, '.', '_' or '-' (up to 63)");
        }
        if (RESERVED.contains(body.name())) {
            throw ProblemException.badRequest("validation", "'" + body.name() + "' is reserved; choose another name");
        }
        String kind = body.kind() == null ? RestRecordingConnector.KIND : body.kind();
        runner.connector(kind).orElseThrow(() -> ProblemException.badRequest("validation", "Unknown source kind '" + kind + "'"))
                .validate(body.settings());
        String credential = body.credential() == null ? body.name() : body.credential();
        if (!Credentials.isValidName(credential)) {
            throw ProblemException.badRequest("validation", "credential is not a valid credential name");
        }
        var existing = sources.findByName(body.name());
        if (existing.isPresent()) {
            Sources.Source e = existing.get();
            JsonNode settings = body.settings() == null || body.settings().isNull() ? null : body.settings();
            boolean same = e.kind().equals(kind) && e.credential().equals(credential)
                    && e.interval().equals(SourceSchedule.interval(body.interval()))
                    && (settings == null ? e.settings().isEmpty() : settings.equals(e.settings()));
            if (same) { // a retried create (the name is the natural key): the original, unchanged
                return ResponseEntity.ok().location(URI.create("/api/v1/sources/" + e.id())).body(SourceView.of(e));
            }
            throw ProblemException.conflict("duplicate", "A source named '" + body.name() + "' exists with other settings");
        }
        Sources.Source s = sources.create(body.name(), kind, credential, body.settings() == null ? null : body.settings(),
                SourceSchedule.interval(body.interval()), body.enabled() == null || body.enabled());
        audit.record("source.created", "source", s.id().toString(), Map.of("name", s.name(), "kind", kind, "credential", credential));
        return ResponseEntity.created(URI.create("/api/v1/sources/" + s.id())).body(SourceView.of(s));
    }

    @GetMapping("/sources")
    Page<SourceView> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        Page<Sources.Source> page = sources.list(cursor, Page.limit(limit));
        return new Page<>(page.items().stream().map(SourceView::of).toList(), page.nextCursor());
    }

    @GetMapping("/sources/{id}")
    SourceView get(@PathVariable UUID id) {
        return SourceView.of(find(id));
    }

    @PatchMapping("/sources/{id}")
    SourceView update(@PathVariable UUID id, @RequestBody ChangeSource body) {
        Sources.Source s = find(id);
        if (body.settings() != null) {
            runner.connector(s.kind()).ifPresent(c -> c.validate(body.settings()));
        }
        if (body.credential() != null && !Credentials.isValidName(body.credential())) {
            throw ProblemException.badRequest("validation", "credential is not a valid credential name");
        }
        Sources.Source changed = sources.update(id, body.credential(), body.settings(),
                body.interval() == null ? null : SourceSchedule.interval(body.interval()), body.enabled(),
                Boolean.TRUE.equals(body.resetHighWaterMark()));
        audit.record("source.updated", "source", id.toString(), Map.of("name", changed.name()));
        return SourceView.of(changed);
    }

    @DeleteMapping("/sources/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        Sources.Source s = find(id);
        sources.delete(id);
        audit.record("source.deleted", "source", id.toString(), Map.of("name", s.name()));
    }

    /** Starts a run now (202); 409 while one is running. */
    @PostMapping("/sources/{id}/run")
    ResponseEntity<RunStarted> run(@PathVariable UUID id) {
        find(id);
        UUID run = scheduler.runNow(id);
        return ResponseEntity.accepted().location(URI.create("/api/v1/source-runs/" + run))
                .body(new RunStarted(run, id, "/api/v1/source-runs/" + run));
    }

    @GetMapping("/sources/{id}/runs")
    Page<SourceRuns.Run> runs(@PathVariable UUID id, @RequestParam(required = false) String cursor,
                              @RequestParam(required = false) Integer limit) {
        find(id);
        return runs.list(id, null, cursor, Page.limit(limit));
    }

    /** Every run of every source; {@code source=drop-folder} for the drop folder's scans. */
    @GetMapping("/source-runs")
    Page<SourceRuns.Run> allRuns(@RequestParam(required = false) String source, @RequestParam(required = false) String cursor,
                                 @RequestParam(required = false) Integer limit) {
        return runs.list(null, source, cursor, Page.limit(limit));
    }

    @GetMapping("/source-runs/{id}")
    SourceRuns.Run run(@PathVariable UUID id, @RequestParam(required = false) Boolean items) {
        return runs.find(id).orElseThrow(() -> ProblemException.notFound("Run " + id));
    }

    private Sources.Source find(UUID id) {
        return sources.find(id).orElseThrow(() -> ProblemException.notFound("Source " + id));
    }
}
