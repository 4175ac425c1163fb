package io.verbatim.speech.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.speech.SpeechEngines;
import io.verbatim.speech.SpeechProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The beans and the typed settings, without the rest of the application. */
class SpeechConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SpeechConfiguration.class);

    @Test
    void defaultsNameTheDebianModelAndAuto() {
        runner.run(ctx -> {
            SpeechProperties p = ctx.getBean(SpeechProperties.class);
            assertThat(p.engine()).isEqualTo("auto");
            assertThat(p.effectiveConcurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(p.pocketsphinx().hmm()).isEqualTo(Path.of("/usr/share/pocketsphinx/model/en-us/en-us"));
            assertThat(p.remote().model()).isEqualTo("whisper-1");
            SpeechEngines engines = ctx.getBean(SpeechEngines.class);
            assertThat(engines.all()).extracting(e -> e.name()).containsExactly("whisper", "remote", "pocketsphinx");
            assertThat(engines.status().get("whisper").available()).isFalse();
            assertThat(engines.status().get("remote").available()).isFalse();
        });
    }

    @Test
    void remoteUrlMakesTheRemoteEngineTheAutomaticChoice() {
        runner.withPropertyValues("verbatim.speech.remote.url=http://127.0.0.1:9", "verbatim.speech.remote.api-key=k",
                        "verbatim.speech.remote.model=large-v3", "verbatim.speech.concurrency=3",
                        "verbatim.speech.remote.timeout=90s")
                .run(ctx -> {
                    SpeechProperties p = ctx.getBean(SpeechProperties.class);
                    assertThat(p.effectiveConcurrency()).isEqualTo(3);
                    assertThat(p.remote().timeout()).hasSeconds(90);
                    assertThat(ctx.getBean(SpeechEngines.class).defaultEngine().name()).isEqualTo("remote");
                });
    }

    @Test
    void aNamedEngineIsTheNodesDefault() {
        runner.withPropertyValues("verbatim.speech.engine=whisper", "verbatim.speech.whisper.model-path=/models/ggml-base.en.bin")
                .run(ctx -> {
                    SpeechProperties p = ctx.getBean(SpeechProperties.class);
                    assertThat(p.whisper().modelPath()).isEqualTo(Path.of("/models/ggml-base.en.bin"));
                    assertThat(ctx.getBean(SpeechEngines.class).status().get("whisper").reason()).contains("does not exist");
                });
    }
}
