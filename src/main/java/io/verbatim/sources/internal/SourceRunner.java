package io.verbatim.sources.internal;

import io.verbatim.conversations.Accepted;
import io.verbatim.conversations.Conversations;
import io.verbatim.credentials.CredentialFields;
import io.verbatim.credentials.Credentials;
import io.verbatim.ingest.ConversationIntake;
import io.verbatim.ingest.IngestMetadata;
import io.verbatim.ingest.IntakeInput;
import io.verbatim.platform.ProblemException;
import io.verbatim.sources.RecordingConnector;
import io.verbatim.sources.RecordingConnector.Recording;
import io.verbatim.sources.SourcesProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * One run of one source: list every recording after the high-water mark (less an overlap, for
 * providers that list late), skip those already conversations without downloading them, download and
 * ingest the rest, and record each outcome. The high-water mark moves to the newest recording seen, but
 * never past a recording that failed, so a failure is tried again next run. A provider that keeps
 * failing fails the run, and the source waits longer before its next one.
 */
@Component
class SourceRunner {

    private static final Logger log = LoggerFactory.getLogger(SourceRunner.class);
    private static final int MAX_ITEMS_KEPT = 500;
    static final Duration DEFAULT_OVERLAP = Duration.ofHours(1);

    private final Map<String, RecordingConnector> connectors;
    private final Sources sources;
    private final SourceRuns runs;
    private final Credentials credentials;
    private final Conversations conversations;
    private final ConversationIntake intake;
    private final SourcesProperties properties;

    SourceRunner(List<RecordingConnector> connectors, Sources sources, SourceRuns runs, Credentials credentials,
                 Conversations conversations, ConversationIntake intake, SourcesProperties properties) {
        this.connectors = connectors.stream().collect(Collectors.toMap(RecordingConnector::kind, Function.identity()));
        this.sources = sources;
        this.runs = runs;
        this.credentials = credentials;
        this.conversations = conversations;
        this.intake = intake;
        this.properties = properties;
    }

    Optional<RecordingConnector> connector(String kind) {
        return Optional.ofNullable(connectors.get(kind));
    }

    private static final class Tally {
        int listed;
        int fetched;
        int duplicates;
        int failed;
        int pages;
        int retries;
        final List<SourceRuns.Item> items = new ArrayList<>();

        SourceRuns.Counts counts() {
            return new SourceRuns.Counts(listed, fetched, duplicates, failed, pages, retries);
        }

        void item(SourceRuns.Item item) {
            if (items.size() < MAX_ITEMS_KEPT) {
                items.add(item);
            }
        }
    }

