package io.verbatim.enrichment.pii;

import java.util.List;
import java.util.Set;

/**
 * Names from many countries that no list holds ("Faina D. Yefremova", "Willemine ten Pas", "Bekbolat
 * Musliyevich"), by the shape of written text rather than by memory:
 * <ul>
 *   <li>two or three capitalised words in a row, each either a listed given name or surname or no English word at
 *       all, at least one of them no English word (or a listed given name then a listed surname), optionally with
 *       a middle initial or a surname particle ("van", "ten", "de") between them;</li>
 *   <li>a capitalised word that is no English word and carries a surname ending ("-ova", "-sson", "-ić", "-dóttir");</li>
 *   <li>a speaker label at the start of a sentence ("Halldór: What a wife."), when the word is no English word.</li>
 * </ul>
 * A place, a country, an organisation word next to the run, or a word seen in lower case elsewhere in the
 * conversation rules a word out. One pass over the tokens, hash look-ups only.
 */
final class ProperNames {

    private static final NameFinder.Rule PAIR = new NameFinder.Rule("proper-name-pair", 2);
    private static final NameFinder.Rule SUFFIX = new NameFinder.Rule("surname-ending", 2);
    private static final NameFinder.Rule LABEL = new NameFinder.Rule("speaker-label", 2);

    /** Lower-case particles inside a surname ("Dyan van Gijn", "Willemine ten Pas"). */
    private static final Set<String> PARTICLES = Set.of("van", "von", "ten", "ter", "der", "den", "de", "di", "da", "du", "del",
            "della", "dos", "bin", "ibn");

    /** Endings of surnames across Slavic, Nordic, Baltic, Greek, Armenian, Georgian and Icelandic names. */
    private static final List<String> ENDINGS = List.of("ova", "eva", "ovna", "evna", "ovich", "evich", "ovic", "evic", "vich", "vic",
            "ski", "ska", "sky", "cka", "cki", "wicz", "czyk", "enko", "chuk", "sson", "ssen", "sen", "dottir", "poulos", "akis",
            "escu", "yan", "shvili", "dze", "nen", "yev", "iev", "ov", "ev");

    private ProperNames() {
    }

    static void mark(String text, List<Tok> ts, NameFinder.Rule[] m, Set<String> personas, Set<String> lowercaseSeen) {
        for (int k = 0; k < ts.size(); k++) {
            Tok t = ts.get(k);
            if (!nameWord(t, personas, lowercaseSeen)) {
                continue;
            }
            int last = run(text, ts, k, personas, lowercaseSeen);
            if (addressAround(text, ts, k, last)) {
                k = last;
                continue;
            }
            if (last > k && !organisationAround(text, ts, k, last)) {
                boolean foreign = false;
                int words = 0;
                for (int j = k; j <= last; j++) {
                    if (ts.get(j).capitalised() && !ts.get(j).spelledLetter()) {
                        foreign |= foreign(ts.get(j));
                        words++;
                    }
                }
                boolean listedPair = words >= 2 && NameLists.given(t.base()) && NameLists.surname(ts.get(last).base());
                if (words >= 2 && (foreign || listedPair)) {
                    for (int j = k; j <= last; j++) {
                        m[j] = strongest(m[j], PAIR);
                    }
                    k = last;
                    continue;
                }
            }
            if (foreign(t) && !organisationAround(text, ts, k, k)) {
                if (surnameEnding(t.base())) {
                    m[k] = strongest(m[k], SUFFIX);
                } else if (text.startsWith(":", t.end()) && sentenceStart(text, t.start()) && !NameFinder.AI_AGENT.matcher(t.text()).matches()) {
                    m[k] = strongest(m[k], LABEL);
                }
            }
        }
    }

    /** The last token of a name-shaped run starting at {@code k}: up to three name words, initials and particles between. */
    private static int run(String text, List<Tok> ts, int k, Set<String> personas, Set<String> lowercaseSeen) {
        int last = k;
        int words = 1;
        int j = k + 1;
        while (j < ts.size() && words < 3 && gap(text, ts.get(j - 1), ts.get(j))) {
            Tok t = ts.get(j);
            if ((t.spelledLetter() || PARTICLES.contains(t.text())) && j + 1 < ts.size() && gap(text, t, ts.get(j + 1))
                    && nameWord(ts.get(j + 1), personas, lowercaseSeen)) {
                j++;
                continue;
            }
            if (!nameWord(t, personas, lowercaseSeen)) {
                break;
            }
            last = j;
            words++;
            j++;
        }
        return last;
    }

    /** Only spaces between, or an initial's dot ("D. Yefremova"). */
    private static boolean gap(String text, Tok a, Tok b) {
        String between = text.substring(a.end(), b.start());
        return b.start() > a.end() && (between.isBlank() || a.spelledLetter() && between.matches("\\.\\s+"));
    }

    /** A capitalised word that can be part of a name: a listed name, or no English word; never a place or a function word. */
    private static boolean nameWord(Tok t, Set<String> personas, Set<String> lowercaseSeen) {
        String f = t.base();
        if (!t.capitalised() || t.text().length() < 2 || !letters(t.text()) || allCaps(t.text()) || Gazetteer.COMMON.contains(f)
                || Gazetteer.ORGANISATION.contains(f) || Gazetteer.PLACES.contains(f) || personas.contains(f) || lowercaseSeen.contains(f)) {
            return false;
        }
        return !ordinary(f) || NameLists.given(f) || NameLists.surname(f);
    }

