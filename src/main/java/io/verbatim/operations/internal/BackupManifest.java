package io.verbatim.operations.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup holds ({@code manifest.json} beside the table files): the schema version to migrate a new
 * database to, each table's columns, canonical order, row count and the SHA-256 of its content in that order,
 * the sequences' positions, and the blob store's objects at the time.
 */
record BackupManifest(String format, String name, Instant createdAt, String schemaVersion, String postgresVersion,
                      String database, List<Table> tables, List<Sequence> sequences, Blobs blobs) {

    static final String FORMAT = "verbatim-backup/1";
    static final String FILE = "manifest.json";
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /**
     * @param columns the columns copied, in order (generated columns are left to the database)
     * @param orderBy the primary key; empty = the whole row's text (tables without a key)
     * @param sha256  of the table's {@code COPY ... (FORMAT binary)} output in that order: the file's content
     *                before compression, and what a faithful restore produces again
     */
    record Table(String name, List<String> columns, List<String> orderBy, long rows, String sha256, String file,
                 long fileBytes) {
    }

    /** @param lastValue null when the sequence was never used */
    record Sequence(String name, Long lastValue) {
    }

    /** @param file one JSON object per line: bucket, key, size, last_modified */
    record Blobs(String file, long count, long bytes, String sha256) {
    }

    long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    void write(Path dir) throws IOException {
        Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(this));
    }

    static BackupManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " is not a Verbatim backup (no " + FILE + ")");
        }
        BackupManifest manifest = JSON.readValue(Files.readString(file), BackupManifest.class);
        if (!FORMAT.equals(manifest.format())) {
            throw new IOException(dir + " has backup format '" + manifest.format() + "'; this version reads " + FORMAT);
        }
        return manifest;
    }

    static JsonMapper json() {
        return JSON;
    }
}
