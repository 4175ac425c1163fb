package io.verbatim.analysis.internal.learned;

import io.verbatim.analysis.Condition;
import io.verbatim.analysis.ConversationAttributes;
import io.verbatim.analysis.Outcomes;
import io.verbatim.analysis.SpeakerScope;
import io.verbatim.analysis.internal.acts.BookingJudge;
import io.verbatim.analysis.internal.acts.DialogueAct;
import io.verbatim.analysis.internal.acts.DialogueActs;
import io.verbatim.analysis.internal.insights.ObjectionFinder;
import io.verbatim.analysis.internal.insights.OutcomeFinder;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.speech.Speaker;
import java.util.List;

/**
 * How the conversation went for the customer, from the analyst's own rule judgments (none of them trained, so they
 * are the same at training and at inference): the booking and sales result, whether the problem was resolved, whether
 * the agent talked over the customer, the customer's pushback, and the customer's last dialogue acts (accepting or
 * declining). Pooled sentence vectors see what was said, not what came of it; a polite customer who leaves without
 * what they came for reads like any neutral ending.
 */
public final class DialogueOutcome {

    /** Feature groups, in order: name and width. */
    public static final List<Group> GROUPS = List.of(new Group("booking", 4), new Group("outcome", 4),
            new Group("resolution", 3), new Group("interrupted", 2), new Group("objections", 2), new Group("acts", 5),
            new Group("ending", 3));

    public record Group(String name, int width) {
    }

    private DialogueOutcome() {
    }

    /** How many features the named groups make. */
    public static int width(java.util.Collection<String> groups) {
        return GROUPS.stream().filter(g -> groups.contains(g.name())).mapToInt(Group::width).sum();
    }

    /**
     * @param acts the conversation's dialogue acts ({@link DialogueActs#tag}), shared with the booking judgment
     */
    public static double[] features(ConversationText text, RuleEvaluator rules, ConversationAttributes attributes,
            List<DialogueActs.Tag> acts) {
        var objections = ObjectionFinder.find(text);
        BookingJudge.Verdict verdict = BookingJudge.onBookingLine(BookingJudge.judge(text, acts),
                attributes.channel() == io.verbatim.conversations.Channel.VOICE_AGENT || attributes.tags().contains("csr")
                        || attributes.tags().contains("booking"));
        // Without a sentiment: the only rule that reads it (a sour ending left unresolved) must not feed back into it.
        Outcomes outcomes = OutcomeFinder.find(text, attributes, objections, null, verdict);
        double[] booking = new double[4];
        booking[outcomes.bookingStatus() == null ? 0 : 1 + outcomes.bookingStatus().ordinal()] = 1;
        double[] outcome = new double[4];
        outcome[outcomes.outcome() == null ? 0 : 1 + Math.min(2, outcomes.outcome().ordinal())] = 1;
        double[] resolution = new double[3];
        resolution[Math.min(2, outcomes.resolution().ordinal())] = 1;
        int interruptions = rules.evaluate(new Condition.Interruption(SpeakerScope.AGENT)).hits().size();
        double[] interrupted = {interruptions > 0 ? 1 : 0, Math.min(3, interruptions)};
        int customerTurns = Math.max(1, text.turnCount(Speaker.CUSTOMER));
        long lateObjections = objections.stream().filter(o -> o.turn() >= text.turns().size() * 2 / 3).count();
        double[] pushback = {Math.min(1.0, objections.size() / (double) customerTurns * 3), Math.min(2, lateObjections)};
        int lastCustomerTurn = lastTurn(text, Speaker.CUSTOMER);
        int secondLast = lastTurn(text, Speaker.CUSTOMER, lastCustomerTurn);
        DialogueActs.Tag lastCustomerAct = null;
        int accepts = 0;
        int declines = 0;
        boolean notOffered = false;
        boolean failed = false;
        for (DialogueActs.Tag t : acts) {
            if (t.act().speaker() == Speaker.CUSTOMER) {
                lastCustomerAct = t;
                accepts += t.act() == DialogueAct.ACCEPT ? 1 : 0;
                declines += t.act() == DialogueAct.DECLINE ? 1 : 0;
            }
            notOffered |= t.act() == DialogueAct.NOT_OFFERED;
            failed |= t.act() == DialogueAct.BOOKING_FAILED;
        }
        boolean endsAccepting = lastCustomerAct != null && lastCustomerAct.act() == DialogueAct.ACCEPT;
        boolean endsDeclining = lastCustomerAct != null && lastCustomerAct.act() == DialogueAct.DECLINE;
        double[] dialogue = {endsAccepting ? 1 : 0, endsDeclining ? 1 : 0, Math.min(3, declines) - Math.min(3, accepts),
                notOffered ? 1 : 0, failed ? 1 : 0};
        // The customer's final turns, on a general sentiment lexicon: thanks and relief against a curt or sour goodbye.
        double[] ending = {turnCompound(text, lastCustomerTurn), turnCompound(text, secondLast),
                declinedLate(acts, secondLast < 0 ? lastCustomerTurn : secondLast) ? 1 : 0};
        return Pooling.concat(booking, outcome, resolution, interrupted, pushback, dialogue, ending);
    }

    private static boolean declinedLate(List<DialogueActs.Tag> acts, int fromTurn) {
        return fromTurn >= 0 && acts.stream().anyMatch(t -> t.act() == DialogueAct.DECLINE && t.sentence().turn() >= fromTurn);
    }

    private static double turnCompound(ConversationText text, int turn) {
        if (turn < 0) {
            return 0;
        }
        return text.sentencesOf(turn).stream().mapToDouble(s -> Vader.compound(s.text())).average().orElse(0);
    }

    private static int lastTurn(ConversationText text, Speaker speaker) {
        return lastTurn(text, speaker, text.turns().size());
    }

    private static int lastTurn(ConversationText text, Speaker speaker, int before) {
        for (int t = Math.min(before, text.turns().size()) - 1; t >= 0; t--) {
            if (text.turn(t).speaker() == speaker && !text.sentencesOf(t).isEmpty()) {
                return t;
            }
        }
        return -1;
    }

    /** The named groups of {@link #features}, in their order. */
    public static double[] select(double[] all, java.util.Collection<String> groups) {
        double[] out = new double[all.length];
        int n = 0;
        int at = 0;
        for (Group g : GROUPS) {
            if (groups.contains(g.name())) {
                System.arraycopy(all, at, out, n, g.width());
                n += g.width();
            }
            at += g.width();
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
