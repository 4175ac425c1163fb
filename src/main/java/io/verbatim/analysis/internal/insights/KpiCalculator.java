package io.verbatim.analysis.internal.insights;

import io.verbatim.analysis.BookingStatus;
import io.verbatim.analysis.CallReason;
import io.verbatim.analysis.Evidence;
import io.verbatim.analysis.Kpis;
import io.verbatim.analysis.NpsBand;
import io.verbatim.analysis.Objection;
import io.verbatim.analysis.ObjectionCategory;
import io.verbatim.analysis.Outcomes;
import io.verbatim.analysis.Qualification;
import io.verbatim.analysis.Resolution;
import io.verbatim.analysis.SalesOutcome;
import io.verbatim.analysis.SentimentSignal;
import io.verbatim.analysis.internal.rules.Match;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The KPI formulas of {@code docs/kpis.md}; every non-zero contribution is recorded as a factor. */
public final class KpiCalculator {

    private static final List<String> REPEAT_ASKED = List.of("didn't catch", "did not catch", "repeat", "say that again",
            "what was it", "come again", "one more time", "could you spell", "can you spell", "me repite", "no le escuche");
    private static final List<String> RESTATED = List.of("i'm asking about", "i am asking about", "i already", "like i said",
            "as i said", "i told", "again", "i just said", "ya le dije", "otra vez");
    private static final List<String> PUSHED = List.of("can i just", "can you just", "i just want", "i've been on this call",
            "i've been on the phone", "i've been waiting", "nobody told me", "a supervisor", "a manager", "talk to a person",
            "speak to a person", "don't you want to know", "how hard is it", "is anyone", "why can't you", "unbelievable",
            "ridiculous", "hablar con un supervisor");
    private static final List<String> CANCEL = List.of("cancel my", "want to cancel", "close my account", "close the account",
            "switch providers", "switching to", "cancelar", "dar de baja", "cerrar mi cuenta");
    private static final List<String> COMPLAINT = List.of("again", "last time", "nobody told me", "ridiculous",
            "unbelievable", "not thrilled", "not happy", "worst", "terrible", "otra vez");
    private static final List<String> BUYING_SIGNAL = List.of("how much", "what do i need", "what do you need",
            "financing", "when can you", "how soon", "how long does", "cuanto", "que necesito", "how do i", "can i get");
    private static final Pattern SHORT_TIMELINE = Pattern.compile(
            "\\b(today|tomorrow|tonight|this (week|morning|afternoon|evening)|asap|right away|as soon as possible|next (monday|tuesday|wednesday|thursday|friday)|hoy|manana)\\b");

    private KpiCalculator() {
    }

