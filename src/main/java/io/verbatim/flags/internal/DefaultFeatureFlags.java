package io.verbatim.flags.internal;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import io.verbatim.flags.FeatureFlags;
import io.verbatim.flags.FlagDefinition;
import io.verbatim.flags.FlagProvider;
import io.verbatim.identity.CurrentUser;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Evaluates through the OpenFeature client, with the current tenant as the targeting key and the caller's id and role. */
@Service
class DefaultFeatureFlags implements FeatureFlags {

    private final Client client;
    private final Map<String, FlagDefinition> bundled;

    DefaultFeatureFlags(OpenFeatureAPI openFeature, FlagSeed seed) {
        this.client = openFeature.getClient("verbatim");
        this.bundled = seed.bundled();
    }

    @Override
    public boolean enabled(String key) {
        return client.getBooleanValue(key, fallback(key), context());
    }

    /** The caller's evaluation of a boolean or string flag, with its variant and reason. */
    FlagEvaluationDetails<?> details(FlagDefinition flag) {
        EvaluationContext context = context();
        if ("string".equals(flag.type())) {
            return client.getStringDetails(flag.key(), (String) flag.defaultValue(), context);
        }
        return client.getBooleanDetails(flag.key(), (Boolean) flag.defaultValue(), context);
    }

    /** What a flag is when it cannot be read (deleted, or the database unreachable): its bundled default, else off. */
    private boolean fallback(String key) {
        FlagDefinition d = bundled.get(key);
        return d != null && d.defaultValue() instanceof Boolean b && b;
    }

    static EvaluationContext context() {
        TenantId tenant = TenantContext.current().orElse(null);
        Map<String, Value> attributes = new HashMap<>(4);
        CurrentUser.current().ifPresent(user -> {
            if (user.userId() != null) {
                attributes.put(FlagProvider.USER_ID, new Value(user.userId().toString()));
            }
            attributes.put(FlagProvider.ROLE, new Value(user.role().wire()));
        });
        return new ImmutableContext(tenant == null ? null : tenant.value(), attributes);
    }
}
