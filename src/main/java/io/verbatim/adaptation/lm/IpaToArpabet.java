package io.verbatim.adaptation.lm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * espeak-ng's IPA for American English ({@code espeak-ng -q --ipa -v en-us}) in the CMU/ARPAbet phone set of the
 * PocketSphinx en-us model. Longest symbol first ("tʃ" before "t", "aɪ" before "a"); stress and length marks are
 * dropped (the model's dictionary has no stress). A symbol outside the table makes the whole word unmapped rather
 * than guessed.
 */
public final class IpaToArpabet {

    /** The phones of the PocketSphinx en-us acoustic model (besides SIL). */
    public static final Set<String> PHONES = Set.of("AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH", "ER",
            "EY", "F", "G", "HH", "IH", "IY", "JH", "K", "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH", "T", "TH",
            "UH", "UW", "V", "W", "Y", "Z", "ZH");
    /** Marks with no phone of their own: primary and secondary stress, length, syllable break, tie bar, nasalisation. */
    private static final String IGNORED = "ˈˌːˑ.‿̃͡ʲ-";
    private static final Map<String, String> TABLE = new LinkedHashMap<>();

    static {
        // diphthongs and affricates first (the longest match wins)
        put("aɪ", "AY"); put("aʊ", "AW"); put("eɪ", "EY"); put("oʊ", "OW"); put("əʊ", "OW"); put("ɔɪ", "OY");
        put("tʃ", "CH"); put("dʒ", "JH");
        // syllabic consonants: a reduced vowel and the consonant
        put("n̩", "AH N"); put("l̩", "AH L"); put("m̩", "AH M");
        put("ɝ", "ER"); put("ɚ", "ER"); put("ɜ", "ER");
        put("ɑ", "AA"); put("ɒ", "AA"); put("æ", "AE"); put("a", "AE"); put("ʌ", "AH"); put("ə", "AH"); put("ɐ", "AH");
        put("ɔ", "AO"); put("ɛ", "EH"); put("e", "EH"); put("ɪ", "IH"); put("ᵻ", "IH"); put("i", "IY"); put("ʊ", "UH");
        put("u", "UW"); put("o", "OW"); put("y", "UW");
        put("p", "P"); put("b", "B"); put("t", "T"); put("d", "D"); put("k", "K"); put("ɡ", "G"); put("g", "G");
        put("f", "F"); put("v", "V"); put("θ", "TH"); put("ð", "DH"); put("s", "S"); put("z", "Z"); put("ʃ", "SH");
        put("ʒ", "ZH"); put("h", "HH"); put("m", "M"); put("n", "N"); put("ŋ", "NG"); put("l", "L"); put("ɫ", "L");
        put("ɹ", "R"); put("r", "R"); put("ɾ", "T"); put("ʔ", "T"); put("j", "Y"); put("w", "W"); put("x", "K");
    }

    private IpaToArpabet() {
    }

    private static void put(String ipa, String phones) {
        TABLE.put(ipa, phones);
    }

    /** The phones of one word's IPA ("pɹˈɪjə" → "P R IH Y AH"); empty when a symbol has no mapping. */
    public static Optional<String> map(String ipa) {
        List<String> out = new ArrayList<>();
        String s = ipa.strip();
        int i = 0;
        outer:
        while (i < s.length()) {
            char c = s.charAt(i);
            if (IGNORED.indexOf(c) >= 0 || Character.isWhitespace(c)) {
                i++;
                continue;
            }
            for (int len = Math.min(3, s.length() - i); len >= 1; len--) {
                String phones = TABLE.get(s.substring(i, i + len));
                if (phones != null) {
                    out.add(phones);
                    i += len;
                    continue outer;
                }
            }
            return Optional.empty();
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", out));
    }
}
