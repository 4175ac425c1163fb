package io.verbatim.identity.internal;

import io.verbatim.identity.AuthMethod;
import io.verbatim.identity.WebSignIn;
import io.verbatim.tenancy.Tenant;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one place where a non-password sign-in becomes a web session: a session started as after a password
 * ({@link SignIns}), its access and refresh cookies written as {@link WebLoginController} does.
 */
@Component
class CookieWebSignIn implements WebSignIn {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Tenants tenants;
    private final SignIns signIns;
    private final SessionCookie cookie;
    private final TransactionTemplate transaction;

    CookieWebSignIn(JdbcClient jdbc, Accounts accounts, Tenants tenants, SignIns signIns, SessionCookie cookie,
                    PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tenants = tenants;
        this.signIns = signIns;
        this.cookie = cookie;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void signIn(TenantId tenant, UUID userId, AuthMethod method, HttpServletRequest request,
                       HttpServletResponse response) {
        Tenant t = tenants.get(tenant);
        AccountRecord account = TenantContext.callAs(tenant, () -> transaction.execute(tx -> {
            jdbc.sql("UPDATE users SET last_login_at = now() WHERE tenant_id = ? AND id = ?")
                    .params(tenant.value(), userId).update();
            return accounts.byId(tenant, userId).orElseThrow();
        }));
        cookie.set(response, signIns.start(account, t, method, AuthController.userAgent(request), request.getRemoteAddr()));
    }
}
