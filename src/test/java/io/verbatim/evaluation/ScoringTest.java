package io.verbatim.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Scoring on hand-made labels and analyses whose figures are known. */
class ScoringTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static LabelledCall call(String id, String labels, String call, String qa, String... turns) {
        return new LabelledCall(id, json(labels), List.of(turns), json(call), qa == null ? null : json(qa), null);
    }

    @Test
    void categoricalFieldsAreScoredOnlyWhenLabelledAndNullIsAValue() {
        var a = call("a", "{'customer_sentiment':'positive','booking_status':null,'kpis':{'resolution':'resolved'}}",
                "{'customer_sentiment':'positive','booking_status':null,'resolution':'unresolved','call_reason':'x'}", null);
        var b = call("b", "{'customer_sentiment':'negative','booking_status':'booked'}",
                "{'customer_sentiment':'neutral','booking_status':'booked','call_reason':'y'}", null);
        Figures f = Scoring.score(List.of(a, b), TextSimilarity.NONE).all();
        assertThat(f.conversations()).isEqualTo(2);
        assertThat(f.fields()).containsOnlyKeys("customer_sentiment", "booking_status", "kpis.resolution");
        assertThat(f.fields().get("customer_sentiment").accuracy()).isEqualTo(0.5);
        assertThat(f.fields().get("customer_sentiment").confusion().get("negative")).containsEntry("neutral", 1);
        assertThat(f.fields().get("booking_status").correct()).isEqualTo(2); // null = null is right
        assertThat(f.fields().get("kpis.resolution").correct()).isZero();
        assertThat(f.fields().get("customer_sentiment").classes().get("positive").precision()).isEqualTo(1.0);
        assertThat(f.fields().get("customer_sentiment").classes().get("negative").recall()).isEqualTo(0.0);
        assertThat(f.matches()).isEmpty();
    }

    @Test
    void qaItemsMapMetNotMetAndNotApplicable() {
        var a = call("a", "{'qa':{'greeting':true,'verified_customer':null,'closing':false,'value_added':false}}", "{}",
                "{'items':[{'key':'greeting','result':'met'},{'key':'verified_customer','result':'not_met'},"
                        + "{'key':'closing','result':'not_met'}]}");
        Figures f = Scoring.score(List.of(a), TextSimilarity.NONE).all();
        assertThat(f.fields().get("qa.greeting").correct()).isEqualTo(1);
        assertThat(f.fields().get("qa.verified_customer").correct()).isZero();
        assertThat(f.fields().get("qa.verified_customer").confusion().get("null")).containsEntry("false", 1);
        assertThat(f.fields().get("qa.closing").correct()).isEqualTo(1);
        assertThat(f.fields().get("qa.value_added").confusion().get("false")).containsEntry("null", 1); // item missing = n/a
    }

    @Test
    void dealValueWithinADollarAndEffortExactAndWithinOne() {
        var a = call("a", "{'deal_value':17896.5,'kpis':{'customer_effort_1to5':2}}",
                "{'deal_value':17896.0,'kpis':{'customer_effort_1to5':3}}", null);
        var b = call("b", "{'deal_value':null,'kpis':{'customer_effort_1to5':4}}",
                "{'deal_value':100,'kpis':{'customer_effort_1to5':4}}", null);
        var c = call("c", "{'deal_value':500,'kpis':{'customer_effort_1to5':1}}",
                "{'deal_value':502,'kpis':{'customer_effort_1to5':5}}", null);
        Figures f = Scoring.score(List.of(a, b, c), TextSimilarity.NONE).all();
        assertThat(f.fields().get("deal_value").correct()).isEqualTo(1);
        assertThat(f.fields().get("deal_value").confusion()).isNull();
        FieldScore effort = f.fields().get("kpis.customer_effort_1to5");
        assertThat(effort.correct()).isEqualTo(1);
        assertThat(effort.withinOne()).isEqualTo(2);
    }

    @Test
    void objectionsAndActionItemsArePrecisionRecallF1() {
        var a = call("a", "{'objections':[{'turn':3,'category':'price'},{'turn':5,'category':'timing'}],"
                        + "'action_items':[{'owner':'agent','text':'Send the written quote by email'},{'owner':'customer','text':'Talk to spouse'}]}",
                "{'objections':[{'turn':3,'category':'price'},{'turn':4,'category':'trust'},{'turn':5,'category':'price'}],"
                        + "'action_items':[{'owner':'agent','text':'I will email you the quote'},{'owner':'agent','text':'Talk to spouse'}]}",
                null);
        Figures f = Scoring.score(List.of(a), TextSimilarity.NONE).all();
        MatchScore o = f.matches().get("objections");
        assertThat(o.truePositives()).isEqualTo(1);
        assertThat(o.precision()).isEqualTo(1.0 / 3);
        assertThat(o.recall()).isEqualTo(0.5);
        MatchScore perCall = f.matches().get("objections.per_call"); // gold {price, timing}, predicted {price, trust}
        assertThat(perCall.truePositives()).isEqualTo(1);
        assertThat(perCall.predicted()).isEqualTo(2);
        assertThat(perCall.gold()).isEqualTo(2);
        MatchScore actions = f.matches().get("action_items");
        assertThat(actions.truePositives()).isEqualTo(1); // the spouse item has the wrong owner
        assertThat(actions.predicted()).isEqualTo(2);
        assertThat(actions.gold()).isEqualTo(2);
    }

    @Test
    void piiSpansMatchBySameTurnTypeAndOverlapWithinTheScoredTypesAndTurns() {
        var a = call("a", "{'pii':[{'turn':0,'text':'Ann Lee','type':'NAME'},{'turn':0,'text':'555-0101','type':'PHONE'},"
                        + "{'turn':1,'text':'Ann','type':'NAME'},{'turn':1,'text':'Ann','type':'NAME'},{'turn':2,'text':'Bo','type':'NAME'}],"
                        + "'pii_types':['NAME','PHONE'],'pii_turns':[0,1]}",
                "{'pii':[{'turn':0,'text':'Lee','type':'NAME'},{'turn':0,'text':'555-0101','type':'ACCOUNT_NUMBER'},"
                        + "{'turn':0,'text':'Main Street','type':'ADDRESS'},{'turn':1,'text':'Ann','type':'NAME'},"
                        + "{'turn':2,'text':'Bo','type':'NAME'}]}",
                null, "I'm Ann Lee, call 555-0101 on Main Street", "Ann? Yes Ann.", "Bo here");
        Figures f = Scoring.score(List.of(a), TextSimilarity.NONE).all();
        MatchScore name = f.matches().get("pii.NAME");
        assertThat(name.truePositives()).isEqualTo(2); // Lee overlaps "Ann Lee"; one of the two Ann mentions
        assertThat(name.predicted()).isEqualTo(2);    // turn 2 is not scored
        assertThat(name.gold()).isEqualTo(3);
        MatchScore phone = f.matches().get("pii.PHONE");
        assertThat(phone.truePositives()).isZero();   // the right span with the wrong type
        assertThat(phone.gold()).isEqualTo(1);
        assertThat(f.matches()).doesNotContainKey("pii.ADDRESS").doesNotContainKey("pii.ACCOUNT_NUMBER");
        assertThat(f.matches().get("pii").truePositives()).isEqualTo(2);
    }

    @Test
    void heldOutIsTheSha1Convention() {
        // sha1("a") = 86f7..., sha1("b") = e9d7..., sha1("c") = 84a5..., sha1("d") = 3c36...
        assertThat(HeldOut.contains("a")).isFalse();
        assertThat(HeldOut.contains("d")).isTrue();
        var d = call("d", "{'call_reason':'x'}", "{'call_reason':'x'}", null);
        var a = call("a", "{'call_reason':'x'}", "{'call_reason':'y'}", null);
        var failed = new LabelledCall("e", json("{}"), List.of(), null, null, "failed at analysed");
        EvaluationReport report = Scoring.score(List.of(d, a, failed), TextSimilarity.NONE);
        assertThat(report.conversations()).isEqualTo(3);
        assertThat(report.failures()).extracting(EvaluationReport.Failure::id).containsExactly("e");
        assertThat(report.all().fields().get("call_reason").accuracy()).isEqualTo(0.5);
        assertThat(report.heldOut().conversations()).isEqualTo(1);
        assertThat(report.heldOut().fields().get("call_reason").accuracy()).isEqualTo(1.0);
        assertThat(ReportText.render(report)).contains("FAILED e", "Held out", "call_reason");
    }

    @Test
    void judgmentsAreReportedPerSourceAndConfidenceBucket() {
        var a = call("a", "{'call_reason':'billing','qa':{'greeting':true}}",
                "{'call_reason':'billing','judgments':["
                        + "{'field':'call_reason','value':'billing','confidence':0.9,'source':'built_in','low_confidence':false},"
                        + "{'field':'call_reason','value':'refund','confidence':0.5,'source':'llm','low_confidence':true},"
                        + "{'field':'qa.greeting','value':'not_met','confidence':0.4,'source':'built_in','low_confidence':true},"
                        + "{'field':'outcome','value':null,'confidence':0.4,'source':'built_in','low_confidence':true}]}",
                "{'items':[{'key':'greeting','result':'not_met'}]}");
        Figures f = Scoring.score(List.of(a), TextSimilarity.NONE).all();
        assertThat(f.judged().get("call_reason").get("built_in").accuracy()).isEqualTo(1.0);
        assertThat(f.judged().get("call_reason").get("llm").accuracy()).isEqualTo(0.0);
        assertThat(f.calibration().get("call_reason").highAccuracy()).isEqualTo(1.0);
        assertThat(f.calibration().get("call_reason (llm)").lowAccuracy()).isEqualTo(0.0);
        assertThat(f.calibration().get("qa.greeting").low()).isEqualTo(1);
        assertThat(f.calibration()).doesNotContainKey("outcome"); // not labelled, not scored
    }
}
