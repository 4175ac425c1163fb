package io.verbatim.enrichment.pii;

import io.verbatim.enrichment.PiiType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Written numbers that {@link NumberFinder} leaves alone because their shape alone says too little:
 * <ul>
 *   <li>an IBAN, accepted only when its ISO 13616 mod-97 check holds;</li>
 *   <li>8 to 19 digits, or the last four, right after "card", "cc", "credit" or "card #" (a card number that fails Luhn, or is cut short);</li>
 *   <li>digits after "account number", "ac no" or "policy number", and after "ssn", "social" or "last four";</li>
 *   <li>ten digits shaped like a North American phone number, in a turn that names no other kind of number;</li>
 *   <li>a phone number in any national format (7 to 15 digits in groups) right after a phone cue
 *       ("Phone:", "call me at", "reach me on", "messages to", "registered").</li>
 * </ul>
 */
final class CuedNumberFinder {

    private static final Pattern IBAN = Pattern.compile("(?i)\\b([a-z]{2}\\d{2}(?:\\s?[a-z0-9]{4}){2,7}(?:\\s?[a-z0-9]{1,4})?)\\b");
    private static final Pattern CARD = Pattern.compile("(?i)\\b(?:card|cc|credit)\\s*(?:#|no\\.?|number)?\\s*(?:is|:)?\\s*(\\d(?:[ -]?\\d){7,18}|\\d{4})(?![\\d-])");
    private static final Pattern ACCOUNT = Pattern.compile("(?i)\\b(?:account|acct|ac|a/c)\\s*(?:#|no\\.?|number)\\s*(?:is|:)?\\s*(\\d{4,20})(?![\\d-])"
            + "|\\bpolicy\\s*(?:#|no\\.?|number|id)?\\s*(?:is|:)?\\s*((?:[a-z]{2,4}\\s?)?\\d{5,20})(?![\\d-])");
    private static final Pattern NATIONAL = Pattern.compile("(?i)\\b(?:ssn|social(?: security)?|last (?:4|four)(?: digits)?(?: of (?:my |the )?(?:ssn|social))?)"
            + "\\s*(?:number|no\\.?|#)?\\s*(?:is|are|:)?\\s*(\\d{3}-?\\d{2}-?\\d{4}|\\d{4})(?![\\d-])");
    /**
     * A short letter code and 8-12 digits ("xkr 215669583"): the shape of a policy or member number. Ten digits are
     * left to the phone rules; a common word before the digits is no code.
     */
    private static final Pattern CODE_ID = Pattern.compile("(?i)(?<![\\w-])([a-z]{2,4}) ?(\\d{8,9}|\\d{11,12})(?![\\w-])");
    private static final java.util.Set<String> NOT_CODE = java.util.Set.of("is", "its", "it", "to", "at", "on", "no", "and", "my",
            "the", "for", "was", "are", "me", "be", "by", "or", "of", "in", "call", "from", "than", "plus", "over", "about", "id",
            "dial", "fax", "cell", "tel", "ph", "mob", "ext", "us", "uk", "usd", "eur", "gbp", "inr", "rs", "am", "pm", "num", "nr");
    /** Ten digits alone, shaped like a North American number (area code and exchange not starting with 0 or 1). */
    private static final Pattern BARE_PHONE = Pattern.compile("(?<![\\w-])([2-9]\\d{2}[ -]?[2-9]\\d{2}[ -]?\\d{4})(?![\\w-])");
    private static final Pattern OTHER_NUMBER_WORD = Pattern.compile("(?i)\\b(?:card|cc|account|acct|ac|policy|ssn|social|claim|booking|confirmation"
            + "|order|ticket|flight|reference|ref|tracking|invoice|transfer|pay|balance|\\$)");
    private static final Pattern PHONE = Pattern.compile("(?i)\\b(?:phone|tel|telephone|mobile|cell|fax|call me (?:at|on)|reach me (?:at|on)"
            + "|call (?:at|on)|messages to|registered|text me at|contact(?: no| number)?|my number|number is)\\s*(?:number|no\\.?|is)?\\s*:?\\s*"
            + "(\\+?\\(?\\d{1,4}\\)?(?:[ .-]?\\(?\\d{2,4}\\)?){1,5})(?!\\d)");

    private CuedNumberFinder() {
    }

    static List<Candidate> find(String text) {
        List<Candidate> out = new ArrayList<>();
        Matcher m = IBAN.matcher(text);
        while (m.find()) {
            String compact = m.group(1).replace(" ", "").toUpperCase(Locale.ROOT);
            if (compact.length() >= 15 && compact.length() <= 34 && ibanValid(compact)) {
                out.add(new Candidate(PiiType.ACCOUNT_NUMBER, m.start(1), m.end(1), "iban", compact));
            }
        }
        m = CARD.matcher(text);
        while (m.find()) {
            out.add(new Candidate(PiiType.CARD_NUMBER, m.start(1), m.end(1), "cued-card", m.group(1).replaceAll("\\D", "")));
        }
        addAll(out, ACCOUNT, text, PiiType.ACCOUNT_NUMBER, "cued-account");
        addAll(out, NATIONAL, text, PiiType.NATIONAL_ID, "cued-national-id");
        m = CODE_ID.matcher(text);
        while (m.find()) {
            if (!NOT_CODE.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                out.add(new Candidate(PiiType.ACCOUNT_NUMBER, m.start(1), m.end(2), "code-id",
                        m.group(1).toUpperCase(Locale.ROOT) + m.group(2)));
            }
        }
        if (!OTHER_NUMBER_WORD.matcher(text).find()) {
            addAll(out, BARE_PHONE, text, PiiType.PHONE, "phone-shaped");
        }
        m = PHONE.matcher(text);
        while (m.find()) {
            String digits = m.group(1).replaceAll("\\D", "");
            if (digits.length() >= 7 && digits.length() <= 15) {
                out.add(new Candidate(PiiType.PHONE, m.start(1), m.end(1), "cued-phone", digits));
            }
        }
        return out;
    }

    private static void addAll(List<Candidate> out, Pattern p, String text, PiiType type, String rule) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            int g = m.group(1) != null ? 1 : 2;
            out.add(new Candidate(type, m.start(g), m.end(g), rule, m.group(g).replaceAll("\\s", "")));
        }
    }

    /** ISO 13616: move the first four characters to the end, letters to 10..35, the number mod 97 is 1. */
    static boolean ibanValid(String iban) {
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : moved.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
