package io.verbatim.insights;

import io.verbatim.conversations.Visibility;
import io.verbatim.insights.DaySeries.Slice;
import io.verbatim.platform.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The figures behind the Business Overview, QA Overview and Agent Performance pages, from the daily roll-ups. */
@Service
public class Dashboards {

    static final int TOP = 10;

    private final JdbcClient jdbc;
    private final Rollups rollups;
    private final TransactionTemplate reads;
    /** Whole months from the monthly roll-ups (V52); false only for the equivalence test's daily-only reference. */
    private final boolean monthly;

    @org.springframework.beans.factory.annotation.Autowired
    public Dashboards(JdbcClient jdbc, Rollups rollups, PlatformTransactionManager transactions) {
        this(jdbc, rollups, transactions, true);
    }

    Dashboards(JdbcClient jdbc, Rollups rollups, PlatformTransactionManager transactions, boolean monthly) {
        this.monthly = monthly;
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
    }

    public BusinessOverview business(Period period, Visibility visibility) {
        boolean fresh = rollups.refreshIfSmall();
        return read(() -> {
            RollupScope scope = scoped(RollupScope.of(period, null, visibility));
            // Per day only what the charts draw (volume, sentiment); the totals from whole months where it can.
            List<Slice> slices = jdbc.sql("""
                    SELECT c.day, c.direction, c.channel, c.source, %s FROM %s c
                    WHERE %s GROUP BY c.day, c.direction, c.channel, c.source""".formatted(Measures.VOLUME_SUMS, scope.dayStats(),
                            scope.where()))
                    .params(scope.params()).query((rs, n) -> new Slice(rs.getObject("day", LocalDate.class),
                            rs.getString("direction"), rs.getString("channel"), rs.getString("source"), Measures.read(rs)))
                    .list();
            Measures total = total(scope);
            Map<String, List<Count>> counts = counts(scope);
            Map<String, Long> sentimentMix = new LinkedHashMap<>();
            sentimentMix.put("positive", total.positive());
            sentimentMix.put("neutral", total.neutral());
            sentimentMix.put("negative", total.negative());
            Map<String, Long> qualification = new LinkedHashMap<>();
            qualification.put("hot", total.hot());
            qualification.put("warm", total.warm());
            qualification.put("cold", total.cold());
            qualification.put("unqualified", total.unqualified());
            return new BusinessOverview(period, total.totals(), DaySeries.volume(period, slices, Slice::direction),
                    DaySeries.volume(period, slices, Slice::channel), DaySeries.volume(period, slices, Slice::source),
                    DaySeries.sentiment(period, slices),
                    sentimentMix, qualification, counts.getOrDefault("call_reason", List.of()),
                    counts.getOrDefault("objection", List.of()), counts.getOrDefault("tracker", List.of()), !fresh);
        });
    }

    public QaOverview qa(Period period, Visibility visibility) {
        boolean fresh = rollups.refreshIfSmall();
        return read(() -> {
            RollupScope scope = scoped(RollupScope.of(period, null, visibility));
            List<Slice> days = perDay(scope, Measures.QA_SUMS);
            // The totals and the score histogram in one pass. Only rows with a score count towards the histogram, as
            // before V52: the last bucket of a day's row also counts its unscored calls (least() ignores the NULL).
            List<Long> histogram = new ArrayList<>(java.util.Collections.nCopies(10, 0L));
            StringBuilder buckets = new StringBuilder();
            for (int i = 1; i <= 10; i++) {
                buckets.append(", sum(c.qa_histogram[").append(i).append("]) FILTER (WHERE c.qa_n > 0) AS h").append(i);
            }
            Measures total = jdbc.sql("SELECT %s%s FROM %s c".formatted(Measures.SUMS, buckets, scope.span("stats")))
                    .params(scope.params()).query((rs, n) -> {
                        for (int i = 1; i <= 10; i++) {
                            histogram.set(i - 1, rs.getLong("h" + i));
                        }
                        return Measures.read(rs);
                    }).single();
            List<ItemRow> items = items(scope);
            Map<String, long[]> sections = new TreeMap<>();
            for (ItemRow item : items) {
                long[] s = sections.computeIfAbsent(item.scorecard() + "\u0000" + item.section(), k -> new long[2]);
                s[0] += item.met();
                s[1] += item.notMet();
            }
            List<QaOverview.SectionScore> sectionScores = sections.entrySet().stream().map(e -> {
                String[] key = e.getKey().split("\u0000", 2);
                return new QaOverview.SectionScore(key[0], key[1], e.getValue()[0], e.getValue()[1],
                        ratio(e.getValue()[0], e.getValue()[0] + e.getValue()[1]));
            }).toList();
            Map<String, List<Double>> values = new LinkedHashMap<>();
            values.put("average_score", DaySeries.perDayValues(period, days, m -> ratio(m.qaSum(), m.qaN())));
            values.put("scored", DaySeries.perDayCounts(period, days, Measures::qaN));
            values.put("auto_failed", DaySeries.perDayCounts(period, days, Measures::autoFailed));
            return new QaOverview(period, total.qaN(), ratio(total.qaSum(), total.qaN()), total.autoFailed(),
                    new Series(period.from().datesUntil(period.to().plusDays(1)).toList(), values), histogram, sectionScores,
                    mostMissed(items), !fresh);
        });
    }

