package io.verbatim.analysis.internal.learned;

import io.verbatim.analysis.BookingStatus;
import io.verbatim.analysis.ConversationAttributes;
import io.verbatim.analysis.internal.acts.BookingJudge;
import io.verbatim.analysis.internal.acts.DialogueAct;
import io.verbatim.analysis.internal.acts.DialogueActs;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Booking status re-judged by a trained classifier that sees the dialogue-act judge's verdict and how sure it
 * was, the kind of line (channel, direction, tags: a support line books nothing), which dialogue acts occur and
 * which of them in the last third, and how the conversation ends (its last sentences). It learned from
 * conversations where the rule said "not booked" for a slot the customer took in other words, or nothing for
 * a walk-in that did book.
 */
public final class LearnedBooking {

    public static final String FEATURES = "booking-v1: rule verdict, rule confidence, channel, direction, tags, acts, acts in the last third, last six sentences";
    public static final List<String> CLASSES = List.of("booked", "not_booked", "service_not_offered", "null");
    static final List<String> TAGS = List.of("csr", "support", "sales", "field_sales", "mystery_shop", "voice_agent");
    private static final Optional<LinearModel> MODEL = LinearModel.load("booking-status", FEATURES);

    private LearnedBooking() {
    }

    public static boolean applies(ConversationText text, RuleEvaluator rules) {
        return MODEL.isPresent() && rules.embedder() != null && text.isLanguage("en");
    }

    public static BookingJudge.Verdict judge(ConversationText text, RuleEvaluator rules, ConversationAttributes attributes,
                                             List<DialogueActs.Tag> acts, BookingJudge.Verdict rule) {
        double[] p = MODEL.orElseThrow().probabilities(features(text, rules, attributes, acts, rule));
        int best = LinearModel.argmax(p);
        String value = MODEL.get().classes().get(best);
        BookingStatus status = value.equals("null") ? null : BookingStatus.valueOf(value.toUpperCase(Locale.ROOT));
        if (status == rule.status()) {
            return new BookingJudge.Verdict(status, Math.max(p[best], rule.confidence()), rule.rule(), rule.evidence());
        }
        return new BookingJudge.Verdict(status, p[best], "trained classifier", status == null ? null : rule.evidence());
    }

    public static double[] features(ConversationText text, RuleEvaluator rules, ConversationAttributes attributes,
                                    List<DialogueActs.Tag> acts, BookingJudge.Verdict rule) {
        int verdict = rule.status() == null ? 3 : rule.status().ordinal();
        double[] line = new double[Channel.values().length + Direction.values().length + TAGS.size()];
        if (attributes.channel() != null) {
            line[attributes.channel().ordinal()] = 1;
        }
        if (attributes.direction() != null) {
            line[Channel.values().length + attributes.direction().ordinal()] = 1;
        }
        for (int i = 0; i < TAGS.size(); i++) {
            line[Channel.values().length + Direction.values().length + i] = attributes.tags().contains(TAGS.get(i)) ? 1 : 0;
        }
        int n = DialogueAct.values().length;
        double[] actCounts = new double[2 * n];
        int sentences = Math.max(1, text.sentences().size());
        for (DialogueActs.Tag t : acts) {
            actCounts[t.act().ordinal()] = Math.min(3, actCounts[t.act().ordinal()] + 1);
            if (t.sentence().index() >= sentences * 2 / 3) {
                actCounts[n + t.act().ordinal()] = 1;
            }
        }
        List<Sentence> all = text.sentences();
        List<Sentence> last = all.subList(Math.max(0, all.size() - 6), all.size());
        return Pooling.concat(Pooling.oneHot(verdict, 4, 1), new double[] {rule.confidence()}, line, actCounts,
                Pooling.mean(rules, last));
    }
}
