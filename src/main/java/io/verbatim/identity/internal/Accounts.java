package io.verbatim.identity.internal;

import io.verbatim.tenancy.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the users table inside the current tenant's transaction (row-level security applies). */
@Repository
class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AccountRecord> byId(TenantId tenant, UUID id) {
        return jdbc.sql("SELECT * FROM users WHERE tenant_id = ? AND id = ?").params(tenant.value(), id)
                .query(AccountRecord::map).optional();
    }

    Optional<AccountRecord> byExternalSubject(TenantId tenant, String subject) {
        return jdbc.sql("SELECT * FROM users WHERE tenant_id = ? AND external_subject = ?").params(tenant.value(), subject)
                .query(AccountRecord::map).optional();
    }

    Optional<AccountRecord> byEmail(TenantId tenant, String email) {
        return jdbc.sql("SELECT * FROM users WHERE tenant_id = ? AND lower(email) = lower(?)").params(tenant.value(), email)
                .query(AccountRecord::map).optional();
    }
}
