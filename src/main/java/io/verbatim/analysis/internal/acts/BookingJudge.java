package io.verbatim.analysis.internal.acts;

import io.verbatim.analysis.BookingStatus;
import io.verbatim.analysis.Evidence;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Booking status from the course of the dialogue, not from any one phrase: the state at the end of the
 * conversation after the agent's booking results (confirmed / failed), offers the customer accepted or
 * declined, and statements that the business does not offer the service. Sentences are read through
 * their dialogue acts ({@link DialogueActs}) with general lexical evidence of a result ("booked",
 * "unable", "not successful") as a second signal, so a paraphrase nobody listed still counts.
 */
public final class BookingJudge {

    /** The judgment: status (null = not a booking conversation), confidence and the sentence it rests on. */
    public record Verdict(BookingStatus status, double confidence, String rule, Evidence evidence) {
    }

    /** Similarity to the confirmations at which a sentence counts as a booking result without a result word. */
    static final double STRONG = 0.72;
    /** A result said to the customer's face: "you're booked", "I've moved you", "see you Saturday" (even inside a recap). */
    private static final Pattern STRONG_RESULT = Pattern.compile(
            "\\byou('re| are) (now )?(all )?(booked|scheduled|rescheduled|confirmed|set for|on the schedule)\\b"
            + "|\\bi('ve| have) (just )?(booked|scheduled|moved|rescheduled|reserved|confirmed) (you|your|it|that|the)\\b"
            + "|\\bsee you\\b.{0,30}\\b(today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next week)\\b");
    private static final Pattern NEGATED_RESULT = Pattern.compile(
            "\\b(unable|couldn't|could not|can't|cannot|wasn't able|was not able|weren't able|not successful|unsuccessful|"
            + "failed|fail|no longer available|not available|unavailable|fully booked|booked up|no openings|no availability|"
            + "already (been )?(taken|booked|reserved)|did not go through|didn't go through)\\b");
    private static final Pattern RESULT = Pattern.compile(
            "\\b(reservation|booking|appointment|visit|viewing) (is|has been|was) (made|complete|completed|done|set|set up)\\b"
            + "|\\bi('ve| have)? (made|completed|set up) (the|your|a) (reservation|booking|appointment|visit|viewing)\\b"
            + "|\\b(reservation|booking|appointment|visit|viewing)\\b.{0,40}\\b(is|are|has been|have been) (all )?set\\b"
            + "|\\b(booked|scheduled|rescheduled|moved|reserved|confirmed|successful(ly)?|all set|on the schedule|got you down|put you down|"
            + "penciled you in|locked in|see you (on|at|then|tomorrow|next))\\b");
    /** The business does not do it: "we don't offer ...", "X isn't offered here", "not something we do". */
    private static final Pattern NOT_OFFERED = Pattern.compile(
            "\\b(doesn't|does not|don't|do not|no longer|won't|will not) (offer|provide|do|carry|service|handle|perform|install|sell|work on|treat|repair)\\b"
            + "|\\b(isn't|aren't|is not|are not) (offered|provided|available at|something (we|that we))\\b|\\bnot (a service|something) (we|that we)\\b"
            + "|\\b(outside|out of) (of )?(our|what we) (service|scope|area of)");
    private static final Pattern CONTEXT = Pattern.compile(
            "\\b(appointment|appointments|book|booking|booked|schedule|scheduled|reschedule|reservation|reserve|visit|viewing|"
            + "consultation|estimate|inspection|technician|slot|opening|availability|come out|table for)\\b");
    /** A restatement for the customer to check ("to confirm, ...", "so you'd like ..."): a request, not a result. */
    private static final Pattern RESTATEMENT = Pattern.compile(
            "^(so |okay |ok |alright )?(to confirm|just to confirm|let me confirm|please confirm|can you confirm|could you confirm|"
            + "confirming|you would like|you'd like|you want|so you)\\b");
    private static final Pattern PROPOSAL = Pattern.compile(
            "\\b(would you like|do you want|want me to|shall i|should i|can i|could i|would (that|this|it) work|does (that|this|it) work|"
            + "will (that|this|it) work|how about|how does|would you prefer|which works)\\b");
    private static final Pattern TIME = Pattern.compile(
            "\\b(today|tomorrow|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
            + "o'clock|am|pm|a m|p m|between|next week)\\b");
    private static final Pattern YES = Pattern.compile("^((oh|well|um|uh|hmm|so|okay) )*(yes|yeah|yep|yup|sure|ok|okay|perfect|great|sounds good|that works|"
            + "correct|that's right|right|absolutely|definitely|please do|go ahead|let's do)\\b");
    private static final Pattern NO = Pattern.compile("^((oh|well|um|uh|hmm|so|okay|yeah) )*(no|nope|nah|not (now|today|yet|right now|at the moment|at this time)|"
            + "i'll pass|maybe later|i'll think|let me think|i don't want|i do not want)\\b");

    private BookingJudge() {
    }

