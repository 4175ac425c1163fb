package io.verbatim.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantId;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link BlobStore} engine must have, and the tenant views on top of it. An
 * engine's test extends this and says how to build the engine; the tests run against the real
 * engine (a directory, an embedded S3 server), never a mock.
 */
public abstract class BlobStoreContract {

    protected static final BucketName BUCKET = BucketName.of("contract-shared");
    protected static final String DEDICATED_PATTERN = "contract-{tenant}";
    protected static final TenantId ACME = TenantId.of("acme");
    protected static final TenantId ACME_2 = TenantId.of("acme-2");
    protected static final TenantId GLOBEX = TenantId.of("globex");
    protected static final long LARGE = 20L * 1024 * 1024 + 123;

    protected BlobStore store;
    protected TenantStorage tenants;

    /** A fresh engine over empty storage. */
    protected abstract BlobStore createStore() throws Exception;

    /** The module's tenant storage over {@code store}. */
    protected abstract TenantStorage createTenantStorage(BlobStore store, BucketName sharedBucket, String dedicatedPattern);

    /**
     * How much more heap may stay reachable while {@link #LARGE} bytes are being put, measured
     * after a full GC when 90% of the stream has been read. An engine holding the object whole
     * would retain at least that 90%; the filesystem engine retains about 64 KB, the S3 engine
     * its 5 MiB part plus the SDK's and the embedded server's working set (about 8 MB).
     */
    protected long retainedHeapBudgetForLargePut() {
        return LARGE * 3 / 4;
    }

