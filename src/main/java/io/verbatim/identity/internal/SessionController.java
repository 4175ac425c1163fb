package io.verbatim.identity.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in sessions: every user lists and ends their own; admins list and end a user's of their tenant.
 * An ended session's access tokens are refused on their next request, its refresh token at once.
 */
@RestController
class SessionController {

    private final Sessions sessions;
    private final Accounts accounts;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    SessionController(Sessions sessions, Accounts accounts, AuditLog audit, PlatformTransactionManager transactions) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    record SessionView(UUID id, String userAgent, String ip, String method, List<String> factors, Instant createdAt,
                       Instant lastSeenAt, Instant expiresAt, boolean current) {
    }

    @GetMapping("/api/v1/auth/sessions")
    Page<SessionView> mine() {
        CurrentUser me = requireUser();
        return new Page<>(TenantContext.callAs(me.homeTenant(), () -> view(me.userId())), null);
    }

    @DeleteMapping("/api/v1/auth/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endMine(@PathVariable UUID id) {
        CurrentUser me = requireUser();
        boolean ended = TenantContext.callAs(me.homeTenant(), () -> sessions.revoke(me.userId(), id, "signed_out_by_user"));
        if (!ended) {
            throw ProblemException.notFound("Session " + id);
        }
        audit.recordFor(me.homeTenant(), "user", me.userId().toString(), me.email(), "session.revoked",
                Map.of("session_id", id.toString(), "by", "user"));
    }

    @GetMapping("/api/v1/users/{userId}/sessions")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Page<SessionView> ofUser(@PathVariable UUID userId) {
        checkMayManage(userId);
        return new Page<>(view(userId), null);
    }

    @DeleteMapping("/api/v1/users/{userId}/sessions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    void endAllOfUser(@PathVariable UUID userId) {
        checkMayManage(userId);
        int ended = sessions.revokeAll(userId, "revoked_by_admin");
        audit.record("session.revoked_all", "user", userId.toString(), Map.of("sessions", ended));
    }

    @DeleteMapping("/api/v1/users/{userId}/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    void endOneOfUser(@PathVariable UUID userId, @PathVariable UUID id) {
        checkMayManage(userId);
        if (!sessions.revoke(userId, id, "revoked_by_admin")) {
            throw ProblemException.notFound("Session " + id);
        }
        audit.record("session.revoked", "user", userId.toString(), Map.of("session_id", id.toString(), "by", "admin"));
    }

    private List<SessionView> view(UUID userId) {
        UUID current = SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication caller
                ? caller.sessionId() : null;
        return sessions.live(userId).stream()
                .map(s -> new SessionView(s.id(), s.userAgent(), s.ip(), s.method(), Factor.amr(s.factors()), s.createdAt(),
                        s.lastSeenAt(), s.expiresAt(), s.id().equals(current)))
                .toList();
    }

    /** The user must be in the caller's (acting) tenant; only a platform admin manages a platform admin. */
    private void checkMayManage(UUID userId) {
        AccountRecord target = transaction.execute(tx -> accounts.byId(TenantContext.require(), userId))
                .orElseThrow(() -> ProblemException.notFound("User " + userId));
        if (target.role() == Role.PLATFORM_ADMIN && CurrentUser.require().role() != Role.PLATFORM_ADMIN) {
            throw ProblemException.forbidden("Only a platform admin can manage a platform admin");
        }
    }

    private static CurrentUser requireUser() {
        CurrentUser me = CurrentUser.require();
        if (me.userId() == null) {
            throw ProblemException.forbidden("Sessions belong to users, not API keys");
        }
        return me;
    }
}
