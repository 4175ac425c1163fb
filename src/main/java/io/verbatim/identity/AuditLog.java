package io.verbatim.identity;

import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant's append-only audit log: sign-ins, failed sign-ins, user/role/key changes and every
 * platform-admin access to a tenant. Any module may record into it.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate joinOrBegin;
    private final TransactionTemplate separate;

    public AuditLog(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.joinOrBegin = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        // Failed sign-ins are recorded while the request itself fails: their entry must survive.
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records an action by the current caller in the current tenant. */
    public void record(String action, String targetType, String targetId, Map<String, ?> detail) {
        CurrentUser actor = CurrentUser.current().orElse(null);
        TenantId tenant = TenantContext.require();
        joinOrBegin.executeWithoutResult(tx -> insert(tenant, actor == null ? "system" : actor.actorType(),
                actor == null ? null : actor.actorId(), actor == null ? null : actor.email(), action, targetType,
                targetId, detail));
    }

    /** Records an action whose actor is known by other means (sign-in, before a principal exists). */
    public void recordFor(TenantId tenant, String actorType, String actorId, String actorEmail, String action,
                          Map<String, ?> detail) {
        TenantContext.runAs(tenant, () -> separate.executeWithoutResult(
                tx -> insert(tenant, actorType, actorId, actorEmail, action, null, null, detail)));
    }

    /** Records, in the tenant acted in, that a platform admin reached into it (API header or page), with where from. */
    public void recordPlatformAccess(TenantId tenant, CurrentUser platformAdmin, Map<String, ?> detail) {
        recordFor(tenant, "platform_admin", platformAdmin.actorId(), platformAdmin.email(), "platform.tenant_access", detail);
    }

    private void insert(TenantId tenant, String actorType, String actorId, String actorEmail, String action,
                String targetType, String targetId, Map<String, ?> detail) {
        jdbc.sql("""
                INSERT INTO audit_log (tenant_id, actor_type, actor_id, actor_email, action, target_type, target_id, ip, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(tenant.value(), actorType, actorId, actorEmail, action, targetType, targetId, clientIp(),
                        json.writeValueAsString(detail == null ? Map.of() : detail))
                .update();
    }

    static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return attrs.getRequest().getRemoteAddr();
        }
        return null;
    }
}
