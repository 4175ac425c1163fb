package io.verbatim.sso.internal;

import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The current tenant's single sign-on configuration (row-level security applies), and the one pre-tenant look-up. */
@Repository
class SsoSettingsStore {

    private final JdbcClient jdbc;

    SsoSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<SsoSettings> find() {
        String tenant = TenantContext.require().value();
        List<String> domains = jdbc.sql("SELECT domain FROM sso_email_domains WHERE tenant_id = ? ORDER BY domain")
                .param(tenant).query(String.class).list();
        return jdbc.sql("SELECT * FROM sso_configs WHERE tenant_id = ?").param(tenant)
                .query((rs, n) -> map(rs, domains)).optional();
    }

    /** Creates or replaces the configuration and its domains; true when it was created. */
    @Transactional
    public boolean save(SsoSettings s) {
        String tenant = TenantContext.require().value();
        Boolean created = jdbc.sql("""
                INSERT INTO sso_configs (tenant_id, preset, issuer, client_id, client_secret_sealed, authorization_endpoint,
                    token_endpoint, jwks_uri, userinfo_endpoint, token_auth_method, allow_user_creation, default_role,
                    default_agent_kind)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET preset = EXCLUDED.preset, issuer = EXCLUDED.issuer,
                    client_id = EXCLUDED.client_id, client_secret_sealed = EXCLUDED.client_secret_sealed,
                    authorization_endpoint = EXCLUDED.authorization_endpoint, token_endpoint = EXCLUDED.token_endpoint,
                    jwks_uri = EXCLUDED.jwks_uri, userinfo_endpoint = EXCLUDED.userinfo_endpoint,
                    token_auth_method = EXCLUDED.token_auth_method, allow_user_creation = EXCLUDED.allow_user_creation,
                    default_role = EXCLUDED.default_role, default_agent_kind = EXCLUDED.default_agent_kind, updated_at = now()
                RETURNING (xmax = 0)""")
                .params(tenant, s.preset().wire(), s.issuer(), s.clientId(), s.clientSecretSealed(),
                        s.endpoints().authorizationEndpoint(), s.endpoints().tokenEndpoint(), s.endpoints().jwksUri(),
                        s.endpoints().userinfoEndpoint(), s.endpoints().tokenAuthMethod(), s.allowUserCreation(),
                        s.defaultRole().wire(), s.defaultAgentKind() == null ? null : s.defaultAgentKind().wire())
                .query(Boolean.class).single();
        jdbc.sql("DELETE FROM sso_email_domains WHERE tenant_id = ?").param(tenant).update();
        for (String domain : s.emailDomains()) {
            jdbc.sql("INSERT INTO sso_email_domains (tenant_id, domain) VALUES (?, ?)").params(tenant, domain).update();
        }
        return created;
    }

    @Transactional
    public boolean delete() {
        return jdbc.sql("DELETE FROM sso_configs WHERE tenant_id = ?").param(TenantContext.require().value()).update() == 1;
    }

    /**
     * The tenant a visitor of the sign-in page means, before any tenant is bound: by organisation (tenant id or
     * external organisation id) or by e-mail domain; only active tenants with single sign-on set up.
     */
    @Transactional(readOnly = true)
    public Optional<TenantId> findTenant(String organisation, String emailDomain) {
        return jdbc.sql("SELECT tenant_id FROM sso_find_tenant(?, ?)").params(organisation, emailDomain)
                .query(String.class).list().stream().findFirst().map(TenantId::new);
    }

    private static SsoSettings map(ResultSet rs, List<String> domains) throws SQLException {
        String kind = rs.getString("default_agent_kind");
        return new SsoSettings(new TenantId(rs.getString("tenant_id")), SsoPreset.fromWire(rs.getString("preset")),
                rs.getString("issuer"), rs.getString("client_id"), rs.getString("client_secret_sealed"),
                new Discovery.Endpoints(rs.getString("authorization_endpoint"), rs.getString("token_endpoint"),
                        rs.getString("jwks_uri"), rs.getString("userinfo_endpoint"), rs.getString("token_auth_method")),
                rs.getBoolean("allow_user_creation"), Role.fromWire(rs.getString("default_role")),
                kind == null ? null : AgentKind.fromWire(kind), domains,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