    public AgentPerformance.Ranking agents(Period period, Visibility visibility) {
        boolean fresh = rollups.refreshIfSmall();
        return read(() -> new AgentPerformance.Ranking(period, agentRows(scoped(RollupScope.perAgent(period, visibility))), !fresh));
    }

    /** One agent's page; 404 when the agent has no conversations the caller may see in the period. */
    public AgentPerformance.Detail agent(String agentKey, Period period, Visibility visibility) {
        boolean fresh = rollups.refreshIfSmall();
        return read(() -> {
            RollupScope scope = scoped(RollupScope.of(period, agentKey, visibility));
            List<AgentPerformance> rows = agentRows(scope);
            if (rows.isEmpty()) {
                throw ProblemException.notFound("agent");
            }
            List<Slice> days = perDay(scope, Measures.SUMS);
            Map<String, List<Double>> values = new LinkedHashMap<>();
            values.put("conversations", DaySeries.perDayCounts(period, days, Measures::conversations));
            values.put("average_score", DaySeries.perDayValues(period, days, m -> ratio(m.qaSum(), m.qaN())));
            values.put("customer_sentiment", DaySeries.perDayValues(period, days, Measures::sentimentScore));
            values.put("average_handle_seconds",
                    DaySeries.perDayValues(period, days, m -> ratio(m.durationSum(), m.durationN())));
            Map<String, List<Count>> counts = counts(scope);
            return new AgentPerformance.Detail(rows.getFirst(),
                    new Series(period.from().datesUntil(period.to().plusDays(1)).toList(), values), mostMissed(items(scope)),
                    counts.getOrDefault("objection", List.of()), counts.getOrDefault("call_reason", List.of()), !fresh);
        });
    }

    /** Whether an agent key names an agent with conversations visible to the caller at any time. */
    @Transactional(readOnly = true)
    public boolean agentExists(String agentKey, Visibility visibility) {
        RollupScope scope = RollupScope.anyTime(agentKey, visibility);
        return jdbc.sql("SELECT 1 FROM " + scope.stats() + " c WHERE " + scope.where() + " LIMIT 1")
                .params(scope.params()).query(Integer.class).optional().isPresent();
    }

    /** Teams the caller may filter on: a team-scoped manager only their own. */
    public List<Option> teams(Visibility visibility) {
        UUID team = visibility.scope() == Visibility.Scope.TEAM ? visibility.teamId() : null;
        return read(() -> jdbc.sql("""
                        SELECT id, name FROM teams WHERE tenant_id = :tenant AND (CAST(:team AS uuid) IS NULL OR id = :team)
                        ORDER BY name""")
                .param("tenant", io.verbatim.tenancy.TenantContext.require().value()).param("team", team)
                .query((rs, n) -> new Option(rs.getString("id"), rs.getString("name"))).list());
    }

    /** Agents the caller may filter on (agents: themselves). */
    public List<Option> agentOptions(Visibility visibility) {
        UUID team = visibility.scope() == Visibility.Scope.TEAM ? visibility.teamId() : null;
        UUID self = visibility.scope() == Visibility.Scope.OWN ? visibility.userId() : null;
        return read(() -> jdbc.sql("""
                        SELECT id, name FROM users WHERE tenant_id = :tenant AND role = 'agent' AND active
                            AND (CAST(:team AS uuid) IS NULL OR team_id = :team) AND (CAST(:self AS uuid) IS NULL OR id = :self)
                        ORDER BY name""")
                .param("tenant", io.verbatim.tenancy.TenantContext.require().value()).param("team", team).param("self", self)
                .query((rs, n) -> new Option(rs.getString("id"), rs.getString("name"))).list());
    }

    // --- queries -------------------------------------------------------------------------------------

    private RollupScope scoped(RollupScope scope) {
        return monthly ? scope : scope.dailyOnly();
    }

    /** The period's sums: whole months from the monthly roll-ups, the other days from the daily ones. */
    private Measures total(RollupScope scope) {
        return jdbc.sql("SELECT %s FROM %s c".formatted(Measures.SUMS, scope.span("stats")))
                .params(scope.params()).query((rs, n) -> Measures.read(rs)).single();
    }

    private List<Slice> perDay(RollupScope scope, String sums) {
        return jdbc.sql("SELECT c.day, %s FROM %s c WHERE %s GROUP BY c.day"
                        .formatted(sums, scope.dayStats(), scope.where()))
                .params(scope.params())
                .query((rs, n) -> new Slice(rs.getObject("day", LocalDate.class), null, null, null, Measures.read(rs)))
                .list();
    }

