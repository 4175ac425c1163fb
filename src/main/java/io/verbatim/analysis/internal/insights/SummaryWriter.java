package io.verbatim.analysis.internal.insights;

import io.verbatim.analysis.ActionItem;
import io.verbatim.analysis.CallReason;
import io.verbatim.analysis.Evidence;
import io.verbatim.analysis.Outcomes;
import io.verbatim.analysis.Owner;
import io.verbatim.analysis.Summary;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Extractive summary: the reason (the customer's own sentence that states it), the agent's key
 * resolution sentence (the booking or escalation the outcome rests on, else the agent's most detailed
 * offer or recommendation), the outcome in words, and
 * up to two open next steps. Verification and contact-detail sentences are never picked. Quotes are
 * cleaned of fillers and stutters.
 */
public final class SummaryWriter {

    private static final List<String> BOILERPLATE = List.of("verify", "verified", "date of birth", "social", "last four",
            "zip", "email", "e mail", "phone number", "best number", "address", "spell", "your name", "full name",
            "cedula", "correo", "fecha de nacimiento", "how can i help", "what can i do for you", "anything else",
            "thank you for calling", "thanks for calling");
    private static final Pattern OFFER = Pattern.compile(
            "\\b(i'd recommend|i recommend|my recommendation|i can|we can|here's what|i have a|i've|we have|le recomiendo|le puedo|tenemos|podemos)\\b");

    private static final Pattern GENERIC = Pattern.compile("\\bi can help( you)? with (that|this)\\b|\\bhow can i help\\b");

    private SummaryWriter() {
    }

    public static Summary write(ConversationText text, CallReason reason, Outcomes outcomes, List<ActionItem> items) {
        List<Evidence> used = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        sb.append(humanise(reason.category())).append('.');
        Evidence why = reason.evidence().isEmpty() ? null : reason.evidence().get(0);
        if (why != null && text.turn(why.turn()).speaker() == Speaker.CUSTOMER) {
            sb.append(" Customer: \u201c").append(Text.limitWords(Text.clean(why.quote()), 28)).append("\u201d");
            used.add(why);
        }
        List<Evidence> nextEvidence = items.stream().map(ActionItem::evidence).toList();
        Sentence key = keyAgentSentence(text, outcomes, why == null ? 0 : why.turn(), nextEvidence);
        if (key != null) {
            sb.append(" Agent: \u201c").append(Text.limitWords(Text.clean(key.text()), 28)).append("\u201d");
            used.add(key.evidence());
        }
        List<String> result = new ArrayList<>();
        if (outcomes.outcome() != null) {
            result.add(words(outcomes.outcome().wire()) + (outcomes.dealValue() != null
                    ? String.format(Locale.ROOT, " ($%,.2f)", outcomes.dealValue()).replace(".00)", ")") : ""));
        }
        if (outcomes.bookingStatus() != null) {
            result.add(words(outcomes.bookingStatus().wire()));
        }
        result.add(words(outcomes.resolution().wire()));
        sb.append(" Outcome: ").append(String.join(", ", result)).append('.');
        List<ActionItem> next = new ArrayList<>();
        items.stream().filter(i -> i.owner() == Owner.AGENT).findFirst().ifPresent(next::add);
        items.stream().filter(i -> i.owner() == Owner.CUSTOMER).findFirst().ifPresent(next::add);
        if (!next.isEmpty()) {
            sb.append(" Next: ");
            for (int i = 0; i < next.size(); i++) {
                ActionItem a = next.get(i);
                sb.append(i > 0 ? "; " : "").append(a.owner() == Owner.AGENT ? "agent" : "customer").append(" \u2014 \u201c")
                        .append(Text.limitWords(a.text(), 20)).append("\u201d");
                used.add(a.evidence());
            }
        }
        return new Summary(sb.toString(), "extractive", used);
    }

    private static Sentence keyAgentSentence(ConversationText text, Outcomes outcomes, int after, List<Evidence> avoid) {
        for (Outcomes.Reason r : outcomes.evidence()) {
            boolean decisive = (r.field().equals("booking_status") && outcomes.bookingStatus() != null
                    && outcomes.bookingStatus() != io.verbatim.analysis.BookingStatus.NOT_BOOKED)
                    || (r.field().equals("resolution") && outcomes.resolution() == io.verbatim.analysis.Resolution.ESCALATED);
            if (decisive && r.evidence() != null && text.turn(r.evidence().turn()).speaker() == Speaker.AGENT
                    && !avoid.contains(r.evidence())) {
                for (Sentence s : text.sentencesOf(r.evidence().turn())) {
                    if (s.text().equals(r.evidence().quote()) && !s.hasAny(BOILERPLATE) && s.wordCount() >= 4) {
                        return s;
                    }
                }
            }
        }
        Sentence best = null;
        for (Sentence s : text.sentences()) {
            if (s.speaker() == Speaker.AGENT && s.turn() > after && !s.hasAny(BOILERPLATE) && s.wordCount() >= 5
                    && OFFER.matcher(s.folded()).find() && !GENERIC.matcher(s.folded()).find() && !avoid.contains(s.evidence())
                    && !s.questionMark() && (best == null || s.wordCount() > best.wordCount())) {
                best = s;
            }
        }
        return best;
    }

    static String humanise(String category) {
        String t = (" " + category.replace('_', ' ') + " ").replace(" hvac ", " HVAC ").replace(" ac ", " AC ").strip();
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    private static String words(String wire) {
        return wire.replace('_', ' ');
    }
}
