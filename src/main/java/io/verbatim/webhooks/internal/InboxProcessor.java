package io.verbatim.webhooks.internal;

import io.verbatim.conversations.Accepted;
import io.verbatim.credentials.CredentialFields;
import io.verbatim.credentials.Credentials;
import io.verbatim.ingest.ConversationIntake;
import io.verbatim.pipeline.PipelineProperties;
import io.verbatim.platform.BackgroundPriority;
import io.verbatim.platform.InboundPressure;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.webhooks.WebhookProperties;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns received events into conversations, off the request: right after an event is kept (the fast
 * path) and, for whatever that missed (a full queue, a retry, a node that died mid-way), from a
 * recurring scan that runs once per cluster. A claim (row lease) makes sure one node processes an event;
 * the intake's (source, external id) key makes sure it becomes one conversation whatever happens.
 */
@Component
class InboxProcessor {

    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);
    private static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(3));
    private static final int DRAIN_BATCH = 500;

    private final Inbox inbox;
    private final Map<String, InboundProvider> providers;
    private final Credentials credentials;
    private final ConversationIntake intake;
    private final RecordingFetcher fetcher;
    private final WebhookProperties properties;
    private final boolean processHere;
    private final ThreadPoolExecutor executor;
    private final Set<String> draining = ConcurrentHashMap.newKeySet();
    private final InboundPressure pressure;

    InboxProcessor(Inbox inbox, List<InboundProvider> providers, Credentials credentials, ConversationIntake intake,
                   RecordingFetcher fetcher, WebhookProperties properties, PipelineProperties pipeline, InboundPressure pressure) {
        this.inbox = inbox;
        this.providers = providers.stream().collect(Collectors.toMap(InboundProvider::name, Function.identity()));
        this.credentials = credentials;
        this.intake = intake;
        this.fetcher = fetcher;
        this.properties = properties;
        this.processHere = pipeline.enabled();
        this.pressure = pressure;
        int threads = Math.max(1, properties.inboxConcurrency());
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                BackgroundPriority.threads("webhook-inbox"), new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Processes a just-received event soon, on this node; if the queue is full the recurring scan gets it. */
    void kick(TenantId tenant, UUID id) {
        if (!processHere) {
            return;
        }
        executor.execute(() -> {
            pressure.yieldToBurst(); // the storm's acknowledgements before its processing
            TenantContext.runAs(tenant, () -> inbox.claim(id).ifPresent(this::process));
        });
    }

    /** The recurring scan: every tenant with due events is drained (one drain per tenant at a time on this node). */
    void drainAll() {
        for (String tenant : inbox.dueTenants()) {
            if (draining.add(tenant)) {
                executor.execute(() -> {
                    try {
                        TenantContext.runAs(new TenantId(tenant), this::drain);
                    } finally {
                        draining.remove(tenant);
                    }
                });
            }
        }
    }

    void drain() {
        for (int i = 0; i < DRAIN_BATCH; i++) {
            pressure.yieldToBurst();
            var next = inbox.claimNext();
            if (next.isEmpty()) {
                return;
            }
            process(next.get());
        }
    }

    void process(InboxEvent event) {
        InboundProvider provider = providers.get(event.provider());
        Path scratch = null;
        List<Path> recordings = List.of();
        try {
            CredentialFields credential = credentials.find(provider.credentialName(event.source()))
                    .orElseThrow(() -> InboundProvider.Failure.permanent("The credential '"
                            + provider.credentialName(event.source()) + "' no longer exists"));
            InboundProvider.Work work = provider.prepare(event, credential, fetcher);
            switch (work) {
                case InboundProvider.Work.Ignore ignore -> inbox.ignored(event.id(), ignore.reason());
                case InboundProvider.Work.Ingest ingest -> {
                    scratch = ingest.tempFile();
                    if (ingest.input() instanceof io.verbatim.ingest.IntakeInput.TranscriptWithRecordings withRecordings) {
                        recordings = withRecordings.recordings().values().stream().map(m -> m.file()).toList();
                    }
                    Accepted accepted = intake.accept(ingest.input(), ingest.metadata(), null);
                    inbox.done(event.id(), accepted.conversation().id(), accepted.duplicate());
                }
            }
        } catch (InboundProvider.Failure e) {
            fail(event, e.getMessage(), e.retryable());
        } catch (ProblemException e) {
            fail(event, e.type() + ": " + e.getMessage(), e.status().is5xxServerError());
        } catch (RuntimeException e) {
            log.warn("Processing {} event {} of {} failed; will retry", event.provider(), event.eventId(), event.tenantId(), e);
            fail(event, "internal: " + e.getClass().getSimpleName(), true);
        } finally {
            RecordingFetcher.deleteQuietly(scratch);
            recordings.forEach(RecordingFetcher::deleteQuietly);
        }
    }

    private void fail(InboxEvent event, String reason, boolean retryable) {
        if (retryable && event.attempts() < properties.inboxMaxAttempts()) {
            Duration wait = BACKOFF.get(Math.min(event.attempts(), BACKOFF.size()) - 1);
            log.info("{} event {} of {} will be retried in {}: {}", event.provider(), event.eventId(), event.tenantId(), wait, reason);
            inbox.retryLater(event.id(), reason, wait);
        } else {
            log.warn("{} event {} of {} failed: {}", event.provider(), event.eventId(), event.tenantId(), reason);
            inbox.failed(event.id(), reason);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