    private Map<String, List<Count>> counts(RollupScope scope) {
        Map<String, List<Count>> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT kind, key, n FROM (
                    SELECT c.kind, c.key, sum(c.conversations) AS n,
                           row_number() OVER (PARTITION BY c.kind ORDER BY sum(c.conversations) DESC, c.key) AS rank
                    FROM %s c GROUP BY c.kind, c.key) ranked
                WHERE rank <= %d ORDER BY kind, n DESC, key""".formatted(scope.span("counts"), TOP))
                .params(scope.params())
                .query((rs, n) -> counts.computeIfAbsent(rs.getString("kind"), k -> new ArrayList<>())
                        .add(new Count(rs.getString("key"), rs.getLong("n"))))
                .list();
        return counts;
    }

    private record ItemRow(String scorecard, String section, String item, long met, long notMet) {
    }

    private List<ItemRow> items(RollupScope scope) {
        return jdbc.sql("""
                SELECT c.scorecard, c.section, c.item_key, sum(c.met) AS met, sum(c.not_met) AS not_met
                FROM %s c GROUP BY c.scorecard, c.section, c.item_key""".formatted(scope.span("items")))
                .params(scope.params())
                .query((rs, n) -> new ItemRow(rs.getString("scorecard"), rs.getString("section"), rs.getString("item_key"),
                        rs.getLong("met"), rs.getLong("not_met")))
                .list();
    }

    private static List<QaOverview.ItemMisses> mostMissed(List<ItemRow> items) {
        return items.stream().filter(i -> i.notMet() > 0)
                .map(i -> new QaOverview.ItemMisses(i.scorecard(), i.section(), i.item(), i.met(), i.notMet(),
                        ratio(i.notMet(), i.met() + i.notMet())))
                .sorted(Comparator.comparingLong(QaOverview.ItemMisses::notMet).reversed()
                        .thenComparing(QaOverview.ItemMisses::item))
                .limit(TOP).toList();
    }

    private List<AgentPerformance> agentRows(RollupScope scope) {
        return jdbc.sql("""
                SELECT s.*, u.name AS user_name, tm.id AS team, tm.name AS team_name FROM (
                    SELECT c.agent_key, c.agent_user_id, max(c.agent_name) AS agent_name, max(c.team_id::text) AS any_team, %s
                    FROM %s c WHERE c.agent_key <> ''
                    GROUP BY c.agent_key, c.agent_user_id) s
                LEFT JOIN users u ON u.id = s.agent_user_id
                LEFT JOIN teams tm ON tm.id = coalesce(u.team_id, CAST(s.any_team AS uuid))
                ORDER BY s.conversations DESC, s.agent_key""".formatted(Measures.SUMS, scope.span("stats")))
                .params(scope.params())
                .query((rs, n) -> agent(rs))
                .list();
    }

    private static AgentPerformance agent(ResultSet rs) throws SQLException {
        Measures m = Measures.read(rs);
        String name = rs.getString("user_name") != null ? rs.getString("user_name") : rs.getString("agent_name");
        String key = rs.getString("agent_key");
        return new AgentPerformance(key, rs.getObject("agent_user_id", UUID.class),
                name != null ? name : key.startsWith("ref:") ? key.substring(4) : key,
                rs.getObject("team", UUID.class), rs.getString("team_name"), m.conversations(),
                ratio(m.durationSum(), m.durationN()), ratio(m.qaSum(), m.qaN()), m.sentimentScore(),
                ratio(m.positive(), m.analysed()), ratio(m.negative(), m.analysed()), ratio(m.talkRatioSum(), m.talkRatioN()),
                ratio(m.monologueSum(), m.analysed()), ratio(m.interruptions(), m.analysed()), ratio(m.questions(), m.analysed()),
                ratio(m.booked(), m.bookingKnown()), ratio(m.won(), m.won() + m.lost()));
    }

    static Double ratio(double part, double whole) {
        return whole == 0 ? null : part / whole;
    }

    /** Roll-up reads run in one read-only transaction for the tenant (RLS), after any refresh committed. */
    private <T> T read(java.util.function.Supplier<T> work) {
        return reads.execute(s -> {
            // Plans for the actual period and scope every time. After five runs the driver's prepared statements get a
            // generic plan, which guesses a range of days matches a few rows (28 for a year at 1M calls, 7,151 read):
            // a year of a manager's team days was then read row by row through the day index, one page visit per row.
            // No parallel workers: a roll-up read sums a few thousand rows, and starting two cost more than they saved
            // (with statistics, a manager's year of counts planned two workers: 29-35 ms warm, where the admin's serial
            // plan over more rows took 7 ms); on a small server they would also take cores from the requests beside it.
            // Both transaction-local, in one round trip.
            jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true), "
                    + "set_config('max_parallel_workers_per_gather', '0', true)").query().singleRow();
            return work.get();
        });
    }
}
