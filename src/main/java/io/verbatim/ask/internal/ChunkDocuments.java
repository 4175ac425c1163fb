package io.verbatim.ask.internal;

import io.verbatim.ask.internal.Chunk.ChunkTurn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
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
    static final String FIRST = "first";
    static final String TURNS = "turns";
    static final String AGENT_NAME = "agent_name";
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

    List<Document> documents(ConversationFacts facts, List<Chunk> chunks, List<float[]> vectors) {
        List<Document> docs = new ArrayList<>(chunks.size());
        String conversation = facts.conversationId().toString();
        for (int c = 0; c < chunks.size(); c++) {
            Chunk chunk = chunks.get(c);
            Document doc = new Document();
            doc.add(new StringField(ID, conversation + ":" + chunk.seq(), Field.Store.YES));
            doc.add(new StringField(CONVERSATION, conversation, Field.Store.YES));
            doc.add(new StringField(TENANT, facts.tenant(), Field.Store.NO));
            doc.add(new StringField(AGENT, facts.agentUserId() == null ? NONE : facts.agentUserId().toString(), Field.Store.YES));
            doc.add(new StringField(TEAM, facts.teamId() == null ? NONE : facts.teamId().toString(), Field.Store.YES));
            doc.add(new LongField(AT, facts.at().toEpochMilli(), Field.Store.YES));
            doc.add(new StringField(CHANNEL, facts.channel(), Field.Store.YES));
            doc.add(new StringField(DIRECTION, facts.direction(), Field.Store.NO));
            facts.tags().forEach(t -> doc.add(new StringField(TAG, t, Field.Store.NO)));
            facts.categories().forEach(t -> doc.add(new StringField(CATEGORY, t, Field.Store.NO)));
            facts.objections().forEach(t -> doc.add(new StringField(OBJECTION, t, Field.Store.NO)));
            if (facts.sentiment() != null) {
                doc.add(new StringField(SENTIMENT, facts.sentiment(), Field.Store.NO));
            }
            if (chunk.seq() == 0) {
                doc.add(new StringField(FIRST, "1", Field.Store.NO));
            }
            if (facts.agentName() != null) {
                doc.add(new StoredField(AGENT_NAME, facts.agentName()));
            }
            doc.add(new IntField(SEQ, chunk.seq(), Field.Store.YES));
            doc.add(new TextField(TEXT, chunk.text(), Field.Store.NO));
            doc.add(new KnnFloatVectorField(VECTOR, vectors.get(c), VectorSimilarityFunction.DOT_PRODUCT));
            doc.add(new StoredField(TURNS, json.writeValueAsString(stored(chunk, facts))));
            docs.add(doc);
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
