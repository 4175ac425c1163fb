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
            + "o'clock|am|pm|a m|p m|between|next week|noon)\\b"
            + "|\\bat (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})\\b");
    /** The agent putting times on the table: "I have Tuesday at nine or Wednesday at two", "I can get someone out tomorrow". */
    private static final Pattern AVAILABLE = Pattern.compile(
            "\\b(i have|i've got|i got|we have|we've got|i can (get|do|fit|take|put|have|squeeze|send)|we can (get|do|fit|take|have|send)|"
            + "(there's|there is) (an? )?(opening|slot|spot)|openings?|available|availability|first (slot|appointment|available)|"
            + "has (an )?(opening|openings|time))\\b");
    /** A cancellation said as done: "I've cancelled your appointment", "your visit has been cancelled". */
    private static final Pattern CANCELLED = Pattern.compile("\\b(cancelled|canceled)\\b");
    /** A call back is not a booking (the label scheme's definition): "I'll have billing call you back". */
    private static final Pattern CALLBACK = Pattern.compile(
            "\\b(call ?back|call(ed|s|ing)? (you )?back|call you at|(i'll|i will|we'll|we will) call you|give you a call|have (someone|somebody|them|him|her|a \\w+|our \\w+( \\w+)?) (call|reach out|contact)|"
            + "reach out to you)\\b");
    /** A time the customer can be booked at: a day, a clock time (not "today", said in every opening question). */
    private static final Pattern SLOT_TIME = Pattern.compile(
            "\\b(tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|o'clock|a m|p m|noon|next week)\\b"
            + "|\\b\\d{1,2} ?(am|pm)\\b|\\b(at|between) (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})\\b");
    private static final Pattern CLOSING = Pattern.compile("\\b(anything|something) else\\b");
    private static final Pattern NEGATION = Pattern.compile("\\b(not|no|n't|never|can't|won't|don't)\\b|n't\\b");
    private static final Pattern REPLACED = Pattern.compile("\\b(instead|moved|move|reschedul\\w*|now)\\b");
    private static final Pattern YES = Pattern.compile("^((oh|well|um|uh|hmm|so|okay) )*(yes|yeah|yep|yup|sure|ok|okay|perfect|great|sounds good|that works|"
            + "correct|that's right|right|absolutely|definitely|please do|go ahead|let's do)\\b");
    private static final Pattern NO = Pattern.compile("^((oh|well|um|uh|hmm|so|okay|yeah) )*(no|nope|nah|not (now|today|yet|right now|at the moment|at this time)|"
            + "i'll pass|maybe later|i'll think|let me think|i don't want|i do not want)\\b");

    private static final Pattern BACKCHANNEL = Pattern.compile("((oh|well|um|uh|hmm|so) )*(ok|okay|right|sure|yeah|mm ?hmm|alright|all right)[.,!]?");

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
        int confirmedTurn = -1;
        Sentence acceptedSlot = null;
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
            // "I'll have billing call you back": a callback agreed is not a booking, neither a result nor an offer
            if (CALLBACK.matcher(s.words()).find() && !STRONG_RESULT.matcher(words).find()) {
                continue;
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
            // "Your Thursday appointment has been cancelled" ends a booking, unless the same turn booked another time
            boolean cancelled = !question && !failed && CANCELLED.matcher(words).find() && !REPLACED.matcher(words).find()
                    && s.turn() != confirmedTurn && (CONTEXT.matcher(words).find() || RESULT.matcher(words).find());
            if (failed || cancelled) {
                booked = false;
                lastResult = s;
            } else if (confirmed) {
                booked = true;
                lastResult = s;
                confirmedTurn = s.turn();
            } else if (!booked && notOffered == null && !question && (a == DialogueAct.NOT_OFFERED || NOT_OFFERED.matcher(words).find())) {
                notOffered = s;
            }
            boolean offer = a == DialogueAct.BOOKING_OFFER || question && a != DialogueAct.CONFIRM_REQUEST && offerLike(text, s);
            // times put on the table ("I have Tuesday at nine or Wednesday at two"): the customer takes one by naming it
            String turnWords = lastOfTurn(text, s) ? turnWords(text, s.turn()) : null;
            boolean slot = !offer && !failed && turnWords != null && SLOT_TIME.matcher(turnWords).find()
                    && !CALLBACK.matcher(turnWords).find() && !CLOSING.matcher(s.words()).find()
                    && (AVAILABLE.matcher(turnWords).find() || DialogueActs.question(s));
            if (offer || slot) {
                Boolean answer = slot ? slotAnswer(text, s) : answer(text, s);
                if (Boolean.FALSE.equals(answer)) {
                    declinedOffer = s;
                    acceptedOffer = null;
                } else if (Boolean.TRUE.equals(answer)) {
                    acceptedOffer = s;
                    declinedOffer = null;
                    acceptedSlot = slot ? s : acceptedSlot;
                }
            }
        }
        if (lastResult != null && booked) {
            boolean offerAfter = declinedOffer != null && declinedOffer.index() > lastResult.index();
            return offerAfter ? new Verdict(BookingStatus.BOOKED, 0.7, "booking confirmed; a later offer declined", lastResult.evidence())
                    : new Verdict(BookingStatus.BOOKED, 0.9, "agent confirmed the booking", lastResult.evidence());
        }
        // only a time taken: "would you like a link to book online?" - "yes" after a failure books nothing
        if (lastResult != null && acceptedSlot != null && acceptedSlot == acceptedOffer && acceptedSlot.index() > lastResult.index()) {
            return new Verdict(BookingStatus.BOOKED, 0.65, "customer took a time offered after the failure", acceptedSlot.evidence());
        }
        if (lastResult != null) {
            return new Verdict(BookingStatus.NOT_BOOKED, 0.85, "the booking failed or was cancelled", lastResult.evidence());
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

    /**
     * On a booking line (a CSR line, a voice agent) every conversation is about an appointment, so one where none was
     * discussed still ends without one: not booked rather than no booking status (the label scheme requires it there).
     */
    public static Verdict onBookingLine(Verdict verdict, boolean bookingLine) {
        return verdict.status() == null && bookingLine
                ? new Verdict(BookingStatus.NOT_BOOKED, 0.5, "booking line, nothing booked", null) : verdict;
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

    /** Whether the sentence is the agent's last of its turn (the customer answers what was said last). */
    private static boolean lastOfTurn(ConversationText text, Sentence s) {
        return s.ordinal() == text.sentencesOf(s.turn()).size() - 1;
    }

    private static String turnWords(ConversationText text, int turn) {
        StringBuilder sb = new StringBuilder();
        text.sentencesOf(turn).forEach(x -> sb.append(x.words()));
        return sb.toString();
    }

    /** The customer's answer to times the agent offered: a yes, or a time of their own ("Monday at one"), or a no. */
    static Boolean slotAnswer(ConversationText text, Sentence offer) {
        Boolean answer = answer(text, offer);
        if (answer != null) {
            return answer;
        }
        for (Sentence s : text.sentences()) {
            if (s.index() <= offer.index()) {
                continue;
            }
            if (s.speaker() == Speaker.AGENT) {
                return null;
            }
            return SLOT_TIME.matcher(s.words()).find() && !NEGATION.matcher(s.words()).find() && !DialogueActs.question(s)
                    ? Boolean.TRUE : null;
        }
        return null;
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
                // a bare "Okay." is a backchannel: what the same turn says next decides ("Okay. Let me talk to my
                // husband first. I don't want to book anything right now.")
                return !(BACKCHANNEL.matcher(w).matches() && laterNo(text, s));
            }
        }
        return null;
    }

    private static boolean laterNo(ConversationText text, Sentence ack) {
        return text.sentencesOf(ack.turn()).stream()
                .anyMatch(x -> x.index() > ack.index() && NO.matcher(x.words().strip()).find());
    }
}