    public static Kpis compute(ConversationText text, Match interruptions, List<Objection> objections, Outcomes outcomes,
                               CallReason reason, SentimentSignal sentiment) {
        SentimentSignal s = sentiment == null ? new SentimentSignal(null, null) : sentiment;
        List<Kpis.Factor> factors = new ArrayList<>();

        // customer effort 1-5
        double effort = 1;
        if (!interruptions.hits().isEmpty()) {
            effort += add(factors, "customer_effort_1to5", "talked over by the agent", 1, interruptions.first().evidence());
        }
        Sentence repeat = Cues.first(text, Speaker.AGENT, REPEAT_ASKED);
        Sentence restated = Cues.first(text, Speaker.CUSTOMER, RESTATED);
        if (repeat != null || restated != null) {
            effort += add(factors, "customer_effort_1to5", "had to repeat information or contact again", 1,
                    (repeat != null ? repeat : restated).evidence());
        }
        if (outcomes.resolution() == Resolution.ESCALATED) {
            effort += add(factors, "customer_effort_1to5", "escalated or handed off", 1, null);
        }
        Sentence pushed = Cues.first(text, Speaker.CUSTOMER, PUSHED);
        if (pushed != null) {
            effort += add(factors, "customer_effort_1to5", "had to push for basics", 1, pushed.evidence());
        }
        if (s.overall() == SentimentSignal.Polarity.NEGATIVE) {
            effort += add(factors, "customer_effort_1to5", "customer sentiment negative", 1, null);
        }
        int effort15 = (int) Math.max(1, Math.min(5, Math.round(effort)));

        // commercial opportunity 0-100
        double opp = 0;
        Sentence need = Cues.first(text, Speaker.CUSTOMER, Pattern.compile(
                "\\bhow much\\b|\\bneed\\b|\\blooking (for|at)\\b|\\binterested\\b|\\bwant(ed)? to\\b|\\bquote\\b|\\bestimate\\b|\\bleak|\\bbroken\\b|\\bnot (really )?(cooling|working|heating)\\b|\\bquer[ií]a\\b|\\bnecesito\\b|\\bbuscando\\b|\\binformacion\\b"));
        if (need != null) {
            opp += add(factors, "commercial_opportunity", "customer expressed a need or interest", 25, need.evidence());
        }
        Sentence signal = Cues.first(text, Speaker.CUSTOMER, BUYING_SIGNAL);
        if (signal != null) {
            opp += add(factors, "commercial_opportunity", "buying signal (price, requirements, timing questions)", 15, signal.evidence());
        }
        long questions = text.sentences().stream().filter(x -> x.speaker() == Speaker.CUSTOMER && x.questionMark()).count();
        if (questions >= 2) {
            opp += add(factors, "commercial_opportunity", "engaged: asked " + questions + " questions", 10, null);
        }
        boolean committed = outcomes.bookingStatus() == BookingStatus.BOOKED || outcomes.outcome() == SalesOutcome.CLOSED_WON
                || outcomes.qualification() == Qualification.HOT;
        if (committed) {
            opp += add(factors, "commercial_opportunity", "committed (booked or closed)", 30, null);
        } else if (outcomes.outcome() == SalesOutcome.OPEN) {
            opp += add(factors, "commercial_opportunity", "open with a follow-up", 15, null);
        }
        Sentence soon = Cues.first(text, Speaker.CUSTOMER, SHORT_TIMELINE);
        if (soon != null) {
            opp += add(factors, "commercial_opportunity", "short timeline", 10, soon.evidence());
        }
        long blocking = objections.stream().map(o -> o.turn() + ":" + o.category()).distinct().count();
        if (blocking > 0) {
            opp -= sub(factors, "commercial_opportunity", blocking + " objection(s)", Math.min(20, 5 * blocking), null);
        }
        if (objections.stream().anyMatch(o -> o.category() == ObjectionCategory.NEED)) {
            opp -= sub(factors, "commercial_opportunity", "customer does not need it", 15, null);
        }
        if (outcomes.outcome() == SalesOutcome.CLOSED_LOST) {
            opp -= sub(factors, "commercial_opportunity", "sale lost", 25, null);
        }
        if (outcomes.bookingStatus() == BookingStatus.SERVICE_NOT_OFFERED || outcomes.qualification() == Qualification.UNQUALIFIED) {
            if (opp > 15) {
                factors.add(new Kpis.Factor("commercial_opportunity", "capped at 15: cannot be served", 15 - opp, null));
                opp = 15;
            }
        }
        int opportunity = clamp(opp);

        // churn risk 0-100
        double churn = 0;
        Sentence cancel = Cues.first(text, Speaker.CUSTOMER, CANCEL);
        boolean cancellation = cancel != null || (reason != null && List.of("cancellation_request", "account_closure").contains(reason.category()));
        if (cancellation) {
            churn += add(factors, "churn_risk", "cancellation or closure intent", 35, cancel == null ? null : cancel.evidence());
        }
        Objection competitor = objections.stream().filter(o -> o.category() == ObjectionCategory.COMPETITOR).findFirst().orElse(null);
        if (competitor != null) {
            churn += add(factors, "churn_risk", "competitor mentioned", 15, new Evidence(competitor.turn(), competitor.start(), competitor.quote()));
        }
        Sentence complaint = Cues.first(text, Speaker.CUSTOMER, COMPLAINT);
        boolean trust = objections.stream().anyMatch(o -> o.category() == ObjectionCategory.TRUST);
        if (complaint != null || trust) {
            churn += add(factors, "churn_risk", "complaint or broken trust", 15, complaint == null ? null : complaint.evidence());
        }
        if (s.overall() == SentimentSignal.Polarity.NEGATIVE) {
            churn += add(factors, "churn_risk", "negative sentiment", 15, null);
        }
        if (s.trend() == SentimentSignal.Trend.WORSENING) {
            churn += add(factors, "churn_risk", "sentiment worsening", 10, null);
        } else if (s.trend() == SentimentSignal.Trend.IMPROVING) {
            churn -= sub(factors, "churn_risk", "sentiment improving", 5, null);
        }
        if (outcomes.resolution() == Resolution.UNRESOLVED) {
            churn += add(factors, "churn_risk", "unresolved", 10, null);
        } else if (outcomes.resolution() == Resolution.ESCALATED) {
            churn += add(factors, "churn_risk", "escalated", 15, null);
        }
        if (effort15 >= 4) {
            churn += add(factors, "churn_risk", "high effort", 10, null);
        }
        if (cancellation && outcomes.resolution() == Resolution.RESOLVED) {
            churn -= sub(factors, "churn_risk", "retained (cancellation resolved)", 30, null);
        }
        int churnRisk = clamp(churn);

        NpsBand band;
        if (s.overall() == SentimentSignal.Polarity.NEGATIVE || effort15 >= 4) {
            band = NpsBand.DETRACTOR;
        } else if (s.overall() == SentimentSignal.Polarity.POSITIVE && effort15 <= 2 && outcomes.resolution() != Resolution.UNRESOLVED) {
            band = NpsBand.PROMOTER;
        } else {
            band = NpsBand.PASSIVE;
        }
        return new Kpis(effort15, opportunity, churnRisk, band, sentiment == null ? "assumed_neutral" : "measured", factors);
    }

    private static double add(List<Kpis.Factor> factors, String kpi, String factor, double points, Evidence evidence) {
        factors.add(new Kpis.Factor(kpi, factor, points, evidence));
        return points;
    }

    private static double sub(List<Kpis.Factor> factors, String kpi, String factor, double points, Evidence evidence) {
        factors.add(new Kpis.Factor(kpi, factor, -points, evidence));
        return points;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(100, Math.round(v)));
    }
}
