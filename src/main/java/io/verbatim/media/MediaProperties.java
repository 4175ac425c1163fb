package io.verbatim.media;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Media decoding settings ({@code verbatim.media.*}, e.g. {@code VERBATIM_MEDIA_MAX_SIZE=500MB}).
 *
 * @param maxSize        largest input accepted ({@code VERBATIM_MEDIA_MAX_SIZE}); reading stops past it
 * @param maxDuration    longest audio accepted ({@code VERBATIM_MEDIA_MAX_DURATION}); decoding stops past it
 * @param workDir        where decoded PCM files go; blank = {@code <data-dir>/media/work} ({@code VERBATIM_MEDIA_WORK_DIR})
 * @param nativeCacheDir where JavaCPP unpacks the FFmpeg libraries; blank = {@code <data-dir>/cache/javacpp}
 *                       ({@code VERBATIM_MEDIA_NATIVE_CACHE_DIR}); ignored if {@code org.bytedeco.javacpp.cachedir} is set
 * @param ffmpegLogLevel FFmpeg's own stderr logging: quiet, panic, fatal, error, warning, info, verbose, debug
 *                       ({@code VERBATIM_MEDIA_FFMPEG_LOG_LEVEL}); our exceptions carry the reasons either way
 */
@ConfigurationProperties("verbatim.media")
public record MediaProperties(@DefaultValue("2GB") DataSize maxSize,
                              @DefaultValue("4h") Duration maxDuration,
                              Path workDir,
                              Path nativeCacheDir,
                              @DefaultValue("fatal") String ffmpegLogLevel) {

    public Path workDir(Path dataDir) {
        return isBlank(workDir) ? dataDir.resolve("media").resolve("work") : workDir;
    }

    public Path nativeCacheDir(Path dataDir) {
        return isBlank(nativeCacheDir) ? dataDir.resolve("cache").resolve("javacpp") : nativeCacheDir;
    }

    private static boolean isBlank(Path path) {
        return path == null || path.toString().isBlank();
    }
}
