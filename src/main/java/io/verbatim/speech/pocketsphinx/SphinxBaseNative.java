package io.verbatim.speech.pocketsphinx;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/** The sphinxbase functions (Debian {@code libsphinxbase3}) the decoder needs: configuration, log math, logging. */
interface SphinxBaseNative extends Library {

    /** Variadic name/value string pairs ending with null; the strings are copied. */
    Pointer cmd_ln_init(Pointer inoutCmdln, Pointer definitions, int strict, Object... nameValuePairs);

    int cmd_ln_free_r(Pointer cmdln);

    double logmath_exp(Pointer logmath, int logValue);

    /** file type 0 = NGRAM_AUTO (ARPA text or the trie binary, by content). */
    Pointer ngram_model_read(Pointer config, String fileName, int fileType, Pointer logmath);

    Pointer ngram_model_retain(Pointer model);

    int ngram_model_free(Pointer model);

    /** Linear interpolation of the models with these weights (the set takes over one reference to each). */
    Pointer ngram_model_set_init(Pointer config, Pointer[] models, String[] names, float[] weights, int count);

    void ckd_free(Pointer memory);

    /** {@code FILE*}; null turns sphinxbase's logging (several hundred lines per decoder) off. */
    void err_set_logfp(Pointer file);
}
