package io.verbatim.bench;

import io.verbatim.platform.database.DatabaseRole;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Page-data latency of the insights pages at a million conversations: Business Overview, QA Overview,
 * Agent Performance (ranking and one agent) and the Calls Explorer (three filters plus full text, and
 * variants), for the last 30 days and the last 365 days, as admin, a team manager and an agent.
 * Runs the platform in this process on the generated data directory (see {@link InsightsDataGenerator}),
 * generating it first when it is not complete, and measures over HTTP like the browser would.
 *
 * <p>Run: {@code scripts/bench.sh insights [--generate-only|--skip-generate] [--data-dir DIR] [--n 200] [--clients 4]}
 */
public final class InsightsBenchmark {

    private static final double DASHBOARD_TARGET_MS = 150;
    private static final double EXPLORER_TARGET_MS = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final PrintStream out;
    private final int n;
    private final Duration cap;
    private final List<Result> results = new ArrayList<>();

    InsightsBenchmark(int port, int n, Duration cap, PrintStream out) {
        this.base = "http://localhost:" + port;
        this.n = n;
        this.cap = cap;
        this.out = out;
    }

    record Variant(String endpoint, String name, String role, String token, String path, double target) {
    }

    record Result(Variant variant, int count, double p50, double p95, double max, double first, int errors, String note) {
        boolean met() {
            return note == null && errors == 0 && p95 <= variant.target();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = InsightsDataGenerator.options(args);
        Path dataDir = Path.of(options.getOrDefault("data-dir", "/work/bench-insights"));
        int n = Integer.parseInt(options.getOrDefault("n", "200"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "4"));
        Duration cap = Duration.ofSeconds(Long.parseLong(options.getOrDefault("max-seconds-per-variant", "90")));
        int port = freePort();
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = InsightsDataGenerator.startPlatform(dataDir, port)) {
            System.out.printf("Platform started on port %d in %.1f s (data dir %s)%n", port, (System.nanoTime() - start) / 1e9, dataDir);
            InsightsDataGenerator generator = InsightsDataGenerator.of(context, System.out)
                    .batchSize(Integer.parseInt(options.getOrDefault("batch", "10000")));
            if (!options.containsKey("skip-generate")) {
                generator.loadAll(dataDir, Integer.parseInt(options.getOrDefault("main", "1000000")),
                        Integer.parseInt(options.getOrDefault("others", "10")),
                        Integer.parseInt(options.getOrDefault("other-size", "100000")));
            }
            if (options.containsKey("generate-only")) {
                System.exit(0);
            }
            DataSource owner = BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(), DataSource.class,
                    DatabaseRole.OWNER);
            if (options.containsKey("sql")) {
                // Statements (e.g. EXPLAIN ANALYZE of a page's query) run as the application role for bench-main.
                runSql(context.getBean(DataSource.class), Files.readString(Path.of(options.get("sql"))), System.out);
                System.exit(0);
            }
            buildRollups(context, owner);
            InsightsBenchmark bench = new InsightsBenchmark(port, n, cap, System.out);
            bench.run(owner, InsightsDataGenerator.anchor(dataDir), clients);
            Path load = dataDir.resolve("insights-bench-load.txt");
            System.out.println();
            System.out.println("Load (from the generator's last run): " + (Files.exists(load)
                    ? Files.readString(load).strip().replace('\n', ' ') : "not recorded"));
            generator.printSizes(System.out);
        }
        System.exit(0);
    }

    /**
     * Brings every tenant's roll-ups up to date before measuring, as the platform's background refresh would
     * (the benchmark runs without the job engine), and reports how long that took: the cost of building
     * roll-ups for a bulk load.
     */
    static void buildRollups(ConfigurableApplicationContext context, DataSource owner) throws Exception {
        io.verbatim.insights.Rollups rollups = context.getBean(io.verbatim.insights.Rollups.class);
        List<String> tenants = new ArrayList<>();
        try (var c = owner.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT DISTINCT tenant_id FROM rollup_changes ORDER BY 1")) {
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
        }
        for (String tenant : tenants) {
            long t0 = System.nanoTime();
            int days = io.verbatim.tenancy.TenantContext.callAs(new io.verbatim.tenancy.TenantId(tenant), rollups::refresh);
            System.out.printf("Roll-ups of %s: %d day(s) recomputed in %.1f s%n", tenant, days, (System.nanoTime() - t0) / 1e9);
        }
    }

    void run(DataSource owner, Instant anchor, int clients) throws Exception {
        String tenant = InsightsDataGenerator.MAIN_TENANT;
        String domain = tenant + ".bench";
        String admin = login("admin@" + domain);
        String manager = login("manager-1@" + domain);
        String agent = login("agent-01@" + domain);
        String team = queryOne(owner, "SELECT team_id::text FROM users WHERE tenant_id = ? AND email = ?", tenant, "manager-1@" + domain);
        String agentId = queryOne(owner, "SELECT id::text FROM users WHERE tenant_id = ? AND email = ?", tenant, "agent-01@" + domain);
        LocalDate to = anchor.atZone(ZoneOffset.UTC).toLocalDate();
        String d30 = "from=" + to.minusDays(29) + "&to=" + to;
        String d365 = "from=" + to.minusDays(364) + "&to=" + to;
        out.printf("Tenant %s; dates: last 30 days = %s, last 365 days = %s; team %s; agent %s; %d requests per variant "
                + "(at most %d s), sequential%n", tenant, d30, d365, team, agentId, n, cap.toSeconds());

        String threeFilters = "direction=inbound&sentiment=negative&min_score=60";
        List<Variant> variants = new ArrayList<>(List.of(
                dash("business", "30 days", "admin", admin, "/api/v1/insights/business?" + d30),
                dash("business", "365 days", "admin", admin, "/api/v1/insights/business?" + d365),
                dash("business", "30 days, team", "admin", admin, "/api/v1/insights/business?" + d30 + "&team=" + team),
                dash("business", "30 days", "manager", manager, "/api/v1/insights/business?" + d30),
                dash("business", "30 days", "agent", agent, "/api/v1/insights/business?" + d30),
                dash("qa", "30 days", "admin", admin, "/api/v1/insights/qa?" + d30),
                dash("qa", "365 days", "admin", admin, "/api/v1/insights/qa?" + d365),
                dash("qa", "30 days", "manager", manager, "/api/v1/insights/qa?" + d30),
                dash("agents", "30 days", "admin", admin, "/api/v1/insights/agents?" + d30),
                dash("agents", "365 days", "admin", admin, "/api/v1/insights/agents?" + d365),
                dash("agents", "30 days", "manager", manager, "/api/v1/insights/agents?" + d30),
                dash("agents/{id}", "30 days", "admin", admin, "/api/v1/insights/agents/" + agentId + "?" + d30),
                dash("agents/{id}", "365 days", "admin", admin, "/api/v1/insights/agents/" + agentId + "?" + d365),
                dash("agents/{id}", "30 days", "agent", agent, "/api/v1/insights/agents/" + agentId + "?" + d30),
                explore("3 filters + q=cancel, 30 days", "admin", admin, d30 + "&" + threeFilters + "&q=cancel"),
                explore("3 filters + q=cancel, 365 days", "admin", admin, d365 + "&" + threeFilters + "&q=cancel"),
                explore("3 filters + rare q=septic, 365 days", "admin", admin, d365 + "&" + threeFilters + "&q=septic"),
                explore("3 filters + common q=thank, 30 days", "admin", admin, d30 + "&" + threeFilters + "&q=thank"),
                explore("3 filters + common q=thank, 365 days", "admin", admin, d365 + "&" + threeFilters + "&q=thank"),
                explore("3 filters, no text, 30 days", "admin", admin, d30 + "&" + threeFilters),
                explore("3 filters, no text, 365 days", "admin", admin, d365 + "&" + threeFilters),
                explore("no filters (default page), 30 days", "admin", admin, d30),
                explore("reason+objection+tracker + q=refund, 365 days", "admin", admin,
                        d365 + "&reason=billing_dispute&objection=price&tracker=cancellation_intent&q=refund"),
                explore("team + 3 filters + q=cancel, 30 days", "admin", admin, d30 + "&team=" + team + "&" + threeFilters + "&q=cancel"),
                explore("3 filters + q=cancel, 30 days", "manager", manager, d30 + "&" + threeFilters + "&q=cancel"),
                explore("q=refund, 365 days", "agent", agent, d365 + "&q=refund")));

        for (Variant v : variants) {
            results.add(measure(v));
        }
        // Page 2: the cursor a first page returned.
        for (String[] page : new String[][] {{"3 filters + q=cancel, 365 days, page 2", d365 + "&" + threeFilters + "&q=cancel"},
            {"no filters, 30 days, page 2", d30}}) {
            Variant first = explore(page[0], "admin", admin, page[1]);
            HttpResponse<String> r = get(first.path(), admin);
            String cursor = null;
            if (r.statusCode() == 200) {
                JsonNode body = JSON.readTree(r.body());
                cursor = body.path("next_cursor").isString() ? body.path("next_cursor").asString() : null;
            }
            if (cursor == null) {
                results.add(new Result(first, 0, 0, 0, 0, 0, 0, r.statusCode() == 404 ? "endpoint missing (404)"
                        : r.statusCode() != 200 ? "HTTP " + r.statusCode() : "no next_cursor in the first page"));
            } else {
                results.add(measure(new Variant(first.endpoint(), first.name(), first.role(), admin,
                        first.path() + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8), first.target())));
            }
        }
        printTable("Sequential (one client)", results);

        // Concurrency: several clients at once on the pages' defaults.
        List<Result> concurrent = new ArrayList<>();
        for (Variant v : List.of(variants.get(0), variants.get(5), variants.get(8), variants.get(14), variants.get(15))) {
            concurrent.add(measureConcurrent(v, clients));
        }
        printTable(clients + " concurrent clients (" + n + " requests per variant in all)", concurrent);
    }

    private static Variant dash(String endpoint, String name, String role, String token, String path) {
        return new Variant(endpoint, name, role, token, path, DASHBOARD_TARGET_MS);
    }

    private static Variant explore(String name, String role, String token, String query) {
        return new Variant("explorer", name, role, token, "/api/v1/explorer?" + query + "&limit=50", EXPLORER_TARGET_MS);
    }

    private Result measure(Variant v) {
        // The first call may refresh roll-ups for every day the generator marked: report it on its own.
        long t0 = System.nanoTime();
        HttpResponse<String> first = get(v.path(), v.token());
        double firstMs = (System.nanoTime() - t0) / 1e6;
        if (first.statusCode() != 200) {
            String note = first.statusCode() == 404 ? "endpoint missing (404)" : "HTTP " + first.statusCode() + ": "
                    + first.body().substring(0, Math.min(160, first.body().length())).replace('\n', ' ');
            Result r = new Result(v, 0, 0, 0, 0, firstMs, 1, note);
            out.printf("  %-12s %-46s %-8s %s%n", v.endpoint(), v.name(), v.role(), note);
            return r;
        }
        for (int i = 0; i < Math.max(5, n / 10); i++) {
            get(v.path(), v.token()); // warm-up
        }
        double[] latencies = new double[n];
        int count = 0;
        int errors = 0;
        long deadline = System.nanoTime() + cap.toNanos();
        while (count < n && System.nanoTime() < deadline) {
            long s = System.nanoTime();
            HttpResponse<String> r = get(v.path(), v.token());
            latencies[count++] = (System.nanoTime() - s) / 1e6;
            if (r.statusCode() != 200) {
                errors++;
            }
        }
        double[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        Result r = new Result(v, count, Load.percentile(sorted, 50), Load.percentile(sorted, 95), sorted[count - 1], firstMs, errors,
                null);
        out.printf("  %-12s %-46s %-8s n=%d p50 %.1f ms p95 %.1f ms max %.1f ms (first %.0f ms, %d bytes)%n", v.endpoint(), v.name(),
                v.role(), count, r.p50(), r.p95(), r.max(), firstMs, first.body().length());
        return r;
    }

    private Result measureConcurrent(Variant v, int clients) throws Exception {
        HttpResponse<String> probe = get(v.path(), v.token());
        if (probe.statusCode() != 200) {
            return new Result(v, 0, 0, 0, 0, 0, 1, probe.statusCode() == 404 ? "endpoint missing (404)" : "HTTP " + probe.statusCode());
        }
        Load.Run run = Load.concurrently(n, clients, i -> get(v.path(), v.token()).statusCode() == 200);
        Result r = new Result(v, n, Load.percentile(run.latencies(), 50), Load.percentile(run.latencies(), 95), run.max(), 0,
                run.failures(), null);
        out.printf("  %-12s %-46s %d clients: %.1f requests/s, p50 %.1f ms, p95 %.1f ms%n", v.endpoint(), v.name(), clients,
                run.perSecond(), r.p50(), r.p95());
        return r;
    }

    private void printTable(String title, List<Result> rows) {
        out.println();
        out.println(title);
        out.printf("%-12s | %-46s | %-7s | %4s | %8s | %8s | %8s | %9s | %6s | %s%n", "endpoint", "variant", "role", "n", "p50 ms",
                "p95 ms", "max ms", "first ms", "target", "met?");
        out.println("-".repeat(150));
        for (Result r : rows) {
            Variant v = r.variant();
            if (r.note() != null) {
                out.printf("%-12s | %-46s | %-7s | %4s | %8s | %8s | %8s | %9s | %6.0f | %s%n", v.endpoint(), v.name(), v.role(), "-",
                        "-", "-", "-", "-", v.target(), r.note());
            } else {
                out.printf("%-12s | %-46s | %-7s | %4d | %8.1f | %8.1f | %8.1f | %9.0f | %6.0f | %s%n", v.endpoint(), v.name(),
                        v.role(), r.count(), r.p50(), r.p95(), r.max(), r.first(), v.target(),
                        r.met() ? "yes" : "NO" + (r.errors() > 0 ? " (" + r.errors() + " errors)" : ""));
            }
        }
    }

    private String login(String email) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\""
                        + InsightsDataGenerator.PASSWORD + "\"}")).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login " + email + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("access_token").asString();
    }

    private HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofMinutes(15)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        }
    }

    private static String queryOne(DataSource ds, String sql, String... params) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            ResultSet rs = s.executeQuery();
            if (!rs.next()) {
                throw new IllegalStateException("no row for " + sql + " " + Arrays.toString(params));
            }
            return rs.getString(1);
        }
    }

    /** Runs ';'-separated statements as the application role (row-level security applies) and prints their rows. */
    static void runSql(DataSource app, String script, PrintStream out) throws Exception {
        try (Connection c = app.getConnection()) {
            c.setAutoCommit(false);
            for (String sql : script.split(";\\s*\n")) {
                if (sql.isBlank()) {
                    continue;
                }
                try (PreparedStatement set = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                    set.setString(1, InsightsDataGenerator.MAIN_TENANT);
                    set.execute();
                }
                out.println("-- " + sql.strip().replace('\n', ' '));
                long t0 = System.nanoTime();
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    boolean rows = s.execute();
                    if (rows) {
                        ResultSet rs = s.getResultSet();
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder line = new StringBuilder();
                            for (int i = 1; i <= columns; i++) {
                                line.append(i > 1 ? " | " : "").append(rs.getString(i));
                            }
                            out.println(line);
                        }
                    }
                }
                out.printf("-- %.1f ms%n%n", (System.nanoTime() - t0) / 1e6);
                c.commit();
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
