package io.verbatim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import io.verbatim.ingest.transcripts.TranscriptImporters;
import io.verbatim.speech.Transcript;
import io.verbatim.support.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The whole analysis on real test calls: every result carries evidence that points into the transcript. */
class AnalystTest {

    private final Analyst analyst = new Analyst();

    private static Transcript call(String id) throws IOException {
        return new TranscriptImporters().read(Files.readAllBytes(TestData.call(id + ".json")));
    }

    /** One channel, roles guessed the wrong way round (the customer spoke first): the analysis reads it the right way. */
    @Test
    void guessedRolesTheWrongWayRoundAreSwappedForTheAnalysis() throws IOException {
        Transcript t = call("csr_008");
        Transcript mono = new Transcript(t.language(), t.source(), t.durationSeconds(), t.turns(), false);
        Transcript inverted = new Transcript(t.language(), t.source(), t.durationSeconds(),
                t.turns().stream().map(turn -> turn.withSpeaker(turn.speaker().other())).toList(), false);
        ConversationAttributes attributes = new ConversationAttributes(Channel.PHONE, Direction.INBOUND, Set.of("csr"), "Maria Santos");
        AnalysisResult right = analyst.analyse(mono, attributes, null, null);
        AnalysisResult fixed = analyst.analyse(inverted, attributes, null, null);
        assertThat(right.warnings()).noneMatch(w -> w.contains("swapped"));
        assertThat(fixed.warnings()).anyMatch(w -> w.contains("swapped"));
        assertThat(fixed.outcomes().bookingStatus()).isEqualTo(right.outcomes().bookingStatus()).isEqualTo(BookingStatus.BOOKED);
        assertThat(fixed.scorecard().items()).extracting(ItemResult::result)
                .containsExactlyElementsOf(right.scorecard().items().stream().map(ItemResult::result).toList());
        // Read the right way round, it is the same analysis in every field (the vectors kept from the first reading are
        // the ones a fresh reading would compute), only the warning differs.
        assertThat(fixed.scorecard()).isEqualTo(right.scorecard());
        assertThat(fixed.objections()).isEqualTo(right.objections());
        assertThat(fixed.actionItems()).isEqualTo(right.actionItems());
        assertThat(fixed.outcomes()).isEqualTo(right.outcomes());
        assertThat(fixed.judgments()).isEqualTo(right.judgments());
        assertThat(fixed.trackers()).isEqualTo(right.trackers());
        // Roles that came from the channels are never second-guessed, even when the text reads the other way.
        Transcript confident = new Transcript(t.language(), t.source(), t.durationSeconds(), inverted.turns(), true);
        assertThat(analyst.analyse(confident, attributes, null, null).warnings()).noneMatch(w -> w.contains("swapped"));
    }

    @Test
    void csrBookingCallEndToEnd() throws IOException {
        Transcript t = call("csr_008");
        AnalysisResult r = analyst.analyse(t,
                new ConversationAttributes(Channel.PHONE, Direction.INBOUND, Set.of("csr"), "Maria Santos"), null, null);
        assertThat(r.scorecard().scorecard()).isEqualTo("csr_booking_call");
        assertThat(r.scorecard().items()).allSatisfy(i -> {
            if (i.result() == ItemStatus.MET && !i.key().equals("verified_customer")) {
                assertThat(i.evidence()).as(i.key()).isNotEmpty();
            }
            i.evidence().forEach(e -> assertThat(t.turns().get(e.turn()).text()).contains(e.quote()));
        });
        assertThat(r.callReason().category()).isEqualTo("water_heater_leak");
        assertThat(r.outcomes().bookingStatus()).isEqualTo(BookingStatus.BOOKED);
        assertThat(r.outcomes().qualification()).isEqualTo(Qualification.HOT);
        assertThat(r.outcomes().resolution()).isEqualTo(Resolution.RESOLVED);
        assertThat(r.outcomes().outcome()).isNull();
        // objections come from a trained classifier, measured by F1 (AnalysisEvaluationTest), not memorised per call
        assertThat(r.objections()).allSatisfy(o -> {
            assertThat(t.turns().get(o.turn()).speaker()).isEqualTo(io.verbatim.speech.Speaker.CUSTOMER);
            assertThat(t.turns().get(o.turn()).text()).contains(o.quote());
        });
        assertThat(r.actionItems()).anySatisfy(a -> {
            assertThat(a.owner()).isEqualTo(Owner.CUSTOMER);
            assertThat(a.text()).contains("valve");
            assertThat(a.dueHint()).isEqualTo("until he gets there");
        });
        assertThat(r.kpis().sentimentInput()).isEqualTo("assumed_neutral");
        assertThat(r.kpis().customerEffort1to5()).isBetween(1, 5);
        assertThat(r.summary().text()).startsWith("Water heater leak.").contains("booked");
        assertThat(r.summary().text()).doesNotContainIgnoringCase("date of birth");
        for (TrackerResult tr : r.trackers()) {
            tr.hits().forEach(h -> assertThat(t.turns().get(h.turn()).text()).contains(h.quote()));
        }
    }

