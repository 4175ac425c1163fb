package io.verbatim.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The customer's sentiment as the enrichment stage measured it, with how sure it is of each label (0..1): an input of the KPIs (effort, churn
 * risk, NPS band) and of the resolution rule. Absent (null) means "not measured": the KPIs then
 * assume neutral / steady and say so.
 */
public record SentimentSignal(Polarity overall, Trend trend, double overallConfidence, double trendConfidence) {

    public SentimentSignal {
        overall = overall == null ? Polarity.NEUTRAL : overall;
        trend = trend == null ? Trend.STEADY : trend;
    }

    /** A signal whose labels are taken as certain (gold labels, a person's correction). */
    public SentimentSignal(Polarity overall, Trend trend) {
        this(overall, trend, 1, 1);
    }

    public enum Polarity {
        NEGATIVE, NEUTRAL, POSITIVE;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Polarity of(String wire) {
            return wire == null ? null : valueOf(wire.strip().toUpperCase(Locale.ROOT));
        }
    }

    public enum Trend {
        IMPROVING, STEADY, WORSENING;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Trend of(String wire) {
            return wire == null ? null : valueOf(wire.strip().toUpperCase(Locale.ROOT));
        }
    }
}
