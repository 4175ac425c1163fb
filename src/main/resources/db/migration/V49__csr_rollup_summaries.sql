-- Issue 13: every window of the CSR and sales metrics in p95 <= 150 ms. After V43 the tenant-wide CSR metrics still
-- counted distinct contacts over every csr_contact_days row of the window (EXPLAIN at 200,000 calls, 365 days: 53,000
-- rows sorted, 300 ms for the counts and 650 ms for the call-back list), and the 365-day sales metrics summed one row
-- per rep and day (29,000 rows). docs/csr.md, "V49", has the figures.
--
-- Distinct contacts over a window without reading its contacts: a contact counts once per CSR in a window, on its first
-- day there. So the window's distinct count is the sum of the per-day counts (csr_days, and csr_months for whole
-- months) minus the contact-days of the window whose previous day of the same kind for that CSR and contact is also in
-- the window (csr_contact_repeats keeps, for each contact-day that has an earlier day, that earlier day; a contact seen
-- on one day only has no row there: 540 rows for 53,000 contact-days in the bench data).
--
-- All of it is kept by csr_rollup_refresh (replaced below) in the same transaction as the write that changed the
-- CSR-day, from the csr_contact_days rows it just recomputed; a month from its days. A contact's repeats span several
-- days of a CSR, so the refresh now locks the CSR (transaction advisory lock) instead of the CSR-day: two transactions
-- touching one CSR recompute one after the other, each from what the other committed.

CREATE TABLE csr_days (
    tenant_id  text NOT NULL,
    csr_id     uuid NOT NULL,
    day        date NOT NULL,
    leads      integer NOT NULL,          -- contacts with a lead call that day
    qualified  integer NOT NULL,          -- contacts with a hot or warm lead call
    booked     integer NOT NULL,          -- contacts with a lead call marked booked or an appointment the CSR made
    lead_calls integer NOT NULL,
    qa_sum     double precision NOT NULL, -- sums of reals in double precision: exact in any order
    qa_n       integer NOT NULL,
    PRIMARY KEY (tenant_id, day, csr_id)
);
SELECT verbatim_enable_tenant_rls('csr_days');
CREATE INDEX csr_days_csr ON csr_days (tenant_id, csr_id, day);

-- The same summed per calendar month (month = its first day), for the whole months of a window.
CREATE TABLE csr_months (
    tenant_id  text NOT NULL,
    csr_id     uuid NOT NULL,
    month      date NOT NULL,
    leads      integer NOT NULL,
    qualified  integer NOT NULL,
    booked     integer NOT NULL,
    lead_calls integer NOT NULL,
    qa_sum     double precision NOT NULL,
    qa_n       integer NOT NULL,
    PRIMARY KEY (tenant_id, month, csr_id)
);
SELECT verbatim_enable_tenant_rls('csr_months');

-- For a contact-day of a CSR with an earlier day of the same kind (lead, qualified, booked), that earlier day; null
-- where the row is not of that kind or it is the contact's first such day. Rows with all three null are not kept.
CREATE TABLE csr_contact_repeats (
    tenant_id      text NOT NULL,
    csr_id         uuid NOT NULL,
    day            date NOT NULL,
    who            uuid NOT NULL,
    prev_lead      date,
    prev_qualified date,
    prev_booked    date,
    PRIMARY KEY (tenant_id, day, csr_id, who)
);
SELECT verbatim_enable_tenant_rls('csr_contact_repeats');
CREATE INDEX csr_contact_repeats_contact ON csr_contact_repeats (tenant_id, csr_id, who);

-- A contact's days with one CSR (the repeats, and "was this contact booked in the window" of the call-back list).
CREATE INDEX csr_contact_days_contact ON csr_contact_days (tenant_id, csr_id, who, day)
    INCLUDE (last_call_id, booked_calls, appointments_booked, lead_calls, qualified_calls);
-- The call-back list walks one CSR's qualified contact-days newest first and stops at 50.
CREATE INDEX csr_contact_days_callback ON csr_contact_days (tenant_id, csr_id, last_call_at) WHERE last_call_id IS NOT NULL;

