package io.verbatim.bench;

import io.verbatim.bench.InsightsBenchmarkCases.Variant;
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
 * <p>Run: {@code scripts/bench.sh insights [--generate-only|--skip-generate] [--data-dir DIR] [--n 200] [--clients 4]
 * [--max-seconds-per-variant 30] [--only REGEX [--concurrent]] [--sql FILE [--then-measure]]}; {@code --only} measures
 * the cases whose "endpoint name role" matches (and the concurrent ones only with {@code --concurrent}); {@code --sql}
 * runs the file's statements and exits, or goes on to the cases with {@code --then-measure} (one platform start).
 */
public final class InsightsBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The first field sales rep of the roster (agents 1-32 are CSRs, 33-46 inside sales, 47-60 field sales). */
    private static final String REP = "agent-47@";

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

    record Result(Variant variant, int count, double p50, double p95, double p99, double max, double first, int rows, int errors,
                  String note) {
        boolean met() {
            return note == null && errors == 0 && p95 <= InsightsBenchmarkCases.targetP95(variant)
                    && p99 <= InsightsBenchmarkCases.targetP99(variant);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = InsightsDataGenerator.options(args);
        Path dataDir = Path.of(options.getOrDefault("data-dir", "/work/bench-insights"));
        int n = Integer.parseInt(options.getOrDefault("n", "200"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "4"));
        Duration cap = Duration.ofSeconds(Long.parseLong(options.getOrDefault("max-seconds-per-variant", "30")));
        int port = freePort();
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = InsightsDataGenerator.startPlatform(dataDir, port)) {
            System.out.printf("Platform started on port %d in %.1f s (data dir %s)%n", port, (System.nanoTime() - start) / 1e9, dataDir);
            InsightsDataGenerator generator = InsightsDataGenerator.of(context, System.out)
                    .batchSize(Integer.parseInt(options.getOrDefault("batch", "10000"))).lean(options.containsKey("lean"));
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
                if (!options.containsKey("then-measure")) { // --then-measure: the cases too, on the same start
                    System.exit(0);
                }
            }
            boolean sales = options.containsKey("sales");
            if (!sales) {
                buildRollups(context, owner); // the sales and CSR metrics read V43's roll-ups, which triggers keep current
            }
            InsightsBenchmark bench = new InsightsBenchmark(port, n, cap, System.out);
            String only = sales ? "^(" + String.join("|", InsightsBenchmarkCases.SALES_ENDPOINTS) + ") " : options.get("only");
            bench.run(owner, InsightsDataGenerator.anchor(dataDir), clients, only,
                    only == null || options.containsKey("concurrent"));
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

    void run(DataSource owner, Instant anchor, int clients, String only, boolean concurrently) throws Exception {
        String tenant = InsightsDataGenerator.MAIN_TENANT;
        String domain = tenant + ".bench";
        String team = queryOne(owner, "SELECT team_id::text FROM users WHERE tenant_id = ? AND email = ?", tenant, "manager-1@" + domain);
        String agentId = queryOne(owner, "SELECT id::text FROM users WHERE tenant_id = ? AND email = ?", tenant, "agent-01@" + domain);
        // An agent outside the manager's team, for the admin's agent filter.
        String otherAgentId = queryOne(owner, "SELECT id::text FROM users WHERE tenant_id = ? AND email = ?", tenant, "agent-40@" + domain);
        String missed = queryOne(owner, "SELECT item_key FROM qa_item_results WHERE tenant_id = ? AND result = 'not_met' LIMIT 1", tenant);
        LocalDate to = anchor.atZone(ZoneOffset.UTC).toLocalDate();
        String repId = queryOne(owner, "SELECT id::text FROM users WHERE tenant_id = ? AND email = ?", tenant, REP + domain);
        InsightsBenchmarkCases.Context x = new InsightsBenchmarkCases.Context(login("admin@" + domain), login("manager-1@" + domain),
                login("agent-01@" + domain), team, agentId, otherAgentId, "from=" + to.minusDays(29) + "&to=" + to,
                "from=" + to.minusDays(364) + "&to=" + to, missed, "from=" + to.minusDays(6) + "&to=" + to,
                "from=" + to.minusDays(89) + "&to=" + to, login(REP + domain), repId, to.minusDays(1).toString());
        out.printf("Tenant %s; dates: last 30 days = %s, last 365 days = %s; team %s; agent %s; %d requests per variant "
                + "(at most %d s), sequential; targets p95 <= %.0f ms, p99 <= %.0f ms%n", tenant, x.d30(), x.d365(), team, agentId, n,
                cap.toSeconds(), InsightsBenchmarkCases.TARGET_P95_MS, InsightsBenchmarkCases.TARGET_P99_MS);

        List<Variant> all = new ArrayList<>(InsightsBenchmarkCases.dashboards(x));
        all.addAll(InsightsBenchmarkCases.explorer(x));
        all.addAll(InsightsBenchmarkCases.sales(x));
        List<Variant> variants = new ArrayList<>(all);
        if (only != null) {
            java.util.regex.Pattern wanted = java.util.regex.Pattern.compile(only);
            variants.removeIf(v -> !wanted.matcher(v.endpoint() + " " + v.name() + " " + v.role()).find());
        }
        for (Variant v : variants) {
            results.add(measure(v));
        }
        printTable("Sequential (one client)", results);

        // Concurrency: several clients at once on the pages' defaults.
        List<Result> concurrent = new ArrayList<>();
        if (concurrently) {
            for (int i : new int[] {0, 6, 9, 15, 16}) {
                concurrent.add(measureConcurrent(all.get(i), clients));
            }
            printTable(clients + " concurrent clients (" + n + " requests per variant in all)", concurrent);
        }
    }

    /** The path of the variant's page: the first, or the one reached by following the cursors before it. */
    private String pagePath(Variant v) {
        String path = v.path();
        for (int i = 1; i < v.page(); i++) {
            HttpResponse<String> r = get(path, v.token());
            if (r.statusCode() != 200) {
                return null;
            }
            JsonNode body = JSON.readTree(r.body());
            if (!body.path("next_cursor").isString()) {
                return null;
            }
            path = v.path() + "&cursor=" + URLEncoder.encode(body.path("next_cursor").asString(), StandardCharsets.UTF_8);
        }
        return path;
    }

    /** A fresh token per case: a whole run outlasts an access token (15 minutes). */
    private Variant signedIn(Variant v) {
        String email = switch (v.role()) {
            case "admin" -> "admin@";
            case "manager" -> "manager-1@";
            case "rep" -> REP;
            default -> "agent-01@";
        } + InsightsDataGenerator.MAIN_TENANT + ".bench";
        return new Variant(v.endpoint(), v.name(), v.role(), login(email), v.path(), v.page());
    }

    private Result measure(Variant given) {
        Variant v = signedIn(given);
        String path = pagePath(v);
        if (path == null) {
            out.printf("  %-12s %-52s %-8s no page %d%n", v.endpoint(), v.name(), v.role(), v.page());
            return new Result(v, 0, 0, 0, 0, 0, 0, 0, 0, "no page " + v.page());
        }
        // The first call may refresh roll-ups for every day the generator marked: report it on its own.
        long t0 = System.nanoTime();
        HttpResponse<String> first = get(path, v.token());
        double firstMs = (System.nanoTime() - t0) / 1e6;
        if (first.statusCode() != 200) {
            String note = first.statusCode() == 404 ? "endpoint missing (404)" : "HTTP " + first.statusCode() + ": "
                    + first.body().substring(0, Math.min(160, first.body().length())).replace('\n', ' ');
            out.printf("  %-12s %-52s %-8s %s%n", v.endpoint(), v.name(), v.role(), note);
            return new Result(v, 0, 0, 0, 0, 0, firstMs, 0, 1, note);
        }
        int rows = first.body().startsWith("{") && JSON.readTree(first.body()).path("items").isArray()
                ? JSON.readTree(first.body()).path("items").size() : -1;
        long warmDeadline = System.nanoTime() + cap.toNanos() / 4;
        for (int i = 0; i < Math.max(5, n / 10) && System.nanoTime() < warmDeadline; i++) {
            get(path, v.token()); // warm-up
        }
        double[] latencies = new double[n];
        int count = 0;
        int errors = 0;
        long deadline = System.nanoTime() + cap.toNanos();
        while (count < n && System.nanoTime() < deadline) {
            long s = System.nanoTime();
            HttpResponse<String> r = get(path, v.token());
            latencies[count++] = (System.nanoTime() - s) / 1e6;
            if (r.statusCode() != 200) {
                errors++;
            }
        }
        double[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        Result r = new Result(v, count, Load.percentile(sorted, 50), Load.percentile(sorted, 95), Load.percentile(sorted, 99),
                sorted[count - 1], firstMs, rows, errors, null);
        out.printf("  %-12s %-52s %-8s n=%d p50 %.1f p95 %.1f p99 %.1f max %.1f ms (first %.0f ms, %d rows)%n", v.endpoint(),
                v.name(), v.role(), count, r.p50(), r.p95(), r.p99(), r.max(), firstMs, rows);
        return r;
    }

    private Result measureConcurrent(Variant given, int clients) throws Exception {
        Variant v = signedIn(given);
        HttpResponse<String> probe = get(v.path(), v.token());
        if (probe.statusCode() != 200) {
            return new Result(v, 0, 0, 0, 0, 0, 0, 0, 1, "HTTP " + probe.statusCode());
        }
        Load.Run run = Load.concurrently(n, clients, i -> get(v.path(), v.token()).statusCode() == 200);
        Result r = new Result(v, n, Load.percentile(run.latencies(), 50), Load.percentile(run.latencies(), 95),
                Load.percentile(run.latencies(), 99), run.max(), 0, -1, run.failures(), null);
        out.printf("  %-12s %-52s %d clients: %.1f requests/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", v.endpoint(), v.name(),
                clients, run.perSecond(), r.p50(), r.p95(), r.p99());
        return r;
    }

    private void printTable(String title, List<Result> rows) {
        out.println();
        out.println(title);
        out.printf("%-12s | %-52s | %-7s | %4s | %5s | %8s | %8s | %8s | %8s | %9s | %s%n", "endpoint", "variant", "role", "n", "rows",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "first ms", "met?");
        out.println("-".repeat(150));
        int met = 0;
        for (Result r : rows) {
            Variant v = r.variant();
            met += r.met() ? 1 : 0;
            if (r.note() != null) {
                out.printf("%-12s | %-52s | %-7s | %s%n", v.endpoint(), v.name(), v.role(), r.note());
            } else {
                out.printf("%-12s | %-52s | %-7s | %4d | %5d | %8.1f | %8.1f | %8.1f | %8.1f | %9.0f | %s%n", v.endpoint(), v.name(),
                        v.role(), r.count(), r.rows(), r.p50(), r.p95(), r.p99(), r.max(), r.first(),
                        r.met() ? "yes" : "NO" + (r.errors() > 0 ? " (" + r.errors() + " errors)" : ""));
            }
        }
        out.printf("%d of %d cases meet their targets (dashboards and explorer p95 <= %.0f ms and p99 <= %.0f ms; "
                + "sales and CSR metrics p95 <= %.0f ms)%n", met, rows.size(), InsightsBenchmarkCases.TARGET_P95_MS,
                InsightsBenchmarkCases.TARGET_P99_MS, InsightsBenchmarkCases.SALES_TARGET_P95_MS);
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
