package io.verbatim.enrichment.language;

import io.verbatim.enrichment.DetectedLanguage;
import io.verbatim.speech.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The conversation's language from its text (OpenNLP's 103-language model), reconciled with the
 * language the transcript or tenant declares. Short conversations ("Yes." "Okay, bye.") do not carry
 * enough text for the model, so below a minimum the declared language stands; above it, the model
 * overrides a declared language only when it is sure. Thread-safe.
 */
public final class LanguageIdentifier {

    private static final String MODEL = "/langdetect-183.bin";
    /** The model must give the other language at least this probability to override a declared one. */
    private static final double OVERRIDE = 0.9;
    private static final int MAX_CHARS = 4000;
    private static final Map<String, String> ISO3_TO_ISO1 = new HashMap<>();

    static {
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                ISO3_TO_ISO1.put(Locale.of(iso1).getISO3Language(), iso1);
            } catch (RuntimeException e) {
                // a language without a three-letter code: not one the model gives
            }
        }
        // the model's macro-language codes that Locale spells differently
        ISO3_TO_ISO1.put("cmn", "zh");
        ISO3_TO_ISO1.put("zho", "zh");
        ISO3_TO_ISO1.put("fas", "fa");
        ISO3_TO_ISO1.put("msa", "ms");
    }

    private final LanguageDetectorModel model;
    private final int minCharacters;

    public LanguageIdentifier(int minCharacters) {
        this.minCharacters = minCharacters;
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP language model " + MODEL + " is not on the classpath");
            }
            this.model = new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load the language model", e);
        }
    }

    /** @param declared the transcript's (or else the tenant's) BCP-47 tag, may be null */
    public DetectedLanguage identify(List<Turn> turns, String declared) {
        StringBuilder sb = new StringBuilder();
        for (Turn t : turns) {
            if (sb.length() >= MAX_CHARS) {
                break;
            }
            sb.append(t.text()).append('\n');
        }
        String text = sb.toString().strip();
        String declaredBase = declared == null || declared.isBlank() ? null : declared.split("[-_]")[0].toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return new DetectedLanguage(declaredBase == null ? "und" : declaredBase, tag(declared, declaredBase), declaredBase == null ? 0 : 1,
                    "transcript", 0);
        }
        Language[] ranked = new LanguageDetectorME(model).predictLanguages(text);
        Language best = ranked[0];
        String detected = iso1(best.getLang());
        double confidence = round(best.getConfidence());
        if (declaredBase == null) {
            return new DetectedLanguage(detected, detected, confidence, "detected", text.length());
        }
        if (detected.equals(declaredBase)) {
            return new DetectedLanguage(detected, tag(declared, detected), confidence, "detected", text.length());
        }
        if (text.length() >= minCharacters && best.getConfidence() >= OVERRIDE) {
            return new DetectedLanguage(detected, detected, confidence, "detected-overrides-transcript", text.length());
        }
        double declaredConfidence = 0;
        for (Language l : ranked) {
            if (iso1(l.getLang()).equals(declaredBase)) {
                declaredConfidence = l.getConfidence();
            }
        }
        return new DetectedLanguage(declaredBase, tag(declared, declaredBase), round(declaredConfidence), "transcript", text.length());
    }

    private static String iso1(String iso3) {
        return ISO3_TO_ISO1.getOrDefault(iso3, iso3);
    }

    /** The declared tag when its language is {@code code} ("es-419" for es), else the bare code. */
    private static String tag(String declared, String code) {
        if (declared != null && code != null && declared.toLowerCase(Locale.ROOT).startsWith(code)) {
            return declared;
        }
        return code;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
