package io.verbatim.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BlobAttributesTest {

    @Test
    void keepsWhatEveryEngineCanKeep() {
        BlobAttributes attributes = new BlobAttributes("audio/mpeg", Map.of("tenant-id", "acme", "source", "upload via api"));
        assertThat(attributes.contentType()).isEqualTo("audio/mpeg");
        assertThat(attributes.with("source", "sftp").metadata()).containsEntry("source", "sftp").containsEntry("tenant-id", "acme");
        assertThat(BlobAttributes.of(" ").contentType()).isEqualTo(BlobAttributes.OCTET_STREAM);
        assertThat(BlobAttributes.of("application/json; charset=utf-8").contentType()).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void refusesWhatAnEngineWouldChangeOrDrop() {
        for (String key : new String[] {"Upper", "under_score", "-dash", "dash-", "", "x".repeat(65)}) {
            assertThatThrownBy(() -> new BlobAttributes(null, Map.of(key, "v"))).as(key).isInstanceOf(InvalidBlobKeyException.class);
        }
        for (String value : new String[] {" padded", "padded ", "line\nbreak", "naïve"}) {
            assertThatThrownBy(() -> new BlobAttributes(null, Map.of("k", value))).as(value).isInstanceOf(InvalidBlobKeyException.class);
        }
        assertThatThrownBy(() -> new BlobAttributes(null, Map.of("k", "v".repeat(2048)))).isInstanceOf(InvalidBlobKeyException.class);
        assertThatThrownBy(() -> BlobAttributes.of("not a type")).isInstanceOf(InvalidBlobKeyException.class);
        assertThatThrownBy(() -> BlobAttributes.of("text/plain\r\n; X-Injected: 1")).isInstanceOf(InvalidBlobKeyException.class);
    }
}
