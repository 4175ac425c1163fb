package io.verbatim.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedBuffersTest {

    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void autoIsAQuarterOfTheMemoryWithinBounds() {
        assertThat(EmbeddedPostgresServer.sharedBuffers("auto", 8 * GB)).isEqualTo("2048MB");
        assertThat(EmbeddedPostgresServer.sharedBuffers(null, 8 * GB)).isEqualTo("2048MB");
        assertThat(EmbeddedPostgresServer.sharedBuffers(" AUTO ", 64 * GB)).isEqualTo("4096MB");
        assertThat(EmbeddedPostgresServer.sharedBuffers("auto", GB / 4)).isEqualTo("128MB");
        assertThat(EmbeddedPostgresServer.sharedBuffers("auto", 0)).isEqualTo("128MB");
    }

    @Test
    void aSizeIsPassedOnAndAnythingElseRefused() {
        assertThat(EmbeddedPostgresServer.sharedBuffers("512MB", 8 * GB)).isEqualTo("512MB");
        assertThat(EmbeddedPostgresServer.sharedBuffers("2GB", 8 * GB)).isEqualTo("2GB");
        assertThatThrownBy(() -> EmbeddedPostgresServer.sharedBuffers("2 GB; fsync=off", 8 * GB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedded-shared-buffers");
        assertThatThrownBy(() -> EmbeddedPostgresServer.sharedBuffers("lots", 8 * GB)).isInstanceOf(IllegalArgumentException.class);
    }
}
