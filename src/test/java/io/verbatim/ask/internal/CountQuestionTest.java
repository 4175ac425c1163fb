package io.verbatim.ask.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CountQuestionTest {

    // A Wednesday.
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 18, 15, 30, 0, 0, ZoneOffset.UTC);

    @Test
    void aPriceObjectionCountLastWeekIsThePreviousCalendarWeek() {
        CountQuestion q = CountQuestion.parse("How many calls last week had a price objection?", NOW).orElseThrow();
        assertThat(q.from()).isEqualTo(Instant.parse("2026-11-09T00:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
        assertThat(q.period()).isEqualTo("last week (2026-11-09 to 2026-11-15)");
        assertThat(q.objections()).containsExactly("price");
        assertThat(q.anyObjection()).isFalse();
        assertThat(q.hasTopic()).isTrue();
        assertThat(q.topic()).isEqualTo("a price objection");
        assertThat(q.trend()).isFalse();
        assertThat(q.keywords()).contains("price", "cost", "expensive");
    }

    @Test
    void periodsInWords() {
        assertThat(CountQuestion.parse("how many calls in the last 30 days?", NOW).orElseThrow().from())
                .isEqualTo(Instant.parse("2026-10-19T15:30:00Z"));
        assertThat(CountQuestion.parse("how many calls yesterday", NOW).orElseThrow().period()).isEqualTo("yesterday (2026-11-17)");
        assertThat(CountQuestion.parse("how many calls this week", NOW).orElseThrow().period())
                .isEqualTo("this week (2026-11-16 to 2026-11-18)");
        assertThat(CountQuestion.parse("how many calls last month", NOW).orElseThrow().period())
                .isEqualTo("last month (2026-10-01 to 2026-10-31)");
        assertThat(CountQuestion.parse("how many calls in October had objections", NOW).orElseThrow().period())
                .isEqualTo("October 2026 (2026-10-01 to 2026-10-31)");
        assertThat(CountQuestion.parse("how many calls in december", NOW).orElseThrow().from())
                .isEqualTo(Instant.parse("2025-12-01T00:00:00Z"));
        assertThat(CountQuestion.parse("how many calls between 2026-10-05 and 2026-10-09?", NOW).orElseThrow().to())
                .isEqualTo(Instant.parse("2026-10-10T00:00:00Z"));
        assertThat(CountQuestion.parse("how many calls since 2026-10-05?", NOW).orElseThrow().period()).isEqualTo("since 2026-10-05");
        CountQuestion all = CountQuestion.parse("how many calls do we have?", NOW).orElseThrow();
        assertThat(all.from()).isNull();
        assertThat(all.hasTopic()).isFalse();
    }

    @Test
    void topicsTheAnalysisRecords() {
        CountQuestion any = CountQuestion.parse("How many conversations had objections this month?", NOW).orElseThrow();
        assertThat(any.anyObjection()).isTrue();
        assertThat(any.objections()).isEmpty();
        assertThat(CountQuestion.parse("how many calls mention a competitor", NOW).orElseThrow().objections())
                .containsExactly("competitor");
        assertThat(CountQuestion.parse("how many customers were angry last week", NOW).orElseThrow().sentiment()).isEqualTo("negative");
        assertThat(CountQuestion.parse("how many calls were escalated", NOW).orElseThrow().resolution()).isEqualTo("escalated");
        assertThat(CountQuestion.parse("how many calls booked an appointment?", NOW).orElseThrow().booking()).isEqualTo("booked");
        CountQuestion reason = CountQuestion.parse("how many cancellation calls last month?", NOW).orElseThrow();
        assertThat(reason.hasTopic()).isFalse();
        assertThat(reason.reasonWords()).containsExactly("cancellation");
        assertThat(CountQuestion.parse("what is the trend of price objections per week?", NOW).orElseThrow().trend()).isTrue();
    }

    @Test
    void ordinaryQuestionsAreNotCounts() {
        assertThat(CountQuestion.parse("Why did customers cancel last week?", NOW)).isEmpty();
        assertThat(CountQuestion.parse("Which calls mention a competitor?", NOW)).isEmpty();
        assertThat(CountQuestion.parse("What objections does csr1 struggle with?", NOW)).isEmpty();
    }
}
