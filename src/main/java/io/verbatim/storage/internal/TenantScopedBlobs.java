package io.verbatim.storage.internal;

import io.verbatim.storage.BlobAccessDeniedException;
import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.BlobContent;
import io.verbatim.storage.BlobInfo;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.BlobPage;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.BlobSummary;
import io.verbatim.storage.BucketName;
import io.verbatim.storage.ByteRange;
import io.verbatim.storage.StorageLayout;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantId;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A tenant's view: every key and prefix is checked against the tenant's layout roots before it
 * reaches the engine, and reads re-check the tenant tag the object was written with, so a
 * misrouted key or a misconfigured bucket cannot hand one tenant another's bytes.
 */
final class TenantScopedBlobs implements TenantBlobs {

    private final BlobStore store;
    private final BucketName bucket;
    private final StorageLayout layout;
    private final StorageMode mode;

    TenantScopedBlobs(BlobStore store, BucketName bucket, TenantId tenant, StorageMode mode) {
        this.store = store;
        this.bucket = bucket;
        this.layout = StorageLayout.of(tenant);
        this.mode = mode;
    }

    @Override
    public TenantId tenant() {
        return layout.tenant();
    }

    @Override
    public StorageMode mode() {
        return mode;
    }

    @Override
    public BucketName bucket() {
        return bucket;
    }

    @Override
    public StorageLayout layout() {
        return layout;
    }

    @Override
    public BlobInfo put(BlobKey key, InputStream content, BlobAttributes attributes) {
        BlobAttributes tagged = (attributes == null ? BlobAttributes.of(null) : attributes)
                .with(BlobInfo.TENANT_METADATA, tenant().value());
        return store.put(bucket, owned(key), content, tagged);
    }

    @Override
    public BlobInfo putFile(BlobKey key, java.nio.file.Path source, BlobAttributes attributes, String etag) {
        BlobAttributes tagged = (attributes == null ? BlobAttributes.of(null) : attributes)
                .with(BlobInfo.TENANT_METADATA, tenant().value());
        return store.putFile(bucket, owned(key), source, tagged, etag);
    }

    @Override
    public BlobContent get(BlobKey key) {
        return checked(store.get(bucket, owned(key)));
    }

    @Override
    public BlobContent get(BlobKey key, ByteRange range) {
        return checked(store.get(bucket, owned(key), range));
    }

    @Override
    public Optional<BlobInfo> stat(BlobKey key) {
        Optional<BlobInfo> info = store.stat(bucket, owned(key));
        if (info.isPresent() && info.get().taggedForOtherThan(tenant())) {
            throw new BlobAccessDeniedException(tenant(), key.value());
        }
        return info;
    }

    @Override
    public void delete(BlobKey key) {
        store.delete(bucket, owned(key));
    }

    @Override
    public long deletePrefix(String prefix) {
        return store.deletePrefix(bucket, ownedPrefix(prefix));
    }

    @Override
    public void deleteConversation(String conversationId) {
        store.deletePrefix(bucket, layout.audioPrefix(conversationId));
        for (BlobKey document : layout.conversationDocuments(conversationId)) {
            store.delete(bucket, document);
        }
    }

    @Override
    public long deleteAll() {
        long deleted = 0;
        for (String root : layout.roots()) {
            deleted += store.deletePrefix(bucket, root);
        }
        return deleted;
    }

    @Override
    public BlobPage list(String prefix, String startAfter, int limit) {
        return store.list(bucket, ownedPrefix(prefix), startAfter, limit);
    }

    @Override
    public Stream<BlobSummary> listAll(String prefix) {
        return store.listAll(bucket, ownedPrefix(prefix));
    }

    private BlobKey owned(BlobKey key) {
        if (key == null || !layout.owns(key)) {
            throw new BlobAccessDeniedException(tenant(), key == null ? "null" : key.value());
        }
        return key;
    }

    private String ownedPrefix(String prefix) {
        BlobKey.requireValidPrefix(prefix);
        if (!layout.ownsPrefix(prefix)) {
            throw new BlobAccessDeniedException(tenant(), prefix);
        }
        return prefix;
    }

    private BlobContent checked(BlobContent content) {
        if (content.info().taggedForOtherThan(tenant())) {
            content.close();
            throw new BlobAccessDeniedException(tenant(), content.info().key().value());
        }
        return content;
    }

    @Override
    public String toString() {
        return "TenantBlobs[" + tenant() + ", " + mode.wire() + ", bucket " + bucket + "]";
    }
}
