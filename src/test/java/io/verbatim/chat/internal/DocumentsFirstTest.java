package io.verbatim.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.ask.PassageHit;
import io.verbatim.ask.SourceKind;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A persona's documents lead its answer and its calls follow, each kind keeping the search's order. */
class DocumentsFirstTest {

    private static PassageHit hit(SourceKind kind, String id, double score) {
        return new PassageHit(kind, UUID.randomUUID(), id, 0, kind == SourceKind.DOCUMENT ? 1 : null,
                kind == SourceKind.DOCUMENT ? null : 12.0, null, id, id, score, 0.6, true, Map.of());
    }

    @Test
    void documentsComeBeforeCallsAndEachKindKeepsItsRank() {
        PassageHit call1 = hit(SourceKind.CONVERSATION, "call-1", 0.9);
        PassageHit doc1 = hit(SourceKind.DOCUMENT, "doc-1", 0.8);
        PassageHit call2 = hit(SourceKind.CONVERSATION, "call-2", 0.7);
        PassageHit doc2 = hit(SourceKind.DOCUMENT, "doc-2", 0.6);
        assertThat(ChatService.documentsFirst(List.of(call1, doc1, call2, doc2)).stream().map(PassageHit::passageId))
                .containsExactly("doc-1", "doc-2", "call-1", "call-2");
        assertThat(ChatService.documentsFirst(List.of(call1, call2)).stream().map(PassageHit::passageId)).containsExactly("call-1", "call-2");
        assertThat(ChatService.documentsFirst(List.of())).isEmpty();
    }
}
