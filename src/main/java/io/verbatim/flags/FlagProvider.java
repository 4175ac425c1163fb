package io.verbatim.flags;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import io.verbatim.tenancy.TenantId;
import java.util.Optional;

/**
 * Verbatim's OpenFeature provider. The context's targeting key is the tenant id; {@value #USER_ID} and
 * {@value #ROLE} are the caller's. Precedence, first that applies: the flag's {@code disabled} state (default
 * variant) &gt; the tenant's override &gt; the first targeting rule matching the user or role &gt; the percentage
 * rollout keyed on the tenant ({@link Rollout}) &gt; the default variant.
 */
public final class FlagProvider implements FeatureProvider {

    public static final String USER_ID = "userId";
    public static final String ROLE = "role";
    /** A custom reason (the spec allows them): the tenant's own value decided. */
    public static final String OVERRIDE = "OVERRIDE";
    private static final Metadata METADATA = () -> "verbatim";
    private final FlagSource source;

    public FlagProvider(FlagSource source) {
        this.source = source;
    }

    @Override
    public Metadata getMetadata() {
        return METADATA;
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, Boolean.class, ctx);
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, String.class, ctx);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, Integer.class, ctx);
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, Double.class, ctx);
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        ProviderEvaluation<Object> raw = evaluate(key, defaultValue, Object.class, ctx);
        Value value = raw.getErrorCode() != null ? defaultValue : Value.objectToValue(raw.getValue());
        return ProviderEvaluation.<Value>builder().value(value).variant(raw.getVariant()).reason(raw.getReason())
                .errorCode(raw.getErrorCode()).errorMessage(raw.getErrorMessage()).build();
    }

    private <T> ProviderEvaluation<T> evaluate(String key, T defaultValue, Class<T> type, EvaluationContext ctx) {
        String tenant = ctx == null ? null : ctx.getTargetingKey();
        TenantId tenantId = tenant == null || tenant.isBlank() || !TenantId.isValid(tenant) ? null : new TenantId(tenant);
        Optional<FlagSource.ResolvedFlag> found = source.find(tenantId, key);
        if (found.isEmpty()) {
            return error(defaultValue, ErrorCode.FLAG_NOT_FOUND, "No flag '" + key + "'");
        }
        Decision decision = decide(found.get(), tenantId == null ? null : tenantId.value(), attribute(ctx, USER_ID),
                attribute(ctx, ROLE));
        if (!type.isInstance(decision.value())) {
            return error(defaultValue, ErrorCode.TYPE_MISMATCH, "Flag '" + key + "' is a " + found.get().definition().type());
        }
        return ProviderEvaluation.<T>builder().value(type.cast(decision.value())).variant(decision.variant())
                .reason(decision.reason()).build();
    }

    /** The value a flag takes for a tenant and caller, the variant it is, and why. */
    public record Decision(Object value, String variant, String reason) {
    }

    /** The precedence itself, on an already loaded flag. */
    public static Decision decide(FlagSource.ResolvedFlag flag, String tenant, String userId, String role) {
        FlagDefinition d = flag.definition();
        if (d.disabled()) {
            return new Decision(d.defaultValue(), d.defaultVariant(), Reason.DISABLED.name());
        }
        if (flag.override() != null) {
            return new Decision(flag.override(), d.variantOf(flag.override()), OVERRIDE);
        }
        for (FlagDefinition.TargetingRule rule : d.targeting()) {
            if (rule.matches(userId, role)) {
                return new Decision(d.variants().get(rule.variant()), rule.variant(), Reason.TARGETING_MATCH.name());
            }
        }
        if (d.rolloutPercent() != null && tenant != null) {
            String variant = Rollout.inside(d.key(), tenant, d.rolloutPercent()) ? d.rolloutVariant() : d.defaultVariant();
            return new Decision(d.variants().get(variant), variant, Reason.SPLIT.name());
        }
        return new Decision(d.defaultValue(), d.defaultVariant(), Reason.DEFAULT.name());
    }

    private static String attribute(EvaluationContext ctx, String name) {
        if (ctx == null) {
            return null;
        }
        Value value = ctx.getValue(name);
        return value == null || !value.isString() ? null : value.asString();
    }

    private static <T> ProviderEvaluation<T> error(T defaultValue, ErrorCode code, String message) {
        return ProviderEvaluation.<T>builder().value(defaultValue).reason(Reason.ERROR.name()).errorCode(code)
                .errorMessage(message).build();
    }
}
