package io.verbatim.analysis.eval;

import java.util.Set;

/**
 * Loose call-reason match: the two snake_case categories share a content word (equal, or one
 * contains the other and is at least 4 letters: "pipe" ~ "repipe"), ignoring generic words
 * (inquiry, request, question, purchase, opening, general).
 */
final class ReasonMatch {

    private static final Set<String> GENERIC = Set.of("inquiry", "request", "question", "purchase", "opening", "general",
            "service", "followup", "status");

    private ReasonMatch() {
    }

    static boolean loose(String gold, String got) {
        if (gold.equals(got)) {
            return true;
        }
        for (String a : gold.split("_")) {
            for (String b : got.split("_")) {
                if (GENERIC.contains(a) || GENERIC.contains(b) || a.length() < 3 || b.length() < 3) {
                    continue;
                }
                if (a.equals(b) || (Math.min(a.length(), b.length()) >= 4 && (a.contains(b) || b.contains(a)))) {
                    return true;
                }
            }
        }
        return false;
    }
}
