package io.verbatim.ask.internal;

import io.verbatim.ask.AccessKeys;
import io.verbatim.ask.SourceKind;
import io.verbatim.ask.SourcePassage;
import io.verbatim.ask.internal.Chunk.ChunkTurn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Lucene document of one chunk: BM25 text, the HNSW vector, filter fields (exact terms and a
 * point range for the date), and what a citation needs, stored.
 */
final class ChunkDocuments {

    static final String ID = "id";
    static final String CONVERSATION = "conversation_id";
    static final String TENANT = "tenant";
    static final String AGENT = "agent_user_id";
    static final String TEAM = "team_id";
    static final String AT = "at";
    static final String CHANNEL = "channel";
    static final String DIRECTION = "direction";
    static final String TAG = "tag";
    static final String CATEGORY = "category";
    static final String OBJECTION = "objection";
    static final String SENTIMENT = "sentiment";
    static final String TEXT = "text";
    static final String VECTOR = "vector";

    /**
     * The index field of one embedding model's vectors: {@value #VECTOR} for all-MiniLM-L6-v2 (as before models were
     * recorded), {@code vector_<model>} for another, so a question's vector only meets passages of its own model.
     */
    static String vectorField(String model) {
        return model.equals(MiniLmEmbedder.MODEL) ? VECTOR : VECTOR + "_" + model.replaceAll("[^a-z0-9]", "_");
    }
    static final String FIRST = "first";
    static final String TURNS = PassageDocuments.META + "turns";
    static final String AGENT_NAME = PassageDocuments.META + "agent_name";
    static final String SEQ = "seq";
    /** The value of {@link #AGENT} and {@link #TEAM} when there is none (unassigned). */
    static final String NONE = "-";

    private static final TypeReference<List<StoredTurn>> STORED_TURNS = new TypeReference<>() { };
    private final JsonMapper json;

    ChunkDocuments(JsonMapper json) {
        this.json = json;
    }

    /** A turn as stored with its chunk: index, speaker, start, text, and the objections the analysis found in it. */
    record StoredTurn(int i, String s, double t, String x, List<String> o) {
    }

    /** A conversation's chunks as engine passages: the speaker-labelled text, the first turn's second, the turns stored. */
    List<SourcePassage> passages(ConversationFacts facts, List<Chunk> chunks) {
        List<SourcePassage> out = new ArrayList<>(chunks.size());
        for (Chunk chunk : chunks) {
            Map<String, String> metadata = new HashMap<>();
            metadata.put(TURNS.substring(PassageDocuments.META.length()), json.writeValueAsString(stored(chunk, facts)));
            if (facts.agentName() != null) {
                metadata.put(AGENT_NAME.substring(PassageDocuments.META.length()), facts.agentName());
            }
            out.add(new SourcePassage(chunk.text(), null, chunk.start(), chunk.turns().getFirst().speaker(), metadata));
        }
        return out;
    }

    /** The conversation's filter facts as access keys (role scope and the question filters). */
    static AccessKeys access(ConversationFacts facts) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facets.put(AGENT, List.of(facts.agentUserId() == null ? NONE : facts.agentUserId().toString()));
        facets.put(TEAM, List.of(facts.teamId() == null ? NONE : facts.teamId().toString()));
        facets.put(CHANNEL, List.of(facts.channel()));
        facets.put(DIRECTION, List.of(facts.direction()));
        facets.put(TAG, facts.tags());
        facets.put(CATEGORY, facts.categories());
        facets.put(OBJECTION, facts.objections());
        if (facts.sentiment() != null) {
            facets.put(SENTIMENT, List.of(facts.sentiment()));
        }
        return new AccessKeys(Set.of(), facets, facts.at());
    }

    /** The Lucene documents a replica builds for these chunks (tests index them directly). */
    List<Document> documents(ConversationFacts facts, List<Chunk> chunks, List<float[]> vectors) {
        List<SourcePassage> passages = passages(facts, chunks);
        AccessKeys access = access(facts);
        List<Document> docs = new ArrayList<>(chunks.size());
        for (int c = 0; c < chunks.size(); c++) {
            docs.add(PassageDocuments.document(facts.tenant(), SourceKind.CONVERSATION, facts.conversationId(), chunks.get(c).seq(),
                    passages.get(c), vectors.get(c), access));
        }
        return docs;
    }

    private static List<StoredTurn> stored(Chunk chunk, ConversationFacts facts) {
        List<StoredTurn> out = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        for (ChunkTurn t : chunk.turns()) {
            List<String> objections = seen.add(t.index()) ? facts.objectionTurns().getOrDefault(t.index(), List.of()) : List.of();
            out.add(new StoredTurn(t.index(), t.speaker(), t.start(), t.text(), objections.isEmpty() ? null : objections));
        }
        return out;
    }

    List<StoredTurn> turns(String storedJson) {
        return json.readValue(storedJson, STORED_TURNS);
    }
}
