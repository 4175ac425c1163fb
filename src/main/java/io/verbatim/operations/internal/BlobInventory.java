package io.verbatim.operations.internal;

import io.verbatim.storage.BlobStore;
import io.verbatim.storage.BlobSummary;
import io.verbatim.storage.BucketName;
import io.verbatim.storage.StorageLayout;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.stereotype.Component;

/**
 * The blob store's side of a backup: every tenant's objects (bucket, key, size, time) as a gzipped JSON-lines
 * file. The objects themselves stay where they are (S3 versioning or a copy of the blob directory keeps them);
 * the manifest says what the database's rows may point to, and a verification counts what has gone since.
 */
@Component
class BlobInventory {

    private final BlobStore store;
    private final TenantStorage storage;

    BlobInventory(BlobStore store, TenantStorage storage) {
        this.store = store;
        this.storage = storage;
    }

    /** Writes the inventory of the tenants the connection's snapshot knows. */
    BackupManifest.Blobs write(Connection snapshot, Path file) throws SQLException, IOException {
        MessageDigest sha = TableCatalog.sha256();
        long count = 0;
        long bytes = 0;
        try (OutputStream raw = Files.newOutputStream(file);
             Writer out = new java.io.OutputStreamWriter(new DigestOutputStream(new GZIPOutputStream(raw), sha), StandardCharsets.UTF_8)) {
            for (Map.Entry<TenantId, BucketName> tenant : tenants(snapshot).entrySet()) {
                for (String root : StorageLayout.of(tenant.getKey()).roots()) {
                    try (Stream<BlobSummary> blobs = store.listAll(tenant.getValue(), root)) {
                        for (BlobSummary blob : (Iterable<BlobSummary>) blobs::iterator) {
                            Map<String, Object> line = new LinkedHashMap<>();
                            line.put("bucket", tenant.getValue().value());
                            line.put("key", blob.key().value());
                            line.put("size", blob.size());
                            line.put("last_modified", blob.lastModified() == null ? null : blob.lastModified().toString());
                            out.write(BackupManifest.json().writer().without(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                                    .writeValueAsString(line));
                            out.write('\n');
                            count++;
                            bytes += blob.size();
                        }
                    }
                }
            }
        }
        return new BackupManifest.Blobs(file.getFileName().toString(), count, bytes, TableCatalog.hex(sha));
    }

    /** How many objects of the inventory the blob store no longer has (deleted since, or lost). */
    long missing(Path file) throws IOException {
        Set<String> present = new HashSet<>();
        Set<String> listed = new HashSet<>();
        long missing = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                var node = BackupManifest.json().readTree(line);
                String bucket = node.get("bucket").asString();
                String key = node.get("key").asString();
                String prefix = bucket + "\n" + key.substring(0, key.indexOf('/', key.indexOf('/') + 1) + 1);
                if (listed.add(prefix)) {
                    String root = prefix.substring(bucket.length() + 1);
                    try (Stream<BlobSummary> blobs = store.listAll(BucketName.of(bucket), root)) {
                        blobs.forEach(b -> present.add(bucket + "\n" + b.key().value()));
                    }
                }
                if (!present.contains(bucket + "\n" + key)) {
                    missing++;
                }
            }
        }
        return missing;
    }

    private Map<TenantId, BucketName> tenants(Connection snapshot) throws SQLException {
        Map<TenantId, BucketName> tenants = new LinkedHashMap<>();
        try (Statement s = snapshot.createStatement(); ResultSet rs = s.executeQuery("SELECT id, storage_mode FROM tenants ORDER BY id")) {
            while (rs.next()) {
                TenantId id = new TenantId(rs.getString(1));
                tenants.put(id, storage.bucketFor(id, StorageMode.fromWire(rs.getString(2))));
            }
        }
        return tenants;
    }
}
