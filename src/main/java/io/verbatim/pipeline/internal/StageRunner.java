package io.verbatim.pipeline.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.ConversationStatus;
import io.verbatim.conversations.Conversations;
import io.verbatim.pipeline.PermanentStageFailure;
import io.verbatim.pipeline.PipelineProperties;
import io.verbatim.pipeline.StageHandler;
import io.verbatim.platform.InboundPressure;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one stage of one conversation. Safe to run twice: a stage the conversation has already passed
 * is not redone, only its successor is (re)enqueued. Failures the input causes end the conversation at
 * once; others are retried with backoff until {@code maxAttempts}.
 */
@Component
class StageRunner {

    private static final Logger log = LoggerFactory.getLogger(StageRunner.class);
    private final Conversations conversations;
    private final StageGraph graph;
    private final ObjectProvider<PipelineJobs> jobs;
    private final PipelineProperties properties;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final InboundPressure pressure;

    StageRunner(Conversations conversations, StageGraph graph, ObjectProvider<PipelineJobs> jobs, PipelineProperties properties,
                PlatformTransactionManager transactions, MeterRegistry meters, InboundPressure pressure) {
        this.conversations = conversations;
        this.graph = graph;
        this.jobs = jobs;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.meters = meters;
        this.pressure = pressure;
    }

    void run(StageJob job) {
        pressure.yieldToBurst(); // acknowledgements first: a burst of deliveries gets the cores and the database
        TenantContext.runAs(new TenantId(job.tenantId()), () -> runForTenant(job));
    }

    private void runForTenant(StageJob job) {
        Optional<Conversation> found = conversations.find(job.conversationId());
        Optional<StageHandler> handler = graph.byName(job.stage());
        if (found.isEmpty() || handler.isEmpty()) {
            return; // deleted meanwhile, or a stage this version no longer has
        }
        Conversation conversation = found.get();
        StageHandler stage = handler.get();
        if (conversation.status() == ConversationStatus.FAILED) {
            return; // waits for a re-drive
        }
        if (graph.position(conversation.stage()) >= stage.order()) {
            transaction.executeWithoutResult(tx -> enqueueAfter(conversation, stage)); // done before a crash
            return;
        }
        if (!stage.appliesTo(conversation)) {
            transaction.executeWithoutResult(tx -> {
                conversations.recordEvent(conversation.id(), stage.stage(), "skipped", 0, null);
                complete(conversation, stage);
            });
            return;
        }
        if (!stage.tryReserve()) {
            throw new NodeBusy(stage.stage());
        }
        int attempt;
        Timer.Sample sample = Timer.start(meters);
        try {
            attempt = conversations.startStage(conversation.id(), stage.stage());
        } catch (RuntimeException e) {
            stage.release();
            throw e;
        }
        try {
            stage.run(conversations.find(conversation.id()).orElseThrow());
        } catch (PermanentStageFailure e) {
            fail(conversation, stage, e.type(), e.getMessage(), true, attempt, sample);
            return;
        } catch (ProblemException e) {
            // Our own typed errors: a 4xx means the input is at fault, and no retry will change it.
            boolean permanent = e.status().is4xxClientError();
            fail(conversation, stage, e.type(), e.getMessage(), permanent || attempt >= properties.maxAttempts(), attempt, sample);
            if (!permanent && attempt < properties.maxAttempts()) {
                throw e;
            }
            return;
        } catch (Exception e) {
            boolean last = attempt >= properties.maxAttempts();
            log.warn("Stage {} of conversation {} failed (attempt {}){}", stage.stage(), conversation.id(), attempt,
                    last ? "; giving up" : "; will retry", e);
            fail(conversation, stage, "stage-error", describe(e), last, attempt, sample);
            if (!last) {
                throw new IllegalStateException(e);
            }
            return;
        } finally {
            stage.release();
        }
        sample.stop(meters.timer("verbatim.pipeline.stage", "stage", stage.stage(), "outcome", "completed"));
        transaction.executeWithoutResult(tx -> complete(conversation, stage));
    }

    private void complete(Conversation conversation, StageHandler stage) {
        conversations.completeStage(conversation.id(), stage.stage(), graph.isLast(stage));
        enqueueAfter(conversation, stage);
    }

    private void enqueueAfter(Conversation conversation, StageHandler stage) {
        graph.after(stage.stage()).ifPresent(next -> jobs.getObject().enqueue(
                new StageJob(conversation.tenantId(), conversation.id(), next.stage()), conversation.priority()));
    }

    private void fail(Conversation conversation, StageHandler stage, String type, String message, boolean permanent,
                      int attempt, Timer.Sample sample) {
        sample.stop(meters.timer("verbatim.pipeline.stage", "stage", stage.stage(), "outcome", permanent ? "failed" : "retrying"));
        conversations.failStage(conversation.id(), stage.stage(), type, message == null ? type : message, permanent, attempt);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
