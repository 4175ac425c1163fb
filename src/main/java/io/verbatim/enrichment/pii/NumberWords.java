package io.verbatim.enrichment.pii;

import java.util.Map;

/**
 * Spoken numbers in English and Spanish as speech-to-text writes them: digit words ("five", "oh",
 * "cero"), teens, tens and hyphenated compounds ("seventy-nine"), "double"/"triple".
 */
final class NumberWords {

    /** What a word contributes: a digit, a whole number (teen, tens, compound), or a repeat marker. */
    enum Kind { DIGIT, WHOLE, TENS, REPEAT, HUNDRED }

    record Value(Kind kind, int value) {
    }

    private static final Map<String, Integer> DIGITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("oh", 0), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("cero", 0), Map.entry("uno", 1), Map.entry("una", 1), Map.entry("dos", 2), Map.entry("tres", 3),
            Map.entry("cuatro", 4), Map.entry("cinco", 5), Map.entry("seis", 6), Map.entry("siete", 7),
            Map.entry("ocho", 8), Map.entry("nueve", 9));

    private static final Map<String, Integer> TEENS = Map.ofEntries(
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19),
            Map.entry("diez", 10), Map.entry("once", 11), Map.entry("doce", 12), Map.entry("trece", 13),
            Map.entry("catorce", 14), Map.entry("quince", 15), Map.entry("dieciseis", 16), Map.entry("diecisiete", 17),
            Map.entry("dieciocho", 18), Map.entry("diecinueve", 19), Map.entry("veinte", 20));

    private static final Map<String, Integer> TENS = Map.ofEntries(
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90),
            Map.entry("treinta", 30), Map.entry("cuarenta", 40), Map.entry("cincuenta", 50), Map.entry("sesenta", 60),
            Map.entry("setenta", 70), Map.entry("ochenta", 80), Map.entry("noventa", 90));

    private NumberWords() {
    }

    /** The value of one token (folded: lower case, no accents), or null when it is not a number word. */
    static Value of(String folded) {
        Integer d = DIGITS.get(folded);
        if (d != null) {
            return new Value(Kind.DIGIT, d);
        }
        Integer teen = TEENS.get(folded);
        if (teen != null) {
            return new Value(Kind.WHOLE, teen);
        }
        Integer tens = TENS.get(folded);
        if (tens != null) {
            return new Value(Kind.TENS, tens);
        }
        if (folded.equals("double") || folded.equals("doble")) {
            return new Value(Kind.REPEAT, 2);
        }
        if (folded.equals("triple")) {
            return new Value(Kind.REPEAT, 3);
        }
        if (folded.equals("hundred")) {
            return new Value(Kind.HUNDRED, 100);
        }
        int dash = folded.indexOf('-');
        if (dash > 0) {
            // "seventy-nine", "twenty-two"; "one-sixty" reads as two numbers, which is fine for digits
            Value a = of(folded.substring(0, dash));
            Value b = of(folded.substring(dash + 1));
            if (a != null && b != null && a.kind() == Kind.TENS && b.kind() == Kind.DIGIT && b.value() > 0) {
                return new Value(Kind.WHOLE, a.value() + b.value());
            }
        }
        // Spanish "veintidós", "veinticinco"
        if (folded.startsWith("veinti") && folded.length() > 6) {
            Value unit = of(folded.substring(6));
            if (unit != null && unit.kind() == Kind.DIGIT) {
                return new Value(Kind.WHOLE, 20 + unit.value());
            }
        }
        return null;
    }

    static boolean isDigitWord(String folded) {
        return DIGITS.containsKey(folded);
    }
}
