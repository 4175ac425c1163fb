package io.verbatim.enrichment.pii;

import io.verbatim.enrichment.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An address said right after the word "address" ("my address is texas austin", "address 700 oakstreet
 * brockton ma 2301"), where typed or transcribed text has no capitals and no street word the pattern finders
 * know. The cue decides, not the shape: the value runs to the end of the clause (a phone number, "and",
 * "please", punctuation), two to ten words, and must start with a house number unless the cue ends in "is".
 */
final class CuedAddressFinder {

    private static final Pattern CUE = Pattern.compile("(?i)\\baddress(?:\\s+(is|:))?\\s*:?\\s+");
    /** Words that start a remark about the address, not the address itself ("the address is on file"). */
    private static final Set<String> NOT_START = Set.of("on", "of", "for", "and", "the", "still", "correct", "same", "not",
            "changed", "wrong", "in", "at", "a", "an", "that", "this", "it", "please", "to", "you", "i", "we", "my", "your",
            "no", "yes", "ok", "okay", "fine", "right", "incorrect", "outdated", "old", "new", "updated", "listed", "there",
            "here", "also", "now", "just", "being", "was", "has", "have", "with", "from", "so", "but", "or", "if", "as");
    private static final Set<String> STOP = Set.of("and", "please", "thanks", "thank", "phone", "number", "email", "mail",
            "my", "so", "but", "because", "can", "could", "would", "will", "is", "are", "for", "with", "contact", "mobile", "cell",
            "tel", "ph");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{7,}");

    private CuedAddressFinder() {
    }

    static List<Candidate> find(String text, List<Tok> toks) {
        List<Candidate> out = new ArrayList<>();
        Matcher m = CUE.matcher(text);
        while (m.find()) {
            boolean afterIs = m.group(1) != null;
            int first = firstTokenAt(toks, m.end());
            if (first < 0 || text.substring(m.end(), toks.get(first).start()).matches(".*[.?!;,].*")) {
                continue;
            }
            Tok head = toks.get(first);
            boolean number = Character.isDigit(head.text().charAt(0));
            if ((!afterIs && !number) || NOT_START.contains(head.folded())) {
                continue;
            }
            int last = first;
            for (int k = first + 1; k < toks.size() && k - first < 10; k++) {
                Tok t = toks.get(k);
                String gap = text.substring(toks.get(k - 1).end(), t.start());
                if (gap.matches(".*[.?!;].*") || STOP.contains(t.folded()) || LONG_DIGITS.matcher(t.text()).matches()) {
                    break;
                }
                last = k;
            }
            if (last > first) {
                out.add(new Candidate(PiiType.ADDRESS, head.start(), toks.get(last).end(), "cued-address",
                        text.substring(head.start(), toks.get(last).end()).toLowerCase(Locale.ROOT)));
            }
        }
        return out;
    }

    private static int firstTokenAt(List<Tok> toks, int position) {
        for (int k = 0; k < toks.size(); k++) {
            if (toks.get(k).start() >= position) {
                return k;
            }
        }
        return -1;
    }
}
