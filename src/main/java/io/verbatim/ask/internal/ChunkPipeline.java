package io.verbatim.ask.internal;

import io.verbatim.speech.Turn;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;

/** Transcript -> chunks -> embeddings -> Lucene documents, for one conversation or a batch (one embedding call). */
final class ChunkPipeline {

    private final Chunker chunker;
    private final Embedder embedder;
    private final ChunkDocuments documents;

    ChunkPipeline(Chunker chunker, Embedder embedder, ChunkDocuments documents) {
        this.chunker = chunker;
        this.embedder = embedder;
        this.documents = documents;
    }

    record Prepared(ConversationFacts facts, List<Chunk> chunks) {
    }

    Prepared prepare(ConversationFacts facts, List<Turn> turns) {
        return new Prepared(facts, chunker.chunk(turns));
    }

    /** The documents of each prepared conversation, in order; all chunks are embedded in one call. */
    List<List<Document>> documents(List<Prepared> batch) {
        List<String> texts = new ArrayList<>();
        batch.forEach(p -> p.chunks().forEach(c -> texts.add(c.text())));
        List<float[]> vectors = embedder.embedAll(texts);
        List<List<Document>> out = new ArrayList<>(batch.size());
        int offset = 0;
        for (Prepared p : batch) {
            int n = p.chunks().size();
            out.add(documents.documents(p.facts(), p.chunks(), vectors.subList(offset, offset + n)));
            offset += n;
        }
        return out;
    }

    Chunker chunker() {
        return chunker;
    }
}
