package io.verbatim.bench;

import io.verbatim.VerbatimApplication;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.identity.UserProvisioning;
import io.verbatim.platform.database.DatabaseRole;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads synthetic analysed conversations straight into the database (as the owner role, with COPY):
 * conversations, transcripts (turns and redacted turns; the search vector comes from the table's own
 * trigger), analyses with flat call and QA records, and scorecard item results, consistent with each
 * other. Teams, agents, managers and the admin are created through the application's own
 * {@link UserProvisioning}, so the benchmark can sign in as them. Roll-up tables are not filled: the
 * days loaded are marked in {@code rollup_changes}, exactly what the table triggers would mark.
 *
 * <p>Deterministic per tenant and conversation index, and resumable: a tenant that already holds some of
 * its conversations continues after them; one that holds all of them is skipped.
 *
 * <p>Run: {@code scripts/bench.sh insights --generate-only}, or directly
 * {@code InsightsDataGenerator [--data-dir DIR] [--main N] [--others K] [--other-size N] [--batch N]}.
 */
public final class InsightsDataGenerator {

    /** The password of every bench account that has one. */
    public static final String PASSWORD = "verbatim-bench";
    static final String MAIN_TENANT = "bench-main";

    private static final String CONVERSATION_COLUMNS = "id, tenant_id, source, external_id, request_fingerprint, direction, channel, "
            + "started_at, agent_user_id, agent_ref, agent_name, team_id, customer_name, customer_phone, customer_email, language, "
            + "channel_roles, tags, attributes, input_kind, input_key, input_content_type, input_bytes, input_sha256, input_filename, "
            + "duration_seconds, audio_channels, status, stage, attempts, last_error, last_error_type, roles_confident, speech_engine, "
            + "priority, created_at, updated_at, completed_at, contact_card_id";
    private static final String TRANSCRIPT_COLUMNS = "conversation_id, tenant_id, source, language, duration_seconds, roles_confident, "
            + "turns, redacted_turns, created_at";
    private static final String ANALYSIS_COLUMNS = "conversation_id, tenant_id, analysed_at, language, customer_sentiment, "
            + "sentiment_trend, call_reason, booking_status, qualification, outcome, deal_value, resolution, customer_effort, "
            + "commercial_opportunity, churn_risk, nps_band, agent_talk_seconds, customer_talk_seconds, talk_ratio, non_talk_seconds, "
            + "scorecard, qa_score, auto_failed, objection_categories, pii_count, summary, call_record, qa_record, "
            + "agent_interruptions, agent_questions, agent_longest_monologue, trackers, entities";
    private static final String ITEM_COLUMNS = "conversation_id, tenant_id, scorecard, section, item_key, result";

    /** One tenant to load. */
    public record TenantSpec(String id, String name, int conversations, long seed) {
    }

    /** Rows and seconds per table, summed over batches. */
    public static final class Stats {
        final Map<String, long[]> rows = new LinkedHashMap<>();
        final Map<String, Long> nanos = new LinkedHashMap<>();
        long totalNanos;
        long conversations;

        void add(String table, long count, long elapsed) {
            rows.computeIfAbsent(table, k -> new long[1])[0] += count;
            nanos.merge(table, elapsed, Long::sum);
        }

        void add(Stats other) {
            other.rows.forEach((t, r) -> add(t, r[0], other.nanos.get(t)));
            totalNanos += other.totalNanos;
            conversations += other.conversations;
        }

        public long conversations() {
            return conversations;
        }

        public double seconds() {
            return totalNanos / 1e9;
        }

        void print(PrintStream out, String label) {
            out.printf("%s: %,d conversations in %.1f s (%,.0f conversations/s overall)%n", label, conversations, seconds(),
                    conversations / Math.max(0.001, seconds()));
            rows.forEach((t, r) -> {
                double s = nanos.get(t) / 1e9;
                out.printf("  %-18s %,12d rows  %8.1f s in COPY  %,10.0f rows/s%n", t, r[0], s, r[0] / Math.max(0.001, s));
            });
        }
    }

    record Agent(UUID id, String name, String ref, UUID teamId, String pool, double skill, double volume) {
    }

    record Roster(List<Agent> support, List<Agent> inside, List<Agent> field, double[] supportCum, double[] insideCum,
                  double[] fieldCum, String company) {
    }

    private final DataSource owner;
    private final Tenants tenants;
    private final UserProvisioning provisioning;
    private final Scorecards scorecards;
    private final PrintStream out;
    private int batchSize = 10_000;
    private boolean lean;

    public InsightsDataGenerator(DataSource owner, Tenants tenants, UserProvisioning provisioning, PrintStream out) {
        this.owner = owner;
        this.tenants = tenants;
        this.provisioning = provisioning;
        this.scorecards = Scorecards.load();
        this.out = out;
    }

