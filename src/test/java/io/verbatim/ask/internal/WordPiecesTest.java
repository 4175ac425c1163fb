package io.verbatim.ask.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The word pieces cut in Java are the HuggingFace tokenizer's, id for id, on real documents and edge cases. */
class WordPiecesTest {

    private final HuggingFaceTokenizer tokenizer = tokenizer();
    private final WordPieces pieces = WordPieces.read(resource(), tokenizer);

    @Test
    void theLicenceTextsGiveTheTokenizersIds() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/evaluation/documents/licences"))) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(9);
        int compared = 0;
        for (Path file : files) {
            for (String paragraph : Files.readString(file, StandardCharsets.UTF_8).split("\n\\s*\n")) {
                assertSame(paragraph);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(400);
    }

    @Test
    void edgeCasesGiveTheTokenizersIds() {
        for (String text : List.of("", "   ", "Hello, WORLD!! It's 3.50$/month (tax incl.) -- e-mail: a_b@example.com #1 ~x~ {y} [z] `q` \"r\" <s> |t| ^u \\v",
                "Café naïve résumé — “quoted” ‘single’ … 50 € ½", "straße İstanbul ΣΊΣΥΦΟΣ", "日本語のテキスト and English", "tab\there\r\nnew\u000Bline\u000Cfeed",
                "ctrl\u0001char\u007Fdel\u0000nul", "no\u00A0break\u2003em space", "[CLS] a [SEP] b [MASK] [PAD] [UNK] [cls]", "[notspecial]",
                "x".repeat(100), "x".repeat(101), "supercalifragilisticexpialidocious antidisestablishmentarianism", "qqqqzzzzxxxx ü😀 emoji😀word",
                "Grüße aus Köln: Straßenbahn, Bürgersteig, Führerschein, Öffnungszeiten, Überweisung, Käse, Brötchen and one café",
                "Customer: I'd like to RESCHEDULE my appointment for 9:30am on 12/06/2026, ok?")) {
            assertSame(text);
        }
    }

    @Test
    void spanishCallsGiveTheTokenizersIds() throws IOException {
        // accented words take the fast path after BERT's own accent stripping; the ids must not move
        int compared = 0;
        for (String id : List.of("ms_005", "ms_008")) {
            Path call = Path.of(System.getProperty("verbatim.testdata", "../shared/testdata"), "calls", id + ".json");
            for (var turn : tools.jackson.databind.json.JsonMapper.builder().build().readTree(call.toFile()).path("turns")) {
                assertSame(turn.path("text").asString());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(20);
        for (String text : List.of("¿Cómo está? ¡Muy bien! Señor Núñez, información, añadir, pingüino, acción",
                "Ça coûte très cher, garçon; où est l'hôtel? Æsop Œuvre Øre ǅemal İzmir", "e\u0301 combining, Ａ fullwidth, ŉ ǰ",
                "árbol ".repeat(20) + "¿qué?")) {
            assertSame(text);
        }
    }

    private void assertSame(String text) {
        long[] expected = tokenizer.encode(text, false, false).getIds();
        List<Integer> actual = new ArrayList<>();
        pieces.ids(text, actual::add);
        assertThat(actual).as(text).containsExactlyElementsOf(java.util.Arrays.stream(expected).mapToObj(v -> (int) v).toList());
    }

    private static InputStream resource() {
        return AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(StaticEmbedder.TOKENIZER);
    }

    private static HuggingFaceTokenizer tokenizer() {
        try (InputStream in = resource()) {
            return HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "false"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