    /** A dictionary word, or a compound of them and number words ("Seventy-seven", "F-one-fifty"). */
    private static boolean ordinary(String f) {
        if (NameLists.ordinary(f)) {
            return true;
        }
        if (f.indexOf('-') < 0) {
            return false;
        }
        for (String part : f.split("-")) {
            if (part.length() > 1 && !NameLists.ordinary(part) && !NumberWords.isDigitWord(part) && NumberWords.of(part) == null) {
                return false;
            }
        }
        return true;
    }

    private static boolean foreign(Tok t) {
        String f = t.base();
        return t.capitalised() && t.text().length() > 2 && letters(t.text()) && !allCaps(t.text()) && !ordinary(f)
                && !Gazetteer.PLACES.contains(f) && f.chars().anyMatch(c -> "aeiouy".indexOf(c) >= 0);
    }

    private static boolean surnameEnding(String f) {
        if (f.length() < 6) {
            return false;
        }
        for (String e : ENDINGS) {
            if (f.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words of a street or a town rather than a person: right after a number ("159 Eleftheriou Venizelou", "Suite 638
     * Hania Bazid"), before a street word, or before a number that ends the clause ("Alšova 408 and ...", "... 67420").
     * A name before a whole address ("Harry Sheppard 515 385 Gemsbok St", a signature) stays a name.
     */
    private static boolean addressAround(String text, List<Tok> ts, int first, int last) {
        if (first > 0) {
            Tok before = ts.get(first - 1);
            boolean adjacent = text.substring(before.end(), ts.get(first).start()).matches("[\\s,]+");
            if (adjacent && (before.digitsOnly() || number(before.folded()))) {
                return true;
            }
            if (PLACE_BEFORE.matcher(text).region(Math.max(0, ts.get(first).start() - 24), ts.get(first).start()).find()) {
                return true;
            }
        }
        if (BUSINESS_AFTER.matcher(text).region(ts.get(last).end(), text.length()).lookingAt()) {
            return true;
        }
        if (last + 1 >= ts.size()) {
            return false;
        }
        Tok next = ts.get(last + 1);
        if (STREET.contains(next.folded())) {
            return true;
        }
        if (!next.digitsOnly() || !text.substring(ts.get(last).end(), next.start()).matches("[\\s,]+")) {
            return false;
        }
        if (last + 2 >= ts.size()) {
            return true;
        }
        Tok after = ts.get(last + 2);
        String between = text.substring(next.end(), after.start());
        return between.matches(".*[.;!?)].*") || after.folded().equals("and") || after.folded().equals("or");
    }

    /** A spoken house number ("Seventy-seven Kestrel Court"). */
    private static boolean number(String f) {
        for (String part : f.split("-")) {
            if (!NumberWords.isDigitWord(part) && NumberWords.of(part) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Words before a street, a town or a business rather than a person: "on Arroyo Seco", "East Palo Verde",
     * "calling Harborview Toyota", "you've reached ...", "welcome to ...", "from ..." (the caller's company).
     */
    private static final java.util.regex.Pattern PLACE_BEFORE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:on|east|west|north|south|calling|reached|welcome to|work(?:s|ed|ing)? (?:for|at))\\s+$");
    /** The business's greeting: "Crestline Broadband, this is Darnell", "..., how can I help". */
    private static final java.util.regex.Pattern BUSINESS_AFTER = java.util.regex.Pattern.compile(
            "(?i)[,.!]?\\s*(?:this is|my name is|how (?:can|may)|good (?:morning|afternoon|evening))\\b");

    private static final Set<String> STREET = Set.of("court", "ct", "circle", "cir", "terrace", "trail", "parkway", "pkwy", "highway",
            "hwy", "loop", "crescent", "close", "row", "str", "str.", "street", "st", "avenue", "ave", "road", "rd", "lane", "drive",
            "boulevard", "blvd", "way", "place", "square", "sq", "gardens", "greens", "alley", "straat", "strasse", "gasse", "weg",
            "vej", "gata", "katu", "tie", "utca", "ulica");

    private static boolean organisationAround(String text, List<Tok> ts, int first, int last) {
        boolean after = last + 1 < ts.size() && gap(text, ts.get(last), ts.get(last + 1)) && ts.get(last + 1).capitalised()
                && Gazetteer.ORGANISATION.contains(ts.get(last + 1).folded());
        boolean before = first > 0 && gap(text, ts.get(first - 1), ts.get(first)) && ts.get(first - 1).capitalised()
                && Gazetteer.ORGANISATION.contains(ts.get(first - 1).folded());
        return after || before;
    }

    private static boolean sentenceStart(String text, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i < 0 || ".!?\"".indexOf(text.charAt(i)) >= 0;
    }

    private static boolean letters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetter(c) && c != '\'' && c != '’' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean allCaps(String s) {
        return s.length() > 1 && s.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    private static NameFinder.Rule strongest(NameFinder.Rule a, NameFinder.Rule b) {
        return a == null || b.strength() > a.strength() ? b : a;
    }
}
