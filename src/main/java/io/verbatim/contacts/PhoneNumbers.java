package io.verbatim.contacts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Phone numbers to E.164 with libphonenumber. A number without a country code is read in the given region
 * (the tenant's default). Speech gives number words ("five five five, oh one two three"), so words become
 * digits first.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("zero", "0"), Map.entry("oh", "0"),
            Map.entry("o", "0"), Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"),
            Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("plus", "+"));

    private PhoneNumbers() {
    }

    /** The E.164 form of {@code raw}, or empty when it is no valid number (withheld, "anonymous", too short). */
    public static Optional<String> toE164(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = digitsFromWords(raw.strip());
        if (text.chars().filter(Character::isDigit).count() < 4) {
            return Optional.empty();
        }
        try {
            String region = defaultRegion == null || defaultRegion.isBlank() ? "US" : defaultRegion.toUpperCase(Locale.ROOT);
            PhoneNumber number = UTIL.parse(text, region);
            if (!UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code region} is a region libphonenumber knows (ISO 3166-1 alpha-2, e.g. US, GB, MX). */
    public static boolean knownRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
    }

    static String digitsFromWords(String text) {
        if (!text.matches("(?iu).*\\p{L}{2,}.*")) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (String token : text.toLowerCase(Locale.ROOT).split("[\\s,.;:-]+")) {
            String digit = WORDS.get(token);
            if (digit != null) {
                out.append(digit);
            } else if (token.matches("[+0-9()]+")) {
                out.append(token);
            } else if (token.equals("double") || token.equals("triple")) {
                out.append(token.equals("double") ? "#2" : "#3");
            }
        }
        // "double five" -> 55: expand the markers now that the following digit is known
        StringBuilder expanded = new StringBuilder();
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == '#' && i + 2 < out.length()) {
                int times = out.charAt(i + 1) - '0';
                expanded.append(String.valueOf(out.charAt(i + 2)).repeat(times));
                i += 2;
            } else if (c != '#') {
                expanded.append(c);
            }
        }
        return expanded.toString();
    }
}
