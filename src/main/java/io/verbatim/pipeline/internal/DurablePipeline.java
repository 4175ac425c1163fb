package io.verbatim.pipeline.internal;

import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.Conversations;
import io.verbatim.pipeline.Pipeline;
import io.verbatim.pipeline.StageHandler;
import io.verbatim.platform.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class DurablePipeline implements Pipeline {

    private final PipelineJobs jobs;
    private final StageGraph graph;
    private final Conversations conversations;
    private final TransactionTemplate transaction;
    /** Re-analysis of many conversations waits behind live uploads (which use 10). */
    private static final int BULK_PRIORITY = 0;

    DurablePipeline(PipelineJobs jobs, StageGraph graph, Conversations conversations, PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.graph = graph;
        this.conversations = conversations;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    @Transactional
    public void start(Conversation conversation) {
        enqueueAfter(conversation, conversation.stage());
    }

    @Override
    @Transactional
    public Conversation retry(UUID conversationId) {
        Conversation conversation = conversations.markRedriven(conversationId);
        enqueueAfter(conversation, conversation.stage());
        return conversation;
    }

    @Override
    @Transactional
    public void rerunFrom(UUID conversationId, String stage) {
        rerun(conversationId, stage, null);
    }

    @Override
    public int rerunRange(java.time.Instant from, java.time.Instant to, String stage, int limit) {
        int queued = 0;
        for (UUID id : conversations.completedBetween(from, to, limit)) {
            transaction.executeWithoutResult(tx -> rerun(id, stage, BULK_PRIORITY));
            queued++;
        }
        return queued;
    }

    private void rerun(UUID conversationId, String stage, Integer priority) {
        StageHandler target = graph.byName(stage)
                .orElseThrow(() -> ProblemException.badRequest("unknown-stage", "No pipeline stage '" + stage + "'"));
        Conversation conversation = conversations.getVisible(conversationId);
        int index = graph.all().indexOf(target);
        String before = index == 0 ? StageGraph.RECEIVED : graph.all().get(index - 1).stage();
        if (graph.position(conversation.stage()) < graph.position(before)) {
            throw ProblemException.conflict("not-ready", "Conversation " + conversationId + " has not reached " + before + " yet");
        }
        conversations.rewindTo(conversationId, before, "re-run from " + stage);
        jobs.enqueue(new StageJob(conversation.tenantId(), conversationId, target.stage()),
                priority != null ? priority : conversation.priority());
    }

    @Override
    public List<String> stages() {
        return graph.all().stream().map(StageHandler::stage).toList();
    }

    private void enqueueAfter(Conversation conversation, String completed) {
        graph.after(completed).ifPresent(next -> jobs.enqueue(
                new StageJob(conversation.tenantId(), conversation.id(), next.stage()), conversation.priority()));
    }
}
