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
