package io.verbatim.enrichment.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.verbatim.enrichment.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Phone, card, account, national-id and ZIP numbers, written or spoken. A number's type comes from
 * its shape (Luhn-valid 13-19 digits, a valid phone number, the SSN and cédula layouts) and from the
 * nearest cue before it in the turn or in the two turns before (the question it answers): "social" makes
 * nine or four digits an SSN, "member ID" makes digits an account, "reference number" or "their number"
 * makes them not personal. Short pieces ("Zero one six six") count as a phone number while a phone number
 * is being read out.
 */
final class NumberFinder {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern SSN_LAYOUT = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");
    private static final Pattern YEAR = Pattern.compile("19[5-9]\\d|20[0-4]\\d");
    /** Sixteen digits in four groups of four: how a card number is written, whatever its check digit. */
    private static final Pattern CARD_LAYOUT = Pattern.compile("\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{4}");
    private static final Pattern CEDULA_LAYOUT = Pattern.compile("\\d{3}-\\d{7}-\\d");

    private NumberFinder() {
    }

    /**
     * @param before      folded text of the two previous turns and of this turn, up to each run (see {@link Context})
     * @param phoneNearby a phone number was found in this turn's or the previous two turns' text
     * @param region      the default region for phone numbers ("US"; "DO" for Dominican Spanish...)
     */
    static List<Candidate> find(String text, List<Tok> toks, Context context, boolean phoneNearby, String region) {
        List<Candidate> out = new ArrayList<>();
        boolean phoneSeen = phoneNearby;
        boolean idHere = false;
        for (DigitRun run : DigitRun.find(text, toks)) {
            Candidate c = classify(run, context, phoneSeen, idHere, region);
            if (c != null) {
                out.add(c);
                phoneSeen |= c.type() == PiiType.PHONE;
                idHere |= c.type() == PiiType.NATIONAL_ID;
            }
        }
        return out;
    }

