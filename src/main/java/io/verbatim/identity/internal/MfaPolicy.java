package io.verbatim.identity.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.Role;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantSettings;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's rule on who must sign in with a second factor (tenant setting {@code mfa_required}). */
@Component
class MfaPolicy {

    static final String SETTING = "mfa_required";
    private final TenantSettings settings;
    private final AuditLog audit;

    MfaPolicy(TenantSettings settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    enum Requirement {
        /** Two-step sign-in is each user's choice. */
        OFF,
        /** Admins (and platform admins) must use it. */
        ADMINS,
        /** Every user must use it. */
        EVERYONE;

        @JsonValue
        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        static Requirement fromWire(String value) {
            for (Requirement r : values()) {
                if (r.wire().equals(value)) {
                    return r;
                }
            }
            throw ProblemException.badRequest("invalid-mfa-policy", "mfa_required must be off, admins or everyone");
        }

        boolean appliesTo(Role role) {
            return this == EVERYONE || (this == ADMINS && role.administers());
        }
    }

    /** The current tenant's requirement (the tenant must be bound). */
    Requirement current() {
        String value = settings.text(SETTING);
        return value == null ? Requirement.OFF : Requirement.fromWire(value);
    }

    boolean requires(Role role) {
        return current().appliesTo(role);
    }

    @Transactional
    Requirement change(Requirement requirement) {
        Requirement before = current();
        settings.putOwned(SETTING, requirement == Requirement.OFF ? null : requirement.wire());
        audit.record("mfa.policy_changed", "tenant", null, Map.of("from", before.wire(), "to", requirement.wire()));
        return requirement;
    }
}
