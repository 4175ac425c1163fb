package io.verbatim.analysis.internal.insights;

import io.verbatim.analysis.BookingStatus;
import io.verbatim.analysis.ConversationAttributes;
import io.verbatim.analysis.Evidence;
import io.verbatim.analysis.Objection;
import io.verbatim.analysis.ObjectionCategory;
import io.verbatim.analysis.Outcomes;
import io.verbatim.analysis.Qualification;
import io.verbatim.analysis.Resolution;
import io.verbatim.analysis.SalesOutcome;
import io.verbatim.analysis.SentimentSignal;
import io.verbatim.analysis.internal.acts.BookingJudge;
import io.verbatim.analysis.internal.text.Amounts;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Normalizer;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Outcome fields, each decided by a documented rule and explained by the sentence it rests on.
 * <ul>
 *   <li><b>Booking</b> applies when an appointment, visit, estimate or technician is discussed, except on
 *   field visits (the visit is the appointment) and, for walk-in (in-person) conversations, only when
 *   one was actually booked. booked: the agent confirms a booking, a move or an existing appointment, or
 *   the customer accepts an offered slot; service_not_offered: the agent says the business does not do
 *   it; otherwise not_booked (a promised callback is not a booking).</li>
 *   <li><b>Qualification</b> applies to prospects: a booking conversation (not with a voice agent) where
 *   the customer asks for a service, a price or reports a problem, and which is not about an existing
 *   appointment. unqualified: not offered, or cannot buy (renter); hot: booked; cold: browsing, no
 *   near-term intent; otherwise warm.</li>
 *   <li><b>Sales outcome</b> applies to field visits: closed_won when the customer accepts ("let's do it")
 *   and does not take it back; closed_lost when the customer refuses and no follow-up is agreed; else open.
 *   <b>Deal value</b> (closed_won only): the last price the agent stated before the acceptance (not a
 *   monthly payment, a rate, a rebate or the customer's own costs), less a stated percentage or amount discount.</li>
 *   <li><b>Resolution</b>: escalated when a supervisor, human, nurse or front desk is to call back or
 *   take over; else from the sales outcome (won = resolved) or the booking (booked or referred =
 *   resolved; not booked = unresolved); else unresolved when the customer's last question got an
 *   uncertain or negative answer or the customer ends negative and worsening; else resolved.</li>
 * </ul>
 */
public final class OutcomeFinder {

    private static final Pattern LEAD = Pattern.compile(
            "\\bhow much\\b|\\b(the )?(cost|price|quote|estimate|ballpark)\\b|\\bdo you (guys )?(do|offer|pump|install|fix|repair|service|clean|replace|handle|sell)\\b"
            + "|\\bleak(ing|s)?\\b|\\bnot (really )?(cooling|heating|working|draining)\\b|\\bbroken\\b|\\bstopped working\\b|\\bneed (a|someone|somebody|an)\\b"
            + "|\\blooking for\\b|\\binterested in\\b|\\bbacking up\\b|\\bclogged\\b|\\bcuanto\\b|\\bnecesito\\b");
    private static final List<String> EXISTING_APPOINTMENT = List.of("my appointment", "move my", "reschedule",
            "cancel my appointment", "remind you", "reminder", "your appointment", "mi cita");
    private static final List<String> CANNOT_BUY = List.of("i rent", "i'm renting", "we rent", "my landlord",
            "the landlord", "i'm a tenant", "not the owner", "don't own", "no soy el dueno");
    private static final List<String> BROWSING = List.of("just looking", "just browsing", "just curious",
            "not anytime soon", "maybe next year", "down the road", "just getting an idea", "no rush", "just shopping around");
    private static final List<String> ACCEPT = List.of("let's do it", "let's do this", "i'll take it", "we'll take it",
            "sign me up", "where do i sign", "let's go ahead", "let's go with", "we'll do it", "i'm in", "you've got a deal",
            "deal", "let's move forward", "vamos a hacerlo", "lo tomo", "trato hecho");
    private static final List<String> REFUSE = List.of("not signing", "heard enough", "not interested", "no thanks",
            "no thank you", "we'll pass", "i'll pass", "going to pass", "not buying", "not going to do it",
            "not going to do this", "not for us", "no gracias", "no me interesa");
    private static final Pattern FOLLOW_UP = Pattern.compile(
            "\\b(follow up|call you|check back|circle back|come back|stop by|talk to you|touch base)\\b");
    private static final Pattern ESCALATION_ROLE = Pattern.compile(
            "\\b(supervisor|manager|front desk|nurse|triage|specialist|a human|a person|someone from|team lead|escalat\\w*|billing team|emergency)\\b");
    private static final Pattern HANDOFF = Pattern.compile(
            "\\b(call you back|callback|call-back|have (one|someone|somebody|a \\w+) call you|someone will call|somebody will call|will call you|transfer you|transferring you|connect you|put you through|escalat\\w+)\\b");
    private static final List<String> ASKS_FOR_HUMAN = List.of("talk to a person", "speak to a person", "talk to a human",
            "speak to a human", "real person", "a representative", "talk to someone", "speak to someone", "a supervisor",
            "a manager", "speak to your manager", "hablar con una persona", "un supervisor");
    private static final List<String> UNCERTAIN = List.of("not sure", "i don't know", "i think", "not a hundred percent",
            "no idea", "we don't", "we can't", "i can't", "unfortunately", "not able", "no se", "creo que",
            "no estoy seguro", "no tenemos");
    private static final Pattern PER_PERIOD = Pattern.compile("^(a|per|each|every|/)? ?(month|mo|year|yr|week|day|hour)");
    private static final Pattern NOT_PRICE = Pattern.compile(
            "\\b(deductible|rebate|credit|save|saving|savings|down payment|deposit|interest|apr|bill|paid|usage|income|salary)\\b");
    private static final Pattern DISCOUNT = Pattern.compile("\\bdiscount|\\boff\\b");

    private OutcomeFinder() {
    }

    /**
     * Whether a sentence states a need or asks a price ("how much would a new one cost"): the sign of a lead, so never
     * read as its opposite, however close its meaning comes to "just curious".
     */
    public static boolean isLeadCue(Sentence sentence) {
        return LEAD.matcher(sentence.folded()).find();
    }

    public static Outcomes find(ConversationText text, ConversationAttributes attributes, List<Objection> objections,
                                SentimentSignal sentiment, BookingJudge.Verdict bookingVerdict) {
        return find(text, attributes, objections, sentiment, bookingVerdict, List::of);
    }

    /**
     * @param noNearTermIntent the customer sentences that mean "not for now" ({@link IntentCues}), asked for only where a
     *                         lead with a need and no booking is qualified: the first that is not itself a need or price
     *                         question ({@link #isLeadCue}) makes the lead cold, as the listed browsing phrases do
     */
    public static Outcomes find(ConversationText text, ConversationAttributes attributes, List<Objection> objections,
                                SentimentSignal sentiment, BookingJudge.Verdict bookingVerdict,
                                Supplier<List<Sentence>> noNearTermIntent) {
        List<Outcomes.Reason> why = new ArrayList<>();
        boolean fieldVisit = attributes.channel() == Channel.FIELD_VISIT;
        boolean walkIn = attributes.direction() == Direction.IN_PERSON && !fieldVisit;

        // booking: from the dialogue's course (BookingJudge); never on field visits (the visit is the appointment) or
        // support lines (tag "support"); on walk-ins only when one was actually booked
        BookingStatus booking = null;
        boolean supportLine = attributes.tags().contains("support");
        if (!fieldVisit && !supportLine && bookingVerdict.status() != null
                && !(walkIn && bookingVerdict.status() != BookingStatus.BOOKED)) {
            booking = bookingVerdict.status();
            why.add(new Outcomes.Reason("booking_status", bookingVerdict.rule(), bookingVerdict.evidence()));
        }
        // The sentence the booking judge decided "not offered" on is the evidence here too (one finder, not two).
        Evidence notOffered = booking == BookingStatus.SERVICE_NOT_OFFERED ? bookingVerdict.evidence() : null;

        // qualification
        Qualification qualification = null;
        Sentence lead = Cues.first(text, Speaker.CUSTOMER, LEAD);
        Sentence existing = Cues.first(text, null, EXISTING_APPOINTMENT);
        // a CSR line (tag "csr") takes prospects by definition; elsewhere a booking conversation with a stated need
        boolean csrLine = attributes.tags().contains("csr");
        if (csrLine || booking != null && attributes.channel() != Channel.VOICE_AGENT && !walkIn && lead != null && existing == null) {
            Sentence cannot = Cues.first(text, Speaker.CUSTOMER, CANNOT_BUY);
            Sentence browsing = Cues.first(text, Speaker.CUSTOMER, BROWSING);
            if (booking == BookingStatus.SERVICE_NOT_OFFERED || cannot != null) {
                qualification = Qualification.UNQUALIFIED;
                why.add(cannot != null ? reason("qualification", "customer cannot buy", cannot)
                        : new Outcomes.Reason("qualification", "service not offered", notOffered));
            } else if (booking == BookingStatus.BOOKED) {
                qualification = Qualification.HOT;
                why.add(reason("qualification", "need and a booking made", lead));
            } else if (browsing != null) {
                qualification = Qualification.COLD;
                why.add(reason("qualification", "browsing, no near-term intent", browsing));
            } else {
                // said in other words (looked for only here, where the lead would otherwise be warm): its own rule
                // name, so its confidence is measured apart from the listed phrases'
                Sentence notForNow = noNearTermIntent.get().stream().filter(x -> !isLeadCue(x)).findFirst().orElse(null);
                if (notForNow != null) {
                    qualification = Qualification.COLD;
                    why.add(reason("qualification", "no near-term intent, by meaning", notForNow));
                } else {
                    qualification = Qualification.WARM;
                    Objection o = objections.stream().filter(x -> x.category() == ObjectionCategory.DECISION_MAKER
                            || x.category() == ObjectionCategory.PRICE || x.category() == ObjectionCategory.TIMING).findFirst().orElse(null);
                    why.add(new Outcomes.Reason("qualification", "real need, decision or timing open",
                            o != null ? new Evidence(o.turn(), o.start(), o.quote()) : lead == null ? null : lead.evidence()));
                }
            }
        }

        // sales outcome and deal value
        SalesOutcome outcome = null;
        Double dealValue = null;
        if (fieldVisit) {
            Sentence accept = Cues.last(text, Speaker.CUSTOMER, ACCEPT);
            Sentence refuse = Cues.last(text, Speaker.CUSTOMER, REFUSE);
            Sentence followUp = agreedFollowUp(text);
            if (accept != null && (refuse == null || refuse.index() < accept.index())) {
                outcome = SalesOutcome.CLOSED_WON;
                why.add(reason("outcome", "customer accepted", accept));
                Sentence price = dealPrice(text, accept.turn());
                if (price != null) {
                    dealValue = dealValue(text, price);
                    why.add(reason("deal_value", "last price stated before the acceptance, less stated discounts", price));
                }
            } else if (followUp != null) {
                outcome = SalesOutcome.OPEN;
                why.add(reason("outcome", "undecided, follow-up agreed", followUp));
            } else if (refuse != null) {
                outcome = SalesOutcome.CLOSED_LOST;
                why.add(reason("outcome", "customer refused", refuse));
            } else {
                outcome = SalesOutcome.OPEN;
                why.add(new Outcomes.Reason("outcome", "no acceptance or refusal", null));
            }
        }

        // resolution
        Resolution resolution;
        Sentence handoff = escalation(text);
        if (handoff != null) {
            resolution = Resolution.ESCALATED;
            why.add(reason("resolution", "handed to a supervisor, human or other desk", handoff));
        } else if (outcome != null) {
            resolution = outcome == SalesOutcome.CLOSED_WON ? Resolution.RESOLVED : Resolution.UNRESOLVED;
            why.add(new Outcomes.Reason("resolution", "from the sales outcome (" + outcome.wire() + ")", null));
        } else if (booking != null) {
            resolution = booking == BookingStatus.NOT_BOOKED ? Resolution.UNRESOLVED : Resolution.RESOLVED;
            why.add(new Outcomes.Reason("resolution", "from the booking status (" + booking.wire() + ")", null));
        } else {
            Sentence unanswered = unansweredLastQuestion(text);
            boolean sour = sentiment != null && sentiment.overall() == SentimentSignal.Polarity.NEGATIVE
                    && sentiment.trend() == SentimentSignal.Trend.WORSENING;
            if (unanswered != null || sour) {
                resolution = Resolution.UNRESOLVED;
                why.add(reason("resolution", unanswered != null ? "the customer's last question got an uncertain or negative answer"
                        : "customer ends negative and worsening", unanswered));
            } else {
                resolution = Resolution.RESOLVED;
                why.add(new Outcomes.Reason("resolution", "questions answered, no escalation or open sale", null));
            }
        }
        return new Outcomes(booking, qualification, resolution, outcome, dealValue, why);
    }

    private static Outcomes.Reason reason(String field, String rule, Sentence s) {
        return new Outcomes.Reason(field, rule, s == null ? null : s.evidence());
    }

    private static Sentence agreedFollowUp(ConversationText text) {
        for (Sentence s : text.sentences()) {
            if (s.speaker() == Speaker.AGENT && FOLLOW_UP.matcher(s.folded()).find() && s.questionMark()
                    && ActionItemFinder.acceptedNext(text, s.turn())) {
                return s;
            }
        }
        return null;
    }

    private static Sentence escalation(ConversationText text) {
        boolean asked = Cues.first(text, Speaker.CUSTOMER, ASKS_FOR_HUMAN) != null;
        for (Sentence s : text.sentences()) {
            if (s.speaker() != Speaker.AGENT) {
                continue;
            }
            boolean role = ESCALATION_ROLE.matcher(s.folded()).find();
            boolean handoff = HANDOFF.matcher(s.folded()).find();
            if (handoff && (role || asked)) {
                return s;
            }
        }
        return null;
    }

    private static Sentence unansweredLastQuestion(ConversationText text) {
        List<Turn> turns = text.turns();
        for (int t = turns.size() - 1; t >= 0; t--) {
            if (turns.get(t).speaker() != Speaker.CUSTOMER) {
                continue;
            }
            Sentence question = null;
            for (Sentence s : text.sentencesOf(t)) {
                if (s.questionMark()) {
                    question = s;
                }
            }
            if (question == null) {
                continue;
            }
            for (int j = t + 1; j < turns.size(); j++) {
                if (turns.get(j).speaker() == Speaker.AGENT) {
                    String answer = Normalizer.words(turns.get(j).text());
                    return Text.any(answer, UNCERTAIN) ? text.sentencesOf(j).get(0) : null;
                }
            }
            return question;
        }
        return null;
    }

    /** The agent's last price statement before the acceptance turn. */
    private static Sentence dealPrice(ConversationText text, int acceptTurn) {
        Sentence best = null;
        for (Sentence s : text.sentences()) {
            if (s.turn() >= acceptTurn) {
                break;
            }
            if (s.speaker() == Speaker.AGENT && price(s) != null) {
                best = s;
            }
        }
        return best;
    }

    private static Double price(Sentence s) {
        if (NOT_PRICE.matcher(s.folded()).find()) {
            return null;
        }
        Double best = null;
        for (Amounts.Amount a : Amounts.find(s.text())) {
            if (a.percent() || a.value() < 100 || a.following().startsWith("off") || a.following().startsWith("discount")
                    || PER_PERIOD.matcher(a.following()).find()
                    || a.following().matches("^(months?|years?|days?|weeks?|hours?|minutes?|panels?|kilowatts?|tons?|square|feet|foot|gigs?|amps?|lines?|miles?|percent).*")) {
                continue;
            }
            if (a.value() >= 1900 && a.value() <= 2100 && !a.currency()) {
                continue;
            }
            best = best == null ? a.value() : Math.max(best, a.value());
        }
        return best;
    }

    private static double dealValue(ConversationText text, Sentence priceSentence) {
        double base = price(priceSentence);
        double value = base;
        for (Sentence s : text.sentences()) {
            if (s.index() < priceSentence.index() || s.speaker() != Speaker.AGENT || !DISCOUNT.matcher(s.folded()).find()) {
                continue;
            }
            for (Amounts.Amount a : Amounts.find(s.text())) {
                if (a.percent() && a.value() > 0 && a.value() < 50) {
                    value = base * (1 - a.value() / 100.0);
                } else if (!a.percent() && a.value() > 0 && a.value() < base / 2 && a.following().startsWith("off")) {
                    value = base - a.value();
                }
            }
        }
        return Math.round(value * 100) / 100.0;
    }
}
