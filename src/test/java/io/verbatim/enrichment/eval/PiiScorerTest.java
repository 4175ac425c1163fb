package io.verbatim.enrichment.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.enrichment.PiiEntity;
import io.verbatim.enrichment.PiiType;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The three counts of a find that spans two gold mentions (Harper Valley labels first and last name apart). */
class PiiScorerTest {

    private static final String TEXT = "hi my name is robert johnson and my card ends 4411";

    private static PiiEntity find(PiiType type, String text) {
        int at = TEXT.indexOf(text);
        return new PiiEntity(type, 0, at, at + text.length(), text, Speaker.CUSTOMER, 0, 1, "estimated", "test", null);
    }

    private static PiiScorer.Scored score(String labels, PiiEntity... found) {
        Transcript transcript = new Transcript("en-US", "test", 2,
                List.of(new Turn(Speaker.CUSTOMER, Speaker.CUSTOMER.wire(), null, 0, 2, TEXT, List.of(), null)), true);
        JsonNode gold = JsonMapper.builder().build().readTree(labels);
        return PiiScorer.score(transcript, gold, List.of(found), Set.of("robert", "johnson"));
    }

    @Test
    void oneSpanOverTwoGoldNamesIsOneHitOneToOneAndTwoByTokenAndCover() {
        PiiScorer.Scored s = score("""
                {"pii": [{"turn": 0, "type": "NAME", "text": "robert"}, {"turn": 0, "type": "NAME", "text": "johnson"}]}""",
                find(PiiType.NAME, "robert johnson"));
        assertThat(s.counts().get(PiiType.NAME)).isEqualTo(new EnrichmentEvaluation.Counts(1, 0, 1));
        assertThat(s.covered().get(PiiType.NAME)).isEqualTo(2);
        assertThat(s.tokens().get(PiiType.NAME)).isEqualTo(new EnrichmentEvaluation.Counts(2, 0, 0));
        assertThat(s.caller()).containsExactly(2, 2);
    }

    @Test
    void tokensCountWrongTypesAndPartialSpansPerWord() {
        // gold "robert johnson" as one mention, found only "johnson"; gold card "4411" found as an account
        PiiScorer.Scored s = score("""
                {"pii": [{"turn": 0, "type": "NAME", "text": "robert johnson"}, {"turn": 0, "type": "CARD_NUMBER", "text": "4411"}]}""",
                find(PiiType.NAME, "johnson"), find(PiiType.ACCOUNT_NUMBER, "4411"));
        assertThat(s.counts().get(PiiType.NAME)).isEqualTo(new EnrichmentEvaluation.Counts(1, 0, 0));
        assertThat(s.tokens().get(PiiType.NAME)).isEqualTo(new EnrichmentEvaluation.Counts(1, 0, 1));
        assertThat(s.tokens().get(PiiType.CARD_NUMBER)).isEqualTo(new EnrichmentEvaluation.Counts(0, 0, 1));
        assertThat(s.tokens().get(PiiType.ACCOUNT_NUMBER)).isEqualTo(new EnrichmentEvaluation.Counts(0, 1, 0));
    }
}
