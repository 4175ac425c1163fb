package io.verbatim.enrichment.pii;

import io.verbatim.enrichment.PiiType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * People's names in text without capitals (speech engines, chat logs: "hi my name is robert johnson"),
 * where {@link NameFinder}'s capitalisation cues are missing. A word is taken as a name by:
 * <ul>
 *   <li>an introduction cue before it ("my name is", "name", "call me", "this is", "i am", "speaking with");
 *       after a strong cue any word that is not an ordinary English word, or a listed name, is accepted;</li>
 *   <li>a title or greeting before it ("mister", "miss", "doctor", "hi", "thank you", "bye") when it is a listed name;</li>
 *   <li>a listed given name of four letters or more that is not also an ordinary word ("patricia", "murali"), anywhere;</li>
 *   <li>a listed surname right after a name ("patricia brown");</li>
 *   <li>having been found so elsewhere in the conversation.</li>
 * </ul>
 * Names that are ordinary words ("will", "rose", "bill", "grant") therefore need a cue. A run followed by
 * an organisation word ("harper valley national bank") is not a person. Linear in the number of words.
 */
final class SpokenNameFinder {

    private static final List<List<String>> STRONG = cues("my name is", "my name's", "name is", "my name", "name's", "call me",
            "this is", "speaking with", "speaking to", "talking to", "talking with", "name", "mister", "mr", "mrs", "ms", "miss",
            "doctor", "dr");
    /** "i am X": a name when X is no ordinary word, unlike after a greeting, where X must be a listed name. */
    private static final List<List<String>> SELF = cues("i am", "i'm", "im", "myself");
    private static final List<List<String>> WEAK = cues("it's", "hi", "hello", "hey", "thanks", "thank you",
            "bye", "goodbye", "welcome", "okay", "ok", "dear", "sir", "madam", "ma'am");
    private static final Set<String> FILLERS = Set.of("uh", "um", "er", "erm", "ah", "hm", "hmm", "mm", "oh", "yeah", "yes", "so",
            "is", "it's", "its", "the");
    private static final Set<String> STOP = Set.of("and", "my", "the", "is", "i", "a", "an", "to", "of", "for", "from", "with", "at",
            "in", "on", "or", "but", "please", "here", "there", "calling", "speaking", "again", "too", "also", "last", "first",
            "full", "number", "account", "card", "phone", "email", "address", "ssn", "id", "no", "not", "yes", "just", "um", "uh");

    /** Words that end the look-ahead for an organisation word: "peter parker and my credit card" is a person. */
    private static final Set<String> CLAUSE = Set.of("and", "my", "is", "i", "but", "so");

    private SpokenNameFinder() {
    }

    /** True when the conversation has no capital letter other than the pronoun "I": capitalisation says nothing. */
    static boolean caseless(List<List<Tok>> toks) {
        for (List<Tok> ts : toks) {
            for (Tok t : ts) {
                if (t.capitalised() && !t.text().equals("I") && !t.text().startsWith("I'")) {
                    return false;
                }
            }
        }
        return true;
    }

    static List<List<Candidate>> find(List<String> texts, List<List<Tok>> toks) {
        return find(texts, toks, Set.of());
    }

