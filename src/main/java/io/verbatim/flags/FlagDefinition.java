package io.verbatim.flags;

import io.verbatim.platform.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A flag, in the shape of a flagd flag: its variants (name to value), the default variant, and what may choose
 * another one: a tenant override (where allowed), targeting rules by user or role, a percentage rollout.
 *
 * @param type            {@code boolean} or {@code string}: the type of every variant's value
 * @param state           {@code enabled}, or {@code disabled} to serve the default variant to everyone
 * @param rolloutPercent  tenants whose bucket (1-100) is at most this get {@code rolloutVariant}; null: no rollout
 * @param targeting       the first rule that matches the caller (by user id or role) chooses its variant
 * @param seeded          defined by the bundled seed file: gates a feature of this version, so it cannot be deleted
 */
public record FlagDefinition(String key, String description, String type, Map<String, Object> variants,
                             String defaultVariant, String state, Integer rolloutPercent, String rolloutVariant,
                             boolean allowTenantOverride, List<TargetingRule> targeting, boolean seeded) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{1,62}");

    public FlagDefinition {
        variants = variants == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variants));
        targeting = targeting == null ? List.of() : List.copyOf(targeting);
        state = state == null ? "enabled" : state;
    }

    /** Users (by id) or roles (by wire name, e.g. {@code admin}) who get {@code variant}. */
    public record TargetingRule(String variant, List<String> userIds, List<String> roles) {
        public TargetingRule {
            userIds = userIds == null ? List.of() : List.copyOf(userIds);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        public boolean matches(String userId, String role) {
            return userId != null && userIds.contains(userId) || role != null && roles.contains(role);
        }
    }

    public boolean disabled() {
        return "disabled".equals(state);
    }

    public Object defaultValue() {
        return variants.get(defaultVariant);
    }

    /** The variant whose value is {@code value}, or null. */
    public String variantOf(Object value) {
        return variants.entrySet().stream().filter(e -> Objects.equals(e.getValue(), value)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    public boolean validKey() {
        return key != null && KEY.matcher(key).matches();
    }

    /** Every problem with this definition, by field; empty when it may be stored. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!validKey()) {
            errors.put("key", "2-63 characters: lower-case letters, digits and '-', starting with a letter");
        }
        if (description == null || description.isBlank() || description.length() > 500) {
            errors.put("description", "1-500 characters");
        }
        if (!"boolean".equals(type) && !"string".equals(type)) {
            errors.put("type", "boolean or string");
        } else if (variants.isEmpty() || variants.size() > 20) {
            errors.put("variants", "1-20 variants, name to value");
        } else {
            List<String> bad = new ArrayList<>();
            variants.forEach((name, value) -> {
                boolean ok = "boolean".equals(type) ? value instanceof Boolean : value instanceof String s && s.length() <= 200;
                if (name == null || name.isBlank() || name.length() > 50 || !ok) {
                    bad.add(name);
                }
            });
            if (!bad.isEmpty()) {
                errors.put("variants", "every value must be a " + type + ("string".equals(type) ? " (at most 200 characters)" : "")
                        + " and every name 1-50 characters: " + bad);
            }
        }
        if (defaultVariant == null || !variants.containsKey(defaultVariant)) {
            errors.put("default_variant", "must name one of the variants");
        }
        if (!"enabled".equals(state) && !"disabled".equals(state)) {
            errors.put("state", "enabled or disabled");
        }
        if (rolloutPercent != null && (rolloutPercent < 0 || rolloutPercent > 100)) {
            errors.put("rollout_percent", "0-100");
        }
        if ((rolloutPercent == null) != (rolloutVariant == null) || rolloutVariant != null && !variants.containsKey(rolloutVariant)) {
            errors.put("rollout_variant", "names one of the variants, given together with rollout_percent");
        }
        if (targeting.size() > 50) {
            errors.put("targeting", "at most 50 rules");
        }
        for (int i = 0; i < targeting.size(); i++) {
            TargetingRule rule = targeting.get(i);
            if (rule == null || !variants.containsKey(rule.variant()) || rule.userIds().isEmpty() && rule.roles().isEmpty()) {
                errors.put("targeting[" + i + "]", "a variant of this flag and at least one user id or role");
            } else if (rule.userIds().size() + rule.roles().size() > 1000) {
                errors.put("targeting[" + i + "]", "at most 1000 users and roles");
            }
        }
        return errors;
    }

    /** This definition, or a 400 {@code invalid-flag} listing what is wrong. */
    public FlagDefinition validated() {
        Map<String, String> errors = errors();
        if (!errors.isEmpty()) {
            throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-flag", "Invalid flag",
                    "The flag definition is not valid: " + String.join(", ", errors.keySet()), Map.of("errors", errors));
        }
        return this;
    }

    public FlagDefinition withSeeded(boolean value) {
        return new FlagDefinition(key, description, type, variants, defaultVariant, state, rolloutPercent, rolloutVariant,
                allowTenantOverride, targeting, value);
    }
}
