package io.verbatim.identity;

import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates accounts outside any request (demo data, the first platform admin of a new installation).
 * Idempotent: an existing e-mail is left as it is.
 */
@Service
public class UserProvisioning {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    public UserProvisioning(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Ensures a team with this name exists in the tenant and returns its id. */
    public UUID ensureTeam(TenantId tenant, String name) {
        return TenantContext.callAs(tenant, () -> transaction.execute(tx -> {
            jdbc.sql("INSERT INTO teams (id, tenant_id, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(UUID.randomUUID(), tenant.value(), name).update();
            return jdbc.sql("SELECT id FROM teams WHERE tenant_id = ? AND lower(name) = lower(?)")
                    .params(tenant.value(), name).query(UUID.class).single();
        }));
    }

    /** Ensures the account exists; returns its id (the existing one when the e-mail is taken). */
    public UUID ensureUser(TenantId tenant, String email, String name, String password, Role role, AgentKind kind, UUID teamId) {
        return ensureUser(tenant, email, name, password, role, kind, teamId, "provisioning");
    }

    /**
     * As above; {@code by} names what created it in the audit entry ({@code sso} for a first single sign-on).
     * A null password makes an account that can only sign in through an identity provider.
     */
    public UUID ensureUser(TenantId tenant, String email, String name, String password, Role role, AgentKind kind, UUID teamId,
                           String by) {
        return TenantContext.callAs(tenant, () -> transaction.execute(tx -> {
            var existing = jdbc.sql("SELECT id FROM users WHERE tenant_id = ? AND lower(email) = lower(?)")
                    .params(tenant.value(), email).query(UUID.class).optional();
            if (existing.isPresent()) {
                return existing.get();
            }
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO users (id, tenant_id, email, name, password_hash, role, agent_kind, team_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, tenant.value(), email, name, password == null ? null : passwords.encode(password), role.wire(),
                            kind == null ? null : kind.wire(), teamId)
                    .update();
            audit.record("user.created", "user", id.toString(), Map.of("email", email, "role", role.wire(), "by", by));
            return id;
        }));
    }
}