    @BeforeEach
    void setUpStore() throws Exception {
        store = createStore();
        store.createBucketIfMissing(BUCKET);
        tenants = createTenantStorage(store, BUCKET, DEDICATED_PATTERN);
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    // ---- objects ------------------------------------------------------------------------------

    @Test
    void putFileMovesTheFileIntoTheStoreWithItsTenantTag() throws Exception {
        TenantBlobs acme = tenants.forTenant(ACME, StorageMode.SHARED);
        BlobKey key = acme.layout().audio("moved", "bin");
        byte[] bytes = new byte[3 * 1024 * 1024 + 7];
        new java.util.Random(7).nextBytes(bytes);
        Path source = Files.createTempFile("contract-putfile-", ".part");
        Files.write(source, bytes);

        BlobInfo info = acme.putFile(key, source, BlobAttributes.of("video/mp4"));

        assertThat(source).doesNotExist();
        assertThat(info.size()).isEqualTo(bytes.length);
        try (BlobContent content = acme.get(key)) {
            assertThat(content.stream().readAllBytes()).isEqualTo(bytes);
            assertThat(content.info().contentType()).isEqualTo("video/mp4");
            assertThat(content.info().metadata()).containsEntry(BlobInfo.TENANT_METADATA, "acme");
        }
        assertThat(store.stat(BUCKET, key).orElseThrow().etag()).isEqualTo(info.etag());
    }

    @Test
    void roundTripKeepsBytesTypeAndMetadata() throws IOException {
        BlobKey key = BlobKey.of("docs", "hello.txt");
        byte[] bytes = "hello, world".getBytes(StandardCharsets.UTF_8);

        BlobInfo put = store.put(BUCKET, key, new ByteArrayInputStream(bytes), new BlobAttributes("text/plain", Map.of("source", "upload")));

        assertThat(put.key()).isEqualTo(key);
        assertThat(put.size()).isEqualTo(bytes.length);
        assertThat(put.etag()).isNotBlank().doesNotContain("\"");
        try (BlobContent content = store.get(BUCKET, key)) {
            assertThat(content.stream().readAllBytes()).isEqualTo(bytes);
            assertThat(content.partial()).isFalse();
            assertThat(content.offset()).isZero();
            assertThat(content.length()).isEqualTo(bytes.length);
            assertThat(content.info().contentType()).isEqualTo("text/plain");
            assertThat(content.info().metadata()).containsEntry("source", "upload");
        }
        BlobInfo stat = store.stat(BUCKET, key).orElseThrow();
        assertThat(stat.size()).isEqualTo(bytes.length);
        assertThat(stat.contentType()).isEqualTo("text/plain");
        assertThat(stat.metadata()).isEqualTo(Map.of("source", "upload"));
        assertThat(stat.etag()).isEqualTo(put.etag());
        assertThat(stat.lastModified()).isBetween(Instant.now().minus(Duration.ofMinutes(2)), Instant.now().plus(Duration.ofMinutes(2)));
        assertThat(store.exists(BUCKET, key)).isTrue();
    }

    @Test
    void defaultContentTypeIsOctetStream() {
        BlobKey key = BlobKey.of("docs", "blob.bin");
        store.put(BUCKET, key, new ByteArrayInputStream(new byte[] {1, 2, 3}), BlobAttributes.of(null));
        assertThat(store.stat(BUCKET, key).orElseThrow().contentType()).isEqualTo(BlobAttributes.OCTET_STREAM);
    }

    @Test
    void emptyObjectRoundTripsAndHasNoSatisfiableRange() {
        BlobKey key = BlobKey.of("docs", "empty.json");
        store.put(BUCKET, key, InputStream.nullInputStream(), BlobAttributes.json());

        try (BlobContent content = store.get(BUCKET, key)) {
            assertThat(content.readAllBytes()).isEmpty();
            assertThat(content.info().size()).isZero();
        }
        assertThat(store.stat(BUCKET, key).orElseThrow().size()).isZero();
        assertThatThrownBy(() -> store.get(BUCKET, key, ByteRange.of(0, 1)))
                .isInstanceOfSatisfying(RangeNotSatisfiableException.class, e -> assertThat(e.size()).isZero());
        assertThatThrownBy(() -> store.get(BUCKET, key, ByteRange.last(1))).isInstanceOf(RangeNotSatisfiableException.class);
    }

    @Test
    void putReplacesBytesAndMetadata() {
        BlobKey key = BlobKey.of("docs", "doc.json");
        store.put(BUCKET, key, bytes("{\"v\":1}"), new BlobAttributes("text/plain", Map.of("first", "1")));
        store.put(BUCKET, key, bytes("{\"v\":2,\"longer\":true}"), new BlobAttributes(BlobAttributes.JSON, Map.of("second", "2")));

        try (BlobContent content = store.get(BUCKET, key)) {
            assertThat(new String(content.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"v\":2,\"longer\":true}");
            assertThat(content.info().contentType()).isEqualTo(BlobAttributes.JSON);
            assertThat(content.info().metadata()).isEqualTo(Map.of("second", "2"));
        }
    }

    @Test
    void largeObjectIsStreamedInAndOut() throws IOException {
        BlobKey key = BlobKey.of("media", "large.wav");
        long baseline = retainedHeap();
        long[] retainedNearEnd = {-1};
        InputStream probed = new FilterInputStream(GeneratedContent.stream(LARGE)) {
            private long position;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                position += Math.max(n, 0);
                if (retainedNearEnd[0] < 0 && position >= LARGE * 9 / 10) {
                    retainedNearEnd[0] = retainedHeap();
                }
                return n;
            }
        };

        BlobInfo put = store.put(BUCKET, key, probed, BlobAttributes.of("audio/wav"));

        assertThat(put.size()).isEqualTo(LARGE);
        assertThat(retainedNearEnd[0] - baseline).as("heap retained while putting %d bytes", LARGE)
                .isLessThan(retainedHeapBudgetForLargePut());
        assertThat(store.stat(BUCKET, key).orElseThrow().size()).isEqualTo(LARGE);
        try (BlobContent content = store.get(BUCKET, key)) {
            assertThat(content.length()).isEqualTo(LARGE);
            assertThat(GeneratedContent.sha256(content.stream())).isEqualTo(GeneratedContent.sha256(LARGE));
        }
        // across the 5 MiB boundary where a multipart upload cuts its first part
        long boundary = 5L * 1024 * 1024;
        try (BlobContent content = store.get(BUCKET, key, ByteRange.of(boundary - 7, 100))) {
            assertThat(content.stream().readAllBytes()).isEqualTo(GeneratedContent.bytes(boundary - 7, 100));
            assertThat(content.contentRange()).isEqualTo("bytes " + (boundary - 7) + "-" + (boundary + 92) + "/" + LARGE);
        }
        try (BlobContent content = store.get(BUCKET, key, ByteRange.last(10))) {
            assertThat(content.offset()).isEqualTo(LARGE - 10);
            assertThat(content.stream().readAllBytes()).isEqualTo(GeneratedContent.bytes(LARGE - 10, 10));
        }
        // a player that seeks away closes early; the store must stay usable
        try (BlobContent content = store.get(BUCKET, key)) {
            assertThat(content.stream().readNBytes(10)).isEqualTo(GeneratedContent.bytes(0, 10));
        }
        try (BlobContent content = store.get(BUCKET, key, ByteRange.from(LARGE - 3))) {
            assertThat(content.stream().readAllBytes()).isEqualTo(GeneratedContent.bytes(LARGE - 3, 3));
        }
    }

    @Test
    void rangedReadsFollowHttpRules() throws IOException {
        BlobKey key = BlobKey.of("media", "k.bin");
        store.put(BUCKET, key, GeneratedContent.stream(1000), BlobAttributes.of("audio/mpeg"));

        assertRange(key, ByteRange.of(0, 1), 0, 1, "bytes 0-0/1000");
        assertRange(key, ByteRange.of(10, 20), 10, 20, "bytes 10-29/1000");
        assertRange(key, ByteRange.of(990, 100), 990, 10, "bytes 990-999/1000");
        assertRange(key, ByteRange.of(999, 1), 999, 1, "bytes 999-999/1000");
        assertRange(key, ByteRange.of(0, Long.MAX_VALUE), 0, 1000, "bytes 0-999/1000");
        assertRange(key, ByteRange.from(0), 0, 1000, "bytes 0-999/1000");
        assertRange(key, ByteRange.from(500), 500, 500, "bytes 500-999/1000");
        assertRange(key, ByteRange.last(10), 990, 10, "bytes 990-999/1000");
        assertRange(key, ByteRange.last(5000), 0, 1000, "bytes 0-999/1000");

        for (ByteRange outside : List.of(ByteRange.of(1000, 1), ByteRange.from(1000), ByteRange.of(5000, 10))) {
            assertThatThrownBy(() -> store.get(BUCKET, key, outside)).as(outside.httpValue())
                    .isInstanceOfSatisfying(RangeNotSatisfiableException.class, e -> assertThat(e.size()).isEqualTo(1000));
        }
        try (BlobContent whole = store.get(BUCKET, key, ByteRange.from(0))) {
            assertThat(whole.partial()).isFalse();
        }
    }

    private void assertRange(BlobKey key, ByteRange range, long offset, long length, String contentRange) throws IOException {
        try (BlobContent content = store.get(BUCKET, key, range)) {
            assertThat(content.offset()).as(range.httpValue()).isEqualTo(offset);
            assertThat(content.length()).as(range.httpValue()).isEqualTo(length);
            assertThat(content.info().size()).isEqualTo(1000);
            assertThat(content.contentRange()).isEqualTo(contentRange);
            assertThat(content.stream().readAllBytes()).as(range.httpValue()).isEqualTo(GeneratedContent.bytes(offset, (int) length));
        }
    }

    @Test
    void missingObjectsAreReportedAsSuch() {
        BlobKey key = BlobKey.of("docs", "missing.json");
        BucketName nowhere = BucketName.of("contract-no-such-bucket");

        assertThat(store.stat(BUCKET, key)).isEmpty();
        assertThat(store.exists(BUCKET, key)).isFalse();
        assertThatThrownBy(() -> store.get(BUCKET, key))
                .isInstanceOfSatisfying(BlobNotFoundException.class, e -> assertThat(e.key()).isEqualTo(key));
        assertThatThrownBy(() -> store.get(BUCKET, key, ByteRange.of(0, 10))).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.get(nowhere, key)).isInstanceOf(BlobNotFoundException.class);
        assertThat(store.stat(nowhere, key)).isEmpty();
        assertThat(store.list(nowhere, "", null, 10).items()).isEmpty();
        try (Stream<BlobSummary> all = store.listAll(nowhere, "docs/")) {
            assertThat(all).isEmpty();
        }
        assertThat(store.deletePrefix(nowhere, "docs/")).isZero();
        store.delete(BUCKET, key);
        store.delete(nowhere, key);
    }

