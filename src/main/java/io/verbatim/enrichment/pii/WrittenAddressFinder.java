package io.verbatim.enrichment.pii;

import io.verbatim.enrichment.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses in the forms {@link AddressFinder} does not know:
 * <ul>
 *   <li>European order, the house number after the street ("Hersnapvej 75", "5049 Harjukuja 54, SEINÄJOKI",
 *       "Via Tasso 129", "ul. Słowicza 10"), with unit, town, country and postcode after it;</li>
 *   <li>US military mail ("Unit 0822 Box 8858 DPO AA 13319", "PSC 0272, Box 1651 APO AA 94530");</li>
 *   <li>text without capitals ("637 tarkiln hill ave aiken sc 29803"): a house number, up to three words and a
 *       street type, then up to three town words, a state code and a postcode.</li>
 * </ul>
 */
final class WrittenAddressFinder {

    /** Street types no English word starts with, typed without a space before the town: "456 anna nagarmadurai". */
    private static final String GLUED = "(?:nagar|salai)[a-z]{3,}";
    /**
     * A whole chat message that is a street without a house number: one to three words, a street type, then town
     * words, a unit or house number, a postcode, and at most a phone number after it ("madurai nethaji street madurai",
     * "simmons street number 33", "no 45 tol gate kl 02", "niolope michigan avenue suite 1170 chicago il 60611").
     */
    private static final Pattern BARE_STREET = Pattern.compile("^((?:no\\s+\\d{1,6}\\s+)?(?:[a-z]+\\s+){1,3}(?:street|avenue|road|nagar|salai|colony|layout|gate|mall)"
            + "(?:\\s+(?:[a-z]+|\\d{1,6}))*?)(?:\\s+\\d{7,})?\\s*$");
    private static final String CAP_WORD = "\\p{Lu}[\\p{L}'’.-]*";
    private static final String PARTICLE = "(?:de|del|la|le|du|des|da|do|dos|van|der|den|von|di|ul\\.|rue|u\\.|út|tee|str\\.|Avda\\.|Av|Via|Rua|Rúa)";
    private static final Pattern EUROPEAN = Pattern.compile("(?U)(?<![\\w-])(?:\\d{1,6}\\s+)?(?:" + PARTICLE + "\\s+)?" + CAP_WORD
            + "(?:\\s+(?:" + CAP_WORD + "|" + PARTICLE + ")){0,3}\\s+\\d{1,4}[a-zA-Z]?(?:\\.|\\b)(?!\\s*(?:[-/]\\s*\\d|\\d))");
    private static final Pattern MILITARY = Pattern.compile("(?i)\\b(?:unit|psc)\\s+\\d{3,5},?\\s+box\\s+\\d{3,5},?\\s+[adf]po\\s+a[aep]\\s+\\d{5}\\b"
            + "|\\b[A-Z]{3,5}\\s+\\p{Lu}\\p{L}+\\s*,?\\s+FPO\\s+A[AEP]\\s+\\d{5}\\b");
    private static final Pattern TAIL = Pattern.compile("(?U)^(?:,?\\s*(?:Apt\\.?|Suite|Unit|Box|Floor)\\s*#?\\s*\\d+[A-Za-z]?\\.?"
            + "|,?\\s*(?:" + CAP_WORD + "|nan)(?:[\\s-]+(?:" + CAP_WORD + "|de|del|la|le|sur|am|an|nan)){0,3}"
            + "|,?\\s*\\d{3,5}(?:[- ]\\d{2,4})?(?!\\d))");
    private static final Pattern LOWER = Pattern.compile("(?<![\\w-])(?:no\\s+)?\\d{1,6}[a-z]?\\s+(?:[a-z][a-z'.-]*\\s+){0,3}?"
            + "(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|place|pl|way|circle|cir|parkway|pkwy"
            + "|highway|hwy|trail|terrace|nagar|colony|salai|complex|layout|cross|" + GLUED + ")\\b");
    private static final Pattern ORDINAL = Pattern.compile("(?:no\\s+)?\\d+\\s+(?:st|nd|rd|th)");
    private static final Pattern LOWER_UNIT = Pattern.compile("^\\s+(?:apt|suite|unit|no|flat)\\s*#?\\s*\\d+[a-z]?\\b");
    private static final Set<String> TAIL_STOP = Set.of("and", "contact", "phone", "my", "email", "please", "for", "with", "to", "is",
            "the", "number", "no", "mobile", "thanks", "thank", "ok", "okay", "name", "ssn", "account", "card", "i", "it", "street");