    /** Runs the (leased) source to the end; never throws. */
    void run(Sources.Source source, UUID runId) {
        Tally tally = new Tally();
        Instant hwm = source.highWaterMark();
        Instant newest = hwm;
        Instant earliestFailure = null;
        boolean failureWithoutTime = false;
        String error = null;
        RecordingConnector.Session session = null;
        try {
            RecordingConnector connector = connector(source.kind())
                    .orElseThrow(() -> new RecordingConnector.SourceException("No connector of kind '" + source.kind() + "'"));
            CredentialFields credential;
            try {
                credential = credentials.require(source.credential());
            } catch (ProblemException e) {
                throw new RecordingConnector.SourceException(e.getMessage());
            }
            session = connector.open(source.settings(), credential);
            Instant since = since(source);
            boolean backfill = hwm == null;
            String cursor = null;
            Map<String, Boolean> seenThisRun = new HashMap<>();
            do {
                RecordingConnector.Listing page = session.list(since, cursor);
                tally.pages++;
                for (Recording recording : page.items()) {
                    tally.listed++;
                    if (recording.externalId() == null) {
                        tally.failed++;
                        failureWithoutTime = true;
                        tally.item(new SourceRuns.Item(null, "failed", "the listed recording has no id (check the id field mapping)", null));
                        continue;
                    }
                    if (seenThisRun.containsKey(recording.externalId())
                            || conversations.findRepeat(source.name(), recording.externalId(), null, null).isPresent()) {
                        tally.duplicates++;
                        tally.item(new SourceRuns.Item(recording.externalId(), "duplicate", null, null));
                        newest = later(newest, recording.startedAt());
                        continue;
                    }
                    seenThisRun.put(recording.externalId(), true);
                    try {
                        Accepted accepted = fetch(source, session, recording, backfill);
                        if (accepted.duplicate()) {
                            tally.duplicates++;
                            tally.item(new SourceRuns.Item(recording.externalId(), "duplicate", null, accepted.conversation().id()));
                        } else {
                            tally.fetched++;
                            tally.item(new SourceRuns.Item(recording.externalId(), "fetched", null, accepted.conversation().id()));
                        }
                        newest = later(newest, recording.startedAt());
                    } catch (RuntimeException e) {
                        tally.failed++;
                        String reason = e instanceof ProblemException p ? p.type() + ": " + p.getMessage() : e.getMessage();
                        tally.item(new SourceRuns.Item(recording.externalId(), "failed", reason, null));
                        if (recording.startedAt() == null) {
                            failureWithoutTime = true;
                        } else if (earliestFailure == null || recording.startedAt().isBefore(earliestFailure)) {
                            earliestFailure = recording.startedAt();
                        }
                    }
                }
                tally.retries = session.retries();
                runs.progress(runId, tally.counts());
                sources.renew(source.id(), properties.lease());
                cursor = page.nextCursor();
            } while (cursor != null && tally.pages < properties.maxPages());
        } catch (RecordingConnector.SourceException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            log.error("Run {} of source {} failed unexpectedly", runId, source.name(), e);
            error = "internal: " + e.getClass().getSimpleName();
        }
        if (session != null) {
            tally.retries = session.retries();
        }
        Instant newHwm = hwm;
        if (error == null && !failureWithoutTime) {
            newHwm = earliestFailure != null ? earlier(newest, earliestFailure.minusMillis(1)) : newest;
            newHwm = later(hwm, newHwm);
        }
        boolean runFailed = error != null;
        String status = runFailed ? "failed" : tally.failed > 0 ? "partial" : "succeeded";
        int failures = runFailed ? source.consecutiveFailures() + 1 : 0;
        Duration next = runFailed ? SourceSchedule.backoff(source.interval(), failures, properties.maxBackoff()) : source.interval();
        try {
            runs.finish(runId, status, tally.counts(), error, newHwm, tally.items);
            sources.finish(source.id(), newHwm, runFailed, error, next);
        } catch (RuntimeException e) {
            log.error("Could not record the end of run {} of source {}", runId, source.name(), e);
        }
        if (runFailed) {
            log.warn("Source {} run failed ({} in a row), next try in {}: {}", source.name(), failures, next, error);
        } else {
            log.info("Source {} run {}: {} fetched, {} duplicates, {} failed", source.name(), status, tally.fetched, tally.duplicates,
                    tally.failed);
        }
    }

    private Accepted fetch(Sources.Source source, RecordingConnector.Session session, Recording recording, boolean backfill) {
        RecordingConnector.Download download = session.download(recording);
        try {
            JsonNode settings = source.settings();
            Map<String, String> roles = null;
            JsonNode configured = settings == null ? null : settings.get("channel_roles");
            if (configured != null && configured.isObject()) {
                roles = new HashMap<>();
                for (var e : configured.properties()) {
                    roles.put(e.getKey(), e.getValue().asString());
                }
            }
            String channel = settings == null ? null : JsonPaths.text(settings, "channel");
            String language = settings == null ? null : JsonPaths.text(settings, "language");
            IngestMetadata metadata = new IngestMetadata(recording.externalId(), source.name(), recording.direction(),
                    channel == null ? "phone" : channel, recording.startedAt(), recording.agent(),
                    new IngestMetadata.Customer(recording.customerName(), recording.customerNumber(), null), language, roles, List.of(),
                    recording.attributes(), null, backfill);
            return intake.accept(new IntakeInput.Media(download.file(), download.filename(), download.contentType()), metadata, null);
        } finally {
            try {
                Files.deleteIfExists(download.file());
            } catch (IOException ignored) {
                // scratch file
            }
        }
    }

    private static Instant since(Sources.Source source) {
        JsonNode settings = source.settings();
        if (source.highWaterMark() == null) {
            String initial = settings == null ? null : JsonPaths.text(settings, "initial_since");
            return initial == null ? null : JsonPaths.parse(initial);
        }
        String overlap = settings == null ? null : JsonPaths.text(settings, "overlap");
        Duration window = overlap == null ? DEFAULT_OVERLAP : SourceSchedule.parseDuration(overlap, "overlap");
        return source.highWaterMark().minus(window);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
