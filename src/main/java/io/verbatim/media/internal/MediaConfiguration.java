package io.verbatim.media.internal;

import io.verbatim.media.MediaDecoder;
import io.verbatim.media.MediaProperties;
import io.verbatim.media.Waveforms;
import io.verbatim.platform.PlatformProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    @Bean
    MediaDecoder mediaDecoder(MediaProperties media, PlatformProperties platform) {
        return new FfmpegMediaDecoder(media.maxSize().toBytes(), media.maxDuration(), media.workDir(platform.dataDir()),
                media.nativeCacheDir(platform.dataDir()), media.ffmpegLogLevel());
    }

    @Bean
    Waveforms waveforms() {
        return new PeakCalculator();
    }
}
