package io.verbatim.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.tenancy.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageLayoutTest {

    private static final String C = "0b6f6a8e-2d1c-4a55-9b7e-3f1d2c4b5a69";
    private final StorageLayout layout = StorageLayout.of(TenantId.of("acme"));

    @Test
    void keysAreExactlyTheDesignedLayout() {
        assertThat(layout.audio(C, "MP3").value()).isEqualTo("input/acme/audio/" + C + ".mp3");
        assertThat(layout.audioPrefix(C)).isEqualTo("input/acme/audio/" + C + ".");
        assertThat(layout.sourceMetadata(C).value()).isEqualTo("input/acme/meta/" + C + ".json");
        assertThat(layout.rawTranscript(C).value()).isEqualTo("results/acme/raw/" + C + ".json");
        assertThat(layout.enrichedTranscript(C).value()).isEqualTo("results/acme/enriched/" + C + ".json");
        assertThat(layout.analysis(C).value()).isEqualTo("results/acme/final/v1.0/" + C + ".json");
        assertThat(layout.flatCall(C).value()).isEqualTo("results/acme/final/v2.0-flat/calls/" + C + ".json");
        assertThat(layout.flatQa(C).value()).isEqualTo("results/acme/final/v2.0-flat/qa/" + C + ".json");
        assertThat(layout.aiConfig().value()).isEqualTo("config/acme/ai-config.json");
        assertThat(layout.qaConfig().value()).isEqualTo("config/acme/qa-config.json");
        assertThat(layout.roots()).containsExactly("input/acme/", "results/acme/", "config/acme/");
        assertThat(layout.key(StorageLayout.INPUT, "documents", "d-1.pdf").value()).isEqualTo("input/acme/documents/d-1.pdf");
        assertThat(layout.conversationDocuments(C)).hasSize(6).allMatch(layout::owns);
    }

    @Test
    void conversationIdsAndExtensionsAreSingleSafeSegments() {
        for (String bad : List.of("", "..", "../globex", "a/b", "a.b", "a b", "a\u0000", "x".repeat(129))) {
            assertThatThrownBy(() -> layout.rawTranscript(bad)).as(bad).isInstanceOf(InvalidBlobKeyException.class);
            assertThatThrownBy(() -> layout.audioPrefix(bad)).as(bad).isInstanceOf(InvalidBlobKeyException.class);
        }
        assertThatThrownBy(() -> layout.rawTranscript(null)).isInstanceOf(InvalidBlobKeyException.class);
        for (String bad : List.of("", "mp3/../x", ".mp3", "m p3", "abcdefghijk")) {
            assertThatThrownBy(() -> layout.audio(C, bad)).as(bad).isInstanceOf(InvalidBlobKeyException.class);
        }
        assertThatThrownBy(() -> layout.key("secrets", "x")).isInstanceOf(InvalidBlobKeyException.class);
        assertThatThrownBy(() -> layout.key(StorageLayout.INPUT, "..", "globex", "x")).isInstanceOf(InvalidBlobKeyException.class);
    }

    @Test
    void ownershipIsByWholeTenantSegment() {
        assertThat(layout.owns(new BlobKey("input/acme/audio/x.mp3"))).isTrue();
        assertThat(layout.owns(new BlobKey("input/acme-2/audio/x.mp3"))).isFalse();
        assertThat(layout.owns(new BlobKey("other/acme/x"))).isFalse();
        assertThat(layout.ownsPrefix("results/acme/")).isTrue();
        assertThat(layout.ownsPrefix("results/acme")).isFalse();
        assertThat(layout.ownsPrefix("")).isFalse();
    }

    @Test
    void tenantIsReadBackFromAKey() {
        assertThat(StorageLayout.tenantOf(layout.flatQa(C))).contains(TenantId.of("acme"));
        assertThat(StorageLayout.tenantOf(new BlobKey("other/acme/x"))).isEmpty();
        assertThat(StorageLayout.tenantOf(new BlobKey("input/x"))).isEmpty();
    }
}
