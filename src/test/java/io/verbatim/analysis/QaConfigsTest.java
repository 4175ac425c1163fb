package io.verbatim.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class QaConfigsTest {

    @Test
    void defaultsParseAndCoverEveryUseCase() {
        QaConfig d = QaConfigs.defaults();
        assertThat(d.scorecards()).extracting(Scorecard::key).containsExactly("contact_centre_support", "csr_booking_call",
                "in_home_sales_visit", "mystery_shop", "voice_agent_booking");
        for (Scorecard card : d.scorecards()) {
            List<String> keys = card.sections().stream().flatMap(s -> s.items().stream()).map(ScorecardItem::key).toList();
            assertThat(keys).as(card.key()).contains("greeting", "identified_self", "verified_customer", "showed_empathy",
                    "identified_needs", "offered_solution", "asked_for_sale_or_booking", "confirmed_next_steps", "closing",
                    "value_added", "interrupted_customer");
        }
        assertThat(d.trackers()).isNotEmpty();
    }

    @Test
    void writeThenReadIsTheSameConfig() {
        QaConfig d = QaConfigs.defaults();
        QaConfig again = QaConfigs.parse(QaConfigs.write(d));
        assertThat(again).isEqualTo(d);
        assertThat(QaConfigs.validate(d)).isEqualTo(d);
    }

    @Test
    void aCallReasonTaxonomyRoundTripsAndAKeyAloneIsEnough() {
        QaConfig c = QaConfigs.defaults().withCallReasons(List.of(new CallReasonDefinition("replace_card", null, List.of()),
                new CallReasonDefinition("pay_bill", "paying a company from an account", List.of("I would like to pay a bill"))));
        QaConfig again = QaConfigs.parse(QaConfigs.write(c));
        assertThat(again).isEqualTo(c);
        assertThat(again.callReasons().get(0).keyWords()).isEqualTo("replace card");
        assertThat(QaConfigs.defaults().callReasons()).isEmpty();
    }

    @Test
    void everyErrorIsReportedWithItsJsonPath() {
        String json = """
                {"version": 1,
                 "conditions": {"loop_a": {"type": "ref", "name": "loop_b"}, "loop_b": {"type": "ref", "name": "loop_a"},
                                "bad_rx": {"type": "regex", "pattern": "(unclosed"}},
                 "scorecards": [{"key": "card", "name": "Card", "applies_to": {"channels": ["telepathy"]},
                   "sections": [{"key": "s", "weight": -1, "items": [
                     {"key": "a", "rule": {"type": "phrase", "any": ["hi"], "window": {"first_turns": 1, "last_turns": 2}}},
                     {"key": "a", "rule": {"type": "semantic", "examples": ["hello"], "threshold": 1.5}},
                     {"key": "b", "rule": {"type": "ref", "name": "missing"}, "colour": "red"},
                     {"key": "c", "rule": {"type": "magic"}}]}]}]}
                """;
        assertThatThrownBy(() -> QaConfigs.parse(json))
                .isInstanceOfSatisfying(QaConfigException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.type()).isEqualTo("invalid-qa-config");
                    assertThat(e.errors()).extracting(QaConfigException.Error::path).contains(
                            "$.conditions.bad_rx.pattern",
                            "$.scorecards[0].applies_to.channels[0]",
                            "$.scorecards[0].sections[0].weight",
                            "$.scorecards[0].sections[0].items[0].rule.window",
                            "$.scorecards[0].sections[0].items[1].rule.threshold",
                            "$.scorecards[0].sections[0].items[1].key",
                            "$.scorecards[0].sections[0].items[2].rule.name",
                            "$.scorecards[0].sections[0].items[2].colour",
                            "$.scorecards[0].sections[0].items[3].rule.type");
                    assertThat(e.properties()).containsKey("errors");
                    assertThat(e.getMessage()).startsWith("$.");
                });
    }

    @Test
    void referenceCyclesAreRejected() {
        String json = """
                {"conditions": {"a": {"type": "any_of", "conditions": [{"type": "ref", "name": "b"}]},
                                "b": {"type": "not", "condition": {"type": "ref", "name": "a"}}},
                 "scorecards": [{"key": "k", "sections": [{"key": "s", "items": [{"key": "i", "rule": {"type": "ref", "name": "a"}}]}]}]}
                """;
        assertThatThrownBy(() -> QaConfigs.parse(json)).isInstanceOfSatisfying(QaConfigException.class,
                e -> assertThat(e.errors().get(0).message()).contains("refers to itself"));
    }

    @Test
    void notJsonIsAProblemToo() {
        assertThatThrownBy(() -> QaConfigs.parse("{nope")).isInstanceOf(QaConfigException.class)
                .hasMessageContaining("not valid JSON");
    }
}
