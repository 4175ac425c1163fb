package io.verbatim.credentials.internal;

import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The current tenant's data keys. Every method must run inside the caller's transaction (row-level
 * security needs the tenant). A data key exists in the clear only in memory, for one operation.
 */
@Component
public class DataKeys {

    private static final Logger log = LoggerFactory.getLogger(DataKeys.class);

    public record DataKey(int version, SecretKey key) {
        @Override
        public String toString() {
            return "DataKey[v" + version + "]";
        }
    }

    private record Wrapped(int version, byte[] wrapped, String masterKeyId) {
    }

    private final JdbcClient jdbc;
    private final MasterKeys masters;

    public DataKeys(JdbcClient jdbc, MasterKeys masters) {
        this.jdbc = jdbc;
        this.masters = masters;
    }

    /** The tenant's newest data key, created on first use. */
    public DataKey current() {
        masters.current();
        Optional<Wrapped> newest = newest();
        if (newest.isEmpty()) {
            create(1);
            newest = newest();
        }
        return unwrap(newest.orElseThrow());
    }

    public DataKey version(int version) {
        Wrapped wrapped = jdbc.sql("SELECT version, wrapped_key, master_key_id FROM tenant_data_keys WHERE tenant_id = ? AND version = ?")
                .params(tenant().value(), version)
                .query((rs, n) -> new Wrapped(rs.getInt(1), rs.getBytes(2), rs.getString(3))).optional()
                .orElseThrow(() -> new IllegalStateException("Data key v" + version + " of " + tenant() + " is missing"));
        return unwrap(wrapped);
    }

    /** A new data key version; later encryptions use it, older versions stay to open older ciphertexts. */
    public DataKey rotate() {
        int next = newest().map(w -> w.version() + 1).orElse(1);
        if (!create(next)) {
            throw new IllegalStateException("Concurrent data key rotation for " + tenant());
        }
        return version(next);
    }

    /** Re-wraps every data key of the tenant still wrapped by an earlier master key; returns how many. */
    public int rewrapAll() {
        List<Wrapped> all = jdbc.sql("SELECT version, wrapped_key, master_key_id FROM tenant_data_keys WHERE tenant_id = ?")
                .param(tenant().value()).query((rs, n) -> new Wrapped(rs.getInt(1), rs.getBytes(2), rs.getString(3))).list();
        int count = 0;
        for (Wrapped w : all) {
            if (!w.masterKeyId().equals(masters.current().id())) {
                unwrap(w);
                count++;
            }
        }
        return count;
    }

    private Optional<Wrapped> newest() {
        return jdbc.sql("""
                SELECT version, wrapped_key, master_key_id FROM tenant_data_keys WHERE tenant_id = ?
                ORDER BY version DESC LIMIT 1""")
                .param(tenant().value())
                .query((rs, n) -> new Wrapped(rs.getInt(1), rs.getBytes(2), rs.getString(3))).optional();
    }

    private boolean create(int version) {
        MasterKeys.MasterKey master = masters.current();
        SecretKey key = Aead.newKey();
        byte[] wrapped = Aead.seal(master.key(), key.getEncoded(), binding(version));
        return jdbc.sql("""
                INSERT INTO tenant_data_keys (tenant_id, version, wrapped_key, master_key_id) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(tenant().value(), version, wrapped, master.id()).update() == 1;
    }

    private DataKey unwrap(Wrapped w) {
        MasterKeys.MasterKey master = masters.find(w.masterKeyId()).orElseThrow(() -> new IllegalStateException(
                "Data key v" + w.version() + " of " + tenant() + " was wrapped by master key " + w.masterKeyId()
                        + ", which is not configured (verbatim.credentials.master-key / previous-master-keys)"));
        SecretKey key = Aead.key(Aead.open(master.key(), w.wrapped(), binding(w.version())));
        MasterKeys.MasterKey current = masters.current();
        if (!master.id().equals(current.id())) {
            jdbc.sql("""
                    UPDATE tenant_data_keys SET wrapped_key = ?, master_key_id = ?, rewrapped_at = now()
                    WHERE tenant_id = ? AND version = ? AND master_key_id = ?""")
                    .params(Aead.seal(current.key(), key.getEncoded(), binding(w.version())), current.id(), tenant().value(),
                            w.version(), master.id())
                    .update();
            log.info("Re-wrapped data key v{} of {} under the current master key", w.version(), tenant());
        }
        return new DataKey(w.version(), key);
    }

    private String binding(int version) {
        return "verbatim-data-key\u0000" + tenant().value() + "\u0000" + version;
    }

    private static TenantId tenant() {
        return TenantContext.require();
    }
}
