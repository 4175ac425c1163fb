package io.verbatim.speech.internal;

import io.verbatim.speech.UnsupportedLanguageException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/** Matching a request's BCP-47 tag against what an engine's model recognises, by primary language subtag. */
public final class Languages {

    /** The languages whisper models know (whisper.cpp's table), as ISO 639 codes. */
    public static final Set<String> WHISPER = Set.of(
            "en", "zh", "de", "es", "ru", "ko", "fr", "ja", "pt", "tr", "pl", "ca", "nl", "ar", "sv", "it", "id", "hi",
            "fi", "vi", "he", "uk", "el", "ms", "cs", "ro", "da", "hu", "ta", "no", "th", "ur", "hr", "bg", "lt", "la",
            "mi", "ml", "cy", "sk", "te", "fa", "lv", "bn", "sr", "az", "sl", "kn", "et", "mk", "br", "eu", "is", "hy",
            "ne", "mn", "bs", "kk", "sq", "sw", "gl", "mr", "pa", "si", "km", "sn", "yo", "so", "af", "oc", "ka", "be",
            "tg", "sd", "gu", "am", "yi", "lo", "uz", "fo", "ht", "ps", "tk", "nn", "mt", "sa", "lb", "my", "bo", "tl",
            "mg", "as", "tt", "haw", "ln", "ha", "ba", "jw", "su", "yue");

    private Languages() {
    }

    /** "es-419" -> "es", "en_US" -> "en"; null stays null. */
    public static String primary(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String p = tag.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
        return "iw".equals(p) ? "he" : "in".equals(p) ? "id" : p; // legacy ISO codes Java still produces
    }

    /**
     * The language to transcribe in.
     *
     * @param requested the request's tag; null = the first supported one
     * @return the requested tag as given, or the default
     * @throws UnsupportedLanguageException when its primary subtag is not supported
     */
    public static String requireMatch(String engine, String requested, Collection<String> supported) {
        if (requested == null || requested.isBlank()) {
            return supported.iterator().next();
        }
        String p = primary(requested);
        for (String s : supported) {
            if (p.equals(primary(s))) {
                return requested.strip();
            }
        }
        throw new UnsupportedLanguageException(engine, requested,
                supported.size() > 12 ? supported.size() + " languages" : String.join(", ", supported));
    }
}
