package io.verbatim.enrichment.pii;

import io.verbatim.enrichment.PiiType;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth. Any date ("March fourth, nineteen eighty-seven", "the 4th of March", "03/04/1987",
 * "doce de mayo del ochenta y nueve") is a date of birth when a birth cue is in its turn or the question
 * before it, when its year is an adult's birth year, or when it repeats the month of a date of birth
 * said in the last few turns (read-backs and corrections: "No. April thirtieth.").
 */
final class DateFinder {

    private static final String UNIT = "one|two|three|four|five|six|seven|eight|nine";
    private static final String TEEN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private static final String TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    private static final String ORD_UNIT = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth";
    private static final String ORD = "(?:(?:twenty|thirty)[- ](?:" + ORD_UNIT + ")|twentieth|thirtieth|tenth|eleventh|twelfth"
            + "|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|" + ORD_UNIT + ")";
    private static final String DAY = "(?:" + ORD + "|\\d{1,2}(?:st|nd|rd|th)?|(?:twenty|thirty)[- ](?:" + UNIT + ")|" + TEEN
            + "|" + UNIT + "|twenty|thirty)";
    private static final String YEAR = "(?:(?:nineteen|twenty)[- ](?:oh[- ](?:" + UNIT + ")|" + TEEN + "|(?:" + TENS + ")(?:[- ](?:" + UNIT
            + "))?)|two thousand(?: and)?(?:[- ](?:" + TEEN + "|" + UNIT + "|twenty(?:[- ](?:" + UNIT + "))?))?|\\d{4}|'\\d{2})";
    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
    private static final String ES_UNIT = "uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve";
    private static final String ES_DAY = "(?:\\d{1,2}|primero|" + ES_UNIT + "|diez|once|doce|trece|catorce|quince|dieci\\w+|veinte|veinti\\w+"
            + "|treinta(?: y uno)?)";
    private static final String ES_MONTH = "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)";
    private static final String ES_YEAR = "(?:\\d{4}|\\d{2}|mil novecientos(?: (?:cincuenta|sesenta|setenta|ochenta|noventa)(?: y (?:" + ES_UNIT
            + "))?)?|dos mil(?: \\w+)?|(?:cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)(?: y (?:" + ES_UNIT + "))?)";

    private static final List<Pattern> DATES = List.of(
            Pattern.compile("\\b" + MONTH + "\\s+(?i:(?:the\\s+)?" + DAY + ")\\b(?i:(?:,\\s*|\\s+)(?:of\\s+)?" + YEAR + "\\b)?"),
            Pattern.compile("\\b(?i:(?:the\\s+)?" + DAY + ")\\s+of\\s+" + MONTH + "\\b(?i:,?\\s+" + YEAR + "\\b)?"),
            Pattern.compile("\\b\\d{1,2}[/-]\\d{1,2}[/-](?:\\d{4}|\\d{2})\\b"),
            Pattern.compile("(?iu)\\b(?:el\\s+)?" + ES_DAY + "\\s+de\\s+" + ES_MONTH + "\\b(?:\\s+(?:de|del)\\s+" + ES_YEAR + "\\b)?"));

    /**
     * A date read as three numbers, month, day and year ("eleven, fourteen, eighty-five", "Ten twelve eighty-eight",
     * "nine, fourteen, nineteen ninety-one"): how people say a date of birth; only with a birth cue or an adult's year.
     */
    private static final Pattern SPOKEN_NUMERIC = Pattern.compile("(?i)\\b(?:" + UNIT + "|ten|eleven|twelve)(?:,\\s*|\\s+)(?:(?:twenty|thirty)[- ](?:"
            + UNIT + ")|" + TEEN + "|" + UNIT + "|twenty|thirty)(?:,\\s*|\\s+)(?:" + YEAR + "|(?:" + TENS + ")(?:[- ](?:" + UNIT + "))?)\\b");
    private static final Pattern MONTH_WORD = Pattern.compile("(?iu)" + MONTH + "|" + ES_MONTH);
    private static final Set<String> OLD_DECADES = Set.of("cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa");

    private DateFinder() {
    }

    /** @param recentBirthMonths months (lower-case, three letters) of dates of birth in the last few turns */
    static List<Candidate> find(String text, Context context, Set<String> recentBirthMonths) {
        List<Candidate> out = new ArrayList<>();
        for (Pattern p : DATES) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                // an article before the day is not part of the date ("the 3rd of February", "el doce de mayo")
                int s = m.start() + leadingArticle(m.group());
                int e = m.end();
                if (out.stream().anyMatch(c -> c.start() < e && s < c.end())) {
                    continue;
                }
                String date = text.substring(s, e);
                String rule = null;
                if (context.near(Cue.DOB)) {
                    rule = "date+birth-cue";
                } else if (adultBirthYear(date)) {
                    rule = "date+birth-year";
                } else if (recentBirthMonths.contains(month(date))) {
                    rule = "date+repeats-birth-date";
                }
                if (rule != null) {
                    out.add(new Candidate(PiiType.DATE_OF_BIRTH, s, e, rule, null));
                }
            }
        }
        Matcher spoken = SPOKEN_NUMERIC.matcher(text);
        while (spoken.find()) {
            int s = spoken.start();
            int e = spoken.end();
            if (out.stream().noneMatch(c -> c.start() < e && s < c.end())) {
                String rule = context.near(Cue.DOB) ? "spoken-date+birth-cue" : adultBirthYear(spoken.group()) ? "spoken-date+birth-year" : null;
                if (rule != null) {
                    out.add(new Candidate(PiiType.DATE_OF_BIRTH, s, e, rule, null));
                }
            }
        }
        return out;
    }

    private static int leadingArticle(String date) {
        Matcher m = Pattern.compile("(?i)^(?:the|el)\\s+").matcher(date);
        return m.find() ? m.end() : 0;
    }

    /** The first three letters of the date's month name, lower case ("apr"), or "" for numeric dates. */
    static String month(String date) {
        Matcher m = MONTH_WORD.matcher(date);
        return m.find() ? Tok.fold(m.group()).substring(0, 3) : "";
    }

    /** A year at least 16 years ago ("nineteen eighty-one", "1981", "del ochenta y nueve"). */
    private static boolean adultBirthYear(String date) {
        String d = Tok.fold(date);
        if (d.contains("nineteen ") && d.matches(".*nineteen[- ](oh|" + TENS + "|" + TEEN + ").*")
                || d.contains("mil novecientos")) {
            return true;
        }
        Matcher digits = Pattern.compile("\\b(\\d{4})\\b").matcher(d);
        if (digits.find()) {
            int y = Integer.parseInt(digits.group(1));
            return y > 1900 && y <= Year.now().getValue() - 16;
        }
        Matcher es = Pattern.compile("\\b(?:de|del) (\\w+)").matcher(d);
        while (es.find()) {
            if (OLD_DECADES.contains(es.group(1).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
