package io.verbatim.webhooks.internal;

import io.verbatim.credentials.Credentials;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.webhooks.StandardWebhooks;
import io.verbatim.webhooks.TargetGuard;
import io.verbatim.webhooks.WebhookEventTypes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The current tenant's webhook endpoints; each secret is sealed under the tenant's data key. */
@Component
class Endpoints {

    /** How long the previous secret keeps signing beside the new one after a rotation. */
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Credentials credentials;
    private final TargetGuard guard;

    Endpoints(JdbcClient jdbc, Credentials credentials, TargetGuard guard) {
        this.jdbc = jdbc;
        this.credentials = credentials;
        this.guard = guard;
    }

    record Endpoint(UUID id, String url, List<String> events, String description, boolean enabled, String disabledReason,
                    Instant createdAt, Instant updatedAt) {
    }

    record Created(Endpoint endpoint, String secret, boolean replayed) {
    }

    private record Row(Endpoint endpoint, String sealedSecret, String sealedPrevious, Instant previousExpiresAt,
                       String idempotencyKey) {
    }

    @Transactional
    Created create(String url, List<String> events, String description, String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 255) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Idempotency-Key must be at most 255 characters");
        }
        String target = validUrl(url);
        List<String> types = validEvents(events);
        if (key != null) {
            Optional<Row> earlier = jdbc.sql("SELECT * FROM webhook_endpoints WHERE tenant_id = ? AND idempotency_key = ?")
                    .params(tenant(), key).query(Endpoints::map).optional();
            if (earlier.isPresent()) {
                Endpoint e = earlier.get().endpoint();
                if (!e.url().equals(target) || !e.events().equals(types)) {
                    throw ProblemException.conflict("idempotency-key-reused",
                            "Idempotency-Key '" + key + "' was already used for a different endpoint");
                }
                return new Created(e, secret(e.id(), earlier.get().sealedSecret()), true);
            }
        }
        UUID id = UUID.randomUUID();
        String secret = StandardWebhooks.newSecret();
        jdbc.sql("""
                INSERT INTO webhook_endpoints (id, tenant_id, url, events, description, secret, idempotency_key)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenant(), target, types.toArray(String[]::new), clean(description),
                        credentials.seal(context(id), secret.getBytes(StandardCharsets.UTF_8)), key)
                .update();
        return new Created(find(id).orElseThrow(), secret, false);
    }

    @Transactional(readOnly = true)
    Optional<Endpoint> find(UUID id) {
        return row(id).map(Row::endpoint);
    }

    @Transactional(readOnly = true)
    Page<Endpoint> list(String cursor, int limit) {
        String after = Page.decode(cursor);
        String[] parts = after == null ? null : after.split("\\|", 2);
        List<Endpoint> rows = jdbc.sql("""
                SELECT * FROM webhook_endpoints WHERE tenant_id = :tenant
                  AND (CAST(:after_at AS timestamptz) IS NULL
                       OR (created_at, id) > (CAST(:after_at AS timestamptz), CAST(:after_id AS uuid)))
                ORDER BY created_at, id LIMIT :limit""")
                .param("tenant", tenant()).param("after_at", parts == null ? null : parts[0])
                .param("after_id", parts == null ? null : parts[1]).param("limit", limit + 1)
                .query(Endpoints::map).list().stream().map(Row::endpoint).toList();
        return Page.of(rows, limit, e -> e.createdAt() + "|" + e.id());
    }

    /** Changes the given fields; enabling an endpoint clears why it was disabled. */
    @Transactional
    Endpoint update(UUID id, String url, List<String> events, String description, Boolean enabled) {
        Endpoint current = find(id).orElseThrow(() -> ProblemException.notFound("Webhook endpoint " + id));
        jdbc.sql("""
                UPDATE webhook_endpoints SET url = ?, events = ?, description = ?, enabled = ?,
                    disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END, updated_at = now()
                WHERE tenant_id = ? AND id = ?""")
                .params(url == null ? current.url() : validUrl(url),
                        (events == null ? current.events() : validEvents(events)).toArray(String[]::new),
                        description == null ? current.description() : clean(description),
                        enabled == null ? current.enabled() : enabled, Boolean.TRUE.equals(enabled), tenant(), id)
                .update();
        return find(id).orElseThrow();
    }

    @Transactional
    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM webhook_endpoints WHERE tenant_id = ? AND id = ?").params(tenant(), id).update() == 1;
    }

    /** A new secret; the previous one keeps signing beside it for {@link #ROTATION_OVERLAP}. */
    @Transactional
    String rotateSecret(UUID id) {
        Row row = row(id).orElseThrow(() -> ProblemException.notFound("Webhook endpoint " + id));
        String secret = StandardWebhooks.newSecret();
        jdbc.sql("""
                UPDATE webhook_endpoints SET secret = ?, previous_secret = ?, previous_expires_at = ?, updated_at = now()
                WHERE tenant_id = ? AND id = ?""")
                .params(credentials.seal(context(id), secret.getBytes(StandardCharsets.UTF_8)), row.sealedSecret(),
                        Timestamp.from(Instant.now().plus(ROTATION_OVERLAP)), tenant(), id)
                .update();
        return secret;
    }

    /** The secrets that sign a delivery now: the current one, and the previous one during a rotation. */
    @Transactional
    List<String> signingSecrets(UUID id) {
        Row row = row(id).orElseThrow(() -> ProblemException.notFound("Webhook endpoint " + id));
        List<String> secrets = new ArrayList<>();
        secrets.add(secret(id, row.sealedSecret()));
        if (row.sealedPrevious() != null && row.previousExpiresAt() != null && row.previousExpiresAt().isAfter(Instant.now())) {
            secrets.add(secret(id, row.sealedPrevious()));
        }
        return secrets;
    }

    @Transactional
    void disable(UUID id, String reason) {
        jdbc.sql("UPDATE webhook_endpoints SET enabled = false, disabled_reason = ?, updated_at = now() WHERE tenant_id = ? AND id = ?")
                .params(reason, tenant(), id).update();
    }

    /** Enabled endpoints subscribed to {@code type} (inside the caller's transaction). */
    @Transactional(readOnly = true)
    List<Endpoint> subscribed(String type) {
        return jdbc.sql("SELECT * FROM webhook_endpoints WHERE tenant_id = ? AND enabled AND ? = ANY (events)")
                .params(tenant(), type).query(Endpoints::map).list().stream().map(Row::endpoint).toList();
    }

    private String secret(UUID id, String sealed) {
        return new String(credentials.open(context(id), sealed), StandardCharsets.UTF_8);
    }

    private Optional<Row> row(UUID id) {
        return jdbc.sql("SELECT * FROM webhook_endpoints WHERE tenant_id = ? AND id = ?").params(tenant(), id)
                .query(Endpoints::map).optional();
    }

    private String validUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.badRequest("validation", "url is required");
        }
        if (url.length() > 2000) {
            throw ProblemException.badRequest("validation", "url is longer than 2000 characters");
        }
        return guard.check(url).toString();
    }

    private static List<String> validEvents(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw ProblemException.badRequest("invalid-event-type", "events must name at least one of " + WebhookEventTypes.ALL);
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String event : events) {
            if (!WebhookEventTypes.ALL.contains(event)) {
                throw ProblemException.badRequest("invalid-event-type", "Unknown event type '" + event + "'; use "
                        + WebhookEventTypes.ALL);
            }
            types.add(event);
        }
        return List.copyOf(types);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip().substring(0, Math.min(500, s.strip().length()));
    }

    static String context(UUID id) {
        return "webhook-endpoint:" + id;
    }

    private static String tenant() {
        return TenantContext.require().value();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        Array events = rs.getArray("events");
        Timestamp previous = rs.getTimestamp("previous_expires_at");
        Endpoint endpoint = new Endpoint(rs.getObject("id", UUID.class), rs.getString("url"),
                Arrays.asList((String[]) events.getArray()), rs.getString("description"), rs.getBoolean("enabled"),
                rs.getString("disabled_reason"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
        return new Row(endpoint, rs.getString("secret"), rs.getString("previous_secret"),
                previous == null ? null : previous.toInstant(), rs.getString("idempotency_key"));
    }
}