    public static InsightsDataGenerator of(ConfigurableApplicationContext context, PrintStream out) {
        DataSource owner = BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(), DataSource.class,
                DatabaseRole.OWNER);
        return new InsightsDataGenerator(owner, context.getBean(Tenants.class), context.getBean(UserProvisioning.class), out);
    }

    public InsightsDataGenerator batchSize(int size) {
        this.batchSize = size;
        return this;
    }

    /**
     * Leaves out the transcripts and QA item rows (everything else is the same, row for row): for the sales and CSR
     * metrics bench, which reads neither table, on a machine where the full million takes too long.
     */
    public InsightsDataGenerator lean(boolean lean) {
        this.lean = lean;
        return this;
    }

    // ------------------------------------------------------------------------------------------ main

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path dataDir = Path.of(options.getOrDefault("data-dir", "/work/bench-insights"));
        int main = Integer.parseInt(options.getOrDefault("main", "1000000"));
        int others = Integer.parseInt(options.getOrDefault("others", "10"));
        int otherSize = Integer.parseInt(options.getOrDefault("other-size", "100000"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "10000"));
        try (ConfigurableApplicationContext context = startPlatform(dataDir, 0)) {
            InsightsDataGenerator generator = of(context, System.out).batchSize(batch);
            if (options.containsKey("stats")) {
                generator.printDistributions(System.out, options.getOrDefault("tenant", MAIN_TENANT));
            } else {
                generator.loadAll(dataDir, main, others, otherSize);
            }
        }
        System.exit(0);
    }

    /** The whole platform in this process on {@code dataDir}, with nothing running in the background. */
    public static ConfigurableApplicationContext startPlatform(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        SpringApplication app = new SpringApplication(VerbatimApplication.class);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("verbatim.data-dir", dataDir.toString());
        props.put("server.port", Integer.toString(port));
        props.put("verbatim.demo.enabled", "false");
        props.put("verbatim.pipeline.enabled", System.getProperty("bench.pipeline", "false"));
        props.put("verbatim.ingest.drop-folder-enabled", "false");
        props.put("verbatim.sources.enabled", "false");
        props.put("verbatim.auth.throttle.max-failures-per-ip", "500");
        props.put("logging.level.root", "warn");
        props.put("spring.main.banner-mode", "off");
        // Command-line arguments, not default properties: application.yml's server.port would win over those.
        return app.run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
                options.put(key, flag ? "true" : args[++i]);
            }
        }
        return options;
    }

    /** Loads bench-main and bench-01..NN (skipping what is already there), then VACUUM ANALYZE and sizes. */
    public void loadAll(Path dataDir, int mainSize, int others, int otherSize) throws Exception {
        Instant anchor = anchor(dataDir);
        out.printf("Insights data: %s (anchor %s): %s with %,d conversations, %d tenants with %,d each; %d cores%n", dataDir,
                anchor, MAIN_TENANT, mainSize, others, otherSize, Runtime.getRuntime().availableProcessors());
        List<TenantSpec> specs = new ArrayList<>();
        specs.add(new TenantSpec(MAIN_TENANT, "Bench Main", mainSize, 1));
        for (int i = 1; i <= others; i++) {
            specs.add(new TenantSpec(String.format("bench-%02d", i), String.format("Bench %02d", i), otherSize, 100 + i));
        }
        Stats total = new Stats();
        long t0 = System.nanoTime();
        for (TenantSpec spec : specs) {
            total.add(load(spec, anchor));
        }
        long loadNanos = System.nanoTime() - t0;
        for (TenantSpec spec : specs) {
            compactRollupChanges(spec.id());
        }
        if (total.conversations() > 0) {
            total.print(out, "Loaded (all tenants)");
            out.printf("Total load time (incl. users): %.1f s%n", loadNanos / 1e9);
            long v0 = System.nanoTime();
            vacuumAnalyze();
            out.printf("VACUUM ANALYZE: %.1f s%n", (System.nanoTime() - v0) / 1e9);
            Files.writeString(dataDir.resolve("insights-bench-load.txt"), String.format(
                    "loaded_conversations=%d%nload_seconds=%.1f%nvacuum_seconds=%.1f%n", total.conversations(), loadNanos / 1e9,
                    (System.nanoTime() - v0) / 1e9), StandardCharsets.UTF_8);
        } else {
            out.println("All tenants already fully loaded; nothing to do");
        }
        printSizes(out);
    }

    /** The instant the synthetic year ends at, fixed at the first run so that a resumed load stays consistent. */
    static Instant anchor(Path dataDir) throws IOException {
        Path file = dataDir.resolve("insights-bench.properties");
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            return Instant.parse(p.getProperty("anchor"));
        }
        Instant anchor = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Files.createDirectories(dataDir);
        Files.writeString(file, "anchor=" + anchor + "\n", StandardCharsets.UTF_8);
        return anchor;
    }

    /**
     * Every batch marks each day it touched, so a tenant ends with (batches x days) change rows; one per day
     * says the same. Fewer than the insights module's inline limit, so the first dashboard request
     * recomputes the roll-ups itself instead of waiting for the background refresh.
     */
    public void compactRollupChanges(String tenant) throws SQLException {
        try (Connection c = owner.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM rollup_changes r WHERE r.tenant_id = ? AND EXISTS ("
                     + "SELECT 1 FROM rollup_changes o WHERE o.tenant_id = r.tenant_id AND o.day = r.day AND o.id < r.id)")) {
            s.setString(1, tenant);
            int removed = s.executeUpdate();
            if (removed > 0) {
                out.printf("%s: %,d duplicate roll-up change rows removed%n", tenant, removed);
            }
        }
    }

    public void vacuumAnalyze() throws SQLException {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("SET maintenance_work_mem = '512MB'");
            // conversation_labels too: its trigger fills it with the load, and without this its statistics stopped at
            // autovacuum's last pass inside the load (session 21's copy: the last 62,000 label rows, the newest weeks the
            // 30-day explorer cases read, unknown to the planner; 10% of the table must change before autovacuum looks again).
            s.execute("VACUUM (ANALYZE) conversations, transcripts, analyses, qa_item_results, conversation_labels, rollup_changes, "
                    + "users, teams, contact_card, contact_phones, appointments, leads");
        }
    }

    public void printSizes(PrintStream o) throws SQLException {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database())), pg_database_size(current_database())");
            rs.next();
            o.printf("Database size: %s%n", rs.getString(1));
            rs = s.executeQuery("""
                    SELECT c.relname, pg_size_pretty(pg_total_relation_size(c.oid)) AS total,
                           pg_size_pretty(pg_relation_size(c.oid)) AS heap,
                           pg_size_pretty(pg_indexes_size(c.oid)) AS indexes,
                           pg_size_pretty(coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0)) AS toast
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind = 'r'
                    ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 8""");
            o.printf("  %-26s %10s %10s %10s %10s%n", "table", "total", "heap", "indexes", "toast");
            while (rs.next()) {
                o.printf("  %-26s %10s %10s %10s %10s%n", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5));
            }
            rs = s.executeQuery("""
                    SELECT i.relname, pg_size_pretty(pg_relation_size(i.oid)) FROM pg_class i
                    JOIN pg_index x ON x.indexrelid = i.oid JOIN pg_class t ON t.oid = x.indrelid
                    WHERE t.relname IN ('conversations', 'transcripts', 'analyses', 'qa_item_results')
                    ORDER BY pg_relation_size(i.oid) DESC LIMIT 10""");
            o.println("  largest indexes:");
            while (rs.next()) {
                o.printf("    %-40s %10s%n", rs.getString(1), rs.getString(2));
            }
        }
    }

    /** What the data looks like: mixes, full-text selectivity, score distribution (for checking realism). */
    public void printDistributions(PrintStream o, String tenant) throws SQLException {
        String t = "'" + tenant.replace("'", "''") + "'";
        String[] queries = {
            "SELECT status, count(*) FROM conversations WHERE tenant_id = " + t + " GROUP BY 1 ORDER BY 2 DESC",
            "SELECT direction, channel, count(*) FROM conversations WHERE tenant_id = " + t + " GROUP BY 1, 2 ORDER BY 3 DESC",
            "SELECT source, count(*) FROM conversations WHERE tenant_id = " + t + " GROUP BY 1 ORDER BY 2 DESC",
            "SELECT language, count(*) FROM conversations WHERE tenant_id = " + t + " GROUP BY 1 ORDER BY 2 DESC",
            "SELECT count(*) FILTER (WHERE agent_user_id IS NULL) AS no_agent_user, count(*) FILTER (WHERE agent_ref IS NULL) AS unassigned, "
                    + "round((avg(duration_seconds) / 60)::numeric, 1) AS avg_min, round((percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_seconds) / 60)::numeric, 1) AS median_min "
                    + "FROM conversations WHERE tenant_id = " + t,
            "SELECT w AS word, round(count(*) * 100.0 / (SELECT count(*) FROM transcripts WHERE tenant_id = " + t + "), 2) AS pct_of_transcripts "
                    + "FROM (VALUES ('cancel'), ('refund'), ('competitor'), ('warranty'), ('supervisor'), ('appointment'), ('thank'), ('septic')) v(w) "
                    + "LEFT JOIN transcripts x ON x.tenant_id = " + t + " AND x.search @@ plainto_tsquery('english', w) GROUP BY w ORDER BY 2 DESC",
            "SELECT customer_sentiment, count(*) FROM analyses WHERE tenant_id = " + t + " GROUP BY 1 ORDER BY 2 DESC",
            "SELECT call_reason, count(*) FROM analyses WHERE tenant_id = " + t + " GROUP BY 1 ORDER BY 2 DESC",
            "SELECT width_bucket(qa_score, 0, 100.001, 10) AS decile, count(*) FROM analyses WHERE tenant_id = " + t + " GROUP BY 1 ORDER BY 1",
            "SELECT round(avg(auto_failed::int), 4) AS auto_failed, round(avg(qa_score)::numeric, 1) AS avg_qa, "
                    + "round(avg(talk_ratio)::numeric, 3) AS talk_ratio, round(avg(customer_effort), 2) AS effort FROM analyses WHERE tenant_id = " + t,
            "SELECT resolution, count(*) FROM analyses WHERE tenant_id = " + t + " GROUP BY 1 ORDER BY 2 DESC",
            "SELECT scorecard, count(*) AS conversations, round(avg(n), 1) AS items FROM (SELECT scorecard, conversation_id, count(*) n "
                    + "FROM qa_item_results WHERE tenant_id = " + t + " GROUP BY 1, 2) x GROUP BY 1 ORDER BY 2 DESC",
            "SELECT unnest(trackers) AS tracker, count(*) FROM analyses WHERE tenant_id = " + t + " GROUP BY 1 ORDER BY 2 DESC",
            "SELECT unnest(objection_categories) AS objection, count(*) FROM analyses WHERE tenant_id = " + t + " GROUP BY 1 ORDER BY 2 DESC",
            "SELECT outcome, count(*), round(avg(deal_value), 0) AS avg_deal FROM analyses WHERE tenant_id = " + t
                    + " AND outcome IS NOT NULL GROUP BY 1 ORDER BY 2 DESC",
            "SELECT booking_status, count(*) FROM analyses WHERE tenant_id = " + t + " AND booking_status IS NOT NULL GROUP BY 1 ORDER BY 2 DESC",
            "SELECT min(occurred_at), max(occurred_at), count(DISTINCT (occurred_at AT TIME ZONE 'UTC')::date) AS days FROM conversations WHERE tenant_id = " + t,
            "SELECT count(*) AS rollup_changes FROM rollup_changes WHERE tenant_id = " + t,
            "SELECT count(*) FILTER (WHERE search IS NULL) AS no_search, round(avg(jsonb_array_length(turns)), 1) AS turns FROM transcripts WHERE tenant_id = " + t,
            "SELECT turns -> 1 AS second_turn FROM transcripts WHERE tenant_id = " + t + " LIMIT 1"};
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            for (String sql : queries) {
                ResultSet rs = s.executeQuery(sql);
                int columns = rs.getMetaData().getColumnCount();
                StringBuilder header = new StringBuilder("  ");
                for (int i = 1; i <= columns; i++) {
                    header.append(String.format("%-24s", rs.getMetaData().getColumnLabel(i)));
                }
                o.println(header);
                while (rs.next()) {
                    StringBuilder line = new StringBuilder("  ");
                    for (int i = 1; i <= columns; i++) {
                        line.append(String.format("%-24s", rs.getString(i)));
                    }
                    o.println(line);
                }
                o.println();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ tenant

    /** Loads one tenant up to its size; returns what this call added. */
    public Stats load(TenantSpec spec, Instant anchor) throws Exception {
        Stats stats = new Stats();
        TenantId tenant = new TenantId(spec.id());
        if (tenants.find(tenant).isEmpty()) {
            tenants.create(tenant, spec.name(), StorageMode.SHARED, null);
        }
        long u0 = System.nanoTime();
        Roster roster = roster(tenant, spec.seed());
        SalesDataGenerator sales = new SalesDataGenerator(owner, provisioning, out, batchSize);
        long existing = count(spec.id());
        if (existing >= spec.conversations()) {
            out.printf("%s: %,d conversations already loaded; skipped%n", spec.id(), existing);
            // Data loaded before the generator made issue-13 rows: cards, appointments and leads now, and the calls
            // marked as the generator marks them today (missed calls, visits on their appointment); their callers
            // stay without a card.
            sales.loadCards(spec, anchor);
            sales.loadAppointmentsAndLeads(spec, roster, anchor);
            sales.markExisting(spec);
            sales.rebuildRollups(spec);
            return stats;
        }
        // The contact cards first: every conversation points to one (issue 13).
        sales.loadCards(spec, anchor);
        out.printf("%s: users ready in %.1f s; loading conversations %,d..%,d in batches of %,d%n", spec.id(),
                (System.nanoTime() - u0) / 1e9, existing, spec.conversations(), batchSize);
        long t0 = System.nanoTime();
        ExecutorService producer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "insights-generator");
            t.setDaemon(true);
            return t;
        });
        try {
            int from = (int) existing;
            CompletableFuture<Batch> next = CompletableFuture.supplyAsync(
                    () -> generate(spec, roster, anchor, from, Math.min(spec.conversations(), from + batchSize)), producer);
            long lastReport = System.nanoTime();
            while (next != null) {
                Batch batch = next.join();
                int end = batch.to();
                next = end >= spec.conversations() ? null : CompletableFuture.supplyAsync(
                        () -> generate(spec, roster, anchor, end, Math.min(spec.conversations(), end + batchSize)), producer);
                write(batch, spec.id(), stats);
                stats.conversations += batch.to() - batch.from();
                if (System.nanoTime() - lastReport > 15e9 || next == null) {
                    double s = (System.nanoTime() - t0) / 1e9;
                    out.printf("%s: %,d/%,d conversations (%.0f/s, %.0f s)%n", spec.id(), end, spec.conversations(),
                            (end - existing) / s, s);
                    lastReport = System.nanoTime();
                }
            }
        } finally {
            producer.shutdownNow();
        }
        sales.loadAppointmentsAndLeads(spec, roster, anchor);
        sales.rebuildRollups(spec);
        stats.totalNanos = System.nanoTime() - t0;
        stats.print(out, spec.id());
        return stats;
    }

    private long count(String tenant) throws SQLException {
        try (Connection c = owner.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM conversations WHERE tenant_id = ?")) {
            s.setString(1, tenant);
            ResultSet rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    private static final String[] SUPPORT_TEAMS = {"Customer Care East", "Customer Care West", "Billing Support", "Scheduling"};
    private static final String[] INSIDE_TEAMS = {"Inside Sales East", "Inside Sales West"};
    private static final String[] FIELD_TEAMS = {"Field Sales North", "Field Sales South"};

    /** Teams, one manager per team, 60 agents (30 CSRs, 15 inside and 15 field sales reps) and the admin. */
    Roster roster(TenantId tenant, long seed) throws SQLException {
        String domain = tenant.value() + ".bench";
        provisioning.ensureUser(tenant, "admin@" + domain, "Bench Admin", PASSWORD, Role.ADMIN, null, null);
        SplittableRandom rng = new SplittableRandom(seed * 7919);
        List<Agent> support = new ArrayList<>();
        List<Agent> inside = new ArrayList<>();
        List<Agent> field = new ArrayList<>();
        int agentNo = 0;
        int teamNo = 0;
        for (String[] group : new String[][] {SUPPORT_TEAMS, INSIDE_TEAMS, FIELD_TEAMS}) {
            String pool = group == SUPPORT_TEAMS ? "support" : group == INSIDE_TEAMS ? "inside" : "field";
            int perTeam = group == SUPPORT_TEAMS ? 8 : 7; // 32 + 14 + 14 = 60
            for (String teamName : group) {
                teamNo++;
                UUID team = provisioning.ensureTeam(tenant, teamName);
                provisioning.ensureUser(tenant, String.format("manager-%d@%s", teamNo, domain), "Manager " + teamName,
                        PASSWORD, Role.MANAGER, null, team);
                for (int k = 0; k < perTeam; k++) {
                    agentNo++;
                    String first = PhraseBank.FIRST[(agentNo * 7 + (int) seed) % PhraseBank.FIRST.length];
                    String last = PhraseBank.LAST[(agentNo * 11 + (int) seed * 3) % PhraseBank.LAST.length];
                    String email = String.format("agent-%02d@%s", agentNo, domain);
                    AgentKind kind = pool.equals("support") ? AgentKind.CSR : AgentKind.SALES_REP;
                    // The first agent of each team can sign in (role-scoped benchmark variants); the others have no password.
                    UUID id = provisioning.ensureUser(tenant, email, first + " " + last, k == 0 ? PASSWORD : null, Role.AGENT,
                            kind, team);
                    double skill = clamp(0.78 + rng.nextGaussian() * 0.09, 0.5, 0.97);
                    double volume = Math.exp(rng.nextGaussian() * 0.35);
                    Agent agent = new Agent(id, first + " " + last, email, team, pool, skill, volume);
                    (pool.equals("support") ? support : pool.equals("inside") ? inside : field).add(agent);
                }
            }
        }
        String company = PhraseBank.COMPANIES[(int) (seed % PhraseBank.COMPANIES.length)];
        return new Roster(support, inside, field, cumulative(support), cumulative(inside), cumulative(field), company);
    }

    private static double[] cumulative(List<Agent> agents) {
        double[] cum = new double[agents.size()];
        double sum = 0;
        for (int i = 0; i < agents.size(); i++) {
            sum += agents.get(i).volume();
            cum[i] = sum;
        }
        for (int i = 0; i < cum.length; i++) {
            cum[i] /= sum;
        }
        return cum;
    }

    private static Agent pick(List<Agent> agents, double[] cum, double u) {
        for (int i = 0; i < cum.length; i++) {
            if (u <= cum[i]) {
                return agents.get(i);
            }
        }
        return agents.getLast();
    }

    // ------------------------------------------------------------------------------------------ writing

    record Batch(int from, int to, StringBuilder conversations, StringBuilder transcripts, StringBuilder analyses,
                 StringBuilder items, int transcriptRows, int analysisRows, int itemRows, Set<LocalDate> days) {
    }

    private void write(Batch b, String tenant, Stats stats) throws SQLException, IOException {
        try (Connection c = owner.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // The row-level roll-up triggers would add one rollup_changes row per conversation and per analysis;
                // off for this transaction only (transactional DDL), and the batch's days are marked once below.
                s.execute("ALTER TABLE conversations DISABLE TRIGGER conversations_rollup");
                s.execute("ALTER TABLE analyses DISABLE TRIGGER analyses_rollup");
                // The sales/CSR roll-ups (V43, V49) and the speed-to-lead rows (V50) are recomputed per key by their
                // triggers, once per inserted row (a CSR's day once per call of that day): about 100 conversations a
                // second. Off for the batch too; SalesDataGenerator rebuilds those tables from scratch after the load.
                deferTriggers(s, true, "conversations", "analyses");
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                copy(c, copy, "conversations", CONVERSATION_COLUMNS, b.conversations(), b.to() - b.from(), stats);
                if (!lean) {
                    copy(c, copy, "transcripts", TRANSCRIPT_COLUMNS, b.transcripts(), b.transcriptRows(), stats);
                }
                copy(c, copy, "analyses", ANALYSIS_COLUMNS, b.analyses(), b.analysisRows(), stats);
                if (!lean) {
                    copy(c, copy, "qa_item_results", ITEM_COLUMNS, b.items(), b.itemRows(), stats);
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO rollup_changes (tenant_id, day) VALUES (?, ?)")) {
                    for (LocalDate day : b.days()) {
                        p.setString(1, tenant);
                        p.setObject(2, day);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                s.execute("ALTER TABLE conversations ENABLE TRIGGER conversations_rollup");
                s.execute("ALTER TABLE analyses ENABLE TRIGGER analyses_rollup");
                deferTriggers(s, false, "conversations", "analyses");
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** A row trigger switched off while a batch writes its table. */
    record DeferredTrigger(String table, String trigger) {
    }

    /**
     * The row triggers that recompute a whole key per inserted row (a CSR's or a rep's day, a contact's first response):
     * off during a batch, their tables rebuilt after the load ({@link SalesDataGenerator#rebuildRollups}).
     */
    static final List<DeferredTrigger> DEFERRED_TRIGGERS = List.of(new DeferredTrigger("conversations", "conversations_rollups"),
            new DeferredTrigger("analyses", "analyses_rollups"),
            new DeferredTrigger("conversations", "conversations_lead_responses_insert"),
            new DeferredTrigger("analyses", "analyses_lead_responses"),
            new DeferredTrigger("appointments", "appointments_rollups"));

    /** Switches the deferred triggers of {@code tables} off or back on, inside the batch's transaction (transactional DDL). */
    static void deferTriggers(Statement s, boolean off, String... tables) throws SQLException {
        for (DeferredTrigger t : DEFERRED_TRIGGERS) {
            if (List.of(tables).contains(t.table())) {
                s.execute("ALTER TABLE " + t.table() + (off ? " DISABLE" : " ENABLE") + " TRIGGER " + t.trigger());
            }
        }
    }

    /**
     * COPY is refused on tables with row-level security, even for the owner, so each batch goes through a
     * temporary staging table of the same columns and one set-based INSERT ... SELECT.
     */
    private static void copy(Connection c, CopyManager copy, String table, String columns, StringBuilder data, int rows,
                             Stats stats) throws SQLException, IOException {
        long t0 = System.nanoTime();
        byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE stage_" + table + " ON COMMIT DROP AS SELECT " + columns + " FROM " + table + " WITH NO DATA");
            copy.copyIn("COPY stage_" + table + " (" + columns + ") FROM STDIN", new java.io.ByteArrayInputStream(bytes), 1 << 20);
            s.execute("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM stage_" + table);
        }
        stats.add(table, rows, System.nanoTime() - t0);
    }

    // ------------------------------------------------------------------------------------------ generation

    Batch generate(TenantSpec spec, Roster roster, Instant anchor, int from, int to) {
        Batch b = new Batch(from, to, new StringBuilder(1 << 22), new StringBuilder(1 << 24), new StringBuilder(1 << 24),
                new StringBuilder(1 << 22), 0, 0, 0, new TreeSet<>());
        int[] counts = new int[3];
        for (int i = from; i < to; i++) {
            new Synth(spec, roster, anchor, i, scorecards).write(b, counts);
        }
        return new Batch(from, to, b.conversations(), b.transcripts(), b.analyses(), b.items(), counts[0], counts[1], counts[2],
                b.days());
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    // ------------------------------------------------------------------------------------------ scorecards

    /** The default QA configuration's scorecards: sections with weights, items with weights and flags. */
    record Scorecards(Map<String, Card> cards) {
        record Item(String key, String section, double weight, boolean mustNotOccur, boolean autoFail, boolean conditional) {
        }

        record Section(String key, String name, double weight, List<Item> items) {
        }

        record Card(String key, List<Section> sections) {
        }

        static Scorecards load() {
            try (InputStream in = InsightsDataGenerator.class.getResourceAsStream("/analysis/default-qa-config.json")) {
                JsonNode root = JsonMapper.builder().build().readTree(in);
                Map<String, Card> cards = new LinkedHashMap<>();
                for (JsonNode card : root.path("scorecards")) {
                    List<Section> sections = new ArrayList<>();
                    for (JsonNode section : card.path("sections")) {
                        List<Item> items = new ArrayList<>();
                        for (JsonNode item : section.path("items")) {
                            items.add(new Item(item.path("key").asString(), section.path("key").asString(),
                                    item.path("weight").asDouble(1), item.path("must_not_occur").asBoolean(false),
                                    item.path("auto_fail").asBoolean(false), item.has("applicable_when")));
                        }
                        sections.add(new Section(section.path("key").asString(), section.path("name").asString(),
                                section.path("weight").asDouble(1), items));
                    }
                    cards.put(card.path("key").asString(), new Card(card.path("key").asString(), sections));
                }
                return new Scorecards(cards);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ one conversation

    /** One synthetic conversation: everything derived from one seeded random stream. */
    static final class Synth {
        private final TenantSpec spec;
        private final Roster roster;
        private final Instant anchor;
        private final SplittableRandom rng;
        private final Scorecards scorecards;
        private final UUID id;
        private final int index;

        Synth(TenantSpec spec, Roster roster, Instant anchor, int index, Scorecards scorecards) {
            this.index = index;
            this.spec = spec;
            this.roster = roster;
            this.anchor = anchor;
            this.scorecards = scorecards;
            this.rng = new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 17);
            long msb = (rng.nextLong() & ~0xF000L) | 0x4000L;
            long lsb = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            this.id = new UUID(msb, lsb);
        }

        private boolean chance(double p) {
            return rng.nextDouble() < p;
        }

        private double lognormal(double median, double sigma) {
            return median * Math.exp(rng.nextGaussian() * sigma);
        }

        private String oneOf(String... values) {
            return values[rng.nextInt(values.length)];
        }

        record T(String speaker, String text, String redacted) {
        }

        void write(Batch b, int[] counts) {
            // --- who, what, when
            double u = rng.nextDouble();
            String direction = u < 0.60 ? "inbound" : u < 0.85 ? "outbound" : "in_person";
            String channel = switch (direction) {
                case "inbound" -> chance(0.07) ? "voice_agent" : "phone";
                case "outbound" -> chance(0.05) ? "video" : "phone";
                default -> "field_visit";
            };
            PhraseBank.Reason reason = PhraseBank.pick(channel.equals("voice_agent") ? PhraseBank.VOICE_AGENT
                    : direction.equals("inbound") ? PhraseBank.INBOUND : direction.equals("outbound") ? PhraseBank.OUTBOUND
                    : PhraseBank.IN_PERSON, rng);
            boolean sales = reason.key().endsWith("_pricing") || reason.key().endsWith("_purchase_inquiry");
            Agent agent = null;
            String agentRef = null;
            String agentName = null;
            if (channel.equals("voice_agent")) {
                agentRef = "voice-agent";
                agentName = "Ava (virtual assistant)";
            } else if (!chance(direction.equals("inbound") ? 0.03 : 0.015)) {
                if (direction.equals("in_person")) {
                    agent = pick(roster.field(), roster.fieldCum(), rng.nextDouble());
                } else if (direction.equals("outbound") && sales) {
                    agent = pick(roster.inside(), roster.insideCum(), rng.nextDouble());
                } else {
                    agent = pick(roster.support(), roster.supportCum(), rng.nextDouble());
                }
                agentRef = agent.ref();
                agentName = agent.name();
            }
            double skill = agent != null ? agent.skill() : channel.equals("voice_agent") ? 0.85 : 0.7;
            String language = channel.equals("voice_agent") ? "en-US" : chance(direction.equals("in_person") ? 0.05 : 0.08)
                    ? "es-US" : "en-US";
            boolean spanish = language.equals("es-US");
            String source = switch (channel) {
                case "voice_agent" -> "vapi";
                case "field_visit" -> chance(0.7) ? "upload" : "api";
                case "video" -> "api";
                default -> direction.equals("inbound")
                        ? oneOf("twilio", "twilio", "twilio", "api", "api", "api", "callrail", "callrail", "upload", "drop-folder")
                        : oneOf("api", "api", "twilio", "twilio", "upload");
            };
            // Day: the last 365 days, busier on weekdays and growing ~30% over the year; hour: business hours US time.
            int dayBack;
            LocalDate anchorDay = anchor.atZone(ZoneOffset.UTC).toLocalDate();
            while (true) {
                dayBack = rng.nextInt(365);
                LocalDate day = anchorDay.minusDays(dayBack);
                double weight = (1.0 + 0.3 * (365 - dayBack) / 365.0) / 1.3;
                int dow = day.getDayOfWeek().getValue();
                weight *= dow == 7 ? 0.25 : dow == 6 ? 0.5 : 1.0;
                if (rng.nextDouble() < weight) {
                    break;
                }
            }
            double hour = clamp(13 + 10 * rng.nextDouble() + rng.nextGaussian(), 0, 23.99); // 13-23 UTC ~ 8-18 US
            Instant started = anchor.truncatedTo(ChronoUnit.DAYS).minus(dayBack, ChronoUnit.DAYS)
                    .plusSeconds((long) (hour * 3600) + rng.nextInt(60));
            if (started.isAfter(anchor.minusSeconds(3600))) {
                started = started.minus(1, ChronoUnit.DAYS);
            }
            double duration = round(switch (channel) {
                case "field_visit" -> clamp(lognormal(2400, 0.4), 600, 7200);
                case "voice_agent" -> clamp(lognormal(150, 0.4), 30, 900);
                default -> clamp(lognormal(direction.equals("inbound") ? 330 : 270, 0.55), 25, 3600);
            }, 1);
            boolean noStart = source.equals("upload") && chance(0.05);
            Instant created = started.plusSeconds((long) duration + 30 + rng.nextInt(1800));
            Instant occurred = noStart ? created : started;
            b.days().add(occurred.atZone(ZoneOffset.UTC).toLocalDate());
            double s = rng.nextDouble();
            String status = s < 0.015 ? "failed" : s < 0.02 ? "processing" : "completed";
            Instant completed = created.plusSeconds(60 + rng.nextInt(540));

            String customerFirst = PhraseBank.one(PhraseBank.FIRST, rng);
            String customerLast = PhraseBank.one(PhraseBank.LAST, rng);
            String phone = String.format("+1%03d555%04d", 200 + rng.nextInt(790), rng.nextInt(10000));
            String email = chance(0.4) ? (customerFirst + "." + customerLast + "@example.com").toLowerCase(Locale.ROOT) : null;
            // The caller is a contact card (issue 13): its name, phone and e-mail (the draws above keep the random
            // stream, and so everything after, as it was).
            int caller = SalesDataGenerator.cardOf(spec, index);
            customerFirst = SalesDataGenerator.cardFirst(caller);
            customerLast = SalesDataGenerator.cardLast(caller);
            phone = SalesDataGenerator.cardPhone(caller);
            email = SalesDataGenerator.cardEmail(caller);
            String customer = customerFirst + " " + customerLast;
            boolean stereo = source.equals("twilio") || source.equals("vapi");
            String speechEngine = chance(0.9) ? "whisper" : "pocketsphinx";

            // --- conversations row
            StringBuilder c = b.conversations();
            field(c, id.toString());
            field(c, spec.id());
            field(c, source);
            // 96 bits of the id: unique per (tenant, source) as conversations_external requires (40 bits collided near 1M).
            field(c, source.equals("upload") ? null : source + "-" + id.toString().replace("-", "").substring(8));
            field(c, hex(64) + ":" + hex(64));
            field(c, direction);
            field(c, channel);
            field(c, noStart ? null : started.toString());
            field(c, agent == null ? null : agent.id().toString());
            field(c, agentRef);
            field(c, agentName);
            field(c, agent == null ? null : agent.teamId().toString());
            field(c, customer);
            field(c, phone);
            field(c, email);
            field(c, language);
            field(c, stereo ? "{\"0\": \"agent\", \"1\": \"customer\"}" : "{}");
            field(c, tags(direction, spanish));
            String attributes = chance(0.5) ? "{\"queue\": \"" + reason.topic() + "\"}" : "{}";
            if (agent == null && channel.equals("phone") && direction.equals("inbound")) {
                // Nobody answered: a missed call as CallRail reports one.
                attributes = "{\"call_type\": \"missed\"}";
            } else if (channel.equals("field_visit") && agent != null) {
                long appointment = SalesDataGenerator.appointmentAt(spec, anchor, roster.field().indexOf(agent), started);
                if (appointment >= 0) {
                    attributes = "{\"appointment_id\": \"" + SalesDataGenerator.id(spec, "appointment", appointment) + "\"}";
                }
            }
            field(c, attributes);
            field(c, "media");
            String ext = stereo ? "wav" : oneOf("mp3", "m4a", "wav");
            field(c, spec.id() + "/inputs/" + id + "/original." + ext);
            field(c, ext.equals("wav") ? "audio/wav" : ext.equals("mp3") ? "audio/mpeg" : "audio/mp4");
            field(c, Long.toString((long) (duration * (ext.equals("wav") ? (stereo ? 32000 : 16000) : 16000))));
            field(c, hex(64));
            field(c, "call-" + id.toString().substring(0, 8) + "." + ext);
            field(c, Double.toString(duration));
            field(c, stereo ? "2" : "1");
            field(c, status);
            field(c, status.equals("completed") ? "analysed" : status.equals("processing") ? "transcribed" : oneOf("decoded", "transcribed"));
            field(c, status.equals("failed") ? "3" : "1");
            String[] error = status.equals("failed") ? failure() : null;
            field(c, error == null ? null : error[1]);
            field(c, error == null ? null : error[0]);
            field(c, status.equals("completed") ? "t" : null);
            field(c, status.equals("failed") && error[0].equals("corrupt-input") ? null : speechEngine);
            field(c, source.equals("drop-folder") ? "0" : "10");
            field(c, created.toString());
            field(c, (status.equals("completed") ? completed : created.plusSeconds(30)).toString());
            field(c, status.equals("completed") ? completed.toString() : null);
            last(c, SalesDataGenerator.id(spec, "card", caller).toString());
            if (!status.equals("completed")) {
                return;
            }

            // --- the story of the call
            String sentiment = sentiment(reason);
            boolean negativeReason = isNegative(reason);
            Map<String, Integer> trackers = new LinkedHashMap<>();
            for (String t : List.of("competitor_mention", "cancellation_intent", "escalation_request", "pricing_discussion", "frustration")) {
                double p = switch (t) {
                    case "competitor_mention" -> sales ? 0.16 : reason.key().equals("cancellation_request") ? 0.35 : 0.015;
                    case "cancellation_intent" -> reason.key().equals("cancellation_request") ? 0.9
                            : reason.key().equals("account_closure") ? 0.5 : negativeReason ? 0.12 : 0.01;
                    case "escalation_request" -> sentiment.equals("negative") ? 0.22 : 0.01;
                    case "pricing_discussion" -> sales ? 0.8 : reason.topic().equals("billing") ? 0.3 : 0.07;
                    default -> sentiment.equals("negative") ? 0.5 : sentiment.equals("neutral") ? 0.04 : 0.0;
                };
                trackers.put(t, chance(p) ? 1 + (chance(0.3) ? 1 + rng.nextInt(3) : 0) : 0);
            }
            List<String> objections = new ArrayList<>();
            double objectionP = sales ? 0.65 : reason.key().equals("cancellation_request") ? 0.5 : 0.05;
            if (chance(objectionP)) {
                objections.add(objectionCategory());
                if (chance(0.3)) {
                    String second = objectionCategory();
                    if (!objections.contains(second)) {
                        objections.add(second);
                    }
                }
            }
            if (objections.contains("competitor")) {
                trackers.merge("competitor_mention", 1, (a, x) -> Math.max(a, 1));
            }

            // --- turns
            List<T> turns = new ArrayList<>();
            String agentFirst = agentName == null ? "Sam" : agentName.split(" ")[0];
            String company = roster.company();
            boolean verification = false;
            int nameTurn = -1;
            int phoneTurn = -1;
            int addressTurn = -1;
            String address = (100 + rng.nextInt(9800)) + " " + PhraseBank.one(PhraseBank.STREETS, rng);
            if (spanish) {
                turns.add(agentTurn(String.format(PhraseBank.one(PhraseBank.SPANISH_GREETINGS, rng), company, agentFirst)));
                turns.add(customerTurn(PhraseBank.one(PhraseBank.SPANISH_CUSTOMER, rng)));
                turns.add(agentTurn("Con mucho gusto. Me puede dar su nombre completo, por favor?"));
                nameTurn = turns.size();
                turns.add(new T("customer", "Si, mi nombre es " + customer + ".", "Si, mi nombre es [NAME]."));
                int target = 8 + rng.nextInt(5);
                while (turns.size() < target - 2) {
                    turns.add(agentTurn(PhraseBank.one(PhraseBank.SPANISH_AGENT, rng)));
                    turns.add(customerTurn(PhraseBank.one(PhraseBank.SPANISH_CUSTOMER_FILLER, rng)));
                }
                turns.add(agentTurn("Gracias por llamar, que tenga un excelente dia."));
                turns.add(customerTurn("Gracias, igualmente."));
            } else {
                if (channel.equals("voice_agent")) {
                    turns.add(agentTurn(String.format(PhraseBank.one(PhraseBank.VOICE_AGENT_GREETINGS, rng), company)));
                    turns.add(customerTurn(PhraseBank.one(reason.opening(), rng)));
                } else if (direction.equals("inbound")) {
                    turns.add(agentTurn(String.format(PhraseBank.one(PhraseBank.GREETINGS, rng), company, agentFirst)));
                    turns.add(customerTurn(PhraseBank.one(reason.opening(), rng)));
                } else if (direction.equals("outbound")) {
                    boolean agentStated = reason.key().equals("appointment_reminder") || reason.key().equals("payment_collection");
                    turns.add(agentTurn(String.format(PhraseBank.one(PhraseBank.OUTBOUND_GREETINGS, rng), company, agentFirst)));
                    if (agentStated) {
                        turns.add(customerTurn("Yes, this is " + customerFirst + ", go ahead."));
                        turns.add(agentTurn(PhraseBank.one(reason.agent(), rng)));
                        turns.add(customerTurn(PhraseBank.one(reason.opening(), rng)));
                    } else {
                        turns.add(customerTurn(PhraseBank.one(reason.opening(), rng)));
                    }
                } else {
                    turns.add(agentTurn(String.format(PhraseBank.one(PhraseBank.VISIT_GREETINGS, rng), company, agentFirst)));
                    turns.add(customerTurn(PhraseBank.one(reason.opening(), rng)));
                }
                if (!sales && chance(0.65)) {
                    verification = true;
                    turns.add(agentTurn(PhraseBank.one(PhraseBank.VERIFICATION, rng)));
                    int v = rng.nextInt(3);
                    nameTurn = turns.size();
                    if (v == 0) {
                        addressTurn = turns.size();
                        turns.add(new T("customer", String.format("Sure, it's %s, and the address is %s.", customer, address),
                                "Sure, it's [NAME], and the address is [ADDRESS]."));
                    } else if (v == 1) {
                        turns.add(new T("customer", "Yes, the account is under " + customer + ".", "Yes, the account is under [NAME]."));
                    } else {
                        phoneTurn = turns.size();
                        turns.add(new T("customer", "Of course, my name is " + customer + " and my number is " + phone + ".",
                                "Of course, my name is [NAME] and my number is [PHONE]."));
                    }
                } else {
                    turns.add(agentTurn("Can I get your name and the best number to reach you?"));
                    nameTurn = turns.size();
                    phoneTurn = turns.size();
                    turns.add(new T("customer", "It's " + customer + ", and my cell is " + phone + ".",
                            "It's [NAME], and my cell is [PHONE]."));
                }
                if (sentiment.equals("negative") && chance(0.7)) {
                    turns.add(agentTurn(PhraseBank.one(PhraseBank.EMPATHY, rng)));
                }
                turns.add(agentTurn(PhraseBank.one(reason.agent(), rng)));
                turns.add(customerTurn(PhraseBank.one(reason.customer(), rng)));
                for (Map.Entry<String, Integer> t : trackers.entrySet()) {
                    if (t.getValue() > 0 && !(t.getKey().equals("competitor_mention") && objections.contains("competitor"))) {
                        turns.add(customerTurn(PhraseBank.one(PhraseBank.TRACKER_PHRASES.get(t.getKey()), rng)));
                        turns.add(agentTurn(t.getKey().equals("frustration") || t.getKey().equals("escalation_request")
                                ? PhraseBank.one(PhraseBank.EMPATHY, rng) : PhraseBank.one(PhraseBank.AGENT_FILLER, rng)));
                    }
                }
                for (String o : objections) {
                    turns.add(customerTurn(PhraseBank.one(PhraseBank.OBJECTION_PHRASES.get(o), rng)));
                    turns.add(agentTurn(PhraseBank.one(PhraseBank.OBJECTION_ANSWERS, rng)));
                }
                if ((reason.key().equals("billing_dispute") && chance(0.6)) || (reason.key().equals("cancellation_request") && chance(0.2))
                        || (reason.key().equals("payment_failure") && chance(0.15))) {
                    turns.add(agentTurn(PhraseBank.one(PhraseBank.REFUND_LINES, rng)));
                }
                if ((sales || reason.topic().equals("appointment")) && chance(0.12)) {
                    turns.add(agentTurn(PhraseBank.one(PhraseBank.CANCEL_ANYTIME, rng)));
                }
                if ((reason.key().endsWith("_repair") || reason.key().endsWith("_purchase_inquiry")) && chance(0.25)) {
                    turns.add(agentTurn(PhraseBank.one(PhraseBank.WARRANTY_LINES, rng)));
                }
                int target = 8 + rng.nextInt(7);
                while (turns.size() < target - 2) {
                    turns.add(agentTurn(PhraseBank.one(PhraseBank.AGENT_FILLER, rng)));
                    turns.add(customerTurn(PhraseBank.one(PhraseBank.CUSTOMER_FILLER, rng)));
                }
            }

            // --- outcomes
            String bookingStatus = null;
            String qualification = null;
            String outcome = null;
            Double dealValue = null;
            boolean booking = reason.topic().equals("appointment") && !reason.key().equals("cancel_appointment")
                    && !reason.key().equals("appointment_reminder") || reason.key().endsWith("_repair");
            if (booking) {
                double bu = rng.nextDouble();
                bookingStatus = bu < 0.55 + 0.2 * skill ? "booked" : bu < 0.96 ? "not_booked" : "service_not_offered";
            }
            if (sales) {
                double q = rng.nextDouble();
                qualification = q < 0.2 ? "hot" : q < 0.55 ? "warm" : q < 0.85 ? "cold" : "unqualified";
                double base = switch (qualification) {
                    case "hot" -> 0.55;
                    case "warm" -> 0.25;
                    case "cold" -> 0.07;
                    default -> 0.01;
                };
                double win = base * (0.6 + skill * 0.6) * (direction.equals("in_person") ? 1.3 : 0.8);
                double ou = rng.nextDouble();
                outcome = ou < win ? "closed_won" : ou < win + 0.3 ? "closed_lost" : "open";
                if (outcome.equals("closed_won")) {
                    double median = switch (reason.topic()) {
                        case "solar" -> 24000;
                        case "roof" -> 17000;
                        default -> 11000;
                    };
                    dealValue = round(clamp(lognormal(median, 0.35), 1500, 95000), 2);
                }
                if (!spanish) {
                    String[] close = outcome.equals("closed_won") ? PhraseBank.SALES_CLOSE_WON
                            : outcome.equals("open") ? PhraseBank.SALES_CLOSE_OPEN : PhraseBank.SALES_CLOSE_LOST;
                    turns.add(agentTurn(PhraseBank.one(close, rng)));
                }
            }
            boolean escalationAsked = trackers.get("escalation_request") > 0;
            String resolution = escalationAsked && chance(0.6) ? "escalated"
                    : chance(sentiment.equals("negative") ? 0.45 : sentiment.equals("neutral") ? 0.75 : 0.92) ? "resolved" : "unresolved";
            String trend = resolution.equals("resolved") && sentiment.equals("positive") && chance(0.5) ? "improving"
                    : sentiment.equals("negative") && chance(0.45) ? "worsening" : chance(0.12) ? "improving" : "steady";
            if (!spanish) {
                turns.add(agentTurn(PhraseBank.one(PhraseBank.CLOSINGS, rng)));
                turns.add(customerTurn(PhraseBank.one(PhraseBank.CUSTOMER_CLOSINGS, rng)));
            }

            // --- timing and talk metrics
            int n = turns.size();
            double nonTalk = duration * (0.06 + 0.12 * rng.nextDouble());
            double talk = duration - nonTalk;
            double[] weights = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                weights[i] = turns.get(i).text().length() * (0.6 + rng.nextDouble()) * (turns.get(i).speaker().equals("agent")
                        ? (sales ? 1.0 : 0.7) : 1.0);
                sum += weights[i];
            }
            double gap = nonTalk / (n + 1);
            double t = gap;
            double agentTalk = 0;
            double customerTalk = 0;
            double longestAgent = 0;
            double longestCustomer = 0;
            double[] starts = new double[n];
            StringBuilder turnsJson = new StringBuilder(2048);
            StringBuilder redactedJson = new StringBuilder(2048);
            turnsJson.append('[');
            redactedJson.append('[');
            double confidence = speechEngine.equals("whisper") ? 0.86 : 0.72;
            for (int i = 0; i < n; i++) {
                T turn = turns.get(i);
                double len = talk * weights[i] / sum;
                double start = round(t, 2);
                double end = round(t + len, 2);
                starts[i] = start;
                t += len + gap;
                boolean isAgent = turn.speaker().equals("agent");
                if (isAgent) {
                    agentTalk += len;
                    longestAgent = Math.max(longestAgent, len);
                } else {
                    customerTalk += len;
                    longestCustomer = Math.max(longestCustomer, len);
                }
                String conf = Double.toString(round(clamp(confidence + rng.nextGaussian() * 0.05, 0.3, 0.99), 3));
                for (int r = 0; r < 2; r++) {
                    StringBuilder j = r == 0 ? turnsJson : redactedJson;
                    if (i > 0) {
                        j.append(", ");
                    }
                    j.append("{\"speaker\": \"").append(turn.speaker()).append('"');
                    if (stereo) {
                        j.append(", \"speaker_label\": \"ch_").append(isAgent ? 0 : 1).append("\", \"channel\": ").append(isAgent ? 0 : 1);
                    } else {
                        j.append(", \"speaker_label\": \"spk_").append(isAgent ? 0 : 1).append('"');
                    }
                    j.append(", \"start\": ").append(start).append(", \"end\": ").append(end).append(", \"text\": ");
                    jsonString(j, r == 0 ? turn.text() : turn.redacted());
                    j.append(", \"words\": [], \"confidence\": ").append(conf).append('}');
                }
            }
            turnsJson.append(']');
            redactedJson.append(']');
            double talkRatio = round(agentTalk / (agentTalk + customerTalk), 3);
            String scorecardKey = channel.equals("voice_agent") ? "voice_agent_booking" : direction.equals("in_person")
                    ? "in_home_sales_visit" : booking || sales ? "csr_booking_call" : "contact_centre_support";

            // --- QA
            Scorecards.Card card = scorecards.cards().get(scorecardKey);
            List<String[]> items = new ArrayList<>();
            List<String> autoFailedBy = new ArrayList<>();
            StringBuilder sectionsJson = new StringBuilder("[");
            double weighted = 0;
            double sectionWeights = 0;
            boolean interrupted = false;
            for (Scorecards.Section section : card.sections()) {
                double applicable = 0;
                double passed = 0;
                int applicableCount = 0;
                int passedCount = 0;
                for (Scorecards.Item item : section.items()) {
                    String result;
                    Boolean ok;
                    boolean na = item.key().equals("verified_customer") ? !verification && !chance(0.1)
                            : item.conditional() && chance(0.25);
                    if (na) {
                        result = "not_applicable";
                        ok = null;
                    } else if (item.mustNotOccur()) {
                        boolean happened = chance((1 - skill) * (item.autoFail() ? 0.12 : 0.45));
                        result = happened ? "met" : "not_met";
                        ok = !happened;
                        if (item.key().equals("interrupted_customer")) {
                            interrupted = happened;
                        }
                    } else {
                        double p = item.autoFail() ? 0.93 - (1 - skill) * 0.08
                                : clamp(skill + (item.key().equals("value_added") || item.key().equals("asked_for_sale_or_booking")
                                ? -0.2 : item.key().equals("greeting") || item.key().equals("closing") ? 0.15 : 0), 0.05, 0.995);
                        boolean met = chance(p);
                        result = met ? "met" : "not_met";
                        ok = met;
                    }
                    items.add(new String[] {item.key(), section.key(), result});
                    if (ok == null) {
                        continue;
                    }
                    applicable += item.weight();
                    applicableCount++;
                    if (ok) {
                        passed += item.weight();
                        passedCount++;
                    } else if (item.autoFail()) {
                        autoFailedBy.add(item.key());
                    }
                }
                Double sectionScore = applicable > 0 ? round(100 * passed / applicable, 1) : null;
                if (sectionScore != null) {
                    weighted += section.weight() * sectionScore;
                    sectionWeights += section.weight();
                }
                if (sectionsJson.length() > 1) {
                    sectionsJson.append(", ");
                }
                sectionsJson.append("{\"key\": \"").append(section.key()).append("\", \"name\": ");
                jsonString(sectionsJson, section.name());
                sectionsJson.append(", \"weight\": ").append(section.weight()).append(", \"score\": ").append(sectionScore)
                        .append(", \"applicable_items\": ").append(applicableCount).append(", \"passed_items\": ")
                        .append(passedCount).append('}');
            }
            sectionsJson.append(']');
            boolean autoFailed = !autoFailedBy.isEmpty();
            Double rawScore = sectionWeights > 0 ? round(weighted / sectionWeights, 1) : null;
            Double score = rawScore == null ? null : autoFailed ? 0.0 : rawScore;
            int interruptions = interrupted ? 3 + rng.nextInt(7) : rng.nextInt(3);
            int customerInterruptions = rng.nextInt(4);
            int agentQuestions = 2 + rng.nextInt(6) + (int) (duration / 90);
            int customerQuestions = 1 + rng.nextInt(4) + (int) (duration / 240);
            int effort = switch (sentiment) {
                case "positive" -> 1 + rng.nextInt(2);
                case "neutral" -> 2 + rng.nextInt(2);
                default -> 3 + rng.nextInt(3);
            };
            double commercial = round(sales ? switch (qualification) {
                case "hot" -> 70 + 25 * rng.nextDouble();
                case "warm" -> 45 + 25 * rng.nextDouble();
                case "cold" -> 15 + 25 * rng.nextDouble();
                default -> 10 * rng.nextDouble();
            } : booking ? 20 + 30 * rng.nextDouble() : 25 * rng.nextDouble(), 1);
            double churn = round(reason.key().equals("cancellation_request") || reason.key().equals("account_closure")
                    ? 60 + 35 * rng.nextDouble() : sentiment.equals("negative") ? 30 + 40 * rng.nextDouble() : 2 + 23 * rng.nextDouble(), 1);
            String nps = switch (sentiment) {
                case "positive" -> chance(0.7) ? "promoter" : "passive";
                case "neutral" -> chance(0.75) ? "passive" : chance(0.5) ? "promoter" : "detractor";
                default -> chance(0.75) ? "detractor" : "passive";
            };
            if (chance(0.1)) {
                nps = null;
            }
            String summary = reason.summary() + (bookingStatus == null ? "" : "; " + bookingStatus.replace('_', ' '))
                    + (outcome == null ? "" : "; outcome " + outcome.replace('_', ' '))
                    + ". Resolution: " + resolution + ".";

            // --- call record
            StringBuilder call = new StringBuilder(4096);
            String startedText = noStart ? "null" : "\"" + started + "\"";
            String agentJson = agentName == null ? "null" : "{" + (agent == null ? "" : "\"user_id\": \"" + agent.id() + "\", ")
                    + "\"ref\": \"" + agentRef + "\", \"name\": \"" + agentName + "\"}";
            call.append("{\"schema_version\": \"2.0\", \"conversation_id\": \"").append(id).append("\", \"tenant_id\": \"")
                    .append(spec.id()).append("\", \"external_id\": null, \"source\": \"").append(source)
                    .append("\", \"started_at\": ").append(startedText).append(", \"direction\": \"").append(direction)
                    .append("\", \"channel\": \"").append(channel).append("\", \"agent\": ").append(agentJson)
                    .append(", \"team_id\": ").append(agent == null ? "null" : "\"" + agent.teamId() + "\"")
                    .append(", \"language\": \"").append(language).append("\", \"duration_seconds\": ").append(duration)
                    .append(", \"customer_sentiment\": \"").append(sentiment).append("\", \"sentiment_trend\": \"").append(trend)
                    .append("\", \"call_reason\": \"").append(reason.key()).append("\", \"summary\": ");
            jsonString(call, summary);
            call.append(", \"booking_status\": ").append(q(bookingStatus)).append(", \"qualification\": ").append(q(qualification))
                    .append(", \"outcome\": ").append(q(outcome)).append(", \"deal_value\": ").append(dealValue)
                    .append(", \"resolution\": \"").append(resolution).append("\", \"objections\": [");
            for (int i = 0; i < objections.size(); i++) {
                int turnNo = Math.min(n - 1, 3 + i * 2);
                call.append(i > 0 ? ", " : "").append("{\"category\": \"").append(objections.get(i)).append("\", \"turn\": ")
                        .append(turnNo).append(", \"start\": ").append(starts[turnNo]).append(", \"quote\": ");
                jsonString(call, PhraseBank.OBJECTION_PHRASES.get(objections.get(i))[0]);
                call.append('}');
            }
            call.append("], \"action_items\": [");
            if (chance(0.55)) {
                call.append("{\"owner\": \"agent\", \"text\": ").append(q(oneOf("Send the confirmation by email",
                        "Follow up with the written proposal", "Call the customer back with the claim update",
                        "Apply the credit to the next bill"))).append(", \"due\": ").append(q(oneOf("today", "tomorrow", "Thursday")))
                        .append(", \"turn\": ").append(n - 3).append('}');
            }
            call.append("], \"pii\": [");
            int pii = 0;
            if (nameTurn >= 0) {
                call.append("{\"type\": \"NAME\", \"turn\": ").append(nameTurn).append(", \"text\": ");
                jsonString(call, customer);
                call.append('}');
                pii++;
            }
            if (phoneTurn >= 0) {
                call.append(pii > 0 ? ", " : "").append("{\"type\": \"PHONE\", \"turn\": ").append(phoneTurn)
                        .append(", \"text\": \"").append(phone).append("\"}");
                pii++;
            }
            if (addressTurn >= 0) {
                call.append(pii > 0 ? ", " : "").append("{\"type\": \"ADDRESS\", \"turn\": ").append(addressTurn).append(", \"text\": ");
                jsonString(call, address);
                call.append('}');
                pii++;
            }
            call.append("], \"kpis\": {\"customer_effort_1to5\": ").append(effort).append(", \"commercial_opportunity\": ")
                    .append(commercial).append(", \"churn_risk\": ").append(churn).append(", \"nps_band\": ").append(q(nps))
                    .append("}, \"talk\": {\"agent_talk_seconds\": ").append(round(agentTalk, 3))
                    .append(", \"customer_talk_seconds\": ").append(round(customerTalk, 3)).append(", \"talk_ratio\": ")
                    .append(talkRatio).append(", \"non_talk_seconds\": ").append(round(nonTalk, 3))
                    .append(", \"interruptions\": {\"agent\": ").append(interruptions).append(", \"customer\": ").append(customerInterruptions)
                    .append("}, \"longest_monologue_seconds\": {\"agent\": ").append(round(longestAgent, 3))
                    .append(", \"customer\": ").append(round(longestCustomer, 3)).append("}, \"questions\": {\"agent\": ")
                    .append(agentQuestions).append(", \"customer\": ").append(customerQuestions)
                    .append("}, \"words_per_minute\": {\"agent\": ").append(round(lognormal(150, 0.12), 1))
                    .append(", \"customer\": ").append(round(lognormal(140, 0.15), 1)).append("}}, \"key_phrases\": [");
            List<String> phrases = keyPhrases(reason, trackers, objections);
            for (int i = 0; i < phrases.size(); i++) {
                call.append(i > 0 ? ", " : "").append("{\"phrase\": \"").append(phrases.get(i)).append("\", \"count\": ")
                        .append(1 + rng.nextInt(4)).append(", \"score\": ").append(round(0.3 + 0.7 * rng.nextDouble(), 3))
                        .append(", \"turns\": [").append(1 + i).append("]}");
            }
            call.append("], \"trackers\": [");
            int ti = 0;
            for (Map.Entry<String, Integer> tr : trackers.entrySet()) {
                call.append(ti++ > 0 ? ", " : "").append("{\"key\": \"").append(tr.getKey()).append("\", \"count\": ")
                        .append(tr.getValue()).append('}');
            }
            call.append("]}");

            // --- QA record
            StringBuilder qa = new StringBuilder(2048);
            qa.append("{\"schema_version\": \"2.0\", \"conversation_id\": \"").append(id).append("\", \"tenant_id\": \"")
                    .append(spec.id()).append("\", \"agent\": ").append(agentJson).append(", \"scorecard\": \"").append(scorecardKey)
                    .append("\", \"score\": ").append(score).append(", \"auto_failed\": ").append(autoFailed)
                    .append(", \"sections\": ").append(sectionsJson).append(", \"items\": [");
            for (int i = 0; i < items.size(); i++) {
                String[] item = items.get(i);
                qa.append(i > 0 ? ", " : "").append("{\"key\": \"").append(item[0]).append("\", \"section\": \"").append(item[1])
                        .append("\", \"result\": \"").append(item[2]).append("\", \"evidence\": [");
                if (item[2].equals("met")) {
                    int turnNo = Math.min(n - 1, i);
                    String quote = turns.get(turnNo).redacted();
                    qa.append("{\"turn\": ").append(turnNo).append(", \"start\": ").append(starts[turnNo]).append(", \"quote\": ");
                    jsonString(qa, quote.length() > 80 ? quote.substring(0, 80) : quote);
                    qa.append('}');
                }
                qa.append("]}");
            }
            qa.append("]}");

            // --- transcripts row
            StringBuilder tr = b.transcripts();
            field(tr, id.toString());
            field(tr, spec.id());
            field(tr, speechEngine);
            field(tr, language);
            field(tr, Double.toString(duration));
            field(tr, "t");
            field(tr, turnsJson.toString());
            field(tr, redactedJson.toString());
            last(tr, completed.minusSeconds(40).toString());
            counts[0]++;

            // --- analyses row
            StringBuilder a = b.analyses();
            field(a, id.toString());
            field(a, spec.id());
            field(a, completed.toString());
            field(a, language);
            field(a, sentiment);
            field(a, trend);
            field(a, reason.key());
            field(a, bookingStatus);
            field(a, qualification);
            field(a, outcome);
            field(a, dealValue == null ? null : String.format(Locale.ROOT, "%.2f", dealValue));
            field(a, resolution);
            field(a, Integer.toString(effort));
            field(a, Double.toString(commercial));
            field(a, Double.toString(churn));
            field(a, nps);
            field(a, Double.toString(round(agentTalk, 3)));
            field(a, Double.toString(round(customerTalk, 3)));
            field(a, Double.toString(talkRatio));
            field(a, Double.toString(round(nonTalk, 3)));
            field(a, scorecardKey);
            field(a, score == null ? null : Double.toString(score));
            field(a, autoFailed ? "t" : "f");
            field(a, "{" + String.join(",", objections) + "}");
            field(a, Integer.toString(pii));
            field(a, summary);
            field(a, call.toString());
            field(a, qa.toString());
            field(a, Integer.toString(interruptions));
            field(a, Integer.toString(agentQuestions));
            field(a, Double.toString(round(longestAgent, 3)));
            List<String> fired = new ArrayList<>();
            trackers.forEach((k, v) -> {
                if (v > 0) {
                    fired.add(k);
                }
            });
            field(a, "{" + String.join(",", fired) + "}");
            List<String> entities = new ArrayList<>();
            if (nameTurn >= 0) {
                entities.add("NAME");
            }
            if (phoneTurn >= 0) {
                entities.add("PHONE");
            }
            if (addressTurn >= 0) {
                entities.add("ADDRESS");
            }
            for (String p : phrases) {
                entities.add("\"" + p + "\"");
            }
            last(a, "{" + String.join(",", entities) + "}");
            counts[1]++;

            // --- item rows
            StringBuilder it = b.items();
            for (String[] item : items) {
                field(it, id.toString());
                field(it, spec.id());
                field(it, scorecardKey);
                field(it, item[1]);
                field(it, item[0]);
                last(it, item[2]);
                counts[2]++;
            }
        }

        private List<String> keyPhrases(PhraseBank.Reason reason, Map<String, Integer> trackers, List<String> objections) {
            List<String> phrases = new ArrayList<>();
            phrases.add(reason.topic().replace('_', ' '));
            if (reason.key().contains("appointment") || reason.key().contains("booking")) {
                phrases.add("next week");
            }
            if (reason.topic().equals("billing")) {
                phrases.add(chance(0.5) ? "monthly bill" : "late fee");
            }
            if (trackers.get("pricing_discussion") > 0) {
                phrases.add("monthly payment");
            }
            if (objections.contains("price")) {
                phrases.add("financing");
            }
            if (chance(0.3)) {
                phrases.add("confirmation email");
            }
            return phrases;
        }

        private String[] failure() {
            return switch (rng.nextInt(5)) {
                case 0 -> new String[] {"corrupt-input", "The stored input could not be decoded: invalid data found when processing input"};
                case 1 -> new String[] {"unsupported-language", "No speech engine supports language fr-CA"};
                case 2 -> new String[] {"no-speech", "The recording contains no speech"};
                default -> new String[] {"stage-error", "Speech engine timed out after 3 attempts"};
            };
        }

        private String objectionCategory() {
            double u = rng.nextDouble();
            return u < 0.35 ? "price" : u < 0.55 ? "timing" : u < 0.70 ? "decision_maker" : u < 0.82 ? "competitor"
                    : u < 0.90 ? "trust" : u < 0.97 ? "need" : "other";
        }

        private static boolean isNegative(PhraseBank.Reason reason) {
            return switch (reason.key()) {
                case "billing_dispute", "payment_failure", "service_outage", "cancellation_request", "account_closure",
                     "claim_status", "lost_card", "payment_collection" -> true;
                default -> false;
            };
        }

        private String sentiment(PhraseBank.Reason reason) {
            double u = rng.nextDouble();
            if (isNegative(reason)) {
                return u < 0.45 ? "negative" : u < 0.85 ? "neutral" : "positive";
            }
            return u < 0.10 ? "negative" : u < 0.55 ? "neutral" : "positive";
        }

        private String tags(String direction, boolean spanish) {
            List<String> tags = new ArrayList<>();
            if (chance(0.08)) {
                tags.add("vip");
            }
            if (chance(0.1)) {
                tags.add("follow-up");
            }
            if (direction.equals("outbound") && chance(0.3)) {
                tags.add(oneOf("campaign-spring", "campaign-fall", "winback"));
            }
            if (spanish) {
                tags.add("spanish");
            }
            return "{" + String.join(",", tags) + "}";
        }

        private String hex(int length) {
            StringBuilder sb = new StringBuilder(length);
            while (sb.length() < length) {
                String h = Long.toHexString(rng.nextLong());
                sb.append("0".repeat(16 - h.length())).append(h);
            }
            sb.setLength(length);
            return sb.toString();
        }

        private static T agentTurn(String text) {
            return new T("agent", text, text);
        }

        private static T customerTurn(String text) {
            return new T("customer", text, text);
        }
    }

    // ------------------------------------------------------------------------------------------ COPY text

    private static String q(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    static void jsonString(StringBuilder sb, String value) {
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** One COPY text-format column followed by a tab; null is {@code \N}. */
    static void field(StringBuilder sb, String value) {
        escape(sb, value);
        sb.append('\t');
    }

    static void last(StringBuilder sb, String value) {
        escape(sb, value);
        sb.append('\n');
    }

    private static void escape(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
    }
}