    /** @param participants folded words of the participants' names from the metadata, marked wherever they occur */
    static List<List<Candidate>> find(List<String> texts, List<List<Tok>> toks, Set<String> participants) {
        int n = texts.size();
        boolean[][] marks = new boolean[n][];
        String[][] rules = new String[n][];
        Set<String> lexicon = new HashSet<>();
        for (int i = 0; i < n; i++) {
            List<Tok> ts = toks.get(i);
            marks[i] = new boolean[ts.size()];
            rules[i] = new String[ts.size()];
            for (int k = 0; k < ts.size(); k++) {
                int strong = cueEnd(ts, k, STRONG);
                int self = strong < 0 ? cueEnd(ts, k, SELF) : -1;
                int weak = strong < 0 && self < 0 ? cueEnd(ts, k, WEAK) : -1;
                if (strong >= 0) {
                    mark(ts, marks[i], rules[i], skipFillers(ts, strong), true, "introduction");
                } else if (self >= 0) {
                    mark(ts, marks[i], rules[i], skipFillers(ts, self), false, "self");
                } else if (weak >= 0) {
                    mark(ts, marks[i], rules[i], skipFillers(ts, weak), false, "greeting");
                }
                String f = ts.get(k).base();
                // on sight only from four letters: short names collide with abbreviations and brands ("al", "ave", "mac")
                if (!marks[i][k] && f.length() > 3 && NameLists.clearGiven(f) && nameShaped(ts.get(k)) && !organisationAfter(ts, k)
                        && !afterContentWord(ts, k)) {
                    mark(ts, marks[i], rules[i], k, false, "given-name");
                }
            }
            for (int k = 0; k < ts.size(); k++) {
                if (!marks[i][k] && participants.contains(ts.get(k).base())) {
                    marks[i][k] = true;
                    rules[i][k] = "participant";
                }
            }
            bareAnswer(ts, marks[i], rules[i], nameBefore(marks, rules, i));
            for (int k = 0; k < ts.size(); k++) {
                if (marks[i][k]) {
                    lexicon.add(ts.get(k).base());
                }
            }
        }
        List<List<Candidate>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Tok> ts = toks.get(i);
            for (int k = 0; k < ts.size(); k++) {
                if (!marks[i][k] && lexicon.contains(ts.get(k).base()) && !NameLists.ordinary(ts.get(k).base())) {
                    marks[i][k] = true;
                    rules[i][k] = "repeat";
                }
            }
            out.add(spans(texts.get(i), ts, marks[i], rules[i]));
        }
        return out;
    }

    /**
     * Marks a name starting at token {@code k}: its first word, then up to two more that are listed names
     * (or, after a strong cue, words that are not ordinary). Nothing is marked when an organisation word follows.
     */
    private static void mark(List<Tok> ts, boolean[] m, String[] rule, int k, boolean strong, String why) {
        if (k < 0 || k >= ts.size()) {
            return;
        }
        Tok first = ts.get(k);
        String f = first.base();
        boolean ok = nameShaped(first) && !STOP.contains(f) && !FILLERS.contains(f)
                && (NameLists.given(f) && (strong || !Gazetteer.COMMON.contains(f)) || NameLists.surname(f) && strong
                || (strong || why.equals("self")) && unknownWord(f));
        if (!ok) {
            return;
        }
        int last = k;
        while (last + 1 < ts.size() && last - k < 2) {
            Tok next = ts.get(last + 1);
            String nf = next.base();
            boolean more = nameShaped(next) && !STOP.contains(nf) && !Gazetteer.COMMON.contains(nf)
                    && (NameLists.surname(nf) || NameLists.clearGiven(nf) || (strong && !NameLists.ordinary(nf)));
            if (!more) {
                break;
            }
            last++;
        }
        if (organisationAfter(ts, last)) {
            return;
        }
        for (int j = k; j <= last; j++) {
            if (!m[j]) {
                m[j] = true;
                rule[j] = why;
            }
        }
    }

    /**
     * A turn that is nothing but one or two words that are not ordinary English ("murali", "asif kumar"),
     * or that starts with them before a number: the bare answer to a "your name?" the transcript may not hold.
     */
    private static void bareAnswer(List<Tok> all, boolean[] m, String[] rule, boolean nameBefore) {
        // the words before the first number or "and": "senthil 5861475910", "raja and 2547"
        int words = 0;
        while (words < all.size() && !all.get(words).digitsOnly() && !all.get(words).folded().equals("and")) {
            words++;
        }
        List<Tok> ts = all.subList(0, words);
        if (ts.isEmpty() || ts.size() > 2) {
            return;
        }
        boolean alone = words == all.size();
        // the name, then the ID that proves it: "raja and 2547", "bose 5698" (four digits, not a code such as "ves 408")
        boolean beforeId = !alone && (digits(all.get(words), 4)
                || all.get(words).folded().equals("and") && words + 1 < all.size() && digits(all.get(words + 1), 4));
        for (Tok t : ts) {
            String f = t.base();
            if (!alone && !NameLists.given(f) && !NameLists.surname(f) && !(beforeId && f.length() >= 4) || !unknownWord(f) && !NameLists.given(f) && !NameLists.surname(f)) {
                return;
            }
            if (!nameShaped(t) || t.text().length() < 3 || STOP.contains(f) || FILLERS.contains(f) || NameLists.ordinary(f) || fused(f)
                    || Gazetteer.PLACES.contains(f)) {
                return;
            }
            boolean listed = NameLists.given(f) || NameLists.surname(f);
            // a caller gives their name once: after it, an unlisted word given alone answers another question ("cappuccino",
            // "isuzu"); and a word one letter off a common word is that word mistyped ("byee", "heloo")
            if (!listed && (nameBefore || mistyped(f))) {
                return;
            }
        }
        for (int k = 0; k < ts.size(); k++) {
            if (!m[k]) {
                m[k] = true;
                rule[k] = "bare-answer";
            }
        }
    }

    /**
     * Right after a content word or a house number, a listed name seen without a cue is more likely part of a
     * product or a street ("classic caesar", "456 anna nagar") than a person: names follow cues and function words,
     * and never an article ("the riff").
     */
    private static boolean afterContentWord(List<Tok> ts, int k) {
        if (k == 0) {
            return false;
        }
        Tok before = ts.get(k - 1);
        String f = before.folded();
        if (before.digitsOnly()) {
            return before.text().length() <= 5;
        }
        if (ARTICLES.contains(f)) {
            // a person's name takes no article: "the riff", "a rose" are words, whatever a name list holds
            return true;
        }
        return NameLists.ordinary(f) && !Gazetteer.COMMON.contains(f) && !STOP.contains(f) && !FILLERS.contains(f)
                && !NameLists.given(f) && !NameLists.surname(f) && !CUE_WORDS.contains(f);
    }

    private static final Set<String> ARTICLES = Set.of("the", "a", "an");

    private static final Set<String> CUE_WORDS = java.util.stream.Stream.of(STRONG, SELF, WEAK).flatMap(List::stream)
            .flatMap(List::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Not an ordinary word and shaped like one (a vowel), so possibly a name: "tamilarasi", not "hgy". */
    private static boolean unknownWord(String f) {
        return !NameLists.ordinary(f) && !Gazetteer.PLACES.contains(f) && f.chars().anyMatch(c -> "aeiouy".indexOf(c) >= 0) && !fused(f);
    }

    private static boolean digits(Tok t, int length) {
        return t.digitsOnly() && t.text().length() == length;
    }

    /** A name was marked in an earlier turn by a cue, a listed name or a bare answer (not a participant's name from metadata). */
    private static boolean nameBefore(boolean[][] marks, String[][] rules, int i) {
        for (int j = 0; j < i; j++) {
            for (int k = 0; k < marks[j].length; k++) {
                if (marks[j][k] && !"participant".equals(rules[j][k])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Four letters or more, and one letter too many or one letter changed from a common word ("byee", "heloo", "thnaks" is not). */
    static boolean mistyped(String f) {
        if (f.length() < 4) {
            return false;
        }
        StringBuilder b = new StringBuilder(f);
        for (int i = 0; i < f.length(); i++) {
            if (Gazetteer.COMMON.contains(f.substring(0, i) + f.substring(i + 1))) {
                return true;
            }
            for (char c = 'a'; c <= 'z'; c++) {
                if (c != f.charAt(i)) {
                    b.setCharAt(i, c);
                    if (Gazetteer.COMMON.contains(b.toString())) {
                        return true;
                    }
                }
            }
            b.setCharAt(i, f.charAt(i));
        }
        return false;
    }

    /** Two ordinary words typed without the space ("okthanks", "thankyou"): chat, not a name. */
    private static boolean fused(String f) {
        for (int i = 2; i <= f.length() - 2; i++) {
            if (Gazetteer.COMMON.contains(f.substring(0, i)) && Gazetteer.COMMON.contains(f.substring(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean nameShaped(Tok t) {
        String s = t.text();
        if (s.length() < 2) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetter(c) && c != '\'' && c != '’' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** An organisation word among the next three words ("harper valley national bank"). */
    private static boolean organisationAfter(List<Tok> ts, int k) {
        for (int j = k + 1; j < Math.min(ts.size(), k + 4) && !CLAUSE.contains(ts.get(j).folded()); j++) {
            if (Gazetteer.ORGANISATION.contains(ts.get(j).folded())) {
                return true;
            }
        }
        return false;
    }

    private static int skipFillers(List<Tok> ts, int k) {
        while (k < ts.size() && FILLERS.contains(ts.get(k).folded())) {
            k++;
        }
        return k;
    }

    /** The index after the cue that starts at token {@code k}, or -1. */
    private static int cueEnd(List<Tok> ts, int k, List<List<String>> cues) {
        int best = -1;
        for (List<String> cue : cues) {
            if (k + cue.size() <= ts.size()) {
                boolean match = true;
                for (int j = 0; j < cue.size() && match; j++) {
                    match = ts.get(k + j).folded().equals(cue.get(j));
                }
                if (match) {
                    best = Math.max(best, k + cue.size());
                }
            }
        }
        return best;
    }

    private static List<Candidate> spans(String text, List<Tok> ts, boolean[] m, String[] rule) {
        List<Candidate> out = new ArrayList<>();
        int k = 0;
        while (k < ts.size()) {
            if (!m[k]) {
                k++;
                continue;
            }
            int first = k;
            while (k + 1 < ts.size() && m[k + 1] && text.substring(ts.get(k).end(), ts.get(k + 1).start()).isBlank()) {
                k++;
            }
            int end = ts.get(k).end();
            String last = ts.get(k).folded();
            if (last.endsWith("'s") || last.endsWith("’s")) {
                end -= 2;
            }
            out.add(new Candidate(PiiType.NAME, ts.get(first).start(), end, "spoken-" + rule[first], null));
            k++;
        }
        return out;
    }

    private static List<List<String>> cues(String... phrases) {
        List<List<String>> out = new ArrayList<>();
        for (String p : phrases) {
            out.add(List.of(p.split(" ")));
        }
        return out;
    }
}