CREATE TABLE sales_rep_months (
    tenant_id     text NOT NULL,
    rep_id        uuid NOT NULL,
    month         date NOT NULL,
    appointments  integer NOT NULL,
    completed     integer NOT NULL,
    no_shows      integer NOT NULL,
    cancelled     integer NOT NULL,
    won           integer NOT NULL,
    lost          integer NOT NULL,
    won_value     numeric NOT NULL,
    recorded      integer NOT NULL,
    visits        integer NOT NULL,
    visit_seconds double precision NOT NULL,
    graded        integer NOT NULL,
    grade_sum     double precision NOT NULL,
    PRIMARY KEY (tenant_id, month, rep_id)
);
SELECT verbatim_enable_tenant_rls('sales_rep_months');
CREATE INDEX sales_rep_days_rep ON sales_rep_days (tenant_id, rep_id, day);

-- The definitions (the backfill and CsrRollupsIT / SalesRollupsIT compare the tables with them): from V43's
-- definition of csr_contact_days and sales_rep_days.
CREATE FUNCTION csr_days_of(p_tenant text) RETURNS SETOF csr_days LANGUAGE sql STABLE AS $fn$
    SELECT d.tenant_id, d.csr_id, d.day, count(*) FILTER (WHERE d.lead_calls > 0)::integer,
           count(*) FILTER (WHERE d.qualified_calls > 0)::integer,
           count(*) FILTER (WHERE d.booked_calls > 0 OR d.appointments_booked > 0)::integer,
           sum(d.lead_calls)::integer, sum(d.qa_sum), sum(d.qa_n)::integer
    FROM csr_contact_days_of(p_tenant, '-infinity', 'infinity') d
    GROUP BY 1, 2, 3
$fn$;

CREATE FUNCTION csr_months_of(p_tenant text) RETURNS SETOF csr_months LANGUAGE sql STABLE AS $fn$
    SELECT d.tenant_id, d.csr_id, date_trunc('month', d.day)::date, sum(d.leads)::integer, sum(d.qualified)::integer,
           sum(d.booked)::integer, sum(d.lead_calls)::integer, sum(d.qa_sum), sum(d.qa_n)::integer
    FROM csr_days_of(p_tenant) d
    GROUP BY 1, 2, 3
$fn$;

