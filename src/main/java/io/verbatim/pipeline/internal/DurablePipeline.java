package io.verbatim.pipeline.internal;

import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.Conversations;
import io.verbatim.pipeline.Pipeline;
import io.verbatim.pipeline.StageHandler;
import io.verbatim.platform.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DurablePipeline implements Pipeline {

    private final PipelineJobs jobs;
    private final StageGraph graph;
    private final Conversations conversations;

    DurablePipeline(PipelineJobs jobs, StageGraph graph, Conversations conversations) {
        this.jobs = jobs;
        this.graph = graph;
        this.conversations = conversations;
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
        StageHandler target = graph.byName(stage)
                .orElseThrow(() -> ProblemException.badRequest("unknown-stage", "No pipeline stage '" + stage + "'"));
        Conversation conversation = conversations.getVisible(conversationId);
        int index = graph.all().indexOf(target);
        String before = index == 0 ? StageGraph.RECEIVED : graph.all().get(index - 1).stage();
        if (graph.position(conversation.stage()) < graph.position(before)) {
            throw ProblemException.conflict("not-ready", "Conversation " + conversationId + " has not reached " + before + " yet");
        }
        conversations.rewindTo(conversationId, before, "re-run from " + stage);
        jobs.enqueue(new StageJob(conversation.tenantId(), conversationId, target.stage()), conversation.priority());
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
