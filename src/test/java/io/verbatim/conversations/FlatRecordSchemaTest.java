package io.verbatim.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PublishedSchemas;
import org.junit.jupiter.api.Test;

/** The published schemas accept a well-formed record and reject the mistakes a producer could make. */
class FlatRecordSchemaTest {

    static final String CALL = """
            {"schema_version":"2.0","conversation_id":"6f1c3f0e-8a1d-4c55-9e55-0b7f3c2d1a00","language":"en",
             "duration_seconds":212.5,"customer_sentiment":"neutral","sentiment_trend":"steady",
             "call_reason":"hvac_replacement_pricing","summary":"Caller asked for a price.","booking_status":"not_booked",
             "qualification":"warm","outcome":null,"deal_value":null,"resolution":"unresolved",
             "objections":[{"category":"price","turn":7,"quote":"can you just give me a ballpark?"}],
             "action_items":[{"owner":"agent","text":"E-mail the rebate details"}],
             "pii":[{"type":"EMAIL","turn":17,"text":"sandra.kowalski at example dot com"}],
             "kpis":{"customer_effort_1to5":2,"commercial_opportunity":64,"churn_risk":10,"nps_band":"passive"},
             "talk":{"agent_talk_seconds":120.1,"customer_talk_seconds":80.4,"talk_ratio":0.6,"non_talk_seconds":12.0}}""";

    @Test
    void aWellFormedCallRecordIsValid() {
        assertThat(PublishedSchemas.violations("calls-v2.0-flat.schema.json", CALL)).isEmpty();
    }

    @Test
    void wrongEnumsMissingFieldsAndOutOfRangeKpisAreRejected() {
        assertThat(PublishedSchemas.violations("calls-v2.0-flat.schema.json", CALL.replace("\"neutral\"", "\"meh\""))).isNotEmpty();
        assertThat(PublishedSchemas.violations("calls-v2.0-flat.schema.json", CALL.replace("\"call_reason\":\"hvac_replacement_pricing\",", "")))
                .isNotEmpty();
        assertThat(PublishedSchemas.violations("calls-v2.0-flat.schema.json", CALL.replace("\"customer_effort_1to5\":2", "\"customer_effort_1to5\":7")))
                .isNotEmpty();
        assertThat(PublishedSchemas.violations("calls-v2.0-flat.schema.json", CALL.replace("\"type\":\"EMAIL\"", "\"type\":\"SSN\"")))
                .isNotEmpty();
    }

    @Test
    void theQaRecordSchemaChecksItemResultsAndEvidence() {
        String qa = """
                {"schema_version":"2.0","conversation_id":"6f1c3f0e-8a1d-4c55-9e55-0b7f3c2d1a00","scorecard":"csr-booking",
                 "score":82.5,"items":[{"key":"greeting","result":"met","evidence":[{"turn":0,"start":1.59,"quote":"Thanks for calling"}]},
                 {"key":"verified_customer","result":"not_applicable","evidence":[]}]}""";
        assertThat(PublishedSchemas.violations("qa-v2.0-flat.schema.json", qa)).isEmpty();
        assertThat(PublishedSchemas.violations("qa-v2.0-flat.schema.json", qa.replace("\"met\"", "\"yes\""))).isNotEmpty();
        assertThat(PublishedSchemas.violations("qa-v2.0-flat.schema.json", qa.replace("\"start\":1.59,", ""))).isNotEmpty();
    }
}
