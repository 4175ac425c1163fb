package io.verbatim.analysis.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers in transcript text, written ("$18,450", "3%") or spoken as English cardinals ("nine thousand
 * eight hundred", "a hundred and nineteen", "fifteen hundred", "seven point nine percent"). Digit
 * strings read one by one ("five five five") come out as separate numbers.
 */
public final class Amounts {

    /** A number found in a text: its value, where it is ({@code [start, end)} in the folded text) and its unit hints. */
    public record Amount(double value, int start, int end, boolean currency, boolean percent, String following) {
    }

    private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("oh", 0),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Integer> SCALES = Map.of("hundred", 100, "thousand", 1000, "grand", 1000,
            "million", 1_000_000, "k", 1000);
    private static final Pattern TOKEN = Pattern.compile("\\$?\\d[\\d,]*(?:\\.\\d+)?%?|[a-z]+(?:'[a-z]+)?|%");

    private Amounts() {
    }

    public static List<Amount> find(String text) {
        String folded = Normalizer.fold(text);
        List<Amount> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(folded);
        List<int[]> spans = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            tokens.add(m.group());
        }
        int i = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i);
            if (Character.isDigit(t.charAt(0)) || t.startsWith("$")) {
                boolean currency = t.startsWith("$");
                boolean percent = t.endsWith("%");
                String digits = t.replace("$", "").replace(",", "").replace("%", "");
                double v;
                try {
                    v = Double.parseDouble(digits);
                } catch (NumberFormatException e) {
                    i++;
                    continue;
                }
                int end = spans.get(i).length == 0 ? 0 : spans.get(i)[1];
                int j = i + 1;
                if (j < tokens.size() && SCALES.containsKey(tokens.get(j)) && !tokens.get(j).equals("hundred")) {
                    v *= SCALES.get(tokens.get(j));
                    end = spans.get(j)[1];
                    j++;
                }
                out.add(amount(v, spans.get(i)[0], end, currency, percent, tokens, j));
                i = j;
                continue;
            }
            if (!isNumberWord(t) || (t.equals("a") && !(i + 1 < tokens.size() && SCALES.containsKey(tokens.get(i + 1))))) {
                i++;
                continue;
            }
            if (t.equals("oh") || (t.equals("k") || t.equals("grand"))) {
                i++;
                continue;
            }
            // spoken cardinal
            long total = 0;
            long current = 0;
            int last = -1; // 0 unit, 1 teen/ten, 2 tens, 3 hundred, 4 thousand+
            int j = i;
            double decimals = 0;
            int end = spans.get(i)[1];
            while (j < tokens.size()) {
                String w = tokens.get(j);
                if (w.equals("a") && j + 1 < tokens.size() && SCALES.containsKey(tokens.get(j + 1)) && last < 0) {
                    current = 1;
                    last = 0;
                } else if (UNITS.containsKey(w) && !w.equals("oh")) {
                    int v = UNITS.get(w);
                    boolean teen = v >= 10;
                    if (last == 0 || last == 1 || (last == 2 && teen)) {
                        break;
                    }
                    current += v;
                    last = teen ? 1 : 0;
                } else if (TENS.containsKey(w)) {
                    if (last == 0 || last == 1 || last == 2) {
                        break;
                    }
                    current += TENS.get(w);
                    last = 2;
                } else if (w.equals("hundred")) {
                    if (last == 3) {
                        break;
                    }
                    current = (current == 0 ? 1 : current) * 100;
                    last = 3;
                } else if (w.equals("thousand") || w.equals("million") || w.equals("grand") || w.equals("k")) {
                    if (last < 0) {
                        break;
                    }
                    total += (current == 0 ? 1 : current) * SCALES.get(w);
                    current = 0;
                    last = 4;
                } else if (w.equals("and") && last >= 3 && j + 1 < tokens.size()
                        && (UNITS.containsKey(tokens.get(j + 1)) || TENS.containsKey(tokens.get(j + 1)))) {
                    j++;
                    continue;
                } else if (w.equals("point") && last >= 0 && j + 1 < tokens.size() && UNITS.containsKey(tokens.get(j + 1))) {
                    int v = UNITS.get(tokens.get(j + 1));
                    if (v < 10) {
                        decimals = v / 10.0;
                        end = spans.get(j + 1)[1];
                        j += 2;
                    }
                    break;
                } else {
                    break;
                }
                end = spans.get(j)[1];
                j++;
            }
            if (j == i) {
                i++;
                continue;
            }
            double value = total + current + decimals;
            boolean currency = i > 0 && tokens.get(i - 1).equals("$");
            out.add(amount(value, spans.get(i)[0], end, currency, false, tokens, j));
            i = j;
        }
        return out;
    }

    private static Amount amount(double value, int start, int end, boolean currency, boolean percent, List<String> tokens, int next) {
        String following = next < tokens.size() ? tokens.get(next) : "";
        String after = next + 1 < tokens.size() ? following + " " + tokens.get(next + 1) : following;
        boolean pct = percent || following.equals("percent") || following.equals("%") || following.equals("por");
        boolean money = currency || following.equals("dollars") || following.equals("dollar") || following.equals("bucks")
                || following.equals("pesos") || following.equals("usd");
        return new Amount(value, start, end, money, pct, after);
    }

    private static boolean isNumberWord(String w) {
        return UNITS.containsKey(w) || TENS.containsKey(w) || w.equals("hundred") || w.equals("thousand")
                || w.equals("million") || w.equals("a");
    }

    /** Whether the text has a number (digits, or English or Spanish number words). */
    public static boolean hasNumber(String text) {
        String words = Normalizer.words(text);
        if (words.chars().anyMatch(Character::isDigit)) {
            return true;
        }
        for (String w : words.strip().split(" ")) {
            if (UNITS.containsKey(w) && !w.equals("oh") || TENS.containsKey(w) || w.equals("hundred") || w.equals("thousand")
                    || SPANISH.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> SPANISH = java.util.Set.of("mil", "cien", "ciento", "doscientos",
            "trescientos", "cuatrocientos", "quinientos", "seiscientos", "setecientos", "ochocientos", "novecientos",
            "veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa", "millones", "millon");
}
