package io.verbatim.analysis.internal;

import io.verbatim.analysis.ActionItem;
import io.verbatim.analysis.AnalysisResult;
import io.verbatim.analysis.CallReason;
import io.verbatim.analysis.Condition;
import io.verbatim.analysis.Kpis;
import io.verbatim.analysis.Objection;
import io.verbatim.analysis.Outcomes;
import io.verbatim.analysis.SpeakerScope;
import io.verbatim.analysis.Summary;
import io.verbatim.analysis.internal.acts.BookingJudge;
import io.verbatim.analysis.internal.acts.DialogueActs;
import io.verbatim.analysis.internal.acts.ObjectionJudge;
import io.verbatim.analysis.internal.insights.ActionItemFinder;
import io.verbatim.analysis.internal.insights.CallReasonFinder;
import io.verbatim.analysis.internal.insights.IntentCues;
import io.verbatim.analysis.internal.insights.KpiCalculator;
import io.verbatim.analysis.internal.insights.ObjectionFinder;
import io.verbatim.analysis.internal.insights.OutcomeFinder;
import io.verbatim.analysis.internal.insights.SummaryWriter;
import io.verbatim.analysis.ConversationAttributes;
import io.verbatim.analysis.QaConfig;
import io.verbatim.analysis.Scorecard;
import io.verbatim.analysis.ScorecardResult;
import io.verbatim.analysis.SentimentSignal;
import io.verbatim.analysis.Tracker;
import io.verbatim.analysis.TrackerResult;
import io.verbatim.analysis.internal.reasons.ReasonClassifier;
import io.verbatim.analysis.internal.rules.Match;
import io.verbatim.analysis.internal.learned.SpeakerRoles;
import io.verbatim.analysis.internal.learned.LearnedActionItems;
import io.verbatim.analysis.internal.learned.LearnedBooking;
import io.verbatim.analysis.internal.learned.LearnedObjections;
import io.verbatim.analysis.internal.learned.LearnedScorecard;
import io.verbatim.analysis.internal.learned.LearnedSentiment;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.rules.SentenceEmbedder;
import io.verbatim.analysis.internal.scoring.ScorecardChooser;
import io.verbatim.analysis.internal.scoring.ScorecardEngine;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs every analysis on one conversation. */
public final class AnalysisEngine {

    private final SentenceEmbedder embedder;
    private final ReasonClassifier reasons;

    public AnalysisEngine(SentenceEmbedder embedder) {
        this.embedder = embedder;
        this.reasons = new ReasonClassifier(embedder);
    }

    public AnalysisResult analyse(Transcript given, ConversationAttributes attributes, QaConfig config,
                                  SentimentSignal lexiconSentiment) {
        Oriented oriented = orient(given, attributes, config);
        Transcript transcript = oriented.transcript();
        ConversationText text = oriented.text();
        RuleEvaluator rules = oriented.rules();
        boolean swapped = oriented.swapped();
        // The trained judge reads the customer's sentences; the lexicon's verdict is one of its inputs and the fallback.
        List<DialogueActs.Tag> acts = DialogueActs.tag(text, rules, DialogueActs.Settings.DEFAULT);
        SentimentSignal sentiment = LearnedSentiment.judge(text, rules, attributes, acts, lexiconSentiment);
        List<String> warnings = new ArrayList<>();
        if (!transcript.rolesConfident()) {
            warnings.add("speaker roles were guessed: agent/customer rules may be attributed to the wrong party");
        }
        if (swapped) {
            warnings.add("speaker roles were swapped for the analysis: the side labelled customer speaks like the agent");
        }
        Optional<Scorecard> card = ScorecardChooser.choose(config.scorecards(), attributes, transcript.language());
        ScorecardResult scored = card.map(c -> ScorecardEngine.score(c, rules)).orElse(null);
        java.util.Map<String, Double> itemConfidence = new java.util.HashMap<>(card.map(c -> ScorecardEngine.confidences(c, rules))
                .orElse(java.util.Map.of()));
        if (scored != null) {
            scored = LearnedScorecard.rejudge(card.get(), scored, text, rules, itemConfidence);
        }
        if (card.isEmpty()) {
            warnings.add("no scorecard applies to this conversation's attributes");
        }
        List<TrackerResult> trackers = new ArrayList<>();
        for (Tracker t : config.trackers()) {
            Match m = rules.evaluate(t.rule());
            trackers.add(new TrackerResult(t.key(), t.name(), m.hits().size(), m.hits().stream().map(AnalysisEngine::hit).toList()));
        }
        // A tenant's own taxonomy replaces the built-in one.
        ReasonClassifier.Verdict ownReason = config.callReasons().isEmpty() ? null : reasons.judge(text, config.callReasons(), rules::vector);
        CallReason reason = ownReason == null ? CallReasonFinder.find(text) : ownReason.reason();
        List<Objection> objections = LearnedObjections.applies(text, rules) ? LearnedObjections.find(text, rules)
                : ObjectionJudge.find(text, rules, ObjectionFinder.find(text));
        List<ActionItem> actions = LearnedActionItems.applies(text, rules) ? LearnedActionItems.find(text, rules)
                : ActionItemFinder.find(text);
        BookingJudge.Verdict booking = BookingJudge.onBookingLine(BookingJudge.judge(text, acts),
                attributes.channel() == io.verbatim.conversations.Channel.VOICE_AGENT || attributes.tags().contains("csr")
                        || attributes.tags().contains("booking"));
        if (LearnedBooking.applies(text, rules)) {
            booking = LearnedBooking.judge(text, rules, attributes, acts, booking);
        }
        Outcomes outcomes = OutcomeFinder.find(text, attributes, objections, sentiment, booking,
                () -> rules.evaluate(IntentCues.NO_NEAR_TERM).hits());
        Kpis kpis = KpiCalculator.compute(text, rules.evaluate(new Condition.Interruption(SpeakerScope.AGENT)), objections,
                outcomes, reason, sentiment);
        Summary summary = SummaryWriter.write(text, reason, outcomes, actions);
        List<io.verbatim.analysis.Judgment> judgments = new Judgments().sentiment(sentiment)
                .outcomes(outcomes, java.util.Map.of("booking_status", booking.confidence())).callReason(reason, ownReason == null ? 0.7 : ownReason.confidence()).scorecard(scored, itemConfidence).list();
        return new AnalysisResult(transcript.language(), scored, trackers, reason, objections, actions, outcomes, kpis,
                summary, null, warnings, judgments);
    }

    private static TrackerResult.Hit hit(Sentence s) {
        return new TrackerResult.Hit(s.turn(), Math.round(s.start() * 10) / 10.0, s.speaker().wire(), s.text());
    }

    private record Oriented(Transcript transcript, ConversationText text, RuleEvaluator rules, boolean swapped) {
    }

    /** The transcript as analysed: one-channel calls whose side labelled customer speaks like the agent read the other way round. */
    private Oriented orient(Transcript transcript, ConversationAttributes attributes, QaConfig config) {
        ConversationText text = new ConversationText(transcript);
        RuleEvaluator rules = new RuleEvaluator(text, attributes, config.conditions(), embedder);
        if (!SpeakerRoles.inverted(transcript, text, rules)) {
            return new Oriented(transcript, text, rules, false);
        }
        Transcript swapped = SpeakerRoles.swapped(transcript);
        ConversationText swappedText = new ConversationText(swapped);
        return new Oriented(swapped, swappedText, rules.relabelled(swappedText), true); // the sentences' vectors are reused
    }
}
