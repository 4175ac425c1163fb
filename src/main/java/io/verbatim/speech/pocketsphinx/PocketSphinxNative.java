package io.verbatim.speech.pocketsphinx;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The part of the pocketsphinx 5prealpha C API (Debian {@code libpocketsphinx3}) this engine uses.
 * {@code size_t} is mapped to {@code long}: right on every LP64 Linux, the only platform Debian
 * ships this library for that we run on.
 */
interface PocketSphinxNative extends Library {

    Pointer ps_args();

    Pointer ps_init(Pointer config);

    int ps_free(Pointer ps);

    Pointer ps_get_logmath(Pointer ps);

    Pointer ps_get_config(Pointer ps);

    /** The language model of a named search ("_default": the one from -lm); borrowed, not retained. */
    Pointer ps_get_lm(Pointer ps, String name);

    /** Adds a named n-gram search over {@code lm} (the decoder retains it). */
    int ps_set_lm(Pointer ps, String name, Pointer lm);

    int ps_set_search(Pointer ps, String name);

    int ps_unset_search(Pointer ps, String name);

    /** Replaces the dictionary from files and re-makes every search over it ({@code format} null = CMU). */
    int ps_load_dict(Pointer ps, String dictFile, String fillerDictFile, String format);

    /** The word's phones (the caller frees them with ckd_free), or null when the dictionary lacks it. */
    Pointer ps_lookup_word(Pointer ps, String word);

    int ps_start_utt(Pointer ps);

    int ps_process_raw(Pointer ps, short[] data, long nSamples, int noSearch, int fullUtt);

    int ps_end_utt(Pointer ps);

    /** Owned by the decoder, valid until the next utterance: JNA copies it into a Java string. */
    String ps_get_hyp(Pointer ps, IntByReference outBestScore);

    Pointer ps_seg_iter(Pointer ps);

    /** Returns null at the end, having freed the iterator. */
    Pointer ps_seg_next(Pointer seg);

    String ps_seg_word(Pointer seg);

    void ps_seg_frames(Pointer seg, IntByReference outStartFrame, IntByReference outEndFrame);

    /** Log posterior of the word, in the decoder's log base (see {@link SphinxBaseNative#logmath_exp}). */
    int ps_seg_prob(Pointer seg, IntByReference outAcousticScore, IntByReference outLmScore, IntByReference outLmBackoff);

    void ps_seg_free(Pointer seg);
}
