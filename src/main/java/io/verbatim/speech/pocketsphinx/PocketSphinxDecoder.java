package io.verbatim.speech.pocketsphinx;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.verbatim.speech.SpeechAdaptation;
import io.verbatim.speech.SpeechEngineException;
import io.verbatim.speech.SpeechProperties;
import io.verbatim.speech.Word;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One native pocketsphinx decoder. Not thread-safe (the C decoder keeps per-utterance state):
 * the engine gives each worker thread its own. {@link #close()} frees the native memory.
 */
final class PocketSphinxDecoder implements AutoCloseable {

    /** pocketsphinx's frame rate (its {@code -frate} default): frame indices to seconds. */
    static final double FRAMES_PER_SECOND = 100;
    /** pocketsphinx's name for the search built from {@code -lm}. */
    static final String DEFAULT_SEARCH = "_default";
    /** Tenant models a decoder keeps loaded; the least recently used one is dropped beyond this. */
    static final int MAX_ADAPTED = 4;
    /** Alternative pronunciations come back as "word(2)". */
    private static final Pattern ALTERNATE = Pattern.compile("\\(\\d+\\)$");

    private final PocketSphinxNative ps;
    private final SphinxBaseNative base;
    private Pointer decoder;
    private final Pointer logmath;
    /** Named searches over a tenant's interpolated model, most recently used last. */
    private final java.util.LinkedHashMap<String, Boolean> adapted = new java.util.LinkedHashMap<>(16, 0.75f, true);
    private String current = DEFAULT_SEARCH;
    private final SpeechProperties.Pocketsphinx model;
    /** Words given by adaptations, and the dictionary file holding them with the engine's own. */
    private final java.util.Map<String, String> extraWords = new java.util.TreeMap<>();
    private Path dictionaryFile;

    PocketSphinxDecoder(NativeLibraries natives, SpeechProperties.Pocketsphinx model) {
        this.ps = natives.pocketsphinx();
        this.base = natives.sphinxbase();
        this.model = model;
        List<Object> arguments = new ArrayList<>(List.of(
                "-hmm", model.hmm().toString(),
                "-lm", model.languageModel().toString(),
                "-dict", model.dictionary().toString(),
                // our own VAD already cut the audio; pocketsphinx's would drop frames and shift word times
                "-remove_silence", "no",
                "-logfn", "/dev/null"));
        arguments.addAll(model.decoderArguments());
        arguments.add(null);
        Pointer config = base.cmd_ln_init(null, ps.ps_args(), 1, arguments.toArray());
        if (config == null) {
            throw new SpeechEngineException(PocketSphinxEngine.NAME, "invalid decoder configuration for model " + model.hmm()
                    + (model.decoderOptions().isBlank() ? "" : " with decoder options '" + model.decoderOptions() + "'"));
        }
        try {
            decoder = ps.ps_init(config);
        } finally {
            base.cmd_ln_free_r(config); // ps_init keeps its own reference
        }
        if (decoder == null) {
            throw new SpeechEngineException(PocketSphinxEngine.NAME, "could not load the model from " + model.hmm());
        }
        logmath = ps.ps_get_logmath(decoder);
    }

    /**
     * Decodes one utterance.
     *
     * @param pcm    16 kHz samples of one speech segment
     * @param offset the segment's start in the conversation, seconds (added to every word time)
     * @return recognised words without fillers and silences, in time order
     */
    List<Word> decode(short[] pcm, double offset) {
        return decode(pcm, offset, null);
    }

    /** Decodes one utterance with a tenant's adaptation (null: the general model). */
    List<Word> decode(short[] pcm, double offset, SpeechAdaptation adaptation) {
        if (pcm.length == 0) {
            return List.of();
        }
        use(adaptation);
        check(ps.ps_start_utt(decoder), "start utterance");
        // one call with the whole segment (full_utt=1): batch cepstral mean normalisation, as the model's feat.params asks
        check(ps.ps_process_raw(decoder, pcm, pcm.length, 0, 1), "process audio");
        check(ps.ps_end_utt(decoder), "end utterance");
        List<Word> words = new ArrayList<>();
        IntByReference sf = new IntByReference();
        IntByReference ef = new IntByReference();
        IntByReference unused = new IntByReference();
        Pointer seg = ps.ps_seg_iter(decoder);
        try {
            while (seg != null) {
                String word = ps.ps_seg_word(seg);
                if (word != null && !isFiller(word)) {
                    ps.ps_seg_frames(seg, sf, ef);
                    double posterior = base.logmath_exp(logmath, ps.ps_seg_prob(seg, unused, unused, unused));
                    words.add(new Word(ALTERNATE.matcher(word).replaceFirst(""),
                            offset + sf.getValue() / FRAMES_PER_SECOND,
                            offset + (ef.getValue() + 1) / FRAMES_PER_SECOND,
                            Math.clamp(posterior, 0.0, 1.0)));
                }
                seg = ps.ps_seg_next(seg); // frees the iterator when it returns null
            }
        } finally {
            if (seg != null) {
                ps.ps_seg_free(seg);
            }
        }
        return words;
    }

    /** Switches to the adaptation's search, loading its model (interpolated with the general one) on first use. */
    private void use(SpeechAdaptation adaptation) {
        String name = adaptation == null ? DEFAULT_SEARCH : "t:" + adaptation.key();
        if (name.equals(current)) {
            return;
        }
        if (adaptation != null && adapted.get(name) == null) {
            load(name, adaptation);
        }
        check(ps.ps_set_search(decoder, name), "select search " + name);
        current = name;
    }

    private void load(String name, SpeechAdaptation adaptation) {
        addWords(adaptation);
        Pointer config = ps.ps_get_config(decoder);
        Pointer domain = base.ngram_model_read(config, adaptation.languageModel().toString(), 0, logmath);
        if (domain == null) {
            throw new SpeechEngineException(PocketSphinxEngine.NAME, "cannot read language model " + adaptation.languageModel());
        }
        Pointer general = ps.ps_get_lm(decoder, DEFAULT_SEARCH);
        base.ngram_model_retain(general); // the set frees its members with it
        Pointer set = base.ngram_model_set_init(config, new Pointer[] {general, domain}, new String[] {"general", "domain"},
                new float[] {(float) (1 - adaptation.weight()), (float) adaptation.weight()}, 2);
        if (set == null) {
            base.ngram_model_free(domain);
            base.ngram_model_free(general);
            throw new SpeechEngineException(PocketSphinxEngine.NAME, "cannot interpolate " + adaptation.languageModel());
        }
        try {
            check(ps.ps_set_lm(decoder, name, set), "add search " + name);
        } finally {
            base.ngram_model_free(set); // the search holds its own reference
        }
        adapted.put(name, Boolean.TRUE);
        if (adapted.size() > MAX_ADAPTED) {
            String eldest = adapted.keySet().iterator().next();
            adapted.remove(eldest);
            if (!eldest.equals(current)) {
                ps.ps_unset_search(decoder, eldest);
            }
        }
    }

    /**
     * Gives the decoder the adaptation's words its dictionary lacks. Not with ps_add_word: that also adds each word
     * to the language model of every search (the general one included, so one tenant's names would leak into every
     * other's recognition) and re-sizes only the current search. Instead the dictionary is reloaded from the engine's
     * file plus every word this decoder was given, with the general search current (ps_load_dict re-makes it) and the
     * tenants' searches dropped (a reloaded dictionary left them decoding nothing); a word in the dictionary but in
     * no model of a search is never recognised by that search.
     */
    private void addWords(SpeechAdaptation adaptation) {
        boolean added = false;
        for (var e : adaptation.pronunciations().entrySet()) {
            if (!extraWords.containsKey(e.getKey()) && !inDictionary(e.getKey()) && validPhones(e.getValue())) {
                extraWords.put(e.getKey(), e.getValue());
                added = true;
            }
        }
        if (!added) {
            return;
        }
        try {
            if (dictionaryFile == null) {
                dictionaryFile = Files.createTempFile("verbatim-pocketsphinx-", ".dict");
            }
            try (var out = Files.newBufferedWriter(dictionaryFile, StandardCharsets.UTF_8)) {
                out.write(Files.readString(model.dictionary(), StandardCharsets.UTF_8));
                for (var e : extraWords.entrySet()) {
                    out.write(e.getKey() + " " + e.getValue() + "\n");
                }
            }
        } catch (IOException e) {
            throw new SpeechEngineException(PocketSphinxEngine.NAME, "cannot write the extended dictionary", e);
        }
        // the general search current (re-made by the reload); other tenants' searches dropped, made again when next used
        check(ps.ps_set_search(decoder, DEFAULT_SEARCH), "select search " + DEFAULT_SEARCH);
        current = DEFAULT_SEARCH;
        for (String other : adapted.keySet()) {
            ps.ps_unset_search(decoder, other);
        }
        adapted.clear();
        check(ps.ps_load_dict(decoder, dictionaryFile.toString(), model.hmm().resolve("noisedict").toString(), null), "load dictionary");
    }

    private boolean inDictionary(String word) {
        Pointer known = ps.ps_lookup_word(decoder, word);
        if (known != null) {
            base.ckd_free(known);
            return true;
        }
        return false;
    }

    /** CMU phones only (a bad line would make the whole dictionary fail to load). */
    static boolean validPhones(String phones) {
        return phones.matches("[A-Z]{1,2}( [A-Z]{1,2}){0,40}");
    }

    /** Sentence marks, silence and the noise dictionary's entries ([NOISE], [SPEECH], ++UH++ in other models). */
    static boolean isFiller(String word) {
        return word.isEmpty() || word.startsWith("<") || word.startsWith("[") || word.startsWith("+");
    }

    private void check(int rc, String what) {
        if (rc < 0) {
            throw new SpeechEngineException(PocketSphinxEngine.NAME, "decoder failed to " + what + " (" + rc + ")");
        }
    }

    @Override
    public void close() {
        if (dictionaryFile != null) {
            try {
                Files.deleteIfExists(dictionaryFile);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
        if (decoder != null) {
            ps.ps_free(decoder);
            decoder = null;
        }
    }
}
