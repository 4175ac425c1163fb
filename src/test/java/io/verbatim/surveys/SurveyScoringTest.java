package io.verbatim.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SurveyScoringTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode survey() throws Exception {
        return JSON.readTree(Files.readString(Path.of("src/test/resources/shopping/visita-sucursal.survey.json")));
    }

    @Test
    void weightsAndChoiceScoresMakeTheScore() throws Exception {
        // saludo 1 (w2), amabilidad 4 -> 0.75, oferta parcial 0.5, extras cafe 0.5, cierre true 1: (2 + .75 + .5 + .5 + 1) / 6
        SurveyScoring.Score s = SurveyScoring.score(survey(), JSON.readTree("""
                {"saludo": true, "amabilidad": 4, "oferta": "parcial", "extras": ["cafe"], "cierre": true}"""));
        assertThat(s.score()).isEqualByComparingTo("79.17");
        assertThat(s.criticalFailed()).isFalse();
        assertThat(s.scored()).isEqualTo(5);
        assertThat(s.missingRequired()).isEmpty();
    }

    @Test
    void notApplicableLeavesAQuestionOutAndACriticalFailFailsWhateverTheTotal() throws Exception {
        SurveyScoring.Score s = SurveyScoring.score(survey(), JSON.readTree("""
                {"saludo": false, "amabilidad": 5, "oferta": "n/a", "extras": ["cafe", "folleto"], "cierre": true}"""));
        // (0*2 + 1 + 1 + 1) / 5
        assertThat(s.score()).isEqualByComparingTo("60.00");
        assertThat(s.notApplicable()).isEqualTo(1);
        assertThat(s.failedCritical()).containsExactly("saludo");
    }

    @Test
    void skipLogicDecidesWhatIsAskedAndRequired() throws Exception {
        SurveyScoring.Score low = SurveyScoring.score(survey(), JSON.readTree("{\"saludo\": true, \"amabilidad\": 2}"));
        assertThat(low.missingRequired()).containsExactly("por_que");
        SurveyScoring.Score high = SurveyScoring.score(survey(), JSON.readTree("{\"saludo\": true, \"amabilidad\": 5, \"x\": 1}"));
        assertThat(high.missingRequired()).isEmpty();
        assertThat(high.unknown()).containsExactly("x");
        assertThat(SurveyScoring.score(survey(), JSON.readTree("{\"amabilidad\": 5}")).missingRequired()).containsExactly("saludo");
    }

    @Test
    void expressions() {
        JsonNode a = JSON.readTree("{\"a\": 3, \"b\": \"si\", \"c\": [\"x\", \"y\"], \"d\": true}");
        assertThat(SurveyExpression.evaluate("{a} > 2 and {b} = 'si'", a)).isTrue();
        assertThat(SurveyExpression.evaluate("{a} >= 4 or ({b} <> 'si')", a)).isFalse();
        assertThat(SurveyExpression.evaluate("{c} contains 'y' and {d} = true and {e} empty", a)).isTrue();
        assertThat(SurveyExpression.evaluate("not {e} notempty", a)).isTrue();
        assertThat(SurveyScoring.problems(JSON.readTree("""
                {"pages": [{"elements": [{"type": "text", "name": "q", "visibleIf": "{a} = "}, {"type": "text", "name": "q"}]}]}""")))
                .extracting(SurveyScoring.Problem::path)
                .containsExactly("$.pages[0].elements[0].visibleIf", "$.pages[0].elements[1].name");
    }
}
