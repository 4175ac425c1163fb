package io.verbatim.appointments.internal;

import io.verbatim.appointments.Appointment;
import io.verbatim.platform.PlatformProperties;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visit recordings in progress. Chunks are streamed to a file under the data directory through a small buffer (memory
 * stays bounded however long the visit), each at the offset the session has reached: the session row is locked while a
 * chunk is written, and a chunk that failed halfway is cut off before the next one, so a client resumes from
 * {@code bytes_received}.
 */
@Component
class RecordingSessions {

    /** One session as the API shows it. */
    record Session(UUID id, UUID appointmentId, UUID salesRepId, String status, long bytesReceived, String contentType,
                   UUID conversationId, Instant startedAt, Instant stoppedAt) {
    }

    static final long MAX_CHUNK_BYTES = 64L * 1024 * 1024;
    private static final RowMapper<Session> ROWS = RecordingSessions::map;
    private final JdbcClient jdbc;
    private final Path root;

    RecordingSessions(JdbcClient jdbc, PlatformProperties platform) {
        this.jdbc = jdbc;
        this.root = platform.dataDir().resolve("recording-sessions");
    }

    @Transactional
    Session start(Appointment a) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO recording_sessions (id, tenant_id, appointment_id, sales_rep_id) VALUES (?, ?, ?, ?)")
                .params(id, tenant(), a.id(), a.salesRepId()).update();
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    Optional<Session> find(UUID id) {
        return jdbc.sql("SELECT * FROM recording_sessions WHERE tenant_id = ? AND id = ?").params(tenant(), id).query(ROWS).optional();
    }

    @Transactional(readOnly = true)
    List<Session> ofAppointment(UUID appointmentId) {
        return jdbc.sql("SELECT * FROM recording_sessions WHERE tenant_id = ? AND appointment_id = ? ORDER BY started_at, id")
                .params(tenant(), appointmentId).query(ROWS).list();
    }

    /** Appends a chunk that starts at {@code offset}; 409 {@code offset-mismatch} unless that is where the session is. */
    @Transactional
    Session append(UUID id, long offset, String contentType, InputStream body) {
        long received = jdbc.sql("SELECT bytes_received FROM recording_sessions WHERE tenant_id = ? AND id = ? AND status = 'recording' FOR UPDATE")
                .params(tenant(), id).query(Long.class).optional()
                .orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "session-stopped", "Session stopped",
                        "Recording session " + id + " is not recording"));
        if (offset != received) {
            throw new ProblemException(HttpStatus.CONFLICT, "offset-mismatch", "Wrong offset",
                    "The session has " + received + " bytes; send the chunk that starts there", Map.of("expected_offset", received));
        }
        long size;
        try {
            Path file = file(id);
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.truncate(received); // a chunk that broke off halfway left bytes nobody acknowledged
                channel.position(received);
                byte[] buffer = new byte[64 * 1024];
                long written = 0;
                for (int n; (n = body.read(buffer)) > 0; ) {
                    written += n;
                    if (written > MAX_CHUNK_BYTES) {
                        channel.truncate(received);
                        throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "chunk-too-large", "Chunk too large",
                                "A chunk may carry at most " + MAX_CHUNK_BYTES + " bytes");
                    }
                    channel.write(ByteBuffer.wrap(buffer, 0, n));
                }
                channel.force(false);
                size = received + written;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("""
                UPDATE recording_sessions SET bytes_received = ?, content_type = COALESCE(content_type, ?), updated_at = now()
                WHERE tenant_id = ? AND id = ?""").params(size, contentType, tenant(), id).update();
        return find(id).orElseThrow();
    }

    @Transactional
    void markStopped(UUID id, UUID conversationId) {
        jdbc.sql("""
                UPDATE recording_sessions SET status = 'stopped', conversation_id = ?, stopped_at = now(), updated_at = now()
                WHERE tenant_id = ? AND id = ?""").params(conversationId, tenant(), id).update();
    }

    Path file(UUID id) {
        return root.resolve(tenant()).resolve(id + ".part");
    }

    private static String tenant() {
        return TenantContext.require().value();
    }

    private static Session map(ResultSet rs, int n) throws SQLException {
        var stopped = rs.getTimestamp("stopped_at");
        return new Session(rs.getObject("id", UUID.class), rs.getObject("appointment_id", UUID.class),
                rs.getObject("sales_rep_id", UUID.class), rs.getString("status"), rs.getLong("bytes_received"),
                rs.getString("content_type"), rs.getObject("conversation_id", UUID.class),
                rs.getTimestamp("started_at").toInstant(), stopped == null ? null : stopped.toInstant());
    }
}
