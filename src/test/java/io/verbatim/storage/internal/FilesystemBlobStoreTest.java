package io.verbatim.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.BlobContent;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.BlobNotFoundException;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.BlobStoreContract;
import io.verbatim.storage.BucketName;
import io.verbatim.storage.StorageException;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.StorageMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the filesystem engine, plus what only a directory tree can get wrong. */
class FilesystemBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path root;

    @Override
    protected BlobStore createStore() {
        // fsync off keeps 250-object tests fast on a shared disk; one test below runs with it on
        return new FilesystemBlobStore(root, false);
    }

    @Override
    protected TenantStorage createTenantStorage(BlobStore store, BucketName sharedBucket, String dedicatedPattern) {
        return new DefaultTenantStorage(store, sharedBucket, dedicatedPattern, true);
    }

    @Test
    void putFileOnTheSameFilesystemIsARenameNotACopy() throws IOException {
        FilesystemBlobStore synced = new FilesystemBlobStore(root, true);
        Path source = root.resolve("spool").resolve("u-1.part");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "recorded visit");
        Object inode = Files.readAttributes(source, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        BlobKey key = BlobKey.of("input", "acme", "evaluations", "e-1", "u-1.mp4");

        synced.putFile(BUCKET, key, source, BlobAttributes.of("video/mp4"));

        Path file = root.resolve("contract-shared/input/acme/evaluations/e-1/u-1.mp4");
        assertThat(source).doesNotExist();
        assertThat(file).hasContent("recorded visit");
        // the same inode: the bytes were not written a second time
        assertThat(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(inode);
        assertThat(synced.stat(BUCKET, key).orElseThrow().contentType()).isEqualTo("video/mp4");
        try (var tmp = Files.list(root.resolve(".tmp"))) {
            assertThat(tmp).isEmpty();
        }
    }

    @Test
    void objectsAreFilesUnderTheirBucketWithAHiddenSidecar() throws IOException {
        TenantBlobs acme = tenants.forTenant(ACME, StorageMode.SHARED);
        BlobKey key = acme.layout().audio("c-1", "mp3");
        acme.put(key, bytes("ID3"), BlobAttributes.of("audio/mpeg"));

        Path file = root.resolve("contract-shared/input/acme/audio/c-1.mp3");
        assertThat(file).hasContent("ID3");
        Path sidecar = file.resolveSibling(".c-1.mp3.meta.json");
        assertThat(Files.readString(sidecar)).contains("\"content_type\":\"audio/mpeg\"").contains("\"tenant-id\":\"acme\"");
        assertThat(keys(store.listAll(BUCKET, ""))).containsExactly("input/acme/audio/c-1.mp3");
        try (var tmp = Files.list(root.resolve(".tmp"))) {
            assertThat(tmp).isEmpty();
        }
    }

    @Test
    void objectsRemovedLeaveNoEmptyFolders() {
        BlobKey key = BlobKey.of("results", "acme", "final", "v1.0", "c-1.json");
        store.put(BUCKET, key, bytes("{}"), BlobAttributes.json());
        store.delete(BUCKET, key);
        assertThat(root.resolve("contract-shared")).isEmptyDirectory();
    }

    @Test
    void fileDroppedInByHandIsServedWithDefaults() throws IOException {
        Path file = root.resolve("contract-shared/input/acme/audio/by-hand.wav");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "RIFF");

        var info = store.stat(BUCKET, new BlobKey("input/acme/audio/by-hand.wav")).orElseThrow();
        assertThat(info.size()).isEqualTo(4);
        assertThat(info.contentType()).isEqualTo(BlobAttributes.OCTET_STREAM);
        assertThat(info.etag()).isNotBlank();
        assertThat(info.tenant()).isEmpty();
    }

    @Test
    void symbolicLinksAreNeverFollowedToAnObject() throws IOException {
        Path outside = Files.writeString(root.resolve("outside-secret.txt"), "secret");
        Path link = root.resolve("contract-shared/input/acme/audio/link.wav");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, outside);
        BlobKey key = new BlobKey("input/acme/audio/link.wav");

        assertThat(store.stat(BUCKET, key)).isEmpty();
        assertThatThrownBy(() -> store.get(BUCKET, key)).isInstanceOf(BlobNotFoundException.class);
        assertThat(keys(store.listAll(BUCKET, "input/"))).isEmpty();
        store.delete(BUCKET, key);
        assertThat(outside).hasContent("secret");
    }

    @Test
    void aFolderIsNotAnObject() {
        store.put(BUCKET, BlobKey.of("a", "b", "c.json"), bytes("{}"), BlobAttributes.json());
        assertThat(store.stat(BUCKET, BlobKey.of("a", "b"))).isEmpty();
        assertThatThrownBy(() -> store.get(BUCKET, BlobKey.of("a", "b"))).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.put(BUCKET, BlobKey.of("a", "b"), bytes("{}"), BlobAttributes.json()))
                .isInstanceOf(StorageException.class);
        assertThat(store.exists(BUCKET, BlobKey.of("a", "b", "c.json"))).isTrue();
    }

    @Test
    void staleTempFilesAreSweptOnStartButFreshOnesKept() throws IOException {
        Path stale = Files.writeString(root.resolve(".tmp/put-stale.part"), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path fresh = Files.writeString(root.resolve(".tmp/put-fresh.part"), "writing");

        new FilesystemBlobStore(root, false);

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void readersSeeWholeVersionsWhileWritersReplaceAndDelete() throws Exception {
        BlobKey key = BlobKey.of("docs", "contended.bin");
        int size = 64 * 1024;
        store.put(BUCKET, key, new java.io.ByteArrayInputStream(new byte[size]), BlobAttributes.of(null));
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
            for (int writer = 1; writer <= 2; writer++) {
                byte version = (byte) writer;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        byte[] content = new byte[size];
                        java.util.Arrays.fill(content, version);
                        store.put(BUCKET, key, new java.io.ByteArrayInputStream(content), BlobAttributes.of(null).with("writer", "w" + version));
                        if (i % 10 == 9 && version == 1) {
                            store.delete(BUCKET, key);
                        }
                    }
                    return null;
                }));
            }
            for (int reader = 0; reader < 2; reader++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 80; i++) {
                        try (BlobContent content = store.get(BUCKET, key)) {
                            byte[] bytes = content.stream().readAllBytes();
                            assertThat(bytes).hasSize(size);
                            for (byte b : bytes) {
                                assertThat(b).isEqualTo(bytes[0]);
                            }
                        } catch (BlobNotFoundException deletedMeanwhile) {
                            // a delete between two puts: absent is a whole state too
                        }
                    }
                    return null;
                }));
            }
            for (var future : work) {
                future.get();
            }
        }
        store.stat(BUCKET, key).ifPresent(info -> assertThat(info.metadata()).containsKey("writer"));
        try (var tmp = Files.list(root.resolve(".tmp"))) {
            assertThat(tmp).isEmpty();
        }
    }

    @Test
    void durableWritesWork() throws IOException {
        BlobStore durable = new FilesystemBlobStore(root, true);
        BlobKey key = BlobKey.of("docs", "durable.json");
        durable.put(BUCKET, key, bytes("{\"fsync\":true}"), BlobAttributes.json());
        try (BlobContent content = durable.get(BUCKET, key)) {
            assertThat(new String(content.stream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"fsync\":true}");
        }
    }
}
