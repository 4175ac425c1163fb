package io.verbatim.ingest.transcripts;

import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Normalises the many ways formats name a language ("en_us", "english", "es-419") to a BCP-47 tag. */
final class Languages {

    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*");
    private static final Map<String, String> BY_ENGLISH_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOLanguages()) {
            String name = Locale.of(code).getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !name.equals(code)) {
                BY_ENGLISH_NAME.putIfAbsent(name, code);
            }
        }
        // Whisper's names that differ from the JDK's English display names
        BY_ENGLISH_NAME.put("castilian", "es");
        BY_ENGLISH_NAME.put("valencian", "ca");
        BY_ENGLISH_NAME.put("flemish", "nl");
        BY_ENGLISH_NAME.put("haitian creole", "ht");
        BY_ENGLISH_NAME.put("moldavian", "ro");
        BY_ENGLISH_NAME.put("moldovan", "ro");
        BY_ENGLISH_NAME.put("burmese", "my");
        BY_ENGLISH_NAME.put("mandarin", "zh");
        BY_ENGLISH_NAME.put("cantonese", "yue");
    }

    private Languages() {
    }

    /** A BCP-47 tag, or null when the value is blank or not recognisable as a language. */
    static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (TAG.matcher(value).matches()) {
            try {
                String tag = new Locale.Builder().setLanguageTag(value.replace('_', '-')).build().toLanguageTag();
                return tag.equals("und") ? null : tag;
            } catch (IllformedLocaleException e) {
                // fall through to the name lookup
            }
        }
        return BY_ENGLISH_NAME.get(value.toLowerCase(Locale.ROOT));
    }
}
