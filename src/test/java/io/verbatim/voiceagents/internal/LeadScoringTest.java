package io.verbatim.voiceagents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The lead score: each factor's weight, the evidence it cites, the bounds, and recency ageing. */
class LeadScoringTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private static LeadScoring.CallFacts call(Instant at, String qualification, String booking, String sentiment, Double opportunity,
                                              Double talk, Map<String, Object> structured, String... lines) {
        return new LeadScoring.CallFacts(UUID.randomUUID(), at, qualification, booking, sentiment, opportunity, talk, structured,
                List.of(lines));
    }

    private static Map<String, LeadScoring.Factor> byName(LeadScoring.Result r) {
        return r.factors().stream().collect(Collectors.toMap(LeadScoring.Factor::factor, Function.identity()));
    }

    @Test
    void hotUrgentCallerWithBudgetScoresHighAndEachFactorIsExplained() {
        var c = call(NOW.minus(Duration.ofHours(2)), "hot", "not_booked", "positive", 80.0, 75.0, Map.of(),
                "Hi, my kitchen pipe is leaking, I need someone today.", "My budget is around $500.");
        var r = LeadScoring.score(List.of(c), NOW);
        var f = byName(r);
        assertThat(f.get("qualification").points()).isEqualTo(25);
        assertThat(f.get("intent").points()).isEqualTo(12);
        assertThat(f.get("urgency").points()).isEqualTo(15);
        assertThat(f.get("urgency").quote()).isEqualTo("Hi, my kitchen pipe is leaking, I need someone today.");
        assertThat(f.get("urgency").conversationId()).isEqualTo(c.conversationId());
        assertThat(f.get("budget").points()).isEqualTo(10);
        assertThat(f.get("budget").quote()).contains("$500");
        assertThat(f.get("booked").points()).isZero();
        assertThat(f.get("sentiment").points()).isEqualTo(10);
        assertThat(f.get("recency").points()).isEqualTo(10);
        assertThat(f.get("engagement").points()).isEqualTo(2);
        assertThat(r.score()).isEqualTo(25 + 12 + 15 + 10 + 0 + 10 + 10 + 2);
        assertThat(r.factors()).extracting(LeadScoring.Factor::max).containsExactly(25, 15, 15, 10, 10, 10, 10, 5);
        assertThat(r.factors().stream().mapToInt(LeadScoring.Factor::max).sum()).isEqualTo(100);
    }

    @Test
    void coldCallerWithNothingSaidScoresLow() {
        var c = call(NOW.minus(Duration.ofDays(40)), "cold", "not_booked", "negative", 0.0, 5.0, Map.of(), "Wrong number, sorry.");
        var r = LeadScoring.score(List.of(c), NOW);
        assertThat(r.score()).isEqualTo(5);
        assertThat(byName(r).get("urgency").detail()).isEqualTo("no urgency said");
        assertThat(byName(r).get("recency").points()).isZero();
    }

    @Test
    void structuredDataCountsAndTheBestQualificationAndLatestSentimentWin() {
        var first = call(NOW.minus(Duration.ofDays(3)), "hot", null, "positive", 40.0, 50.0, Map.of("urgency", "high"), "Hello.");
        var second = call(NOW.minus(Duration.ofDays(1)), "warm", "booked", "neutral", 20.0, 20.0, Map.of("budget", "$200"), "Thanks.");
        var r = LeadScoring.score(List.of(second, first), NOW);
        var f = byName(r);
        assertThat(f.get("qualification").points()).isEqualTo(25);
        assertThat(f.get("qualification").conversationId()).isEqualTo(first.conversationId());
        assertThat(f.get("urgency").points()).isEqualTo(15);
        assertThat(f.get("urgency").detail()).contains("structured data");
        assertThat(f.get("budget").conversationId()).isEqualTo(second.conversationId());
        assertThat(f.get("booked").points()).isEqualTo(10);
        assertThat(f.get("sentiment").points()).isEqualTo(5);
        assertThat(f.get("engagement").points()).isEqualTo(5);
        assertThat(r.score()).isBetween(0, 100);
    }

    @Test
    void recencyFallsLinearlyToNothingAtThirtyDaysAndAStoredScoreAges() {
        assertThat(LeadScoring.recency(NOW.minus(Duration.ofHours(23)), null, NOW).points()).isEqualTo(10);
        assertThat(LeadScoring.recency(NOW.minus(Duration.ofDays(15)), null, NOW).points()).isEqualTo(5);
        assertThat(LeadScoring.recency(NOW.minus(Duration.ofDays(30)), null, NOW).points()).isZero();
        assertThat(LeadScoring.recency(NOW.minus(Duration.ofDays(90)), null, NOW).points()).isZero();

        Instant at = NOW.minus(Duration.ofHours(1));
        var fresh = LeadScoring.score(List.of(call(at, "warm", null, "neutral", null, null, Map.of(), "Hi.")), NOW);
        var aged = LeadScoring.reage(fresh.factors(), at, null, NOW.plus(Duration.ofDays(40)));
        assertThat(fresh.score() - aged.score()).isEqualTo(10);
        assertThat(byName(aged).get("qualification")).isEqualTo(byName(fresh).get("qualification"));
    }
}