    @Test
    void deleteRemovesTheObjectAndIsIdempotent() {
        BlobKey key = BlobKey.of("docs", "a", "b", "c.json");
        BlobKey sibling = BlobKey.of("docs", "a", "keep.json");
        store.put(BUCKET, key, bytes("{}"), BlobAttributes.json());
        store.put(BUCKET, sibling, bytes("{}"), BlobAttributes.json());

        store.delete(BUCKET, key);
        store.delete(BUCKET, key);

        assertThat(store.exists(BUCKET, key)).isFalse();
        assertThat(store.exists(BUCKET, sibling)).isTrue();
        assertThat(keys(store.listAll(BUCKET, "docs/"))).containsExactly("docs/a/keep.json");
        // the key is writable again after its folders were cleaned up
        store.put(BUCKET, key, bytes("{\"again\":true}"), BlobAttributes.json());
        assertThat(store.exists(BUCKET, key)).isTrue();
    }

    @Test
    void putIntoMissingBucketFails() {
        BucketName nowhere = BucketName.of("contract-no-such-bucket");
        assertThatThrownBy(() -> store.put(nowhere, BlobKey.of("a.json"), bytes("{}"), BlobAttributes.json()))
                .isInstanceOf(StorageException.class);
        assertThat(store.bucketExists(nowhere)).isFalse();
    }

