package io.verbatim.ingest.transcripts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The importers as a Spring bean, with the size limit from configuration (no database needed). */
class TranscriptImportersWiringTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TranscriptImportProperties.class)
    @Import(TranscriptImporters.class)
    static class Wiring {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Wiring.class);

    @Test
    void defaultLimit() {
        runner.run(context -> assertThat(context.getBean(TranscriptImporters.class).maxBytes()).isEqualTo(50L * 1024 * 1024));
    }

    @Test
    void configuredLimit() {
        runner.withPropertyValues("verbatim.ingest.transcripts.max-size=2MB")
                .run(context -> {
                    TranscriptImporters importers = context.getBean(TranscriptImporters.class);
                    assertThat(importers.maxBytes()).isEqualTo(2L * 1024 * 1024);
                    assertThat(importers.read("Agent: Hello".getBytes()).turns()).hasSize(1);
                });
    }
}
