package io.verbatim.analysis.eval;

import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.speech.Speaker;

/** The customer's share of the words spoken: a customer who stops talking or takes over the call shows it here. */
final class CustomerWords {

    private CustomerWords() {
    }

    /** Share over the call, share in the last third of the turns, and that minus the share in the first third. */
    static double[] shares(ConversationText text) {
        int n = text.turns().size();
        double[] customer = new double[3];
        double[] all = new double[3];
        for (int t = 0; t < n; t++) {
            String said = text.turn(t).text();
            int words = said == null || said.isBlank() ? 0 : said.trim().split("\\s+").length;
            int third = Math.min(2, t * 3 / Math.max(1, n));
            all[third] += words;
            customer[third] += text.turn(t).speaker() == Speaker.CUSTOMER ? words : 0;
        }
        double total = all[0] + all[1] + all[2];
        double share = total > 0 ? (customer[0] + customer[1] + customer[2]) / total : 0.5;
        double first = all[0] > 0 ? customer[0] / all[0] : share;
        double last = all[2] > 0 ? customer[2] / all[2] : share;
        return new double[] {share, last, last - first};
    }
}
