package io.verbatim.pipeline.internal;

import io.verbatim.media.MediaProperties;
import io.verbatim.platform.PlatformProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Scratch files of a conversation on this node: the downloaded input and the decoded PCM that the
 * transcription stage reads. They are a cache: a stage that finds them missing (another node, a
 * restart) makes them again.
 */
@Component
class WorkFiles {

    private final Path root;

    WorkFiles(MediaProperties media, PlatformProperties platform) {
        this.root = media.workDir(platform.dataDir()).resolve("pipeline");
    }

    Path source(String tenant, UUID conversation) {
        return dir(tenant).resolve(conversation + ".source");
    }

    Path pcm(String tenant, UUID conversation) {
        return dir(tenant).resolve(conversation + ".pcm");
    }

    void deleteAll(String tenant, UUID conversation) {
        try {
            Files.deleteIfExists(source(tenant, conversation));
            Files.deleteIfExists(pcm(tenant, conversation));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path dir(String tenant) {
        try {
            return Files.createDirectories(root.resolve(tenant));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
