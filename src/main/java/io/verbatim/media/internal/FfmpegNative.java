package io.verbatim.media.internal;

import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;

/**
 * Loads the bundled FFmpeg libraries once per JVM. JavaCPP unpacks them into a cache directory
 * that defaults to {@code ~/.javacpp/cache}; a server should not write into a home directory it
 * does not own, so we point it at the data directory unless an operator already chose one.
 */
final class FfmpegNative {

    static final String CACHE_DIR_PROPERTY = "org.bytedeco.javacpp.cachedir";

    private static final Map<String, Integer> LOG_LEVELS = Map.of(
            "quiet", AV_LOG_QUIET, "panic", AV_LOG_PANIC, "fatal", AV_LOG_FATAL, "error", AV_LOG_ERROR,
            "warning", AV_LOG_WARNING, "info", AV_LOG_INFO, "verbose", AV_LOG_VERBOSE, "debug", AV_LOG_DEBUG);

    private static boolean loaded;

    private FfmpegNative() {
    }

    static synchronized void load(Path cacheDir, String logLevel) {
        Integer level = LOG_LEVELS.get(logLevel == null ? "fatal" : logLevel.toLowerCase(Locale.ROOT));
        if (level == null) {
            throw new IllegalArgumentException("verbatim.media.ffmpeg-log-level must be one of " + LOG_LEVELS.keySet());
        }
        if (!loaded) {
            if (System.getProperty(CACHE_DIR_PROPERTY) == null && cacheDir != null) {
                try {
                    Files.createDirectories(cacheDir);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create the native library cache " + cacheDir, e);
                }
                System.setProperty(CACHE_DIR_PROPERTY, cacheDir.toAbsolutePath().toString());
            }
            Loader.load(avutil.class);
            Loader.load(swresample.class);
            Loader.load(avcodec.class);
            Loader.load(avformat.class);
            loaded = true;
        }
        av_log_set_level(level);
    }

    /** FFmpeg's text for an error code, e.g. "Invalid data found when processing input". */
    static String describe(int error) {
        byte[] buf = new byte[256];
        if (av_strerror(error, buf, buf.length) < 0) {
            return "error " + error;
        }
        int end = 0;
        while (end < buf.length && buf[end] != 0) {
            end++;
        }
        return new String(buf, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String string(BytePointer p) {
        return p == null || p.isNull() ? null : p.getString();
    }
}