    private static Candidate classify(DigitRun run, Context context, boolean phoneNearby, boolean idHere, String region) {
        if (!run.idLike() || run.length() < 3) {
            return null;
        }
        String digits = run.digits();
        int n = digits.length();
        Cue.Hit hit = context.cueBefore(run.start());
        if (hit != null && hit.cue() == Cue.AMOUNT && !context.rightBefore(hit, run.start())) {
            // a sum names only the number right after it: "transfer 3000 to 7788998877 this account"
            hit = context.cueAfter(run.end());
        }
        Cue cue = hit == null ? null : hit.cue();
        boolean partial = context.partialBefore(run.start());
        String raw = run.raw().strip();

        if (!run.letters().isEmpty()) {
            return cue == Cue.ACCOUNT || cue == Cue.NATIONAL_ID
                    ? candidate(cue == Cue.ACCOUNT ? PiiType.ACCOUNT_NUMBER : PiiType.NATIONAL_ID, run, "letters+digits+" + name(cue), run.letters() + digits)
                    : null;
        }
        if (SSN_LAYOUT.matcher(raw).matches() && cue != Cue.ACCOUNT && cue != Cue.REFERENCE) {
            return candidate(PiiType.NATIONAL_ID, run, "ssn-layout", digits);
        }
        if (CEDULA_LAYOUT.matcher(raw).matches() && cue != Cue.ACCOUNT && cue != Cue.REFERENCE) {
            return candidate(PiiType.NATIONAL_ID, run, "cedula-layout", digits);
        }
        if (cue == Cue.REFERENCE || cue == Cue.BUSINESS || cue == Cue.AMOUNT) {
            return null;
        }
        if (CARD_LAYOUT.matcher(raw).matches() && cue != Cue.ACCOUNT) {
            return candidate(PiiType.CARD_NUMBER, run, "card-layout", digits);
        }
        if (n >= 13 && n <= 19 && Luhn.valid(digits) && cue != Cue.ACCOUNT) {
            return candidate(PiiType.CARD_NUMBER, run, "luhn", digits);
        }
        if (partial && n >= 3 && n <= 6 && cue != null) {
            PiiType type = switch (cue) {
                case CARD -> PiiType.CARD_NUMBER;
                case SSN, NATIONAL_ID -> PiiType.NATIONAL_ID;
                case ACCOUNT -> PiiType.ACCOUNT_NUMBER;
                case PHONE -> PiiType.PHONE;
                default -> null;
            };
            if (type != null) {
                return candidate(type, run, "partial+" + name(cue), digits);
            }
            // the "ending in" was another number's; a ZIP asked for after it is still a ZIP ("Card ends in 2906. ZIP is ...")
        }
        if (cue == Cue.SSN && (n == 9 || n == 4)) {
            return candidate(PiiType.NATIONAL_ID, run, "digits+social", digits);
        }
        if (cue == Cue.NATIONAL_ID && n >= 6) {
            return candidate(PiiType.NATIONAL_ID, run, "digits+national-id", digits);
        }
        if (cue == Cue.ACCOUNT && n >= 4) {
            return candidate(PiiType.ACCOUNT_NUMBER, run, "digits+account", digits);
        }
        if (cue == Cue.CARD && n >= 13 && n <= 19) {
            return candidate(PiiType.CARD_NUMBER, run, "digits+card", digits);
        }
        if (cue == Cue.ZIP && (n == 5 || n == 9)) {
            return candidate(PiiType.ADDRESS, run, "zip", digits);
        }
        String e164 = phone(digits, region);
        if (e164 != null && (n >= 10 || cue == Cue.PHONE)) {
            return candidate(PiiType.PHONE, run, "phone", e164);
        }
        if (e164 == null && cue == Cue.PHONE && n == 10 && NANP.matcher(digits).matches()) {
            // asked for a phone and given ten digits of the North American shape: a phone number, even one no numbering
            // plan assigns (the fictional 555-01XX block, made-up numbers)
            return candidate(PiiType.PHONE, run, "phone-shaped", "+1" + digits);
        }
        if (phoneNearby && n <= 7 && run.wholeTokens() == 0 && (cue == null || cue == Cue.PHONE)) {
            return candidate(PiiType.PHONE, run, "phone-read-back", digits);
        }
        if (cue == null && n == 10 && run.wholeTokens() == 0 && context.bareAnswer(run.start(), run.end())) {
            // ten digits given alone, no cue: phone-length, even when no numbering plan knows it (typed, made up or mistyped)
            return candidate(PiiType.PHONE, run, "bare-ten-digits", digits);
        }
        if ((cue == null || cue == Cue.PHONE) && (n == 9 || n == 11) && run.wholeTokens() == 0 && !context.idTalk()
                && context.onlyNumber(run.start(), run.end())) {
            // nine or eleven digits, the turn's only number, in a conversation that never names an SSN, account or card:
            // a phone number with a digit short or too many (typed, made up); with ID talk, nine digits may be the SSN
            return candidate(PiiType.PHONE, run, "bare-phone-length", digits);
        }
        if ((cue == null || cue == Cue.CARD) && n == 16 && run.wholeTokens() == 0 && !run.raw().contains("-")) {
            // sixteen digits, whatever their grouping or check digit: a card's length, longer than any phone number
            // (fifteen digits are left alone: as often an account, "ac no 4505...")
            return candidate(PiiType.CARD_NUMBER, run, "card-length", digits);
        }
        if (cue == null && !phoneNearby && n == 4 && !partial && !YEAR.matcher(digits).matches() && !digits.endsWith("00")
                && context.fewNumbers(run.start(), run.end())) {
            // four digits given alone, no question or cue in sight: what a caller proves who they are with (the SSN's last
            // four), once; a different four after that names the card or account the call is about. A round hundred is a sum.
            // an ID that starts with the one given before is that one retyped in full ("335", then "3351")
            boolean idGiven = idHere || !context.idsBefore().isEmpty() && !context.idsBefore().contains(digits)
                    && context.idsBefore().stream().noneMatch(digits::startsWith);
            if (!idGiven) {
                return candidate(PiiType.NATIONAL_ID, run, "bare-last-four", digits);
            }
            return context.thing() == Cue.CARD ? candidate(PiiType.CARD_NUMBER, run, "bare-four-after-id", digits)
                    : candidate(PiiType.ACCOUNT_NUMBER, run, "bare-four-after-id", digits);
        }
        return null;
    }

    /** E.164 when the digits are a valid number in the region (or with a country code), else null. */
    static String phone(String digits, String region) {
        if (digits.length() < 7 || digits.length() > 15) {
            return null;
        }
        try {
            PhoneNumber number = PHONES.parse(digits, region);
            if (!PHONES.isValidNumber(number) && digits.length() > 10) {
                number = PHONES.parse("+" + digits, region);
            }
            return PHONES.isValidNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** Area code and exchange start 2-9: the North American numbering plan's shape. */
    private static final java.util.regex.Pattern NANP = java.util.regex.Pattern.compile("[2-9]\\d{2}[2-9]\\d{6}");

    private static Candidate candidate(PiiType type, DigitRun run, String rule, String normalized) {
        return new Candidate(type, run.start(), run.end(), rule, normalized);
    }

    private static String name(Cue cue) {
        return cue == null ? "none" : cue.name().toLowerCase(java.util.Locale.ROOT);
    }
}
