package io.verbatim.flags;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.flags.FlagDefinition.TargetingRule;
import io.verbatim.flags.FlagProvider.Decision;
import io.verbatim.flags.FlagSource.ResolvedFlag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The precedence: disabled state > tenant override > targeting > rollout > default. */
class FlagProviderTest {

    private static final Map<String, Object> ON_OFF = new LinkedHashMap<>(Map.of("on", true, "off", false));

    private static FlagDefinition flag(String state, Integer rollout, List<TargetingRule> rules) {
        return new FlagDefinition("new-dashboard", "A new dashboard", "boolean", ON_OFF, "off", state, rollout,
                rollout == null ? null : "on", true, rules, false).validated();
    }

    private static String insideTenant(int percent, boolean inside) {
        for (int i = 0; ; i++) {
            if (Rollout.inside("new-dashboard", "t-" + i, percent) == inside) {
                return "t-" + i;
            }
        }
    }

    @Test
    void theDefaultWhenNothingElseApplies() {
        Decision d = FlagProvider.decide(new ResolvedFlag(flag("enabled", null, List.of()), null), "acme", "u1", "admin");
        assertThat(d).isEqualTo(new Decision(false, "off", "DEFAULT"));
    }

    @Test
    void theRolloutDecidesByTheTenantsBucket() {
        FlagDefinition f = flag("enabled", 30, List.of());
        assertThat(FlagProvider.decide(new ResolvedFlag(f, null), insideTenant(30, true), null, null))
                .isEqualTo(new Decision(true, "on", "SPLIT"));
        assertThat(FlagProvider.decide(new ResolvedFlag(f, null), insideTenant(30, false), null, null))
                .isEqualTo(new Decision(false, "off", "SPLIT"));
        // No tenant (a background task outside any tenant): no bucket, the default.
        assertThat(FlagProvider.decide(new ResolvedFlag(f, null), null, null, null).reason()).isEqualTo("DEFAULT");
    }

    @Test
    void targetingByUserOrRoleBeatsTheRollout() {
        FlagDefinition f = flag("enabled", 0, List.of(new TargetingRule("on", List.of("u-7"), List.of()),
                new TargetingRule("on", List.of(), List.of("manager"))));
        String outside = insideTenant(1, false);
        assertThat(FlagProvider.decide(new ResolvedFlag(f, null), outside, "u-7", "agent"))
                .isEqualTo(new Decision(true, "on", "TARGETING_MATCH"));
        assertThat(FlagProvider.decide(new ResolvedFlag(f, null), outside, "u-8", "manager").value()).isEqualTo(true);
        assertThat(FlagProvider.decide(new ResolvedFlag(f, null), outside, "u-8", "agent"))
                .isEqualTo(new Decision(false, "off", "SPLIT"));
    }

    @Test
    void theTenantsOverrideBeatsTargetingAndRollout() {
        FlagDefinition f = flag("enabled", 100, List.of(new TargetingRule("on", List.of("u-7"), List.of())));
        assertThat(FlagProvider.decide(new ResolvedFlag(f, false), "acme", "u-7", "admin"))
                .isEqualTo(new Decision(false, "off", "OVERRIDE"));
    }

    @Test
    void aDisabledFlagServesItsDefaultWhateverElseSays() {
        FlagDefinition f = flag("disabled", 100, List.of(new TargetingRule("on", List.of("u-7"), List.of())));
        assertThat(FlagProvider.decide(new ResolvedFlag(f, true), "acme", "u-7", "admin"))
                .isEqualTo(new Decision(false, "off", "DISABLED"));
    }

    @Test
    void invalidDefinitionsAreNamedFieldByField() {
        FlagDefinition bad = new FlagDefinition("Bad Key", "", "number", Map.of("on", 1), "maybe", "paused", 120, null,
                false, List.of(new TargetingRule("nope", List.of(), List.of())), false);
        assertThat(bad.errors()).containsOnlyKeys("key", "description", "type", "default_variant", "state",
                "rollout_percent", "rollout_variant", "targeting[0]");
        FlagDefinition wrongValues = new FlagDefinition("colour", "Colour", "string", Map.of("a", true), "a", null, null, null,
                false, null, false);
        assertThat(wrongValues.errors()).containsOnlyKeys("variants");
    }
}
