package io.verbatim.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.media.DecodedAudio;
import io.verbatim.media.MediaDecoder;
import io.verbatim.media.MediaProperties;
import io.verbatim.media.MediaTooLargeException;
import io.verbatim.media.Waveforms;
import io.verbatim.platform.PlatformProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The beans and the {@code verbatim.media.*} keys, without starting the whole application. */
class MediaConfigurationTest {

    @TempDir
    Path dataDir;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({MediaProperties.class, PlatformProperties.class})
    static class Properties {
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, MediaConfiguration.class)
                .withPropertyValues("verbatim.data-dir=" + dataDir, "verbatim.media.native-cache-dir=" + Decoders.NATIVE_CACHE);
    }

    @Test
    void defaultsLiveUnderTheDataDirectory() {
        runner().run(context -> {
            MediaProperties properties = context.getBean(MediaProperties.class);
            assertThat(properties.maxSize().toGigabytes()).isEqualTo(2);
            assertThat(properties.maxDuration()).hasHours(4);
            assertThat(properties.workDir(dataDir)).isEqualTo(dataDir.resolve("media").resolve("work"));
            assertThat(new MediaProperties(null, null, null, null, null).nativeCacheDir(dataDir))
                    .isEqualTo(dataDir.resolve("cache").resolve("javacpp"));

            DecodedAudio audio = context.getBean(MediaDecoder.class).decode(TestData.speech("jfk.wav"));
            assertThat(audio.pcmFile()).startsWith(dataDir.resolve("media").resolve("work"));
            assertThat(context.getBean(Waveforms.class).peaks(audio).length()).isEqualTo(1000);
        });
    }

    @Test
    void limitsAreSettable() {
        runner().withPropertyValues("verbatim.media.max-size=100KB", "verbatim.media.max-duration=30m")
                .run(context -> {
                    assertThat(context.getBean(MediaProperties.class).maxDuration()).hasMinutes(30);
                    assertThat(context.getBean(MediaProperties.class).maxSize().toBytes()).isEqualTo(100 * 1024);
                    // jfk.wav is 352 KB
                    org.assertj.core.api.Assertions.assertThatThrownBy(
                                    () -> context.getBean(MediaDecoder.class).decode(TestData.speech("jfk.wav")))
                            .isInstanceOf(MediaTooLargeException.class);
                });
    }
}
