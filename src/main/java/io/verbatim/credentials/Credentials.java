package io.verbatim.credentials;

import io.verbatim.credentials.internal.Aead;
import io.verbatim.credentials.internal.DataKeys;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current tenant's credentials. Values are encrypted with the tenant's data key (AES-256-GCM,
 * bound to tenant and name) before they reach the database, and are only ever decrypted for the
 * module that uses them; the API sees {@link CredentialView}s with masked fields.
 */
@Service
public class Credentials {

    /** {@code twilio}, {@code acme-recorder}, {@code generic:crm}. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}(:[a-z0-9][a-z0-9._-]{0,62})?");
    private static final Pattern FIELD = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final int MAX_FIELDS = 50;
    private static final int MAX_VALUE = 16 * 1024;
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };
    private static final String SEALED_PREFIX = "vbx1.";

    private final JdbcClient jdbc;
    private final DataKeys keys;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    public Credentials(JdbcClient jdbc, DataKeys keys, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.json = json;
        this.events = events;
    }

    public record Saved(CredentialView credential, boolean created) {
    }

    public record Rotation(int keyVersion, int reencrypted) {
    }

    private record Row(String name, int keyVersion, byte[] ciphertext, java.time.Instant createdAt, java.time.Instant updatedAt) {
    }

    /** The decrypted credential, for the module that connects with it. */
    @Transactional
    public Optional<CredentialFields> find(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return row(name).map(this::decrypt);
    }

