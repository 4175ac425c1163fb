package io.verbatim.flags.internal;

import io.verbatim.flags.FlagDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The flags this version's features ask for, from {@code flags/flags.json} (a flagd-like file: a {@code flags}
 * object of key to definition). On start each missing flag is stored; flags already stored keep what platform
 * admins made of them. The bundled defaults also answer for a flag that cannot be read.
 */
@Component
@Order(-10)
class FlagSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FlagSeed.class);
    static final String RESOURCE = "flags/flags.json";
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final Map<String, FlagDefinition> bundled;
    private final CachedFlagSource cache;

    FlagSeed(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions, CachedFlagSource cache) {
        this.jdbc = jdbc;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
        this.cache = cache;
        this.bundled = read(json);
    }

    /** The bundled definitions by key. */
    Map<String, FlagDefinition> bundled() {
        return bundled;
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = tx.execute(status -> {
            int n = 0;
            for (FlagDefinition d : bundled.values()) {
                n += jdbc.sql("""
                        INSERT INTO feature_flags (key, description, type, variants, default_variant, state, rollout_percent,
                                                   rollout_variant, allow_tenant_override, targeting, seeded, updated_by)
                        VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, true, 'seed')
                        ON CONFLICT (key) DO NOTHING""")
                        .params(d.key(), d.description(), d.type(), json.writeValueAsString(d.variants()), d.defaultVariant(),
                                d.state(), d.rolloutPercent(), d.rolloutVariant(), d.allowTenantOverride(),
                                json.writeValueAsString(d.targeting()))
                        .update();
            }
            return n;
        });
        if (added > 0) {
            log.info("Feature flags: {} new flag(s) stored from {}", added, RESOURCE);
            cache.invalidate();
        }
    }

    static Map<String, FlagDefinition> read(JsonMapper json) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            JsonNode flags = json.readTree(in).path("flags");
            Map<String, FlagDefinition> all = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : flags.properties()) {
                JsonNode f = e.getValue();
                Map<String, Object> variants = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> v : f.path("variants").properties()) {
                    variants.put(v.getKey(), v.getValue().isBoolean() ? v.getValue().asBoolean() : v.getValue().asString());
                }
                List<FlagDefinition.TargetingRule> rules = new ArrayList<>();
                for (JsonNode r : f.path("targeting")) {
                    rules.add(new FlagDefinition.TargetingRule(r.path("variant").asString(), strings(r.path("user_ids")),
                            strings(r.path("roles"))));
                }
                JsonNode percent = f.path("rollout_percent");
                all.put(e.getKey(), new FlagDefinition(e.getKey(), f.path("description").asString(), f.path("type").asString(),
                        variants, f.path("default_variant").asString(), f.path("state").asString("enabled"),
                        percent.isNumber() ? percent.asInt() : null, f.path("rollout_variant").isString()
                        ? f.path("rollout_variant").asString() : null, f.path("allow_tenant_override").asBoolean(false),
                        rules, true).validated());
            }
            return Map.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