    @Test
    void bucketsAreCreatedOnceAndReported() {
        BucketName bucket = BucketName.of("contract-extra");
        assertThat(store.bucketExists(bucket)).isFalse();
        store.createBucketIfMissing(bucket);
        store.createBucketIfMissing(bucket);
        assertThat(store.bucketExists(bucket)).isTrue();
    }

    @Test
    void failedPutLeavesNothingBehindAndKeepsThePreviousVersion() {
        BlobKey fresh = BlobKey.of("media", "dropped.wav");
        BlobKey existing = BlobKey.of("media", "existing.wav");
        store.put(BUCKET, existing, bytes("old"), BlobAttributes.of("audio/wav"));
        long failAfter = 7L * 1024 * 1024; // past the first multipart part

        assertThatThrownBy(() -> store.put(BUCKET, fresh, GeneratedContent.failingAfter(failAfter), BlobAttributes.of("audio/wav")))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> store.put(BUCKET, existing, GeneratedContent.failingAfter(100), BlobAttributes.of("audio/wav")))
                .isInstanceOf(StorageException.class);

        assertThat(store.exists(BUCKET, fresh)).isFalse();
        assertThat(keys(store.listAll(BUCKET, "media/"))).containsExactly("media/existing.wav");
        try (BlobContent content = store.get(BUCKET, existing)) {
            assertThat(content.readAllBytes()).isEqualTo("old".getBytes(StandardCharsets.UTF_8));
        }
    }

    // ---- listing and deletion by prefix ---------------------------------------------------------

    @Test
    void listingPagesThroughManyObjectsInKeyOrder() {
        List<String> expected = new ArrayList<>();
        for (int i = 249; i >= 0; i--) {
            String key = "list/p/%04d.json".formatted(i);
            store.put(BUCKET, new BlobKey(key), bytes("x".repeat(i % 7)), BlobAttributes.json());
            expected.add(key);
        }
        for (String decoy : List.of("list/p-x/a", "list/p.json", "list/q/a", "lisa")) {
            store.put(BUCKET, new BlobKey(decoy), bytes("d"), BlobAttributes.json());
        }
        expected.sort(null);

        List<BlobSummary> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            BlobPage page = store.list(BUCKET, "list/p/", after, 40);
            seen.addAll(page.items());
            after = page.nextStartAfter();
            pages++;
            assertThat(page.items()).hasSizeLessThanOrEqualTo(40);
        } while (after != null && pages < 100);

        assertThat(seen).extracting(s -> s.key().value()).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(7);
        assertThat(seen.get(3).size()).isEqualTo(3);
        assertThat(seen.get(3).lastModified()).isNotNull();
        assertThat(keys(store.listAll(BUCKET, "list/p/"))).containsExactlyElementsOf(expected);

        List<String> withSiblings = new ArrayList<>(expected);
        withSiblings.addAll(List.of("list/p-x/a", "list/p.json"));
        withSiblings.sort(null);
        assertThat(keys(store.listAll(BUCKET, "list/p"))).containsExactlyElementsOf(withSiblings);

        BlobPage exact = store.list(BUCKET, "list/p/", null, 250);
        assertThat(exact.items()).hasSize(250);
        assertThat(exact.hasMore()).isFalse();
        assertThatThrownBy(() -> store.list(BUCKET, "list/", null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.list(BUCKET, "list/", null, BlobPage.MAX_LIMIT + 1)).isInstanceOf(IllegalArgumentException.class);

        assertThat(store.deletePrefix(BUCKET, "list/")).isEqualTo(253);
        assertThat(keys(store.listAll(BUCKET, ""))).containsExactly("lisa");
    }

    @Test
    void listingOrderIsByteOrderOfWholeKeys() {
        // '-' < '.' < '/' < '0': a walk that sorted by file name alone would put order/a/b first
        List<String> keys = List.of("order/a/b", "order/a0", "order/a-c", "order/a.json", "order/b", "order/a/a/z");
        for (String key : keys) {
            store.put(BUCKET, new BlobKey(key), bytes("."), BlobAttributes.json());
        }
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);

        assertThat(keys(store.listAll(BUCKET, "order/"))).containsExactlyElementsOf(sorted);
        assertThat(store.list(BUCKET, "order/a", "order/a.json", 10).items()).extracting(s -> s.key().value())
                .containsExactly("order/a/a/z", "order/a/b", "order/a0");
        assertThat(store.list(BUCKET, "order/", "order/a/a/z", 2).items()).extracting(s -> s.key().value())
                .containsExactly("order/a/b", "order/a0");
    }

    @Test
    void deletePrefixRemovesOnlyWhatMatches() {
        for (String key : List.of("del/a/1", "del/a/2", "del/a/sub/3", "del/ab/4", "del/b/5")) {
            store.put(BUCKET, new BlobKey(key), bytes("x"), BlobAttributes.json());
        }

        assertThat(store.deletePrefix(BUCKET, "del/a/")).isEqualTo(3);
        assertThat(store.deletePrefix(BUCKET, "del/a/")).isZero();

        assertThat(keys(store.listAll(BUCKET, "del/"))).containsExactly("del/ab/4", "del/b/5");
        assertThatThrownBy(() -> store.deletePrefix(BUCKET, "")).isInstanceOf(InvalidBlobKeyException.class);
        assertThatThrownBy(() -> store.deletePrefix(BUCKET, "del/../")).isInstanceOf(InvalidBlobKeyException.class);
    }

    // ---- keys -------------------------------------------------------------------------------------

    @Test
    void keysThatCouldEscapeTheirPrefixCannotBeMade() {
        for (String bad : List.of("../etc/passwd", "input/acme/../globex/raw/x.json", "/abs", "a//b", "a/", "a\\b", "a/\u0000b",
                ".hidden", "a/.meta.json", "a/b\n", "a/./b", "", " a")) {
            assertThatThrownBy(() -> new BlobKey(bad)).as(bad).isInstanceOf(InvalidBlobKeyException.class);
        }
        StorageLayout acme = StorageLayout.of(ACME);
        for (String badConversation : List.of("../globex", "a/b", "a.b", "", "x\u0000", "..")) {
            assertThatThrownBy(() -> acme.rawTranscript(badConversation)).as(badConversation).isInstanceOf(InvalidBlobKeyException.class);
        }
        assertThatThrownBy(() -> store.list(BUCKET, "../", null, 10)).isInstanceOf(InvalidBlobKeyException.class);
    }

    // ---- tenants ----------------------------------------------------------------------------------

    @Test
    void tenantWritesUseTheLayoutAndCarryTheTenantTag() {
        TenantBlobs acme = tenants.forTenant(ACME, StorageMode.SHARED);
        BlobKey key = acme.layout().rawTranscript("c-1");

        acme.put(key, bytes("{\"turns\":[]}"), new BlobAttributes(BlobAttributes.JSON, Map.of(BlobInfo.TENANT_METADATA, "globex", "engine", "sphinx")));

        assertThat(acme.bucket()).isEqualTo(BUCKET);
        assertThat(key.value()).isEqualTo("results/acme/raw/c-1.json");
        BlobInfo raw = store.stat(BUCKET, key).orElseThrow();
        assertThat(raw.metadata()).containsEntry(BlobInfo.TENANT_METADATA, "acme").containsEntry("engine", "sphinx");
        assertThat(raw.tenant()).contains(ACME);
        try (BlobContent content = acme.get(key)) {
            assertThat(content.info().tenant()).contains(ACME);
        }
        assertThat(acme.exists(key)).isTrue();
    }

    @Test
    void aTenantCannotReachAnotherTenantsObjects() {
        TenantBlobs acme = tenants.forTenant(ACME, StorageMode.SHARED);
        TenantBlobs globex = tenants.forTenant(GLOBEX, StorageMode.SHARED);
        BlobKey theirs = globex.layout().analysis("c-9");
        globex.put(theirs, bytes("{\"secret\":true}"), BlobAttributes.json());

        assertThatThrownBy(() -> acme.get(theirs)).isInstanceOf(BlobAccessDeniedException.class);
        assertThatThrownBy(() -> acme.get(theirs, ByteRange.of(0, 1))).isInstanceOf(BlobAccessDeniedException.class);
        assertThatThrownBy(() -> acme.stat(theirs)).isInstanceOf(BlobAccessDeniedException.class);
        assertThatThrownBy(() -> acme.delete(theirs)).isInstanceOf(BlobAccessDeniedException.class);
        assertThatThrownBy(() -> acme.put(theirs, bytes("{}"), BlobAttributes.json())).isInstanceOf(BlobAccessDeniedException.class);
        assertThatThrownBy(() -> acme.put(new BlobKey("elsewhere/x.json"), bytes("{}"), BlobAttributes.json()))
                .isInstanceOf(BlobAccessDeniedException.class);
        for (String prefix : List.of("results/globex/", "results/", "", "results/acme", "input/acm")) {
            assertThatThrownBy(() -> acme.list(prefix, null, 10)).as(prefix).isInstanceOf(BlobAccessDeniedException.class);
            assertThatThrownBy(() -> acme.listAll(prefix)).as(prefix).isInstanceOf(BlobAccessDeniedException.class);
            assertThatThrownBy(() -> acme.deletePrefix(prefix)).as(prefix).isInstanceOf(BlobAccessDeniedException.class);
        }
        assertThatThrownBy(() -> acme.deletePrefix("results/acme/../globex/")).isInstanceOf(InvalidBlobKeyException.class);

        assertThat(globex.exists(theirs)).isTrue();
        try (BlobContent content = globex.get(theirs)) {
            assertThat(new String(content.readAllBytes(), StandardCharsets.UTF_8)).contains("secret");
        }
    }

    @Test
    void aTenantIdThatPrefixesAnotherDoesNotOverlapIt() {
        TenantBlobs acme = tenants.forTenant(ACME, StorageMode.SHARED);
        TenantBlobs acme2 = tenants.forTenant(ACME_2, StorageMode.SHARED);
        acme.put(acme.layout().audio("c-1", "mp3"), bytes("a"), BlobAttributes.of("audio/mpeg"));
        acme.put(acme.layout().qaConfig(), bytes("{}"), BlobAttributes.json());
        acme2.put(acme2.layout().audio("c-1", "mp3"), bytes("b"), BlobAttributes.of("audio/mpeg"));
        acme2.put(acme2.layout().aiConfig(), bytes("{}"), BlobAttributes.json());

        assertThat(keys(acme.listAll("input/acme/"))).containsExactly("input/acme/audio/c-1.mp3");
        assertThat(acme.deleteAll()).isEqualTo(2);

        assertThat(keys(acme2.listAll("input/acme-2/"))).containsExactly("input/acme-2/audio/c-1.mp3");
        assertThat(acme2.exists(acme2.layout().aiConfig())).isTrue();
        assertThat(acme.exists(acme.layout().qaConfig())).isFalse();
    }

    @Test
    void anObjectTaggedForAnotherTenantIsNotServed() {
        TenantBlobs acme = tenants.forTenant(ACME, StorageMode.SHARED);
        BlobKey key = acme.layout().flatCall("c-1");
        // written around the tenant view, as a misrouted import might
        store.put(BUCKET, key, bytes("{}"), BlobAttributes.json().with(BlobInfo.TENANT_METADATA, "globex"));

        assertThatThrownBy(() -> acme.get(key)).isInstanceOf(BlobAccessDeniedException.class);
        assertThatThrownBy(() -> acme.stat(key)).isInstanceOf(BlobAccessDeniedException.class);

        // untagged objects (dropped in by other tools) are the prefix owner's
        store.put(BUCKET, key, bytes("{}"), BlobAttributes.json());
        assertThat(acme.stat(key)).isPresent();
    }

    @Test
    void deletingAConversationRemovesAllItsObjectsAndNoOthers() {
        TenantBlobs acme = tenants.forTenant(ACME, StorageMode.SHARED);
        StorageLayout layout = acme.layout();
        for (String conversation : List.of("c-1", "c-10")) {
            acme.put(layout.audio(conversation, "MP3"), bytes("audio"), BlobAttributes.of("audio/mpeg"));
            acme.put(layout.audio(conversation, "wav"), bytes("audio"), BlobAttributes.of("audio/wav"));
            for (BlobKey document : layout.conversationDocuments(conversation)) {
                acme.put(document, bytes("{}"), BlobAttributes.json());
            }
        }

        acme.deleteConversation("c-1");

        List<String> left = new ArrayList<>();
        for (String root : layout.roots()) {
            left.addAll(keys(acme.listAll(root)));
        }
        assertThat(left).hasSize(8).allMatch(key -> key.contains("/c-10."));
        assertThat(acme.exists(layout.audio("c-10", "mp3"))).isTrue();
        assertThat(acme.exists(layout.audio("c-1", "mp3"))).isFalse();
        assertThatThrownBy(() -> acme.get(layout.rawTranscript("c-1"))).isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void dedicatedTenantsGetTheirOwnBucketWithTheSameKeys() {
        TenantBlobs dedicated = tenants.forTenant(GLOBEX, StorageMode.DEDICATED);
        TenantBlobs sharedAcme = tenants.forTenant(ACME, StorageMode.SHARED);
        BlobKey key = dedicated.layout().audio("c-1", "wav");

        dedicated.put(key, GeneratedContent.stream(2048), BlobAttributes.of("audio/wav"));
        sharedAcme.put(sharedAcme.layout().audio("c-1", "wav"), bytes("acme"), BlobAttributes.of("audio/wav"));

        BucketName own = BucketName.of("contract-globex");
        assertThat(dedicated.bucket()).isEqualTo(own);
        assertThat(tenants.bucketFor(GLOBEX, StorageMode.DEDICATED)).isEqualTo(own);
        assertThat(store.bucketExists(own)).isTrue();
        assertThat(key.value()).isEqualTo("input/globex/audio/c-1.wav");
        assertThat(store.exists(own, key)).isTrue();
        assertThat(store.exists(BUCKET, key)).isFalse();
        assertThat(tenants.forTenant(GLOBEX, StorageMode.SHARED).exists(key)).isFalse();
        assertThat(keys(store.listAll(own, "input/"))).containsExactly("input/globex/audio/c-1.wav");
        assertThat(keys(store.listAll(BUCKET, "input/"))).containsExactly("input/acme/audio/c-1.wav");
        try (BlobContent content = dedicated.get(key, ByteRange.of(100, 10))) {
            assertThat(content.readAllBytes()).isEqualTo(GeneratedContent.bytes(100, 10));
        }
        assertThatThrownBy(() -> dedicated.get(dedicated.layout().analysis("c-1"))).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> dedicated.get(sharedAcme.layout().audio("c-1", "wav"))).isInstanceOf(BlobAccessDeniedException.class);
    }

    @Test
    void dedicatedBucketNamesMustBeValidAndDistinct() {
        TenantId longTenant = TenantId.of("a".repeat(60));
        assertThatThrownBy(() -> tenants.forTenant(longTenant, StorageMode.DEDICATED)).isInstanceOf(StorageException.class);
        assertThat(tenants.forTenant(longTenant, StorageMode.SHARED).bucket()).isEqualTo(BUCKET);

        TenantStorage clashing = createTenantStorage(store, BucketName.of("contract-acme"), DEDICATED_PATTERN);
        assertThatThrownBy(() -> clashing.forTenant(ACME, StorageMode.DEDICATED)).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> createTenantStorage(store, BUCKET, "contract-fixed")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** Heap still reachable after a full collection. */
    private static long retainedHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    protected static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    protected static List<String> keys(Stream<BlobSummary> listing) {
        try (listing) {
            return listing.map(s -> s.key().value()).toList();
        }
    }
}