    /** The credential, or a 422 problem naming it (for a connector configured with a credential that is gone). */
    @Transactional
    public CredentialFields require(String name) {
        return find(name).orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "credential-missing",
                "Credential missing", "No credential named '" + name + "'"));
    }

    @Transactional
    public Optional<CredentialView> view(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return row(name).map(r -> view(r, decrypt(r)));
    }

    @Transactional
    public Page<CredentialView> list(String cursor, int limit) {
        String after = Page.decode(cursor);
        List<Row> rows = jdbc.sql("""
                SELECT * FROM credentials WHERE tenant_id = :tenant AND (CAST(:after AS text) IS NULL OR name > :after)
                ORDER BY name LIMIT :limit""")
                .param("tenant", tenant()).param("after", after).param("limit", limit + 1).query(Credentials::map).list();
        return Page.of(rows.stream().map(r -> view(r, decrypt(r))).toList(), limit, CredentialView::name);
    }

    /** Creates or replaces the credential with exactly these fields. */
    @Transactional
    public Saved put(String name, Map<String, String> fields) {
        requireName(name);
        Map<String, String> clean = validate(fields);
        DataKeys.DataKey key = keys.current();
        byte[] ciphertext = Aead.seal(key.key(), json.writeValueAsBytes(clean), binding(name));
        Boolean created = jdbc.sql("""
                INSERT INTO credentials (tenant_id, name, key_version, ciphertext, field_names) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, name) DO UPDATE SET key_version = EXCLUDED.key_version, ciphertext = EXCLUDED.ciphertext,
                    field_names = EXCLUDED.field_names, updated_at = now()
                RETURNING (xmax = 0)""")
                .params(tenant(), name, key.version(), ciphertext, clean.keySet().toArray(String[]::new))
                .query(Boolean.class).single();
        Row row = row(name).orElseThrow();
        events.publishEvent(new CredentialChanged(TenantContext.require(), name));
        return new Saved(view(row, new CredentialFields(name, clean)), created);
    }

    /** Changes some fields: a null value removes the field, others are set; the rest are kept. */
    @Transactional
    public CredentialView patch(String name, Map<String, String> changes) {
        CredentialFields current = find(name).orElseThrow(() -> ProblemException.notFound("Credential '" + name + "'"));
        Map<String, String> merged = new LinkedHashMap<>(current.values());
        changes.forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        return put(name, merged).credential();
    }

    @Transactional
    public boolean delete(String name) {
        if (!NAME.matcher(name).matches()) {
            return false;
        }
        boolean deleted = jdbc.sql("DELETE FROM credentials WHERE tenant_id = ? AND name = ?").params(tenant(), name).update() == 1;
        if (deleted) {
            events.publishEvent(new CredentialChanged(TenantContext.require(), name));
        }
        return deleted;
    }

    /** A new data key for the tenant; every credential is re-encrypted under it at once. */
    @Transactional
    public Rotation rotateDataKey() {
        List<Row> rows = jdbc.sql("SELECT * FROM credentials WHERE tenant_id = ? ORDER BY name FOR UPDATE")
                .param(tenant()).query(Credentials::map).list();
        DataKeys.DataKey fresh = keys.rotate();
        for (Row r : rows) {
            CredentialFields fields = decrypt(r);
            jdbc.sql("UPDATE credentials SET key_version = ?, ciphertext = ?, updated_at = now() WHERE tenant_id = ? AND name = ?")
                    .params(fresh.version(), Aead.seal(fresh.key(), json.writeValueAsBytes(fields.values()), binding(r.name())),
                            tenant(), r.name())
                    .update();
        }
        events.publishEvent(new CredentialChanged(TenantContext.require(), null));
        return new Rotation(fresh.version(), rows.size());
    }

    /** Re-wraps the tenant's data keys under the current master key (after a master-key rotation). */
    @Transactional
    public int rewrapDataKeys() {
        return keys.rewrapAll();
    }

    /**
     * Encrypts another module's secret under the tenant's current data key, bound to {@code context}
     * (say {@code webhook-endpoint:<id>}); the result is text safe to store anywhere in the tenant's rows.
     */
    @Transactional
    public String seal(String context, byte[] plaintext) {
        DataKeys.DataKey key = keys.current();
        return SEALED_PREFIX + key.version() + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Aead.seal(key.key(), plaintext, sealBinding(context)));
    }

    @Transactional
    public byte[] open(String context, String sealed) {
        if (sealed == null || !sealed.startsWith(SEALED_PREFIX)) {
            throw new IllegalArgumentException("Not a sealed value");
        }
        String rest = sealed.substring(SEALED_PREFIX.length());
        int dot = rest.indexOf('.');
        int version = Integer.parseInt(rest.substring(0, dot));
        return Aead.open(keys.version(version).key(), Base64.getUrlDecoder().decode(rest.substring(dot + 1)), sealBinding(context));
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    private static void requireName(String name) {
        if (!isValidName(name)) {
            throw ProblemException.badRequest("invalid-credential-name",
                    "A credential name is lower-case letters, digits, '.', '_' or '-' (up to 63), optionally 'kind:name'");
        }
    }

    private static Map<String, String> validate(Map<String, String> fields) {
        if (fields == null || fields.isEmpty()) {
            throw ProblemException.badRequest("invalid-credential", "A credential needs at least one field");
        }
        if (fields.size() > MAX_FIELDS) {
            throw ProblemException.badRequest("invalid-credential", "A credential has at most " + MAX_FIELDS + " fields");
        }
        Map<String, String> clean = new TreeMap<>();
        fields.forEach((k, v) -> {
            if (k == null || !FIELD.matcher(k).matches()) {
                throw ProblemException.badRequest("invalid-credential",
                        "Field names are lower-case letters, digits and '_', starting with a letter");
            }
            if (v == null || v.length() > MAX_VALUE) {
                throw ProblemException.badRequest("invalid-credential", "Field '" + k + "' must be a string of at most "
                        + MAX_VALUE + " characters");
            }
            clean.put(k, v);
        });
        return clean;
    }

    private Optional<Row> row(String name) {
        return jdbc.sql("SELECT * FROM credentials WHERE tenant_id = ? AND name = ?").params(tenant(), name)
                .query(Credentials::map).optional();
    }

    private CredentialFields decrypt(Row row) {
        byte[] plain = Aead.open(keys.version(row.keyVersion()).key(), row.ciphertext(), binding(row.name()));
        return new CredentialFields(row.name(), json.readValue(new String(plain, StandardCharsets.UTF_8), FIELDS));
    }

    private static CredentialView view(Row row, CredentialFields fields) {
        return new CredentialView(row.name(), fields.masked(), row.keyVersion(), row.createdAt(), row.updatedAt());
    }

    private static String binding(String name) {
        return "verbatim-credential\u0000" + tenant() + "\u0000" + name;
    }

    private static String sealBinding(String context) {
        return "verbatim-sealed\u0000" + tenant() + "\u0000" + context;
    }

    private static String tenant() {
        return TenantContext.require().value();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("name"), rs.getInt("key_version"), rs.getBytes("ciphertext"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
