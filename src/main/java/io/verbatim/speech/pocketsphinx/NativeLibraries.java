package io.verbatim.speech.pocketsphinx;

import com.sun.jna.Native;

/** The two loaded libraries; loading is what proves the Debian packages are installed. */
record NativeLibraries(PocketSphinxNative pocketsphinx, SphinxBaseNative sphinxbase) {

    /** @throws UnsatisfiedLinkError when a library is missing */
    static NativeLibraries load(String pocketsphinxLibrary, String sphinxbaseLibrary) {
        SphinxBaseNative base = Native.load(sphinxbaseLibrary, SphinxBaseNative.class);
        PocketSphinxNative ps = Native.load(pocketsphinxLibrary, PocketSphinxNative.class);
        base.err_set_logfp(null); // logging would otherwise go to stderr until each decoder reads -logfn
        return new NativeLibraries(ps, base);
    }
}
