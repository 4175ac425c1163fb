package io.verbatim.analysis.internal.llm;

import io.verbatim.analysis.ActionItem;
import io.verbatim.analysis.AnalysisResult;
import io.verbatim.analysis.Evidence;
import io.verbatim.analysis.ItemResult;
import io.verbatim.analysis.ItemStatus;
import io.verbatim.analysis.Judgment;
import io.verbatim.analysis.LlmJudging;
import io.verbatim.analysis.Objection;
import io.verbatim.analysis.Outcomes;
import io.verbatim.analysis.Scorecard;
import io.verbatim.analysis.ScorecardItem;
import io.verbatim.analysis.ScorecardResult;
import io.verbatim.analysis.ScorecardSection;
import io.verbatim.analysis.internal.llm.LlmVerdicts.Verdict;
import io.verbatim.analysis.internal.scoring.ScorecardEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Merges the LLM's verdicts into the built-in result, field by field: a field the LLM gave validly takes
 * the LLM's value, any other keeps the built-in one. The QA score is recomputed from the final item
 * results ({@link ScorecardEngine#tally}). Both judgments of each field are kept (sources built_in and
 * llm), and the built-in values stay reachable in {@link LlmJudging#builtIn()}.
 *
 * <p>An LLM judgment's confidence is what the model stated, capped at {@link #CAP} (models are
 * over-sure), at {@link #TRUNCATED_CAP} when it saw only part of the conversation, and lowered by
 * {@link #DISAGREEMENT} when the built-in analyst found another value: two independent judges agreeing
 * is the better sign, and a disagreement is what a reviewer should look at.
 */
public final class LlmJudgmentMerge {

    static final double CAP = 0.9;
    static final double TRUNCATED_CAP = 0.7;
    static final double DISAGREEMENT = 0.2;
    /** For the built-in list judgments the built-in analyst does not rate itself (yet). */
    static final double BUILT_IN_LIST_CONFIDENCE = 0.7;

    private LlmJudgmentMerge() {
    }

    static AnalysisResult merge(AnalysisResult builtIn, Scorecard card, LlmJudge.Answer answer, String provider) {
        LlmVerdicts v = answer.verdicts();
        boolean truncated = answer.truncated();
        List<Judgment> judgments = new ArrayList<>(builtIn.judgments());
        List<String> llmFields = new ArrayList<>();

        ScorecardResult scorecard = builtIn.scorecard();
        if (card != null && scorecard != null && !v.items().isEmpty()) {
            List<ItemResult> items = new ArrayList<>();
            for (ScorecardSection section : card.sections()) {
                for (ScorecardItem item : section.items()) {
                    ItemResult before = scorecard.item(item.key());
                    Verdict<ItemStatus> verdict = v.items().get(item.key());
                    if (verdict == null) {
                        items.add(before);
                        continue;
                    }
                    ItemStatus status = verdict.value();
                    Boolean passed = status == ItemStatus.NOT_APPLICABLE ? null : item.mustNotOccur() != (status == ItemStatus.MET);
                    items.add(new ItemResult(item.key(), item.name(), section.key(), status, passed, item.weight(),
                            item.mustNotOccur(), item.autoFail(), verdict.evidence()));
                    judgments.add(llm("qa." + item.key(), status.wire(), verdict, before != null && before.result() == status, truncated));
                    llmFields.add("qa." + item.key());
                }
            }
            scorecard = ScorecardEngine.tally(card, items.stream().filter(Objects::nonNull).toList());
        }

        if (v.sentiment() != null) {
            judgments.add(llm("customer_sentiment", v.sentiment().value().wire(), v.sentiment(),
                    agrees(builtIn, "customer_sentiment", v.sentiment().value().wire()), truncated));
            llmFields.add("customer_sentiment");
        }
        if (v.trend() != null) {
            judgments.add(llm("sentiment_trend", v.trend().value().wire(), v.trend(),
                    agrees(builtIn, "sentiment_trend", v.trend().value().wire()), truncated));
            llmFields.add("sentiment_trend");
        }

        Outcomes outcomes = builtIn.outcomes();
        if (outcomes != null && (v.booking() != null || v.qualification() != null)) {
            List<Outcomes.Reason> reasons = new ArrayList<>(outcomes.evidence());
            var booking = outcomes.bookingStatus();
            var qualification = outcomes.qualification();
            if (v.booking() != null) {
                booking = v.booking().value();
                String wire = booking == null ? null : booking.wire();
                judgments.add(llm("booking_status", wire, v.booking(), Objects.equals(wire, wire(outcomes.bookingStatus())), truncated));
                replaceReason(reasons, "booking_status", v.booking());
                llmFields.add("booking_status");
            }
            if (v.qualification() != null) {
                qualification = v.qualification().value();
                String wire = qualification == null ? null : qualification.wire();
                judgments.add(llm("qualification", wire, v.qualification(), Objects.equals(wire, wire(outcomes.qualification())), truncated));
                replaceReason(reasons, "qualification", v.qualification());
                llmFields.add("qualification");
            }
            outcomes = new Outcomes(booking, qualification, outcomes.resolution(), outcomes.outcome(), outcomes.dealValue(), reasons);
        }

        List<Objection> objections = builtIn.objections();
        if (v.objections() != null) {
            objections = v.objections().value();
            addBuiltInList(builtIn, "objections", judgments);
            judgments.add(llm("objections", String.valueOf(objections.size()), v.objections(),
                    sameObjections(objections, builtIn.objections()), truncated));
            llmFields.add("objections");
        }
        List<ActionItem> actionItems = builtIn.actionItems();
        if (v.actionItems() != null) {
            actionItems = v.actionItems().value();
            addBuiltInList(builtIn, "action_items", judgments);
            judgments.add(llm("action_items", String.valueOf(actionItems.size()), v.actionItems(),
                    owners(actionItems).equals(owners(builtIn.actionItems())), truncated));
            llmFields.add("action_items");
        }

        List<LlmJudging.Fallback> fallbacks = v.problems().entrySet().stream()
                .map(e -> new LlmJudging.Fallback(e.getKey(), e.getValue())).toList();
        LlmJudging judging = new LlmJudging(llmFields.isEmpty() ? "failed" : "ok", provider, answer.attempts(),
                llmFields.isEmpty() ? (answer.error() != null ? answer.error() : "no field was given validly") : null,
                truncated, llmFields, fallbacks, LlmJudging.BuiltIn.of(builtIn));
        return new AnalysisResult(builtIn.language(), scorecard, builtIn.trackers(), builtIn.callReason(), objections, actionItems,
                outcomes, builtIn.kpis(), builtIn.summary(), builtIn.llm(), builtIn.warnings(), judgments, judging);
    }

    /** The LLM judgment's confidence (see the class comment). */
    static double confidence(double stated, boolean agreesWithBuiltIn, boolean truncated) {
        double c = Math.min(stated, truncated ? TRUNCATED_CAP : CAP);
        return Math.max(0, agreesWithBuiltIn ? c : c - DISAGREEMENT);
    }

    private static Judgment llm(String field, String value, Verdict<?> verdict, boolean agrees, boolean truncated) {
        return new Judgment(field, value, confidence(verdict.stated(), agrees, truncated), Judgment.LLM, verdict.evidence());
    }

    /** The built-in judgment of a list field the LLM judged, so the field has both (until the built-in judges rate themselves). */
    private static void addBuiltInList(AnalysisResult builtIn, String field, List<Judgment> judgments) {
        if (builtIn.judgment(field, Judgment.BUILT_IN) != null) {
            return;
        }
        List<Evidence> evidence = field.equals("objections")
                ? builtIn.objections().stream().map(o -> new Evidence(o.turn(), o.start(), o.quote())).toList()
                : builtIn.actionItems().stream().map(ActionItem::evidence).filter(Objects::nonNull).toList();
        int count = field.equals("objections") ? builtIn.objections().size() : builtIn.actionItems().size();
        judgments.add(new Judgment(field, String.valueOf(count), BUILT_IN_LIST_CONFIDENCE, Judgment.BUILT_IN, evidence));
    }

    private static boolean agrees(AnalysisResult builtIn, String field, String value) {
        Judgment j = builtIn.judgment(field, Judgment.BUILT_IN);
        return j == null || Objects.equals(j.value(), value);
    }

    private static boolean sameObjections(List<Objection> a, List<Objection> b) {
        return a.stream().map(o -> o.turn() + ":" + o.category()).sorted().toList()
                .equals(b.stream().map(o -> o.turn() + ":" + o.category()).sorted().toList());
    }

    private static List<String> owners(List<ActionItem> items) {
        return items.stream().map(a -> a.owner().wire()).sorted().toList();
    }

    private static String wire(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void replaceReason(List<Outcomes.Reason> reasons, String field, Verdict<?> verdict) {
        reasons.removeIf(r -> r.field().equals(field));
        reasons.add(new Outcomes.Reason(field, "llm", verdict.evidence().isEmpty() ? null : verdict.evidence().get(0)));
    }
}
