package io.verbatim.enrichment.pii;

import io.verbatim.enrichment.pii.NumberWords.Kind;
import io.verbatim.enrichment.pii.NumberWords.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A stretch of a turn that reads as one number: digits ("4539 1488 0343 6467", "503-555-0142") and
 * spoken digits ("five oh three, five five five, zero one four two", "double three oh one"), with an
 * optional spelled letter prefix ("S C H, seven one one ..."). Commas, hyphens, brackets and spaces may
 * separate the groups; a sentence end or any other word ends the run.
 *
 * @param digitTokens tokens read digit by digit (digit words and digit strings)
 * @param wholeTokens tokens read as whole numbers ("seventy-nine", "fifteen"): many of them make the run a
 *                    quantity, time or year rather than an identifier
 */
record DigitRun(int start, int end, String digits, String letters, int digitTokens, int wholeTokens, String raw) {

    private static final Pattern SEPARATOR = Pattern.compile("[\\s,()/\\-]*");

    /** An identifier read out, not an amount or a year: mostly digit by digit. */
    boolean idLike() {
        return wholeTokens == 0 || wholeTokens * 2 < digitTokens;
    }

    int length() {
        return digits.length();
    }

    static List<DigitRun> find(String text, List<Tok> toks) {
        List<DigitRun> runs = new ArrayList<>();
        int i = 0;
        while (i < toks.size()) {
            if (!startsNumber(toks, i)) {
                i++;
                continue;
            }
            StringBuilder digits = new StringBuilder();
            int digitTokens = 0;
            int whole = 0;
            int j = i;
            int last = i;
            while (j < toks.size()) {
                Tok t = toks.get(j);
                int consumed = 1;
                if (t.digitsOnly()) {
                    digits.append(t.digits());
                    digitTokens++;
                } else {
                    Value v = NumberWords.of(t.folded());
                    if (v == null) {
                        break;
                    }
                    Value next = j + 1 < toks.size() && joined(text, toks.get(j), toks.get(j + 1))
                            ? NumberWords.of(toks.get(j + 1).folded()) : null;
                    if (v.kind() == Kind.DIGIT) {
                        if (isOh(t) && digits.isEmpty() && (next == null)) {
                            break;
                        }
                        digits.append(v.value());
                        digitTokens++;
                    } else if (v.kind() == Kind.REPEAT) {
                        if (next == null || next.kind() != Kind.DIGIT) {
                            break;
                        }
                        digits.append(String.valueOf(next.value()).repeat(v.value()));
                        digitTokens++;
                        consumed = 2;
                    } else if (v.kind() == Kind.TENS) {
                        if (next != null && next.kind() == Kind.DIGIT && next.value() > 0 && !isOh(toks.get(j + 1))) {
                            digits.append(v.value() + next.value());
                            consumed = 2;
                        } else {
                            digits.append(v.value());
                        }
                        whole++;
                    } else if (v.kind() == Kind.WHOLE) {
                        digits.append(v.value());
                        whole++;
                    } else if (v.kind() == Kind.HUNDRED) {
                        if (digits.isEmpty()) {
                            break;
                        }
                        digits.append("00");
                        whole++;
                    }
                }
                last = j + consumed - 1;
                j += consumed;
                if (j >= toks.size() || !joined(text, toks.get(last), toks.get(j))) {
                    break;
                }
            }
            if (last < i || digits.isEmpty()) {
                i++;
                continue;
            }
            int start = toks.get(i).start();
            int end = toks.get(last).end();
            // a bracketed area code or a leading plus belongs to the number: "(480) 555-0166", "+1 ..."
            if (start > 0 && (text.charAt(start - 1) == '(' || text.charAt(start - 1) == '+') && toks.get(i).digitsOnly()) {
                start--;
            }
            String letters = "";
            int k = i - 1;
            int letterStart = start;
            while (k >= 0 && toks.get(k).spelledLetter() && joined(text, toks.get(k), toks.get(k + 1))) {
                letters = toks.get(k).text() + letters;
                letterStart = toks.get(k).start();
                k--;
            }
            if (letters.length() < 2) {
                letters = "";
                letterStart = start;
            }
            runs.add(new DigitRun(letterStart, end, digits.toString(), letters, digitTokens, whole,
                    text.substring(start, end)));
            i = last + 1;
        }
        return runs;
    }

    private static boolean startsNumber(List<Tok> toks, int i) {
        Tok t = toks.get(i);
        if (t.digitsOnly()) {
            return true;
        }
        Value v = NumberWords.of(t.folded());
        if (v == null || v.kind() == Kind.HUNDRED) {
            return false;
        }
        if (isOh(t) || v.kind() == Kind.REPEAT) {
            // "Oh, nice" is not a zero; "oh" and "double" count only before another number word
            return i + 1 < toks.size() && (toks.get(i + 1).digitsOnly() || NumberWords.of(toks.get(i + 1).folded()) != null);
        }
        return true;
    }

    private static boolean isOh(Tok t) {
        return t.folded().equals("oh");
    }

    /** Only separators between two tokens: no sentence end, no other word. */
    static boolean joined(String text, Tok a, Tok b) {
        return SEPARATOR.matcher(text.substring(a.end(), b.start())).matches();
    }
}
