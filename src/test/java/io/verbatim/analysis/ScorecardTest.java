package io.verbatim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import io.verbatim.speech.Transcript;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Scoring, applicability, must-not-occur, auto-fail and scorecard selection, through the public API. */
class ScorecardTest {

    private static final String CONFIG = """
            {"version": 1,
             "conditions": {"greets": {"type": "phrase", "any": ["hello", "buenos dias"], "speaker": "agent", "window": {"first_turns": 1}}},
             "scorecards": [
              {"key": "general", "name": "General", "pass_threshold": 60, "sections": [
                {"key": "open", "weight": 1, "items": [
                  {"key": "greeting", "weight": 1, "rule": {"type": "ref", "name": "greets"}},
                  {"key": "named", "weight": 3, "rule": {"type": "agent_name", "window": {"first_turns": 2}}}]},
                {"key": "verify", "weight": 2, "items": [
                  {"key": "verified_customer", "rule": {"type": "before",
                       "first": {"type": "phrase", "any": ["verify"], "speaker": "agent"},
                       "then": {"type": "phrase", "any": ["your account"], "speaker": "agent"}},
                   "applicable_when": {"type": "phrase", "any": ["verify", "your account"], "speaker": "agent"}, "auto_fail": true}]},
                {"key": "conduct", "weight": 1, "items": [
                  {"key": "interrupted_customer", "rule": {"type": "interruption", "by": "agent"}, "must_not_occur": true}]}]},
              {"key": "sales", "priority": 5, "applies_to": {"channels": ["field_visit"]}, "sections": [
                {"key": "s", "items": [{"key": "greeting", "rule": {"type": "ref", "name": "greets"}}]}]},
              {"key": "sales_spanish", "priority": 5, "applies_to": {"channels": ["field_visit"], "languages": ["es"]}, "sections": [
                {"key": "s", "items": [{"key": "greeting", "rule": {"type": "ref", "name": "greets"}}]}]}]}
            """;

    private final Analyst analyst = new Analyst();
    private final QaConfig config = QaConfigs.parse(CONFIG);

    @Test
    void weightedScoreLeavesOutNotApplicableItems() {
        Transcript t = Calls.of(
                "agent", 0, 3, "Hello, thanks for calling, this is Dana.",
                "customer", 3.5, 6, "Hi, I have a question about opening hours.",
                "agent", 6.5, 9, "We're open nine to five.");
        ScorecardResult r = score(t, "Dana Smith");
        assertThat(r.scorecard()).isEqualTo("general");
        assertThat(r.item("greeting").result()).isEqualTo(ItemStatus.MET);
        assertThat(r.item("greeting").evidence()).singleElement().satisfies(e -> {
            assertThat(e.turn()).isZero();
            assertThat(e.start()).isZero();
            assertThat(e.quote()).isEqualTo("Hello, thanks for calling, this is Dana.");
        });
        assertThat(r.item("named").result()).isEqualTo(ItemStatus.MET);
        assertThat(r.item("verified_customer").result()).isEqualTo(ItemStatus.NOT_APPLICABLE);
        assertThat(r.item("verified_customer").passed()).isNull();
        assertThat(r.item("interrupted_customer").result()).isEqualTo(ItemStatus.NOT_MET);
        assertThat(r.item("interrupted_customer").passed()).isTrue();
        assertThat(r.sections()).filteredOn(s -> s.key().equals("verify")).singleElement()
                .satisfies(s -> assertThat(s.score()).isNull());
        assertThat(r.score()).isEqualTo(100.0);
        assertThat(r.passed()).isTrue();
    }

    @Test
    void interruptionAndFailedAutoFailItem() {
        Transcript t = Calls.of(
                "agent", 0, 2, "Billing.",
                "customer", 2.5, 8, "My bill is wrong and I want to know why it—",
                "agent", 7.2, 10, "Your account shows a past due amount.",
                "customer", 10.5, 12, "That's not right.",
                "agent", 12.5, 14, "Let me verify a couple of things.");
        ScorecardResult r = score(t, null);
        assertThat(r.item("greeting").result()).isEqualTo(ItemStatus.NOT_MET);
        assertThat(r.item("named").result()).isEqualTo(ItemStatus.NOT_MET);
        assertThat(r.item("interrupted_customer").result()).isEqualTo(ItemStatus.MET);
        assertThat(r.item("interrupted_customer").passed()).isFalse();
        assertThat(r.item("interrupted_customer").evidence()).extracting(Evidence::turn).containsExactly(2);
        assertThat(r.item("verified_customer").result()).isEqualTo(ItemStatus.NOT_MET);
        assertThat(r.autoFailed()).isTrue();
        assertThat(r.autoFailedBy()).containsExactly("verified_customer");
        assertThat(r.score()).isZero();
        assertThat(r.rawScore()).isEqualTo(0.0);
        assertThat(r.passed()).isFalse();
    }

    @Test
    void sectionScoresAreWeighted() {
        Transcript t = Calls.of(
                "agent", 0, 3, "Hello there.",
                "customer", 3.5, 6, "Hi.",
                "agent", 6.5, 9, "First let me verify you. Okay, your account is fine.");
        ScorecardResult r = score(t, "Priya");
        // open: greeting 1 of weights 1+3 -> 25; verify: 100; conduct: 100 -> (25*1 + 100*2 + 100*1) / 4
        assertThat(r.sections()).extracting(SectionResult::score).containsExactly(25.0, 100.0, 100.0);
        assertThat(r.score()).isEqualTo(81.3);
    }

    @Test
    void selectionByAttributesPriorityAndSpecificity() {
        Transcript en = Calls.of("agent", 0, 2, "Hello!");
        Transcript es = Calls.in("es-419", "agent", 0, 2, "¡Buenos días!");
        ConversationAttributes field = new ConversationAttributes(Channel.FIELD_VISIT, Direction.IN_PERSON, Set.of(), null);
        assertThat(analyst.analyse(en, field, config, null).scorecard().scorecard()).isEqualTo("sales");
        assertThat(analyst.analyse(es, field, config, null).scorecard().scorecard()).isEqualTo("sales_spanish");
        assertThat(analyst.analyse(es, field, config, null).scorecard().item("greeting").result()).isEqualTo(ItemStatus.MET);
        assertThat(analyst.analyse(en, ConversationAttributes.unknown(), config, null).scorecard().scorecard()).isEqualTo("general");
    }

    @Test
    void noApplicableScorecardIsAWarningNotAFailure() {
        QaConfig only = QaConfigs.parse("""
                {"scorecards": [{"key": "k", "applies_to": {"tags_any": ["vip"]},
                  "sections": [{"key": "s", "items": [{"key": "i", "rule": {"type": "phrase", "any": ["x"]}}]}]}]}
                """);
        AnalysisResult r = analyst.analyse(Calls.of("agent", 0, 1, "Hi."), ConversationAttributes.unknown(), only, null);
        assertThat(r.scorecard()).isNull();
        assertThat(r.warnings()).anyMatch(w -> w.contains("no scorecard"));
        assertThat(r.summary()).isNotNull();
    }

    private ScorecardResult score(Transcript t, String agentName) {
        return analyst.analyse(t, new ConversationAttributes(Channel.PHONE, Direction.INBOUND, Set.of(), agentName), config, null)
                .scorecard();
    }
}
