package io.verbatim.identity.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.tenancy.Tenant;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the request's tenant from the authenticated principal only. A platform admin may act in
 * another tenant by naming it in {@code X-Verbatim-Tenant}; every such request is audited in that
 * tenant's log. Anybody else naming a tenant other than their own is refused.
 */
class TenantBindingFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Verbatim-Tenant";
    private final Tenants tenants;
    private final AuditLog audit;
    private final ProblemWriter problems;

    TenantBindingFilter(Tenants tenants, AuditLog audit, ProblemWriter problems) {
        this.tenants = tenants;
        this.audit = audit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
            chain.doFilter(request, response);
            return;
        }
        String requested = request.getHeader(HEADER);
        if (requested != null && !requested.isBlank() && !requested.equals(user.homeTenant().value())) {
            if (user.role() != Role.PLATFORM_ADMIN) {
                problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                        "Only platform admins may act in another tenant");
                return;
            }
            Optional<Tenant> target = TenantId.isValid(requested) ? tenants.find(new TenantId(requested)) : Optional.empty();
            if (target.isEmpty()) {
                problems.write(response, HttpStatus.NOT_FOUND, "not-found", "Not found", "No tenant '" + requested + "'");
                return;
            }
            CurrentUser acting = user.actingIn(target.get());
            audit.recordPlatformAccess(target.get().id(), user,
                    Map.of("method", request.getMethod(), "path", request.getRequestURI()));
            SecurityContextHolder.getContext().setAuthentication(auth instanceof CallerAuthentication caller
                    ? caller.actingAs(acting) : new CallerAuthentication(acting, null));
            user = acting;
        }
        try (TenantContext.Scope ignored = TenantContext.bind(user.tenant())) {
            chain.doFilter(request, response);
        }
    }
}