    /** A unit, not a street: never the start of a street address of its own. */
    private static final Set<String> UNIT_WORDS = Set.of("apt", "apt.", "suite", "unit", "box", "floor", "flat");

    private WrittenAddressFinder() {
    }

    static List<Candidate> find(String text, boolean caseless) {
        List<Candidate> out = new ArrayList<>();
        add(out, MILITARY, text, "military-address", false);
        if (caseless) {
            Matcher m = LOWER.matcher(text);
            while (m.find()) {
                if (ORDINAL.matcher(m.group()).matches()) {
                    continue; // "june 23 rd 2018": an ordinal typed with a space, no street
                }
                add(out, m.start(), lowerTail(text, m.end()), "spoken-street-address");
            }
            bareStreet(out, text);
        } else {
            add(out, EUROPEAN, text, "house-number-after-street", true);
        }
        return out;
    }

    private static void bareStreet(List<Candidate> out, String text) {
        Matcher m = BARE_STREET.matcher(text);
        if (!m.matches()) {
            return;
        }
        boolean head = true;
        for (Tok t : Tok.of(m.group(1))) {
            String f = t.folded();
            if (t.digitsOnly() || STREET_WORDS.contains(f)) {
                head &= !STREET_TYPES.contains(f);
                continue;
            }
            // a sentence ("take the main road"), not an address: no common word before the street type, no label after it
            if (TAIL_STOP.contains(f) || head && Gazetteer.COMMON.contains(f)) {
                return;
            }
        }
        add(out, m.start(1), m.end(1), "bare-street");
    }

    private static final Set<String> STREET_TYPES = Set.of("street", "avenue", "road", "nagar", "salai", "colony", "layout", "gate", "mall");
    private static final Set<String> STREET_WORDS = Set.of("street", "avenue", "road", "nagar", "salai", "colony", "layout", "gate", "mall", "suite",
            "apt", "unit", "number", "no");

    private static void add(List<Candidate> out, Pattern p, String text, String rule, boolean extend) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            String head = Tok.fold(m.group().split("\\s+")[0]);
            if ((Gazetteer.COMMON.contains(head) || UNIT_WORDS.contains(head)) && !Character.isDigit(m.group().charAt(0))) {
                continue;
            }
            add(out, m.start(), extend ? writtenTail(text, m.end()) : m.end(), rule);
        }
    }

    private static void add(List<Candidate> out, int start, int end, String rule) {
        if (out.stream().noneMatch(c -> c.start() < end && start < c.end())) {
            out.add(new Candidate(PiiType.ADDRESS, start, end, rule, null));
        }
    }

    /** Unit, town, region, country and postcode after a written street, while each piece is one of those. */
    private static int writtenTail(String text, int end) {
        for (int pieces = 0; pieces < 6 && end < text.length(); pieces++) {
            Matcher m = TAIL.matcher(text).region(end, text.length());
            if (!m.lookingAt() || m.end() == end || Gazetteer.COMMON.contains(Tok.fold(m.group().replaceAll("^[,\\s]+", "").split("\\s+")[0]))) {
                break;
            }
            end = m.end();
        }
        return end;
    }

    /** Unit, up to three town words, a state code and a postcode after a street in text without capitals. */
    private static int lowerTail(String text, int end) {
        Matcher unit = LOWER_UNIT.matcher(text).region(end, text.length());
        if (unit.lookingAt()) {
            end = unit.end();
        }
        List<Tok> rest = Tok.of(text.substring(end));
        int words = 0;
        int best = end;
        for (Tok t : rest) {
            boolean zip = t.text().matches("\\d{4,6}");
            if (zip) {
                return end + t.end();
            }
            if (!t.text().matches("[a-z]+") || TAIL_STOP.contains(t.text()) || ++words > 4) {
                break;
            }
            best = end + t.end();
        }
        return best;
    }
}
