package io.verbatim.enrichment.pii;

import io.verbatim.enrichment.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses: a house number (digits or words) and capitalised street name ending in a street
 * type ("410 Linden Street", "twenty two eighteen Maple Avenue"), or a Spanish street type first ("Calle
 * Duarte número cuarenta y cinco"); then any unit, city, state and ZIP said right after, comma by comma.
 */
final class AddressFinder {

    private static final String NUM_WORD = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
            + "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)"
            + "(?:-(?:one|two|three|four|five|six|seven|eight|nine))?";
    private static final String HOUSE = "(?:\\d{1,6}[A-Za-z]?|(?i:" + NUM_WORD + ")(?:[ -](?i:" + NUM_WORD + ")){0,4})";
    private static final String NAME_WORD = "(?:\\p{Lu}[\\p{L}'.-]*|\\d{1,3}(?:st|nd|rd|th))";
    private static final String SUFFIX = "(?:Street|St\\.?|Avenue|Ave\\.?|Road|Rd\\.?|Lane|Ln\\.?|Drive|Dr\\.?|Boulevard|Blvd\\.?|Court|Ct\\.?"
            + "|Place|Pl\\.?|Terrace|Way|Circle|Cir\\.?|Parkway|Pkwy\\.?|Highway|Hwy\\.?|Trail|Loop|Square|Pike|Alley|Row|Crescent"
            + "|Plaza|Path|Run|Heights|Grove|Ridge|Point|Landing|Commons|Close)";
    private static final Pattern STREET = Pattern.compile("(?U)(?<![\\w-])" + HOUSE + "\\s+(?:" + NAME_WORD + "\\s+){1,3}" + SUFFIX + "(?![\\p{L}])");

    private static final String ES_NUM_WORD = "(?:uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince"
            + "|dieci\\p{L}+|veinte|veinti\\p{L}+|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|doscientos"
            + "|trescientos|cuatrocientos|quinientos|seiscientos|setecientos|ochocientos|novecientos|mil)";
    private static final Pattern CALLE = Pattern.compile("(?U)\\b(?:Calle|Avenida|Av\\.|Carrera|Carretera|Autopista|Callejón|Paseo|Camino"
            + "|Residencial|Urbanización|Manzana|Prolongación)\\s+(?:\\p{Lu}[\\p{L}'.-]*\\s+){1,4}"
            + "(?:(?i:número|numero|núm\\.|no\\.|#)\\s*)?(?:\\d{1,5}[A-Za-z]?|(?i:" + ES_NUM_WORD + ")(?:\\s+(?:y\\s+)?(?i:" + ES_NUM_WORD + ")){0,4})\\b");

    private static final Pattern UNIT = Pattern.compile("(?U),?\\s*(?i:unit|apt\\.?|apartment|suite|ste\\.?|floor|building|apto\\.?|apartamento|piso"
            + "|edificio|local)\\s*#?\\s*[\\w-]+|,?\\s*#\\s*\\w+");
    private static final Pattern PLACE = Pattern.compile("(?U),\\s*(\\p{Lu}[\\p{L}'-]*(?:\\s+\\p{Lu}[\\p{L}'-]*){0,3})(?:\\s+\\d{5}(?:-\\d{4})?)?");
    /** Articles that start Spanish place names ("Los Jardines", "San Pedro"), common words elsewhere. */
    private static final java.util.Set<String> PLACE_ARTICLES = java.util.Set.of("los", "las", "la", "el", "san", "santa", "santo", "del");
    private static final Pattern ZIP = Pattern.compile(",?\\s*\\d{5}(?:-\\d{4})?(?!\\d)");

    private AddressFinder() {
    }

    static List<Candidate> find(String text) {
        List<Candidate> out = new ArrayList<>();
        for (Pattern p : List.of(STREET, CALLE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int start = m.start();
                int end = extend(text, m.end());
                if (out.stream().noneMatch(c -> c.start() < end && start < c.end())) {
                    out.add(new Candidate(PiiType.ADDRESS, start, end, p == STREET ? "street-address" : "calle-address", null));
                }
            }
        }
        return out;
    }

    /** Adds the unit, city, state and ZIP that follow, while each next piece is one of those. */
    private static int extend(String text, int end) {
        while (end < text.length()) {
            int next = piece(UNIT, text, end);
            if (next < 0) {
                next = place(text, end);
            }
            if (next < 0) {
                next = piece(ZIP, text, end);
            }
            if (next < 0) {
                return end;
            }
            end = next;
        }
        return end;
    }

    private static int piece(Pattern p, String text, int from) {
        Matcher m = p.matcher(text).region(from, text.length());
        return m.lookingAt() ? m.end() : -1;
    }

    private static int place(String text, int from) {
        Matcher m = PLACE.matcher(text).region(from, text.length());
        if (!m.lookingAt()) {
            return -1;
        }
        String first = m.group(1).split("\\s+")[0];
        if (Gazetteer.COMMON.contains(Tok.fold(first)) && !PLACE_ARTICLES.contains(Tok.fold(first))) {
            return -1;
        }
        return m.end();
    }
}
