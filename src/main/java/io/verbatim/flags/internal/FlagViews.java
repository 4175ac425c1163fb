package io.verbatim.flags.internal;

import dev.openfeature.sdk.FlagEvaluationDetails;
import io.verbatim.flags.FlagDefinition;
import io.verbatim.flags.FlagSource;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.tenancy.TenantContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Flags as the caller sees them, for the API and the settings page alike. */
@Component
class FlagViews {

    private final FlagSource flags;
    private final DefaultFeatureFlags evaluations;

    FlagViews(FlagSource flags, DefaultFeatureFlags evaluations) {
        this.flags = flags;
        this.evaluations = evaluations;
    }

    /**
     * A flag for the caller. {@code value}, {@code variant}, {@code reason}: its evaluation for the caller's tenant (and
     * user and role); {@code override}: the tenant's own value, if set; {@code can_override}: whether the caller may set
     * one. The rollout and targeting rules (which name users of any tenant) are shown to platform admins only.
     */
    record FlagView(String key, String description, String type, Object value, String variant, String reason,
                    Object override, Object defaultValue, String defaultVariant, Map<String, Object> variants, String state,
                    boolean allowTenantOverride, boolean canOverride, Integer rolloutPercent, String rolloutVariant,
                    List<FlagDefinition.TargetingRule> targeting, Boolean seeded) {
    }

    /** Every flag for the caller's tenant, by key. */
    List<FlagView> all() {
        return flags.all(TenantContext.require()).stream()
                .sorted(Comparator.comparing((FlagSource.ResolvedFlag f) -> f.definition().key()))
                .map(this::of).toList();
    }

    FlagView of(FlagSource.ResolvedFlag flag) {
        CurrentUser user = CurrentUser.require();
        FlagDefinition d = flag.definition();
        FlagEvaluationDetails<?> evaluation = evaluations.details(d);
        boolean platform = user.role() == Role.PLATFORM_ADMIN;
        return new FlagView(d.key(), d.description(), d.type(), evaluation.getValue(), evaluation.getVariant(),
                evaluation.getReason(), flag.override(), d.defaultValue(), d.defaultVariant(), d.variants(), d.state(), d.allowTenantOverride(),
                FlagChanges.mayOverride(d, user), platform ? d.rolloutPercent() : null, platform ? d.rolloutVariant() : null,
                platform ? d.targeting() : null, platform ? d.seeded() : null);
    }
}