    public static Verdict judge(ConversationText text, List<DialogueActs.Tag> tags) {
        Map<Integer, DialogueAct> act = new HashMap<>();
        Map<Integer, Double> score = new HashMap<>();
        for (DialogueActs.Tag t : tags) {
            act.put(t.sentence().index(), t.act());
            score.put(t.sentence().index(), t.score());
        }
        Sentence lastResult = null;
        boolean booked = false;
        Sentence notOffered = null;
        Sentence declinedOffer = null;
        Sentence acceptedOffer = null;
        Sentence context = null;
        List<Sentence> sentences = text.sentences();
        for (Sentence s : sentences) {
            DialogueAct a = act.get(s.index());
            String words = s.words();
            if (context == null && CONTEXT.matcher(words).find()) {
                context = s;
            }
            if (s.speaker() != Speaker.AGENT) {
                continue;
            }
            // "Your visit is scheduled, shall I help with anything more?": the statement before the closing question counts
            String statement = DialogueActs.question(s) ? declarativePart(s.words()) : words;
            boolean question = statement == null;
            if (!question) {
                words = statement;
            }
            boolean restated = RESTATEMENT.matcher(words.strip()).find();
            boolean failed = a == DialogueAct.BOOKING_FAILED || !question && NEGATED_RESULT.matcher(words).find()
                    && (CONTEXT.matcher(words).find() || RESULT.matcher(words).find() || a == DialogueAct.BOOKING_CONFIRMED);
            // a result in so many words, or a sentence very close to the confirmations (availability read out,
            // "I've got Thursday or Saturday", is close too, so similarity alone must be high)
            boolean lexicalResult = RESULT.matcher(words).find()
                    && (CONTEXT.matcher(words).find() || context != null && TIME.matcher(words).find());
            boolean confirmed = !failed && !question && (STRONG_RESULT.matcher(words).find()
                    || !restated && a != DialogueAct.CONFIRM_REQUEST && a != DialogueAct.BOOKING_OFFER
                    && (lexicalResult || a == DialogueAct.BOOKING_CONFIRMED && score.getOrDefault(s.index(), 0.0) >= STRONG));
            if (failed) {
                booked = false;
                lastResult = s;
            } else if (confirmed) {
                booked = true;
                lastResult = s;
            } else if (!booked && notOffered == null && !question && (a == DialogueAct.NOT_OFFERED || NOT_OFFERED.matcher(words).find())) {
                notOffered = s;
            }
            if (a == DialogueAct.BOOKING_OFFER || question && a != DialogueAct.CONFIRM_REQUEST && offerLike(text, s)) {
                Boolean answer = answer(text, s);
                if (Boolean.FALSE.equals(answer)) {
                    declinedOffer = s;
                    acceptedOffer = null;
                } else if (Boolean.TRUE.equals(answer)) {
                    acceptedOffer = s;
                    declinedOffer = null;
                }
            }
        }
        if (lastResult != null && booked) {
            boolean offerAfter = declinedOffer != null && declinedOffer.index() > lastResult.index();
            return offerAfter ? new Verdict(BookingStatus.BOOKED, 0.7, "booking confirmed; a later offer declined", lastResult.evidence())
                    : new Verdict(BookingStatus.BOOKED, 0.9, "agent confirmed the booking", lastResult.evidence());
        }
        if (lastResult != null) {
            return new Verdict(BookingStatus.NOT_BOOKED, 0.85, "the booking failed", lastResult.evidence());
        }
        if (acceptedOffer != null) {
            return new Verdict(BookingStatus.BOOKED, 0.6, "customer accepted the offered booking", acceptedOffer.evidence());
        }
        if (notOffered != null) {
            return new Verdict(BookingStatus.SERVICE_NOT_OFFERED, 0.75, "agent said the business does not offer it", notOffered.evidence());
        }
        if (declinedOffer != null) {
            return new Verdict(BookingStatus.NOT_BOOKED, 0.8, "customer declined the offer to book", declinedOffer.evidence());
        }
        if (context != null) {
            return new Verdict(BookingStatus.NOT_BOOKED, 0.55, "booking discussed, none confirmed", context.evidence());
        }
        return new Verdict(null, 0.7, "no booking discussed", null);
    }

    /** The words before a closing question ("..., shall I help with anything else"), or null when all of it asks. */
    static String declarativePart(String words) {
        java.util.regex.Matcher m = Pattern.compile("^(.{12,}?) (shall|should|can|could|would|will|do|does|is|are|anything|what|how) (i|you|we|there|that|this|else)\\b").matcher(words);
        if (!m.find()) {
            return null;
        }
        String head = " " + m.group(1).strip() + " ";
        return DialogueActs.INTERROGATIVE.matcher(head.strip()).find() ? null : head;
    }

    /** A proposal ("would you like me to book", "does that work?") about a booking said in it or just before it. */
    private static boolean offerLike(ConversationText text, Sentence s) {
        if (!PROPOSAL.matcher(s.words()).find()) {
            return false;
        }
        if (CONTEXT.matcher(s.words()).find()) {
            return true;
        }
        List<Sentence> turn = text.sentencesOf(s.turn());
        return s.ordinal() > 0 && (CONTEXT.matcher(turn.get(s.ordinal() - 1).words()).find() || TIME.matcher(turn.get(s.ordinal() - 1).words()).find());
    }

    /** The customer's answer to an agent's question: true (accepts), false (declines) or null (no clear answer). */
    static Boolean answer(ConversationText text, Sentence question) {
        for (Sentence s : text.sentences()) {
            if (s.index() <= question.index()) {
                continue;
            }
            if (s.speaker() == Speaker.AGENT) {
                if (s.turn() != question.turn()) {
                    return null;
                }
                continue;
            }
            // the customer's whole answering turn: "Today? Oh, that would be, yes. Absolutely."
            String w = s.words().strip();
            if (NO.matcher(w).find()) {
                return false;
            }
            if (YES.matcher(w).find()) {
                return true;
            }
        }
        return null;
    }
}