    @Test
    void fieldSaleWithDealValue() throws IOException {
        AnalysisResult r = analyst.analyse(call("fs_004"),
                new ConversationAttributes(Channel.FIELD_VISIT, Direction.IN_PERSON, Set.of(), "Jessica Moore"), null,
                new SentimentSignal(SentimentSignal.Polarity.POSITIVE, SentimentSignal.Trend.IMPROVING));
        assertThat(r.scorecard().scorecard()).isEqualTo("in_home_sales_visit");
        assertThat(r.outcomes().outcome()).isEqualTo(SalesOutcome.CLOSED_WON);
        assertThat(r.outcomes().dealValue()).isEqualTo(9800.0);
        assertThat(r.outcomes().bookingStatus()).isNull();
        assertThat(r.outcomes().evidence()).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("deal_value");
            assertThat(e.evidence().quote()).contains("nine thousand eight hundred");
        });
        assertThat(r.kpis().npsBand()).isEqualTo(NpsBand.PROMOTER);
        assertThat(r.kpis().commercialOpportunity()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void spanishMysteryShop() throws IOException {
        AnalysisResult r = analyst.analyse(call("ms_005"),
                new ConversationAttributes(Channel.VIDEO, Direction.IN_PERSON, Set.of("mystery_shop"), "Yokasta Peña"), null, null);
        assertThat(r.language()).isEqualTo("es-419");
        assertThat(r.scorecard().scorecard()).isEqualTo("mystery_shop");
        assertThat(r.scorecard().item("greeting").result()).isEqualTo(ItemStatus.MET);
        assertThat(r.scorecard().item("identified_self").result()).isEqualTo(ItemStatus.MET);
        assertThat(r.scorecard().item("asked_for_sale_or_booking").evidence()).anySatisfy(e -> assertThat(e.quote()).contains("Si quiere"));
        assertThat(r.callReason().category()).isEqualTo("savings_account_opening");
        assertThat(r.outcomes().bookingStatus()).isNull();
    }

    @Test
    void dealValueAppliesAStatedDiscount() {
        Transcript t = Calls.of(
                "agent", 0, 10, "For the full roof with the upgraded shingles, the package is $18,450.",
                "agent", 10.5, 16, "If you pay in full, there's a 3% pay-in-full discount.",
                "customer", 16.5, 20, "Okay. Let's do it, we'll pay in full.",
                "agent", 20.5, 24, "Great, here's your copy of the contract.");
        AnalysisResult r = analyst.analyse(t, new ConversationAttributes(Channel.FIELD_VISIT, Direction.IN_PERSON, Set.of(), null),
                null, null);
        assertThat(r.outcomes().outcome()).isEqualTo(SalesOutcome.CLOSED_WON);
        assertThat(r.outcomes().dealValue()).isEqualTo(17896.5);
    }

    @Test
    void resultSerialisesInSnakeCase() throws IOException {
        AnalysisResult r = analyst.analyse(call("sup_002"),
                new ConversationAttributes(Channel.PHONE, Direction.INBOUND, Set.of(), "Trent Olsen"), null, null);
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder()
                .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE).build();
        tools.jackson.databind.JsonNode tree = json.valueToTree(r);
        assertThat(tree.path("kpis").has("customer_effort_1to5")).isTrue();
        assertThat(tree.path("outcomes").path("resolution").asString()).isEqualTo("escalated");
        assertThat(tree.path("scorecard").path("items").get(0).path("result").asString()).isIn("met", "not_met", "not_applicable");
        assertThat(tree.path("scorecard").path("auto_failed_by").isArray()).isTrue();
        assertThat(tree.path("action_items").get(0).has("due_hint")).isTrue();
        assertThat(tree.path("objections").isArray()).isTrue();
    }

    @Test
    void emptyTranscriptStillAnalyses() {
        AnalysisResult r = analyst.analyse(Calls.of(), null, null, null);
        assertThat(r.callReason().category()).isEqualTo("general_inquiry");
        assertThat(r.objections()).isEmpty();
        assertThat(r.outcomes().resolution()).isNotNull();
    }
}
