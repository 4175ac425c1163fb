package io.verbatim.enrichment.pii;

import java.util.List;

/**
 * Names listed together: a capitalised word joined by "and", "&", "or" or a comma to a word already taken as
 * a name is one too ("Brabec, Doyle and Gonzalez", "Muslija and Brown"). Only single capitalised words that are
 * not sentence-start function words or organisation words; two passes reach both ends of a short list.
 */
final class Coordination {

    private Coordination() {
    }

    static void extend(String text, List<Tok> ts, NameFinder.Rule[] m) {
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < ts.size(); k++) {
                if (m[k] == null) {
                    continue;
                }
                if (k + 2 < ts.size() && joiner(text, ts, k, k + 1) && candidate(ts.get(k + 2)) && m[k + 2] == null) {
                    m[k + 2] = new NameFinder.Rule("listed-with-a-name", 1);
                }
                if (k + 1 < ts.size() && comma(text, ts.get(k), ts.get(k + 1)) && candidate(ts.get(k + 1)) && m[k + 1] == null) {
                    m[k + 1] = new NameFinder.Rule("listed-with-a-name", 1);
                }
                if (k >= 2 && joiner(text, ts, k - 2, k - 1) && candidate(ts.get(k - 2)) && m[k - 2] == null) {
                    m[k - 2] = new NameFinder.Rule("listed-with-a-name", 1);
                }
                if (k >= 1 && comma(text, ts.get(k - 1), ts.get(k)) && candidate(ts.get(k - 1)) && m[k - 1] == null) {
                    m[k - 1] = new NameFinder.Rule("listed-with-a-name", 1);
                }
            }
        }
    }

    /** Token {@code j} is "and", "or" or "&" right between {@code k} and {@code j + 1}. */
    private static boolean joiner(String text, List<Tok> ts, int k, int j) {
        String w = ts.get(j).folded();
        if (!w.equals("and") && !w.equals("or")) {
            return false;
        }
        return text.substring(ts.get(k).end(), ts.get(j).start()).matches(",?\\s+")
                && text.substring(ts.get(j).end(), ts.get(j + 1).start()).matches("\\s+");
    }

    private static boolean comma(String text, Tok a, Tok b) {
        return text.substring(a.end(), b.start()).matches(",\\s+");
    }

    private static boolean candidate(Tok t) {
        String f = t.folded();
        return t.capitalised() && t.text().length() > 1 && Character.isLetter(t.text().charAt(0)) && !Gazetteer.COMMON.contains(f)
                && !Gazetteer.ORGANISATION.contains(f) && !t.text().chars().allMatch(Character::isUpperCase);
    }
}