CREATE FUNCTION csr_contact_repeats_of(p_tenant text) RETURNS SETOF csr_contact_repeats LANGUAGE sql STABLE AS $fn$
    SELECT * FROM (
        SELECT d.tenant_id, d.csr_id, d.day, d.who,
               CASE WHEN d.lead_calls > 0 THEN max(d.day) FILTER (WHERE d.lead_calls > 0) OVER w END,
               CASE WHEN d.qualified_calls > 0 THEN max(d.day) FILTER (WHERE d.qualified_calls > 0) OVER w END,
               CASE WHEN d.booked_calls > 0 OR d.appointments_booked > 0
                    THEN max(d.day) FILTER (WHERE d.booked_calls > 0 OR d.appointments_booked > 0) OVER w END
        FROM csr_contact_days_of(p_tenant, '-infinity', 'infinity') d
        WINDOW w AS (PARTITION BY d.csr_id, d.who ORDER BY d.day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    ) r (tenant_id, csr_id, day, who, prev_lead, prev_qualified, prev_booked)
    WHERE r.prev_lead IS NOT NULL OR r.prev_qualified IS NOT NULL OR r.prev_booked IS NOT NULL
$fn$;

CREATE FUNCTION sales_rep_months_of(p_tenant text) RETURNS SETOF sales_rep_months LANGUAGE sql STABLE AS $fn$
    SELECT d.tenant_id, d.rep_id, date_trunc('month', d.day)::date, sum(d.appointments)::integer,
           sum(d.completed)::integer, sum(d.no_shows)::integer, sum(d.cancelled)::integer, sum(d.won)::integer,
           sum(d.lost)::integer, sum(d.won_value), sum(d.recorded)::integer, sum(d.visits)::integer,
           sum(d.visit_seconds), sum(d.graded)::integer, sum(d.grade_sum)
    FROM sales_rep_days_of(p_tenant, '-infinity', 'infinity') d
    GROUP BY 1, 2, 3
$fn$;

-- V43's refresh of one CSR's day, now also its day summary, its month and the repeats of the contacts it touched.
CREATE OR REPLACE FUNCTION csr_rollup_refresh(p_tenant text, p_csr uuid, p_day date) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $fn$
DECLARE
    s timestamptz := p_day::timestamp AT TIME ZONE 'UTC';
    m date := date_trunc('month', p_day)::date;
    touched uuid[];
BEGIN
    IF p_tenant IS NULL OR p_csr IS NULL OR p_day IS NULL THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('csr_rollup/' || p_tenant || '/' || p_csr, 0));
    WITH gone AS (DELETE FROM csr_contact_days WHERE tenant_id = p_tenant AND day = p_day AND csr_id = p_csr RETURNING who)
    SELECT coalesce(array_agg(who), '{}') INTO touched FROM gone;
    WITH fresh AS (INSERT INTO csr_contact_days
                   SELECT * FROM csr_contact_days_of(p_tenant, s, s + interval '1 day') f WHERE f.csr_id = p_csr
                   RETURNING who)
    SELECT touched || coalesce(array_agg(who), '{}') INTO touched FROM fresh;
    DELETE FROM csr_objection_days WHERE tenant_id = p_tenant AND day = p_day AND csr_id = p_csr;
    INSERT INTO csr_objection_days
    SELECT * FROM csr_objection_days_of(p_tenant, s, s + interval '1 day') f WHERE f.csr_id = p_csr;

    DELETE FROM csr_days WHERE tenant_id = p_tenant AND day = p_day AND csr_id = p_csr;
    INSERT INTO csr_days
    SELECT p_tenant, p_csr, p_day, count(*) FILTER (WHERE d.lead_calls > 0), count(*) FILTER (WHERE d.qualified_calls > 0),
           count(*) FILTER (WHERE d.booked_calls > 0 OR d.appointments_booked > 0), sum(d.lead_calls), sum(d.qa_sum),
           sum(d.qa_n)
    FROM csr_contact_days d WHERE d.tenant_id = p_tenant AND d.day = p_day AND d.csr_id = p_csr
    HAVING count(*) > 0;
    -- The month again from its days (at most 31 rows): sums of doubles kept by increments would drift.
    DELETE FROM csr_months WHERE tenant_id = p_tenant AND month = m AND csr_id = p_csr;
    INSERT INTO csr_months
    SELECT p_tenant, p_csr, m, sum(d.leads), sum(d.qualified), sum(d.booked), sum(d.lead_calls), sum(d.qa_sum), sum(d.qa_n)
    FROM csr_days d WHERE d.tenant_id = p_tenant AND d.csr_id = p_csr AND d.day >= m AND d.day < m + interval '1 month'
    HAVING count(*) > 0;

    IF cardinality(touched) > 0 THEN
        DELETE FROM csr_contact_repeats WHERE tenant_id = p_tenant AND csr_id = p_csr AND who = ANY (touched);
        INSERT INTO csr_contact_repeats
        SELECT * FROM (
            SELECT d.tenant_id, d.csr_id, d.day, d.who,
                   CASE WHEN d.lead_calls > 0 THEN max(d.day) FILTER (WHERE d.lead_calls > 0) OVER w END,
                   CASE WHEN d.qualified_calls > 0 THEN max(d.day) FILTER (WHERE d.qualified_calls > 0) OVER w END,
                   CASE WHEN d.booked_calls > 0 OR d.appointments_booked > 0
                        THEN max(d.day) FILTER (WHERE d.booked_calls > 0 OR d.appointments_booked > 0) OVER w END
            FROM csr_contact_days d
            WHERE d.tenant_id = p_tenant AND d.csr_id = p_csr AND d.who = ANY (touched)
            WINDOW w AS (PARTITION BY d.who ORDER BY d.day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
        ) r (tenant_id, csr_id, day, who, prev_lead, prev_qualified, prev_booked)
        WHERE r.prev_lead IS NOT NULL OR r.prev_qualified IS NOT NULL OR r.prev_booked IS NOT NULL;
    END IF;
END
$fn$;

-- V43's refresh of one rep's day, now also the rep's month, recomputed from its days (at most 31 rows). The lock is
-- now the rep's month (a month is recomputed from every day of it, so one writer per rep-month at a time).
CREATE OR REPLACE FUNCTION sales_rollup_refresh(p_tenant text, p_rep uuid, p_day date) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $fn$
DECLARE
    s timestamptz := p_day::timestamp AT TIME ZONE 'UTC';
    m date := date_trunc('month', p_day)::date;
BEGIN
    IF p_tenant IS NULL OR p_rep IS NULL OR p_day IS NULL THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('sales_rollup/' || p_tenant || '/' || p_rep || '/' || m, 0));
    DELETE FROM sales_rep_days WHERE tenant_id = p_tenant AND day = p_day AND rep_id = p_rep;
    INSERT INTO sales_rep_days
    SELECT * FROM sales_rep_days_of(p_tenant, s, s + interval '1 day') f WHERE f.rep_id = p_rep;
    DELETE FROM sales_rep_months WHERE tenant_id = p_tenant AND month = m AND rep_id = p_rep;
    INSERT INTO sales_rep_months
    SELECT p_tenant, p_rep, m, sum(d.appointments), sum(d.completed), sum(d.no_shows), sum(d.cancelled), sum(d.won),
           sum(d.lost), sum(d.won_value), sum(d.recorded), sum(d.visits), sum(d.visit_seconds), sum(d.graded),
           sum(d.grade_sum)
    FROM sales_rep_days d WHERE d.tenant_id = p_tenant AND d.rep_id = p_rep AND d.day >= m AND d.day < m + interval '1 month'
    HAVING count(*) > 0;
