package io.verbatim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptedPhrasesTest {

    @Test
    void phrasesOfNestedRulesTrackersAndCallReasonsAreCollectedOnce() {
        QaConfig config = QaConfigs.parse("""
                {"version": 1,
                 "conditions": {"thanks": {"type": "phrase", "any": ["thank you for calling", "thanks for calling"]}},
                 "scorecards": [{"key": "qa", "name": "QA", "sections": [{"key": "s", "name": "S", "items": [
                    {"key": "greeting", "name": "Greeting", "rule": {"type": "any_of", "conditions": [
                        {"type": "ref", "name": "thanks"},
                        {"type": "not", "condition": {"type": "phrase", "all": ["anything else", "help"]}},
                        {"type": "regex", "pattern": "hello+"}]}},
                    {"key": "empathy", "name": "Empathy", "rule": {"type": "semantic", "examples": ["I am sorry to hear that"],
                        "threshold": 0.6}}]}]}],
                 "trackers": [{"key": "price", "name": "Price", "rule": {"type": "phrase", "any": ["too expensive", "thanks for calling"]}}],
                 "call_reasons": [{"key": "billing", "examples": ["a question about my bill"]}]}
                """);
        assertThat(ScriptedPhrases.of(config)).containsExactly("thank you for calling", "thanks for calling", "anything else", "help",
                "I am sorry to hear that", "too expensive", "a question about my bill");
    }

    @Test
    void theShippedScorecardsListenForTheirScriptedLines() {
        List<String> phrases = ScriptedPhrases.of(QaConfigs.defaults());
        assertThat(phrases).contains("thank you for calling").doesNotHaveDuplicates();
    }
}
