package io.verbatim.analysis.internal;

import io.verbatim.analysis.CallReason;
import io.verbatim.analysis.Evidence;
import io.verbatim.analysis.ItemResult;
import io.verbatim.analysis.ItemStatus;
import io.verbatim.analysis.Judgment;
import io.verbatim.analysis.Outcomes;
import io.verbatim.analysis.ScorecardResult;
import io.verbatim.analysis.SentimentSignal;
import io.verbatim.analysis.internal.insights.RuleConfidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects the built-in analyst's judgments with their confidences into the result's list. */
final class Judgments {

    private final List<Judgment> list = new ArrayList<>();

    List<Judgment> list() {
        return List.copyOf(list);
    }

    Judgments sentiment(SentimentSignal s) {
        if (s != null) {
            list.add(Judgment.builtIn("customer_sentiment", s.overall().wire(), s.overallConfidence(), null));
            list.add(Judgment.builtIn("sentiment_trend", s.trend().wire(), s.trendConfidence(), null));
        }
        return this;
    }

    /** Outcome fields, with the confidence each deciding rule reported (a field without one is taken as fairly sure). */
    Judgments outcomes(Outcomes o, Map<String, Double> confidence) {
        field("booking_status", o.bookingStatus() == null ? null : o.bookingStatus().wire(), o, confidence);
        field("qualification", o.qualification() == null ? null : o.qualification().wire(), o, confidence);
        field("outcome", o.outcome() == null ? null : o.outcome().wire(), o, confidence);
        field("resolution", o.resolution() == null ? null : o.resolution().wire(), o, confidence);
        return this;
    }

    Judgments callReason(CallReason reason, double confidence) {
        if (reason != null) {
            list.add(new Judgment("call_reason", reason.category(), confidence, Judgment.BUILT_IN, reason.evidence()));
        }
        return this;
    }

    Judgments scorecard(ScorecardResult card, Map<String, Double> confidence) {
        if (card == null) {
            return this;
        }
        for (ItemResult item : card.items()) {
            double c = confidence.getOrDefault(item.key(), item.result() == ItemStatus.NOT_APPLICABLE ? 0.7 : 0.75);
            list.add(new Judgment("qa." + item.key(), item.result().wire(), c, Judgment.BUILT_IN, item.evidence()));
        }
        return this;
    }

    /** A field's confidence: given (booking's own), else the measured accuracy of the rule that decided it. */
    private void field(String name, String value, Outcomes o, Map<String, Double> confidence) {
        Evidence evidence = o.evidence().stream().filter(r -> r.field().equals(name)).map(Outcomes.Reason::evidence)
                .filter(e -> e != null).findFirst().orElse(null);
        String rule = o.evidence().stream().filter(r -> r.field().equals(name)).map(Outcomes.Reason::rule).findFirst().orElse(null);
        Double given = confidence.get(name);
        list.add(Judgment.builtIn(name, value, given != null ? given : RuleConfidence.of(name, rule), evidence));
    }
}