END
$fn$;

-- Existing rows, from the V43 tables (kept exact since V43), as the owner (row-level security lets it see every tenant).
INSERT INTO csr_days
SELECT d.tenant_id, d.csr_id, d.day, count(*) FILTER (WHERE d.lead_calls > 0), count(*) FILTER (WHERE d.qualified_calls > 0),
       count(*) FILTER (WHERE d.booked_calls > 0 OR d.appointments_booked > 0), sum(d.lead_calls), sum(d.qa_sum), sum(d.qa_n)
FROM csr_contact_days d GROUP BY 1, 2, 3;
INSERT INTO csr_months
SELECT d.tenant_id, d.csr_id, date_trunc('month', d.day)::date, sum(d.leads), sum(d.qualified), sum(d.booked),
       sum(d.lead_calls), sum(d.qa_sum), sum(d.qa_n)
FROM csr_days d GROUP BY 1, 2, 3;
INSERT INTO csr_contact_repeats
SELECT * FROM (
    SELECT d.tenant_id, d.csr_id, d.day, d.who,
           CASE WHEN d.lead_calls > 0 THEN max(d.day) FILTER (WHERE d.lead_calls > 0) OVER w END,
           CASE WHEN d.qualified_calls > 0 THEN max(d.day) FILTER (WHERE d.qualified_calls > 0) OVER w END,
           CASE WHEN d.booked_calls > 0 OR d.appointments_booked > 0
                THEN max(d.day) FILTER (WHERE d.booked_calls > 0 OR d.appointments_booked > 0) OVER w END
    FROM csr_contact_days d
    WINDOW w AS (PARTITION BY d.tenant_id, d.csr_id, d.who ORDER BY d.day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
) r (tenant_id, csr_id, day, who, prev_lead, prev_qualified, prev_booked)
WHERE r.prev_lead IS NOT NULL OR r.prev_qualified IS NOT NULL OR r.prev_booked IS NOT NULL;
INSERT INTO sales_rep_months
SELECT d.tenant_id, d.rep_id, date_trunc('month', d.day)::date, sum(d.appointments), sum(d.completed), sum(d.no_shows),
       sum(d.cancelled), sum(d.won), sum(d.lost), sum(d.won_value), sum(d.recorded), sum(d.visits), sum(d.visit_seconds),
       sum(d.graded), sum(d.grade_sum)
FROM sales_rep_days d GROUP BY 1, 2, 3;
ANALYZE csr_days;
ANALYZE csr_months;
ANALYZE csr_contact_repeats;
ANALYZE sales_rep_months;
ANALYZE csr_contact_days;
