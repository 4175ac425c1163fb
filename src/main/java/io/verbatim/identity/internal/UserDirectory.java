package io.verbatim.identity.internal;

import io.verbatim.identity.AgentKind;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.IdentityProperties;
import io.verbatim.identity.Role;
import io.verbatim.identity.User;
import io.verbatim.identity.Users;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users of the current tenant: reads for everyone who may, changes for admins (audited). */
@Service
class UserDirectory implements Users {

    static final int MIN_PASSWORD = 10;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final IdentityProperties properties;

    UserDirectory(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.properties = properties;
    }

    record NewUser(String email, String name, String password, Role role, AgentKind agentKind, UUID teamId,
                   String externalSubject) {
    }

    record UserChanges(String email, String name, String password, Role role, AgentKind agentKind, UUID teamId,
                       Boolean clearTeam, String externalSubject, Boolean active) {
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<User> find(UUID id) {
        return jdbc.sql("SELECT * FROM users WHERE tenant_id = ? AND id = ?").params(tenant(), id)
                .query(AccountRecord::map).optional().map(UserDirectory::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM users WHERE tenant_id = ? AND lower(email) = lower(?)").params(tenant(), email)
                .query(AccountRecord::map).optional().map(UserDirectory::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<User> list(UserFilter filter, String cursor, int limit) {
        String after = Page.decode(cursor);
        List<User> rows = jdbc.sql("""
                SELECT * FROM users
                WHERE tenant_id = :tenant
                  AND (CAST(:after AS text) IS NULL OR id::text > :after)
                  AND (CAST(:role AS text) IS NULL OR role = :role)
                  AND (CAST(:team AS uuid) IS NULL OR team_id = :team)
                  AND (CAST(:active AS boolean) IS NULL OR active = :active)
                  AND (CAST(:q AS text) IS NULL OR name ILIKE '%' || :q || '%' OR email ILIKE '%' || :q || '%')
                ORDER BY id::text LIMIT :limit""")
                .param("tenant", tenant()).param("after", after)
                .param("role", filter.role() == null ? null : filter.role().wire())
                .param("team", filter.teamId()).param("active", filter.active())
                .param("q", filter.query() == null || filter.query().isBlank() ? null : filter.query().strip())
                .param("limit", limit + 1)
                .query(AccountRecord::map).list().stream().map(UserDirectory::view).toList();
        return Page.of(rows, limit, u -> u.id().toString());
    }

    @Transactional
    User create(NewUser request) {
        checkMayGrant(request.role());
        AgentKind kind = agentKindFor(request.role(), request.agentKind());
        String hash = request.password() == null ? null : hashPassword(request.password());
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO users (id, tenant_id, email, name, password_hash, role, agent_kind, team_id, external_subject)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, tenant(), normaliseEmail(request.email()), requireName(request.name()), hash,
                            request.role().wire(), kind == null ? null : kind.wire(), checkTeam(request.teamId()),
                            blankToNull(request.externalSubject()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("duplicate-email", "A user with e-mail " + request.email() + " already exists");
        }
        audit.record("user.created", "user", id.toString(), Map.of("email", request.email(), "role", request.role().wire()));
        return find(id).orElseThrow();
    }

    @Transactional
    User update(UUID id, UserChanges changes) {
        AccountRecord current = jdbc.sql("SELECT * FROM users WHERE tenant_id = ? AND id = ? FOR UPDATE")
                .params(tenant(), id).query(AccountRecord::map).optional()
                .orElseThrow(() -> ProblemException.notFound("User " + id));
        checkMayManage(current);
        Role role = changes.role() == null ? current.role() : changes.role();
        if (changes.role() != null) {
            checkMayGrant(role);
        }
        AgentKind requestedKind = changes.agentKind() != null ? changes.agentKind() : current.agentKind();
        AgentKind kind = agentKindFor(role, role == Role.AGENT ? requestedKind : null);
        UUID team = Boolean.TRUE.equals(changes.clearTeam()) ? null
                : changes.teamId() != null ? checkTeam(changes.teamId()) : current.teamId();
        boolean active = changes.active() == null ? current.active() : changes.active();
        if (!active && isSelf(id)) {
            throw ProblemException.badRequest("cannot-deactivate-self", "You cannot deactivate your own account");
        }
        try {
            jdbc.sql("""
                    UPDATE users SET email = ?, name = ?, password_hash = ?, role = ?, agent_kind = ?, team_id = ?,
                                     external_subject = ?, active = ?, updated_at = now()
                    WHERE tenant_id = ? AND id = ?""")
                    .params(changes.email() == null ? current.email() : normaliseEmail(changes.email()),
                            changes.name() == null ? current.name() : requireName(changes.name()),
                            changes.password() == null ? current.passwordHash() : hashPassword(changes.password()),
                            role.wire(), kind == null ? null : kind.wire(), team,
                            changes.externalSubject() == null ? current.externalSubject() : blankToNull(changes.externalSubject()),
                            active, tenant(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("duplicate-email", "A user with e-mail " + changes.email() + " already exists");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        if (role != current.role()) {
            detail.put("role", Map.of("from", current.role().wire(), "to", role.wire()));
        }
        if (active != current.active()) {
            detail.put("active", active);
        }
        if (changes.password() != null) {
            detail.put("password_changed", true);
        }
        audit.record(role != current.role() ? "user.role_changed" : "user.updated", "user", id.toString(), detail);
        return find(id).orElseThrow();
    }

    /** Soft delete: the user's conversations and audit history keep pointing at them. */
    @Transactional
    void deactivate(UUID id) {
        update(id, new UserChanges(null, null, null, null, null, null, null, null, false));
    }

    private void checkMayGrant(Role role) {
        CurrentUser caller = CurrentUser.require();
        if (role == Role.PLATFORM_ADMIN) {
            if (caller.role() != Role.PLATFORM_ADMIN) {
                throw ProblemException.forbidden("Only a platform admin can grant the platform_admin role");
            }
            if (!tenant().equals(properties.operatorTenant())) {
                throw ProblemException.badRequest("invalid-role", "Platform admins belong to the operator tenant only");
            }
        }
    }

    private void checkMayManage(AccountRecord target) {
        if (target.role() == Role.PLATFORM_ADMIN && CurrentUser.require().role() != Role.PLATFORM_ADMIN) {
            throw ProblemException.forbidden("Only a platform admin can change a platform admin");
        }
    }

    private static boolean isSelf(UUID id) {
        return CurrentUser.current().map(u -> id.equals(u.userId())).orElse(false);
    }

    private static AgentKind agentKindFor(Role role, AgentKind kind) {
        if (role == Role.AGENT && kind == null) {
            throw ProblemException.badRequest("agent-kind-required", "An agent needs agent_kind: csr, sales_rep or shopper");
        }
        return role == Role.AGENT ? kind : null;
    }

    private UUID checkTeam(UUID teamId) {
        if (teamId == null) {
            return null;
        }
        boolean exists = jdbc.sql("SELECT 1 FROM teams WHERE tenant_id = ? AND id = ?").params(tenant(), teamId)
                .query(Integer.class).optional().isPresent();
        if (!exists) {
            throw ProblemException.badRequest("unknown-team", "Team " + teamId + " does not exist");
        }
        return teamId;
    }

    private String hashPassword(String password) {
        if (password.length() < MIN_PASSWORD || password.length() > 200) {
            throw ProblemException.badRequest("weak-password", "A password needs " + MIN_PASSWORD + " to 200 characters");
        }
        return passwords.encode(password);
    }

    private static String normaliseEmail(String email) {
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            throw ProblemException.badRequest("invalid-email", "'" + email + "' is not an e-mail address");
        }
        return email.strip();
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ProblemException.badRequest("validation", "name must be 1-200 characters");
        }
        return name.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String tenant() {
        return TenantContext.require().value();
    }

    static User view(AccountRecord a) {
        return new User(a.id(), a.tenantId().value(), a.email(), a.name(), a.role(), a.agentKind(), a.teamId(),
                a.externalSubject(), a.active(), a.createdAt(), a.updatedAt(), a.lastLoginAt());
    }
}
