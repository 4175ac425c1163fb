package io.verbatim.evaluation;

import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.ConversationAnalyses;
import io.verbatim.conversations.ConversationStatus;
import io.verbatim.conversations.Conversations;
import io.verbatim.evaluation.internal.EvaluationStore;
import io.verbatim.ingest.ConversationIntake;
import io.verbatim.ingest.IntakeInput;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evaluation runs of the current tenant: a labelled set is imported through the intake (source
 * {@code evaluation-<run>}, tag {@code evaluation}, queued behind live work) on a background thread, and
 * scored once every conversation is analysed or failed; progress is checked when the run is read.
 */
@Service
public class Evaluations {

    /** An import that made no progress for this long was cut off by a restart. */
    private static final Duration STALLED = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(Evaluations.class);
    private final EvaluationStore store;
    private final ConversationIntake intake;
    private final Conversations conversations;
    private final ConversationAnalyses analyses;
    private final JsonMapper json;
    private final TextSimilarity similarity = TextSimilarity.miniLm();

    Evaluations(EvaluationStore store, ConversationIntake intake, Conversations conversations, ConversationAnalyses analyses,
                JsonMapper json) {
        this.store = store;
        this.intake = intake;
        this.conversations = conversations;
        this.analyses = analyses;
        this.json = json;
    }

    /** Records the run and starts importing; answers at once with status importing. */
    public EvaluationRun create(String name, String createdBy, List<LabelledFile> files) {
        UUID id = UUID.randomUUID();
        ArrayNode items = json.createArrayNode();
        for (LabelledFile f : files) {
            ObjectNode item = items.addObject().put("id", f.id());
            item.set("labels", f.labels());
            ArrayNode turns = item.putArray("turns");
            TranscriptMetadata.turnTexts(f.transcriptJson()).forEach(turns::add);
        }
        store.create(id, name == null || name.isBlank() ? "Evaluation of " + files.size() + " conversations" : name.strip(),
                createdBy, files.size(), items);
        TenantId tenant = TenantContext.require();
        Thread.ofVirtual().name("evaluation-import-" + id).start(() -> TenantContext.runAs(tenant, () -> importAll(id, files, items)));
        return get(id);
    }

    private void importAll(UUID run, List<LabelledFile> files, ArrayNode items) {
        int imported = 0;
        int refused = 0;
        try {
            for (int i = 0; i < files.size(); i++) {
                LabelledFile f = files.get(i);
                ObjectNode item = (ObjectNode) items.get(i);
                try {
                    var accepted = intake.accept(new IntakeInput.TranscriptFile(f.transcript(), f.id() + ".json", "verbatim"),
                            TranscriptMetadata.of(f.id(), f.transcriptJson(), "evaluation-" + run), null);
                    item.put("conversation_id", accepted.conversation().id().toString());
                    imported++;
                } catch (ProblemException e) {
                    item.put("refused", e.type() + ": " + e.getMessage());
                    refused++;
                } catch (RuntimeException e) {
                    item.put("refused", e.getClass().getSimpleName() + ": " + e.getMessage());
                    refused++;
                }
                if (i % 25 == 24) {
                    store.progress(run, imported, refused);
                }
            }
            store.imported(run, imported, refused, items);
        } catch (RuntimeException e) {
            log.warn("Evaluation run {} stopped importing", run, e);
            store.failed(run, "import stopped: " + e.getMessage());
        }
    }

    public EvaluationRun get(UUID id) {
        EvaluationStore.Stored stored = store.find(id).orElseThrow(() -> ProblemException.notFound("evaluation " + id));
        EvaluationRun run = stored.run();
        if (run.status().equals("importing") && stored.updatedAt().toInstant().isBefore(Instant.now().minus(STALLED))) {
            store.failed(id, "interrupted: the import made no progress for " + STALLED.toMinutes() + " minutes");
        } else if (run.status().equals("analysing")) {
            refresh(id, run, stored.items());
        } else {
            return run;
        }
        return store.find(id).orElseThrow().run();
    }

    public List<EvaluationRun> list() {
        return store.list(100);
    }

    /** Counts what is analysed; when nothing is left waiting, scores the run. */
    private void refresh(UUID id, EvaluationRun run, JsonNode items) {
        int analysed = 0;
        int failed = 0;
        boolean waiting = false;
        List<Optional<Conversation>> found = new ArrayList<>();
        for (JsonNode item : items) {
            Optional<Conversation> c = item.hasNonNull("conversation_id")
                    ? conversations.find(UUID.fromString(item.get("conversation_id").asString())) : Optional.empty();
            found.add(c);
            if (c.isEmpty()) {
                continue;
            }
            ConversationStatus status = c.get().status();
            boolean scored = hasAnalysis(c.get());
            analysed += scored ? 1 : 0;
            failed += !scored && status == ConversationStatus.FAILED ? 1 : 0;
            waiting |= !scored && status != ConversationStatus.FAILED;
        }
        if (waiting) {
            if (analysed != run.analysed() || failed != run.failed()) {
                store.analysing(id, analysed, failed);
            }
            return;
        }
        List<LabelledCall> calls = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            calls.add(labelled(items.get(i), found.get(i)));
        }
        EvaluationReport report = Scoring.score(calls, similarity);
        store.done(id, analysed, failed, json.valueToTree(report));
    }

    /**
     * The analysis exists once the {@code analysed} stage completed: later stages (the Ask index) do not change
     * it, so the evaluation need not wait for them.
     */
    static boolean hasAnalysis(Conversation c) {
        return c.status() == ConversationStatus.COMPLETED || "analysed".equals(c.stage()) || "indexed".equals(c.stage());
    }

    private LabelledCall labelled(JsonNode item, Optional<Conversation> conversation) {
        String id = item.path("id").asString();
        List<String> turns = new ArrayList<>();
        item.path("turns").forEach(t -> turns.add(t.asString()));
        if (conversation.isEmpty()) {
            String why = item.path("refused").asString(item.hasNonNull("conversation_id") ? "conversation deleted" : "not imported");
            return new LabelledCall(id, item.get("labels"), turns, null, null, why);
        }
        Conversation c = conversation.get();
        if (c.status() == ConversationStatus.FAILED && !hasAnalysis(c)) {
            return new LabelledCall(id, item.get("labels"), turns, null, null,
                    "failed at " + c.stage() + ": " + c.lastErrorType() + " " + c.lastError());
        }
        return analyses.find(c.id())
                .map(r -> new LabelledCall(id, item.get("labels"), turns, r.call(), r.qa(), null))
                .orElseGet(() -> new LabelledCall(id, item.get("labels"), turns, null, null, "no analysis"));
    }
}
