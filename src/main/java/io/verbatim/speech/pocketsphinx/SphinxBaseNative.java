package io.verbatim.speech.pocketsphinx;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/** The sphinxbase functions (Debian {@code libsphinxbase3}) the decoder needs: configuration, log math, logging. */
interface SphinxBaseNative extends Library {

    /** Variadic name/value string pairs ending with null; the strings are copied. */
    Pointer cmd_ln_init(Pointer inoutCmdln, Pointer definitions, int strict, Object... nameValuePairs);

    int cmd_ln_free_r(Pointer cmdln);

    double logmath_exp(Pointer logmath, int logValue);

    /** {@code FILE*}; null turns sphinxbase's logging (several hundred lines per decoder) off. */
    void err_set_logfp(Pointer file);
}
