package io.verbatim.ask.internal;

import io.verbatim.ask.AccessKeys;
import io.verbatim.ask.SourceKind;
import io.verbatim.ask.SourcePassage;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The Lucene document of one passage of any source, as a replica builds it from PostgreSQL: BM25 text,
 * the HNSW vector, the access keys as exact terms (collections, facets) and a point range for the
 * date, and what a hit returns, stored. Conversation passages keep the field names Ask's filters use.
 */
final class PassageDocuments {

    static final String SOURCE = "source";
    static final String SOURCE_ID = "source_id";
    static final String KIND = "kind";
    static final String COLLECTION = "collection_id";
    static final String PAGE = "page";
    static final String SECOND = "second";
    static final String SPEAKER = "speaker";
    /** Prefix of stored metadata fields ({@code m:turns}). */
    static final String META = "m:";
    /** Field names a facet key may not take. */
    static final Set<String> RESERVED = Set.of(ChunkDocuments.ID, ChunkDocuments.CONVERSATION, ChunkDocuments.TENANT,
            ChunkDocuments.AT, ChunkDocuments.TEXT, ChunkDocuments.VECTOR, ChunkDocuments.FIRST, ChunkDocuments.SEQ,
            SOURCE, SOURCE_ID, KIND, COLLECTION, PAGE, SECOND, SPEAKER);

    private PassageDocuments() {
    }

    /** The term that names all passages of one source (replaced and deleted together). */
    static Term sourceTerm(SourceKind kind, UUID sourceId) {
        return new Term(SOURCE, kind.wire() + ":" + sourceId);
    }

    static Document document(String tenant, SourceKind kind, UUID sourceId, int seq, SourcePassage passage, float[] vector,
                             AccessKeys access) {
        return document(tenant, kind, sourceId, seq, passage, vector, MiniLmEmbedder.MODEL, access);
    }

    /** {@code model} made {@code vector}: it goes to that model's field ({@link ChunkDocuments#vectorField}). */
    static Document document(String tenant, SourceKind kind, UUID sourceId, int seq, SourcePassage passage, float[] vector,
                             String model, AccessKeys access) {
        Document doc = new Document();
        String id = sourceId.toString();
        doc.add(new StringField(ChunkDocuments.ID, id + ":" + seq, Field.Store.YES));
        doc.add(new StringField(SOURCE, kind.wire() + ":" + id, Field.Store.NO));
        doc.add(new StringField(SOURCE_ID, id, Field.Store.YES));
        doc.add(new StringField(KIND, kind.wire(), Field.Store.YES));
        if (kind == SourceKind.CONVERSATION) {
            doc.add(new StringField(ChunkDocuments.CONVERSATION, id, Field.Store.YES));
        }
        doc.add(new StringField(ChunkDocuments.TENANT, tenant, Field.Store.NO));
        access.collectionIds().forEach(c -> doc.add(new StringField(COLLECTION, c.toString(), Field.Store.NO)));
        access.facets().forEach((key, values) -> {
            if (RESERVED.contains(key) || key.startsWith(META) || key.startsWith(ChunkDocuments.VECTOR)) {
                throw new IllegalArgumentException("Reserved facet name: " + key);
            }
            values.forEach(v -> doc.add(new StringField(key, v, Field.Store.YES)));
        });
        if (access.at() != null) {
            doc.add(new LongField(ChunkDocuments.AT, access.at().toEpochMilli(), Field.Store.YES));
        }
        if (seq == 0) {
            doc.add(new StringField(ChunkDocuments.FIRST, "1", Field.Store.NO));
        }
        doc.add(new IntField(ChunkDocuments.SEQ, seq, Field.Store.YES));
        doc.add(new TextField(ChunkDocuments.TEXT, passage.text(), Field.Store.YES));
        doc.add(new KnnFloatVectorField(ChunkDocuments.vectorField(model), vector, VectorSimilarityFunction.DOT_PRODUCT));
        if (passage.page() != null) {
            doc.add(new StoredField(PAGE, passage.page()));
        }
        if (passage.second() != null) {
            doc.add(new StoredField(SECOND, passage.second()));
        }
        if (passage.speaker() != null) {
            doc.add(new StoredField(SPEAKER, passage.speaker()));
        }
        passage.metadata().forEach((k, v) -> {
            if (v != null) {
                doc.add(new StoredField(META + k, v));
            }
        });
        return doc;
    }

    /** The stored metadata of a hit, without the prefix. */
    static Map<String, String> metadata(Document doc) {
        Map<String, String> out = new HashMap<>();
        for (IndexableField f : doc.getFields()) {
            if (f.name().startsWith(META) && f.stringValue() != null) {
                out.put(f.name().substring(META.length()), f.stringValue());
            }
        }
        return out;
    }
}
