package io.verbatim.bench;

import io.verbatim.bench.InsightsDataGenerator.Agent;
import io.verbatim.bench.InsightsDataGenerator.Roster;
import io.verbatim.bench.InsightsDataGenerator.TenantSpec;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.identity.UserProvisioning;
import io.verbatim.tenancy.TenantId;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The issue-13 side of the insights bench data: contact cards (before the conversations, which point to them),
 * then appointments and leads (after). Everything is a pure function of the tenant, its size and a row index, so
 * the conversation generator can compute the card of conversation {@code i} and the appointment a field visit
 * recorded without a look-up, and a resumed load continues where the last one stopped.
 *
 * <p>Shapes, per tenant of N conversations: {@code 2N/5} cards (callers call 2.5 times on average), {@code 3N/10}
 * appointments (300,000 at a million) on a grid of days x {@value #REPS} sales reps x {@value #SLOTS} one-hour slots
 * a day (12:00-23:00 UTC), so the database's no-double-booking constraint holds; the grid runs {@value #FUTURE_DAYS}
 * days past the anchor (scheduled) and a year back. A field visit recorded in a slot of its rep's grid points to that
 * appointment ({@code attributes.appointment_id}, as recording sessions set it). Leads: one for 3 cards in 5. Missed calls are the inbound phone
 * calls no agent answered (the conversation generator marks them as CallRail marks a missed call).
 */
final class SalesDataGenerator {

    static final int REPS = 80;
    static final int SLOTS = 11;
    static final int FIRST_SLOT_HOUR = 12;
    static final int FUTURE_DAYS = 14;
    /** The grid's days: a year back from the anchor and {@link #FUTURE_DAYS} ahead. */
    static final int DAYS = 365 + FUTURE_DAYS;
    private static final String CARD_COLUMNS = "id, tenant_id, primary_phone, email, first_name, last_name, full_name, "
            + "address_line1, city, state, zip, country, source, property, last_call_summary, primary_intent, tags, created_at, updated_at";
    private static final String APPOINTMENT_COLUMNS = "id, tenant_id, contact_card_id, sales_rep_id, booked_by_id, service_type, "
            + "scheduled_start, scheduled_end, status, outcome, deal_value, created_at, updated_at";
    private static final String LEAD_COLUMNS = "id, tenant_id, contact_card_id, stage, qualification, source, csr_user_id, "
            + "assigned_rep_user_id, last_activity_at, created_at, updated_at";
    private static final String[] CITIES = {"Austin|TX|787", "Denver|CO|802", "Phoenix|AZ|850", "Tampa|FL|336", "Raleigh|NC|276",
        "Columbus|OH|432", "Sacramento|CA|958", "Nashville|TN|372"};
    private static final String[] SERVICES = {"roof inspection", "roof replacement", "solar consultation", "HVAC estimate",
        "water heater install", "plumbing repair"};

    private final DataSource owner;
    private final UserProvisioning provisioning;
    private final PrintStream out;
    private final int batchSize;

    SalesDataGenerator(DataSource owner, UserProvisioning provisioning, PrintStream out, int batchSize) {
        this.owner = owner;
        this.provisioning = provisioning;
        this.out = out;
        this.batchSize = Math.max(1000, batchSize * 2);
    }

    // ------------------------------------------------------------------------------------------ pure functions

    static int cards(int conversations) {
        return Math.max(1, conversations * 2 / 5);
    }

    /** 300,000 at a million conversations; at most what the grid holds. */
    static int appointments(int conversations) {
        return Math.min(DAYS * REPS * SLOTS, conversations * 3 / 10);
    }

    static int leads(int conversations) {
        return cards(conversations) / 5 * 3;
    }

    static long mix(long x) {
        x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
        x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }

    /** The card of conversation {@code i}: some callers call often, most once or twice. */
    static int cardOf(TenantSpec spec, int conversation) {
        int n = cards(spec.conversations());
        long h = mix(spec.seed() * 1_000_003L + conversation);
        // u^1.5 skews toward low card numbers: a few frequent callers, most call once or twice.
        double u = (h >>> 11) * 0x1.0p-53;
        return (int) Math.min(n - 1, (long) (u * Math.sqrt(u) * n));
    }

    static UUID id(TenantSpec spec, String kind, long index) {
        return UUID.nameUUIDFromBytes((spec.id() + ":" + kind + ":" + index).getBytes(StandardCharsets.UTF_8));
    }

    static String cardPhone(int card) {
        return String.format(Locale.ROOT, "+1%03d555%04d", 200 + card / 10_000, card % 10_000);
    }

    static String cardFirst(int card) {
        return PhraseBank.FIRST[card % PhraseBank.FIRST.length];
    }

    static String cardLast(int card) {
        return PhraseBank.LAST[(card / PhraseBank.FIRST.length + card * 7) % PhraseBank.LAST.length];
    }

    static String cardEmail(int card) {
        return card % 5 < 2 ? (cardFirst(card) + "." + cardLast(card) + "." + card + "@example.com").toLowerCase(Locale.ROOT) : null;
    }

    /**
     * The appointment a field visit of the {@code fieldRep}-th field agent starting at {@code started} was recorded
     * on, or -1 when the grid has none then.
     */
    static long appointmentAt(TenantSpec spec, Instant anchor, int fieldRep, Instant started) {
        LocalDate anchorDay = anchor.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate day = started.atZone(ZoneOffset.UTC).toLocalDate();
        int slot = Math.min(SLOTS - 1, Math.max(0, started.atZone(ZoneOffset.UTC).getHour() - FIRST_SLOT_HOUR));
        long dayIndex = FUTURE_DAYS - ChronoUnit.DAYS.between(anchorDay, day);
        long j = ((long) slot * REPS + fieldRep) * DAYS + dayIndex;
        return fieldRep < 0 || fieldRep >= REPS || dayIndex < 0 || dayIndex >= DAYS || j >= appointments(spec.conversations()) ? -1 : j;
    }

    // ------------------------------------------------------------------------------------------ users

    /** The roster's field reps first (their visits are recorded), then bench reps up to {@value #REPS}. */
    List<UUID> reps(TenantId tenant, Roster roster) {
        List<UUID> reps = new ArrayList<>();
        roster.field().forEach(a -> reps.add(a.id()));
        UUID team = roster.field().getFirst().teamId();
        String domain = tenant.value() + ".bench";
        for (int k = reps.size() + 1; reps.size() < REPS; k++) {
            reps.add(provisioning.ensureUser(tenant, String.format("rep-%02d@%s", k, domain), "Rep " + k, null, Role.AGENT,
                    AgentKind.SALES_REP, team));
        }
        return reps;
    }

    // ------------------------------------------------------------------------------------------ loading

    /** Contact cards: before the conversations. */
    void loadCards(TenantSpec spec, Instant anchor) throws Exception {
        int n = cards(spec.conversations());
        load(spec, "contact_card", CARD_COLUMNS, n, (sb, k) -> card(sb, spec, anchor, k));
    }

    /** Appointments and leads: after the conversations. */
    void loadAppointmentsAndLeads(TenantSpec spec, Roster roster, Instant anchor) throws Exception {
        List<UUID> reps = reps(new TenantId(spec.id()), roster);
        List<Agent> csrs = roster.support();
        int appointments = appointments(spec.conversations());
        load(spec, "appointments", APPOINTMENT_COLUMNS, appointments,
                (sb, j) -> appointment(sb, spec, anchor, reps, csrs, j));
        int leads = leads(spec.conversations());
        load(spec, "leads", LEAD_COLUMNS, leads, (sb, j) -> lead(sb, spec, anchor, reps, csrs, j));
    }

    /**
     * For conversations loaded before this generator existed: marks the unanswered inbound phone calls missed and
     * points each field visit to its rep's appointment in the same slot, as {@link InsightsDataGenerator} does now.
     */
    void markExisting(TenantSpec spec) throws Exception {
        try (Connection c = owner.getConnection(); PreparedStatement missed = c.prepareStatement("""
                UPDATE conversations SET attributes = attributes || '{"call_type": "missed"}'
                WHERE tenant_id = ? AND channel = 'phone' AND direction = 'inbound' AND agent_user_id IS NULL
                  AND missed_reason IS NULL""");
             PreparedStatement visits = c.prepareStatement("""
                UPDATE conversations c SET attributes = c.attributes || jsonb_build_object('appointment_id', a.id::text)
                FROM appointments a
                WHERE c.tenant_id = ? AND c.channel = 'field_visit' AND c.attributes ->> 'appointment_id' IS NULL
                  AND a.tenant_id = c.tenant_id AND a.sales_rep_id = c.agent_user_id
                  AND a.scheduled_start = (date_trunc('day', c.occurred_at AT TIME ZONE 'UTC') + make_interval(hours =>
                      12 + least(10, greatest(0, extract(hour FROM c.occurred_at AT TIME ZONE 'UTC')::int - 12)))) AT TIME ZONE 'UTC'
                """)) {
            long t0 = System.nanoTime();
            missed.setString(1, spec.id());
            int m = missed.executeUpdate();
            visits.setString(1, spec.id());
            int v = visits.executeUpdate();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE contact_card, contact_phones, appointments, leads, conversations");
            }
            out.printf("%s: %,d calls marked missed, %,d visits pointed to their appointment, analysed, in %.1f s%n", spec.id(),
                    m, v, (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * The tables the deferred triggers keep ({@link InsightsDataGenerator#DEFERRED_TRIGGERS}) rebuilt for the tenant from
     * their definitions, as V49 and V50 backfilled them: the end state the row triggers would have left, in one set-based
     * pass instead of one refresh per inserted row. Run after every load, so an interrupted one is made whole by the next.
     */
    void rebuildRollups(TenantSpec spec) throws Exception {
        String[][] tables = {
            {"csr_contact_days", "csr_contact_days_of(?, '-infinity', 'infinity')"},
            {"csr_objection_days", "csr_objection_days_of(?, '-infinity', 'infinity')"},
            {"sales_rep_days", "sales_rep_days_of(?, '-infinity', 'infinity')"},
            {"csr_days", "csr_days_of(?)"},
            {"csr_months", "csr_months_of(?)"},
            {"csr_contact_repeats", "csr_contact_repeats_of(?)"},
            {"sales_rep_months", "sales_rep_months_of(?)"},
            {"lead_responses", "lead_responses_of(?, NULL)"}};
        long t0 = System.nanoTime();
        try (Connection c = owner.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (String[] t : tables) {
                    try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + t[0] + " WHERE tenant_id = ?");
                         PreparedStatement insert = c.prepareStatement("INSERT INTO " + t[0] + " SELECT * FROM " + t[1])) {
                        delete.setString(1, spec.id());
                        delete.executeUpdate();
                        insert.setString(1, spec.id());
                        insert.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("ANALYZE " + String.join(", ", java.util.Arrays.stream(tables).map(t -> t[0]).toList()));
            }
        }
        out.printf("%s: sales and CSR roll-ups and speed-to-lead rows rebuilt in %.1f s%n", spec.id(), (System.nanoTime() - t0) / 1e9);
    }

    interface Row {
        void write(StringBuilder sb, int index);
    }

    private void load(TenantSpec spec, String table, String columns, int total, Row row) throws Exception {
        long existing = count(table, spec.id());
        if (existing >= total) {
            out.printf("%s: %,d %s already loaded%n", spec.id(), existing, table);
            return;
        }
        long t0 = System.nanoTime();
        for (int from = (int) existing; from < total; from += batchSize) {
            int to = Math.min(total, from + batchSize);
            StringBuilder sb = new StringBuilder(1 << 22);
            for (int i = from; i < to; i++) {
                row.write(sb, i);
            }
            try (Connection c = owner.getConnection()) {
                c.setAutoCommit(false);
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                try (Statement s = c.createStatement()) {
                    // The appointments' roll-up trigger refreshes a CSR's and a rep's day per row: off for the batch, the
                    // tables are rebuilt after the load (rebuildRollups).
                    InsightsDataGenerator.deferTriggers(s, true, table);
                    // COPY is refused on tables with row-level security, even for the owner: a staging table, then one INSERT.
                    s.execute("CREATE TEMP TABLE stage_" + table + " ON COMMIT DROP AS SELECT " + columns + " FROM " + table
                            + " WITH NO DATA");
                    copy.copyIn("COPY stage_" + table + " (" + columns + ") FROM STDIN",
                            new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), 1 << 20);
                    s.execute("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM stage_" + table);
                    InsightsDataGenerator.deferTriggers(s, false, table);
                }
                c.commit();
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        out.printf("%s: %,d %s rows in %.1f s (%,.0f rows/s)%n", spec.id(), total - existing, table, s, (total - existing) / s);
    }

    private long count(String table, String tenant) throws Exception {
        try (Connection c = owner.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE tenant_id = ?")) {
            s.setString(1, tenant);
            ResultSet rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------------------------------ rows

    private static void card(StringBuilder sb, TenantSpec spec, Instant anchor, int k) {
        SplittableRandom rng = new SplittableRandom(mix(spec.seed() * 31 + k));
        String[] city = CITIES[rng.nextInt(CITIES.length)].split("\\|");
        String first = cardFirst(k);
        String last = cardLast(k);
        Instant created = anchor.minus(370, ChronoUnit.DAYS).plusSeconds(rng.nextInt(3600 * 24 * 10));
        f(sb, id(spec, "card", k).toString());
        f(sb, spec.id());
        f(sb, cardPhone(k));
        f(sb, cardEmail(k));
        f(sb, first);
        f(sb, last);
        f(sb, first + " " + last);
        f(sb, (100 + rng.nextInt(9800)) + " " + PhraseBank.STREETS[rng.nextInt(PhraseBank.STREETS.length)]);
        f(sb, city[0]);
        f(sb, city[1]);
        f(sb, city[2] + String.format(Locale.ROOT, "%02d", rng.nextInt(100)));
        f(sb, "US");
        f(sb, rng.nextInt(10) < 6 ? "callrail" : "verbatim");
        f(sb, String.format(Locale.ROOT, "{\"property_type\": \"%s\", \"roof_type\": \"%s\", \"square_feet\": %d, \"year_built\": %d}",
                rng.nextInt(5) == 0 ? "condo" : "single_family", rng.nextBoolean() ? "asphalt_shingle" : "tile",
                900 + rng.nextInt(3200), 1950 + rng.nextInt(74)));
        f(sb, rng.nextInt(3) == 0 ? null : "Asked about a " + SERVICES[rng.nextInt(SERVICES.length)]);
        f(sb, rng.nextInt(3) == 0 ? null : "get_quote");
        f(sb, rng.nextInt(4) == 0 ? "{repeat-caller}" : "{}");
        f(sb, created.toString());
        l(sb, created.toString());
    }

    private static void appointment(StringBuilder sb, TenantSpec spec, Instant anchor, List<UUID> reps, List<Agent> csrs, int j) {
        SplittableRandom rng = new SplittableRandom(mix(spec.seed() * 37 + j));
        // Day first, so that every size spreads its appointments over the whole year; then rep, then slot.
        int dayIndex = j % DAYS;
        int rep = j / DAYS % REPS;
        int slot = j / DAYS / REPS;
        LocalDate anchorDay = anchor.atZone(ZoneOffset.UTC).toLocalDate();
        Instant start = anchorDay.plusDays(FUTURE_DAYS - dayIndex).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plus(FIRST_SLOT_HOUR + slot, ChronoUnit.HOURS);
        boolean past = start.plus(1, ChronoUnit.HOURS).isBefore(anchor);
        double u = rng.nextDouble();
        String status = !past ? (u < 0.05 ? "cancelled" : "scheduled")
                : u < 0.78 ? "completed" : u < 0.86 ? "no_show" : u < 0.92 ? "cancelled" : "scheduled";
        String outcome = "open";
        String deal = null;
        if (status.equals("completed")) {
            double o = rng.nextDouble();
            outcome = o < 0.32 ? "closed_won" : o < 0.78 ? "closed_lost" : "open";
            if (outcome.equals("closed_won")) {
                deal = String.format(Locale.ROOT, "%.2f", Math.min(95000, Math.max(1500, 14000 * Math.exp(rng.nextGaussian() * 0.4))));
            }
        }
        Instant created = start.minus(1 + rng.nextInt(10), ChronoUnit.DAYS).minusSeconds(rng.nextInt(36000));
        if (created.isAfter(anchor)) {
            created = anchor.minusSeconds(3600 + rng.nextInt(36000));
        }
        int card = (int) Math.floorMod(mix(spec.seed() * 41 + j), (long) cards(spec.conversations()));
        f(sb, id(spec, "appointment", j).toString());
        f(sb, spec.id());
        f(sb, id(spec, "card", card).toString());
        f(sb, reps.get(rep).toString());
        f(sb, rng.nextInt(10) == 0 ? null : csrs.get(rng.nextInt(csrs.size())).id().toString());
        f(sb, SERVICES[rng.nextInt(SERVICES.length)]);
        f(sb, start.toString());
        f(sb, start.plus(1, ChronoUnit.HOURS).toString());
        f(sb, status);
        f(sb, outcome);
        f(sb, deal);
        f(sb, created.toString());
        l(sb, (past ? start.plus(2, ChronoUnit.HOURS) : created).toString());
    }

    private static void lead(StringBuilder sb, TenantSpec spec, Instant anchor, List<UUID> reps, List<Agent> csrs, int n) {
        int card = n / 3 * 5 + n % 3;
        SplittableRandom rng = new SplittableRandom(mix(spec.seed() * 43 + card));
        double u = rng.nextDouble();
        String stage = u < 0.15 ? "new" : u < 0.30 ? "qualified" : u < 0.40 ? "pending" : u < 0.75 ? "booked" : "dead";
        double q = rng.nextDouble();
        String qualification = q < 0.2 ? "hot" : q < 0.5 ? "warm" : q < 0.8 ? "cold" : "unqualified";
        boolean assigned = !stage.equals("new") && !stage.equals("dead") || rng.nextInt(4) == 0;
        Instant activity = anchor.minusSeconds(3600 + (long) rng.nextInt(364 * 24) * 3600);
        f(sb, id(spec, "lead", n).toString());
        f(sb, spec.id());
        f(sb, id(spec, "card", card).toString());
        f(sb, stage);
        f(sb, qualification);
        f(sb, rng.nextBoolean() ? "phone" : "callrail");
        f(sb, csrs.get(rng.nextInt(csrs.size())).id().toString());
        f(sb, assigned ? reps.get(rng.nextInt(REPS)).toString() : null);
        f(sb, activity.toString());
        f(sb, activity.minus(rng.nextInt(30), ChronoUnit.DAYS).toString());
        l(sb, activity.toString());
    }

    private static void f(StringBuilder sb, String v) {
        InsightsDataGenerator.field(sb, v);
    }

    private static void l(StringBuilder sb, String v) {
        InsightsDataGenerator.last(sb, v);
    }
}
