package io.verbatim.enrichment;

import static io.verbatim.enrichment.Conversations.ENRICHER;
import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.ingest.transcripts.TranscriptImporters;
import io.verbatim.speech.Transcript;
import io.verbatim.support.TestData;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The enrichment as the pipeline writes it (the app's snake_case JSON), on a real call. */
class EnrichmentJsonTest {

    @Test
    void serialisesCleanlyAndEveryMentionPointsAtItsText() throws Exception {
        Transcript t = new TranscriptImporters().read(Files.readAllBytes(TestData.call("sup_003.json")));
        Enrichment e = ENRICHER.enrich(t, new EnrichmentOptions(null, "Priya Raman", "Kevin O'Donnell"));
        JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        JsonNode tree = json.readTree(json.writeValueAsString(e));

        assertThat(tree.get("version").asString()).isEqualTo(Enrichment.VERSION);
        assertThat(tree.get("language").get("tag").asString()).isEqualTo("en-US");
        assertThat(tree.get("sentiment").get("customer").asString()).isEqualTo("positive");
        assertThat(tree.get("sentiment").get("trend").asString()).isEqualTo("improving");
        assertThat(tree.get("sentiment").get("turns").get(0).get("speaker").asString()).isEqualTo("agent");
        assertThat(tree.get("talk").get("speakers")).hasSize(2);
        JsonNode card = tree.get("pii").valueStream().filter(p -> p.get("type").asString().equals("CARD_NUMBER")).findFirst().orElseThrow();
        assertThat(card.get("turn").asInt()).isEqualTo(9);
        assertThat(card.get("text").asString()).isEqualTo("4539 1488 0343 6467");
        assertThat(card.has("start_char")).isTrue();
        for (JsonNode p : tree.get("pii")) {
            String text = t.turns().get(p.get("turn").asInt()).text();
            assertThat(text.substring(p.get("start_char").asInt(), p.get("end_char").asInt())).isEqualTo(p.get("text").asString());
        }
        assertThat(tree.get("redacted_turns").get(9).get("text").asString()).contains("[CARD_NUMBER]").doesNotContain("4539");
        assertThat(json.readValue(json.writeValueAsString(e), Enrichment.class)).isEqualTo(e);
    }
}
