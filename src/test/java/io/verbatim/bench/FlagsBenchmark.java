package io.verbatim.bench;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import io.verbatim.flags.FeatureFlags;
import io.verbatim.flags.FlagKeys;
import io.verbatim.flags.FlagProvider;
import io.verbatim.flags.FlagSource;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the flag cache buys: nanoseconds per evaluation through the OpenFeature client, with the platform's cached
 * source and with the same provider reading the database on every evaluation, in the same run against the same
 * embedded PostgreSQL; then {@link FeatureFlags#enabled} as the other modules call it. Ten tenants, each with an
 * override of one flag, and a flag with a 30% rollout, evaluated in turn.
 *
 * <p>Run: {@code scripts/bench.sh flags [evaluations-per-round]}
 */
public final class FlagsBenchmark {

    private static final String ROLLOUT = "bench-rollout";

    private FlagsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path dir = Files.createTempDirectory("verbatim-flags-bench-");
        try (ConfigurableApplicationContext context = InsightsDataGenerator.startPlatform(dir, 0)) {
            List<TenantId> tenants = setUp(context);
            Map<String, FlagSource> sources = context.getBeansOfType(FlagSource.class);
            FlagSource cached = context.getBean(FlagSource.class);
            FlagSource database = sources.values().stream().filter(s -> s != cached).findFirst().orElseThrow();
            String[] keys = {FlagKeys.ASK, FlagKeys.EVALUATION, ROLLOUT, FlagKeys.LLM_JUDGE};

            System.out.printf("Flag evaluations, %d cores, %d tenants, flags %s%n", Runtime.getRuntime().availableProcessors(),
                    tenants.size(), Arrays.toString(keys));
            // The uncached source does a database round trip each time: fewer evaluations keep the run short.
            int uncachedRounds = Math.max(1000, perRound / 50);
            double uncached = measure("uncached (database each time)", client(database), tenants, keys, uncachedRounds);
            double cachedNs = measure("cached (this node's snapshot)", client(cached), tenants, keys, perRound);
            FeatureFlags flags = context.getBean(FeatureFlags.class);
            double api = measureApi(flags, tenants, keys, perRound);
            System.out.printf("%nCached is %.0fx faster than uncached (same run, same database); FeatureFlags.enabled: %.0f ns.%n",
                    uncached / cachedNs, api);
        }
    }

    private static Client client(FlagSource source) {
        OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
        api.setProviderAndWait(new FlagProvider(source));
        return api.getClient("bench");
    }

    /** Median ns/evaluation over five rounds, after a warm-up round. */
    private static double measure(String name, Client client, List<TenantId> tenants, String[] keys, int perRound) {
        List<EvaluationContext> contexts = tenants.stream().map(t -> (EvaluationContext) new ImmutableContext(t.value(),
                Map.of(FlagProvider.ROLE, new Value("admin")))).toList();
        double[] rounds = new double[6];
        long on = 0;
        for (int round = 0; round < rounds.length; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                int t = i % tenants.size();
                TenantId tenant = tenants.get(t);
                TenantContext.Scope scope = TenantContext.bind(tenant);
                try {
                    on += client.getBooleanValue(keys[i % keys.length], false, contexts.get(t)) ? 1 : 0;
                } finally {
                    scope.close();
                }
            }
            rounds[round] = (System.nanoTime() - start) / (double) perRound;
        }
        return report(name, rounds, perRound, on);
    }

    private static double measureApi(FeatureFlags flags, List<TenantId> tenants, String[] keys, int perRound) {
        double[] rounds = new double[6];
        long on = 0;
        for (int round = 0; round < rounds.length; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                TenantContext.Scope scope = TenantContext.bind(tenants.get(i % tenants.size()));
                try {
                    on += flags.enabled(keys[i % keys.length]) ? 1 : 0;
                } finally {
                    scope.close();
                }
            }
            rounds[round] = (System.nanoTime() - start) / (double) perRound;
        }
        return report("FeatureFlags.enabled (cached)", rounds, perRound, on);
    }

    private static double report(String name, double[] rounds, int perRound, long on) {
        double[] measured = Arrays.copyOfRange(rounds, 1, rounds.length); // the first round warms up
        Arrays.sort(measured);
        double median = measured[measured.length / 2];
        System.out.printf("  %-32s %,12.0f ns/evaluation (median of 5 x %,d; min %,.0f, max %,.0f; %d on)%n", name, median,
                perRound, measured[0], measured[measured.length - 1], on);
        return median;
    }

    /** Ten tenants, a 30% rollout flag, and one override per tenant (alternating on and off). */
    private static List<TenantId> setUp(ConfigurableApplicationContext context) {
        Tenants directory = context.getBean(Tenants.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        List<TenantId> tenants = new ArrayList<>();
        jdbc.sql("""
                INSERT INTO feature_flags (key, description, type, variants, default_variant, rollout_percent, rollout_variant)
                VALUES (?, 'Benchmark rollout', 'boolean', '{"on": true, "off": false}', 'off', 30, 'on')
                ON CONFLICT (key) DO NOTHING""").param(ROLLOUT).update();
        for (int i = 0; i < 10; i++) {
            TenantId id = new TenantId("bench-flags-" + i);
            directory.create(id, "Flags benchmark " + i, StorageMode.SHARED, null);
            boolean value = i % 2 == 0;
            TenantContext.runAs(id, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                    INSERT INTO feature_flag_overrides (tenant_id, flag_key, value) VALUES (?, ?, ?::jsonb)
                    ON CONFLICT (tenant_id, flag_key) DO UPDATE SET value = EXCLUDED.value""")
                    .params(id.value(), FlagKeys.EVALUATION, Boolean.toString(value)).update()));
            tenants.add(id);
        }
        return tenants;
    }
}
