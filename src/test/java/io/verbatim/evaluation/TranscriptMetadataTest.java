package io.verbatim.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.ingest.IngestMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A labelled-set transcript becomes the upload metadata the demo loader would give it. */
class TranscriptMetadataTest {

    @Test
    void theDomainPicksTheChannelAndIsATagBesideEvaluation() {
        var transcript = JsonMapper.builder().build().readTree("""
                {"id":"fs_1","domain":"field_sales","language":"en-US","direction":"in_person",
                 "agent":{"name":"Rick Alvarez"},"customer":{"name":"Dana","phone":null},
                 "started_at":"2026-10-05T14:03:00Z","turns":[{"speaker":"agent","text":"Hi"},{"speaker":"customer","text":"Hello"}]}""");
        IngestMetadata m = TranscriptMetadata.of("fs_1", transcript, "evaluation");
        assertThat(m.channel()).isEqualTo("field_visit");
        assertThat(m.direction()).isEqualTo("in_person");
        assertThat(m.agent()).isEqualTo("Rick Alvarez");
        assertThat(m.tags()).containsExactly("field_sales", "evaluation");
        assertThat(m.externalId()).isEqualTo("fs_1");
        assertThat(m.bulk()).isTrue();
        assertThat(TranscriptMetadata.turnTexts(transcript)).containsExactly("Hi", "Hello");
        assertThat(TranscriptMetadata.of("x", JsonMapper.builder().build().readTree("{\"domain\":\"mystery_shop\"}"), "e").channel())
                .isEqualTo("video");
        assertThat(TranscriptMetadata.of("x", JsonMapper.builder().build().readTree("{\"domain\":\"voice_agent\"}"), "e").channel())
                .isEqualTo("voice_agent");
        assertThat(TranscriptMetadata.of("x", JsonMapper.builder().build().readTree("{\"domain\":\"csr\"}"), "e").channel())
                .isEqualTo("phone");
    }
}
