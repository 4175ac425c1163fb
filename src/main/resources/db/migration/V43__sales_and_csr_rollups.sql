-- Issue 13: the tenant-wide CSR and sales metrics read every lead call, appointment and field visit of the window
-- (docs/csr.md, "Measured": about 200 ms a week for the CSR metrics, 750 ms a week for the sales metrics at a million
-- calls). These tables hold the same figures per UTC day, kept by triggers in the same transaction as each write to
-- conversations, analyses, appointments and leads, so every write path (API, pipeline, merges, bulk SQL) keeps them
-- exact; the endpoints read them for their windows of whole UTC days.
--
-- A CSR's numbers count distinct contacts over the window, which per-day sums cannot give, so the CSR table keeps one
-- row per (CSR, day, contact) — a lead call's contact or a booked appointment's — a few percent of the calls. Each
-- row is recomputed from the base tables by csr_contact_days_of (the definition, also used by the backfill and the
-- test that compares both) whenever a write touches its CSR-day; the sales rows the same way per (rep, day).
-- Recomputing a key takes a transaction advisory lock on it first, so that two transactions writing the same key
-- one after the other each recompute from what the other committed (read committed takes a new snapshot after the
-- lock is granted).

CREATE TABLE csr_contact_days (
    tenant_id           text NOT NULL,
    csr_id              uuid NOT NULL,
    day                 date NOT NULL,
    who                 uuid NOT NULL,        -- the contact card, or the call / appointment itself when it has none
    lead_calls          integer NOT NULL,
    qualified_calls     integer NOT NULL,
    booked_calls        integer NOT NULL,     -- lead calls the analysis marks booked
    appointments_booked integer NOT NULL,     -- appointments (not cancelled) the CSR made that day for the contact
    qa_sum              double precision NOT NULL,
    qa_n                integer NOT NULL,
    -- The day's latest qualified lead call of the contact (for the call-back list), null without one.
    last_call_id        uuid,
    last_call_at        timestamptz,
    contact_card_id     uuid,
    customer_name       text,
    customer_phone      text,
    reason_not_booked   text,
    PRIMARY KEY (tenant_id, day, csr_id, who)
);
SELECT verbatim_enable_tenant_rls('csr_contact_days');

CREATE TABLE csr_objection_days (
    tenant_id text NOT NULL,
    csr_id    uuid NOT NULL,
    day       date NOT NULL,
    category  text NOT NULL,
    calls     integer NOT NULL,
    unbooked  integer NOT NULL,
    PRIMARY KEY (tenant_id, day, csr_id, category)
);
SELECT verbatim_enable_tenant_rls('csr_objection_days');

-- Appointments count on the UTC day of their scheduled start, field visits on the day they happened.
CREATE TABLE sales_rep_days (
    tenant_id     text NOT NULL,
    rep_id        uuid NOT NULL,
    day           date NOT NULL,
    appointments  integer NOT NULL,
    completed     integer NOT NULL,
    no_shows      integer NOT NULL,
    cancelled     integer NOT NULL,
    won           integer NOT NULL,
    lost          integer NOT NULL,
    won_value     numeric NOT NULL,
    recorded      integer NOT NULL,         -- completed appointments with an analysed field-visit conversation
    visits        integer NOT NULL,
    visit_seconds double precision NOT NULL,
    graded        integer NOT NULL,
    grade_sum     double precision NOT NULL, -- qa_score is real: sums of reals in double precision are exact
    PRIMARY KEY (tenant_id, day, rep_id)
);
SELECT verbatim_enable_tenant_rls('sales_rep_days');

-- Open leads (new, qualified, pending) per assigned rep, as they are now.
CREATE TABLE sales_pending_leads (
    tenant_id text NOT NULL,
    rep_id    uuid NOT NULL,
    pending   integer NOT NULL,
    PRIMARY KEY (tenant_id, rep_id)
);
SELECT verbatim_enable_tenant_rls('sales_pending_leads');

-- Exec sales metrics (and the sales refresh below): the window's field visits by a partial index that holds the rep
-- and duration, instead of every call of the window read to keep the visits (docs/csr.md, EXPLAIN findings).
CREATE INDEX conversations_field_visits ON conversations (tenant_id, occurred_at) INCLUDE (agent_user_id, duration_seconds)
    WHERE channel = 'field_visit';

CREATE FUNCTION verbatim_utc_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT (t AT TIME ZONE 'UTC')::date $$;

-- The definition of csr_contact_days for the calls and appointments of [p_from, p_to) of one tenant. A lead call is
-- an analysed inbound CSR call with a CSR whose qualification is hot, warm or cold (CsrMetricsSql); a booking is an
-- appointment the CSR made, not cancelled. Inlined by the planner (a single SELECT, STABLE), so a caller's
-- "WHERE csr_id = ..." reaches the indexes.
CREATE FUNCTION csr_contact_days_of(p_tenant text, p_from timestamptz, p_to timestamptz)
RETURNS TABLE (tenant_id text, csr_id uuid, day date, who uuid, lead_calls integer, qualified_calls integer,
               booked_calls integer, appointments_booked integer, qa_sum double precision, qa_n integer,
               last_call_id uuid, last_call_at timestamptz, contact_card_id uuid, customer_name text,
               customer_phone text, reason_not_booked text)
LANGUAGE sql STABLE AS $fn$
    SELECT x.tenant_id, x.csr_id, x.day, x.who,
           count(*) FILTER (WHERE x.call_id IS NOT NULL)::integer,
           count(*) FILTER (WHERE x.qualified)::integer,
           count(*) FILTER (WHERE x.booking_status = 'booked')::integer,
           count(*) FILTER (WHERE x.call_id IS NULL)::integer,
           coalesce(sum(x.qa_score), 0), count(x.qa_score)::integer,
           (array_agg(x.call_id ORDER BY x.at DESC, x.call_id) FILTER (WHERE x.qualified))[1],
           max(x.at) FILTER (WHERE x.qualified),
           (array_agg(x.card ORDER BY x.at DESC, x.call_id) FILTER (WHERE x.qualified))[1],
           (array_agg(x.customer_name ORDER BY x.at DESC, x.call_id) FILTER (WHERE x.qualified))[1],
           (array_agg(x.customer_phone ORDER BY x.at DESC, x.call_id) FILTER (WHERE x.qualified))[1],
           (array_agg(x.reason ORDER BY x.at DESC, x.call_id) FILTER (WHERE x.qualified))[1]
    FROM (
        SELECT c.tenant_id, c.agent_user_id AS csr_id, verbatim_utc_day(c.occurred_at) AS day,
               coalesce(c.contact_card_id, c.id) AS who, c.id AS call_id, c.occurred_at AS at,
               a.qualification IN ('hot', 'warm') AS qualified, a.booking_status, a.qa_score::double precision AS qa_score,
               c.contact_card_id AS card, c.customer_name, c.customer_phone,
               CASE WHEN cardinality(a.objection_categories) > 0 THEN 'objection:' || a.objection_categories[1]
                    ELSE coalesce(a.booking_status, 'not_booked') END AS reason
        FROM conversations c JOIN analyses a ON a.conversation_id = c.id
        WHERE c.tenant_id = p_tenant AND a.tenant_id = p_tenant AND c.call_type = 'csr_call'
          AND c.agent_user_id IS NOT NULL AND a.qualification IN ('hot', 'warm', 'cold')
          AND c.occurred_at >= p_from AND c.occurred_at < p_to
        UNION ALL
        SELECT ap.tenant_id, ap.booked_by_id, verbatim_utc_day(ap.created_at), coalesce(ap.contact_card_id, ap.id),
               NULL, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL
        FROM appointments ap
        WHERE ap.tenant_id = p_tenant AND ap.booked_by_id IS NOT NULL AND ap.status <> 'cancelled'
          AND ap.created_at >= p_from AND ap.created_at < p_to
    ) x
    GROUP BY x.tenant_id, x.csr_id, x.day, x.who
$fn$;

-- Objection categories of the lead calls (each element of a call's array counts, as CsrMetrics counted them).
CREATE FUNCTION csr_objection_days_of(p_tenant text, p_from timestamptz, p_to timestamptz)
RETURNS TABLE (tenant_id text, csr_id uuid, day date, category text, calls integer, unbooked integer)
LANGUAGE sql STABLE AS $fn$
    SELECT c.tenant_id, c.agent_user_id, verbatim_utc_day(c.occurred_at), o.category, count(*)::integer,
           count(*) FILTER (WHERE a.booking_status IS DISTINCT FROM 'booked')::integer
    FROM conversations c JOIN analyses a ON a.conversation_id = c.id, unnest(a.objection_categories) AS o(category)
    WHERE c.tenant_id = p_tenant AND a.tenant_id = p_tenant AND c.call_type = 'csr_call'
      AND c.agent_user_id IS NOT NULL AND a.qualification IN ('hot', 'warm', 'cold')
      AND c.occurred_at >= p_from AND c.occurred_at < p_to
    GROUP BY 1, 2, 3, 4
$fn$;

-- The definition of sales_rep_days (SalesFigures before V43): appointments by scheduled start, field visits by when
-- they happened, joined on (rep, day).
CREATE FUNCTION sales_rep_days_of(p_tenant text, p_from timestamptz, p_to timestamptz)
RETURNS TABLE (tenant_id text, rep_id uuid, day date, appointments integer, completed integer, no_shows integer,
               cancelled integer, won integer, lost integer, won_value numeric, recorded integer, visits integer,
               visit_seconds double precision, graded integer, grade_sum double precision)
LANGUAGE sql STABLE AS $fn$
    SELECT x.tenant_id, x.rep_id, x.day, sum(x.appointments)::integer, sum(x.completed)::integer, sum(x.no_shows)::integer,
           sum(x.cancelled)::integer, sum(x.won)::integer, sum(x.lost)::integer, sum(x.won_value), sum(x.recorded)::integer,
           sum(x.visits)::integer, sum(x.visit_seconds), sum(x.graded)::integer, sum(x.grade_sum)
    FROM (
        SELECT a.tenant_id, a.sales_rep_id AS rep_id, verbatim_utc_day(a.scheduled_start) AS day, count(*) AS appointments,
               count(*) FILTER (WHERE a.status = 'completed') AS completed,
               count(*) FILTER (WHERE a.status = 'no_show') AS no_shows,
               count(*) FILTER (WHERE a.status = 'cancelled') AS cancelled,
               count(*) FILTER (WHERE a.status = 'completed' AND a.outcome = 'closed_won') AS won,
               count(*) FILTER (WHERE a.status = 'completed' AND a.outcome = 'closed_lost') AS lost,
               coalesce(sum(a.deal_value) FILTER (WHERE a.status = 'completed' AND a.outcome = 'closed_won'), 0) AS won_value,
               count(*) FILTER (WHERE a.status = 'completed' AND EXISTS (
                   SELECT 1 FROM conversations c JOIN analyses an ON an.conversation_id = c.id
                   WHERE c.tenant_id = a.tenant_id AND c.visit_appointment_id = a.id)) AS recorded,
               0 AS visits, 0::double precision AS visit_seconds, 0 AS graded, 0::double precision AS grade_sum
        FROM appointments a
        WHERE a.tenant_id = p_tenant AND a.scheduled_start >= p_from AND a.scheduled_start < p_to
        GROUP BY 1, 2, 3
        UNION ALL
        SELECT c.tenant_id, c.agent_user_id, verbatim_utc_day(c.occurred_at), 0, 0, 0, 0, 0, 0, 0, 0, count(*),
               coalesce(sum(c.duration_seconds), 0), count(an.qa_score), coalesce(sum(an.qa_score::double precision), 0)
        FROM conversations c LEFT JOIN analyses an ON an.conversation_id = c.id
        WHERE c.tenant_id = p_tenant AND c.channel = 'field_visit' AND c.agent_user_id IS NOT NULL
          AND c.occurred_at >= p_from AND c.occurred_at < p_to
        GROUP BY 1, 2, 3
    ) x
    GROUP BY x.tenant_id, x.rep_id, x.day
$fn$;

-- Recomputes one CSR's day (force_custom_plan: the key's values are known at every call, let the plan use them).
CREATE FUNCTION csr_rollup_refresh(p_tenant text, p_csr uuid, p_day date) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $fn$
DECLARE
    s timestamptz := p_day::timestamp AT TIME ZONE 'UTC';
BEGIN
    IF p_tenant IS NULL OR p_csr IS NULL OR p_day IS NULL THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('csr_rollup/' || p_tenant || '/' || p_csr || '/' || p_day, 0));
    DELETE FROM csr_contact_days WHERE tenant_id = p_tenant AND day = p_day AND csr_id = p_csr;
    INSERT INTO csr_contact_days
    SELECT * FROM csr_contact_days_of(p_tenant, s, s + interval '1 day') f WHERE f.csr_id = p_csr;
    DELETE FROM csr_objection_days WHERE tenant_id = p_tenant AND day = p_day AND csr_id = p_csr;
    INSERT INTO csr_objection_days
    SELECT * FROM csr_objection_days_of(p_tenant, s, s + interval '1 day') f WHERE f.csr_id = p_csr;
END
$fn$;

CREATE FUNCTION sales_rollup_refresh(p_tenant text, p_rep uuid, p_day date) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $fn$
DECLARE
    s timestamptz := p_day::timestamp AT TIME ZONE 'UTC';
BEGIN
    IF p_tenant IS NULL OR p_rep IS NULL OR p_day IS NULL THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('sales_rollup/' || p_tenant || '/' || p_rep || '/' || p_day, 0));
    DELETE FROM sales_rep_days WHERE tenant_id = p_tenant AND day = p_day AND rep_id = p_rep;
    INSERT INTO sales_rep_days
    SELECT * FROM sales_rep_days_of(p_tenant, s, s + interval '1 day') f WHERE f.rep_id = p_rep;
END
$fn$;

-- The sales key of an appointment (by id), for a field visit that points to it.
CREATE FUNCTION sales_rollup_refresh_appointment(p_tenant text, p_appointment uuid) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
    ap appointments;
BEGIN
    IF p_appointment IS NULL THEN
        RETURN;
    END IF;
    SELECT * INTO ap FROM appointments WHERE id = p_appointment AND tenant_id = p_tenant;
    IF FOUND THEN
        PERFORM sales_rollup_refresh(ap.tenant_id, ap.sales_rep_id, verbatim_utc_day(ap.scheduled_start));
    END IF;
END
$fn$;

CREATE FUNCTION csr_rollup_appointment_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.tenant_id, OLD.id, OLD.contact_card_id, OLD.sales_rep_id, OLD.booked_by_id,
            OLD.scheduled_start, OLD.status, OLD.outcome, OLD.deal_value, OLD.created_at) IS NOT DISTINCT FROM
            (NEW.tenant_id, NEW.id, NEW.contact_card_id, NEW.sales_rep_id, NEW.booked_by_id, NEW.scheduled_start,
             NEW.status, NEW.outcome, NEW.deal_value, NEW.created_at) THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM csr_rollup_refresh(OLD.tenant_id, OLD.booked_by_id, verbatim_utc_day(OLD.created_at));
        PERFORM sales_rollup_refresh(OLD.tenant_id, OLD.sales_rep_id, verbatim_utc_day(OLD.scheduled_start));
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM csr_rollup_refresh(NEW.tenant_id, NEW.booked_by_id, verbatim_utc_day(NEW.created_at));
        PERFORM sales_rollup_refresh(NEW.tenant_id, NEW.sales_rep_id, verbatim_utc_day(NEW.scheduled_start));
    END IF;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER appointments_rollups AFTER INSERT OR UPDATE OR DELETE ON appointments
    FOR EACH ROW EXECUTE FUNCTION csr_rollup_appointment_changed();

-- A conversation counts in a CSR's day as a lead call (with its analysis) and in a rep's day as a field visit (with
-- or without one), and makes the appointment it records "recorded". A new conversation has no analysis yet, so only
-- a new field visit changes anything on insert.
CREATE FUNCTION rollups_conversation_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.channel = 'field_visit' THEN
            PERFORM sales_rollup_refresh(NEW.tenant_id, NEW.agent_user_id, verbatim_utc_day(NEW.occurred_at));
            PERFORM sales_rollup_refresh_appointment(NEW.tenant_id, NEW.visit_appointment_id);
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND (OLD.tenant_id, OLD.call_type, OLD.channel, OLD.agent_user_id, OLD.occurred_at,
            OLD.contact_card_id, OLD.customer_name, OLD.customer_phone, OLD.duration_seconds, OLD.visit_appointment_id)
            IS NOT DISTINCT FROM (NEW.tenant_id, NEW.call_type, NEW.channel, NEW.agent_user_id, NEW.occurred_at,
            NEW.contact_card_id, NEW.customer_name, NEW.customer_phone, NEW.duration_seconds, NEW.visit_appointment_id) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' OR EXISTS (SELECT 1 FROM analyses WHERE conversation_id = OLD.id) THEN
        IF OLD.call_type = 'csr_call' THEN
            PERFORM csr_rollup_refresh(OLD.tenant_id, OLD.agent_user_id, verbatim_utc_day(OLD.occurred_at));
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.call_type = 'csr_call' THEN
            PERFORM csr_rollup_refresh(NEW.tenant_id, NEW.agent_user_id, verbatim_utc_day(NEW.occurred_at));
        END IF;
    END IF;
    IF OLD.channel = 'field_visit' THEN
        PERFORM sales_rollup_refresh(OLD.tenant_id, OLD.agent_user_id, verbatim_utc_day(OLD.occurred_at));
        PERFORM sales_rollup_refresh_appointment(OLD.tenant_id, OLD.visit_appointment_id);
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.channel = 'field_visit' THEN
        PERFORM sales_rollup_refresh(NEW.tenant_id, NEW.agent_user_id, verbatim_utc_day(NEW.occurred_at));
        PERFORM sales_rollup_refresh_appointment(NEW.tenant_id, NEW.visit_appointment_id);
    END IF;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER conversations_rollups AFTER INSERT OR UPDATE OR DELETE ON conversations
    FOR EACH ROW EXECUTE FUNCTION rollups_conversation_changed();

CREATE FUNCTION rollups_analysis_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    c conversations;
    conv_id uuid;
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.conversation_id, OLD.tenant_id, OLD.qualification, OLD.booking_status,
            OLD.objection_categories, OLD.qa_score) IS NOT DISTINCT FROM (NEW.conversation_id, NEW.tenant_id,
            NEW.qualification, NEW.booking_status, NEW.objection_categories, NEW.qa_score) THEN
        RETURN NULL;
    END IF;
    FOREACH conv_id IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY[NEW.conversation_id] WHEN 'DELETE' THEN ARRAY[OLD.conversation_id]
            ELSE ARRAY[OLD.conversation_id, NEW.conversation_id] END LOOP
        -- A conversation already deleted (a cascade) was taken out of its days by its own trigger.
        SELECT * INTO c FROM conversations WHERE conversations.id = conv_id;
        CONTINUE WHEN NOT FOUND;
        IF c.call_type = 'csr_call' THEN
            PERFORM csr_rollup_refresh(c.tenant_id, c.agent_user_id, verbatim_utc_day(c.occurred_at));
        ELSIF c.channel = 'field_visit' THEN
            PERFORM sales_rollup_refresh(c.tenant_id, c.agent_user_id, verbatim_utc_day(c.occurred_at));
            PERFORM sales_rollup_refresh_appointment(c.tenant_id, c.visit_appointment_id);
        END IF;
        EXIT WHEN TG_OP = 'UPDATE' AND OLD.conversation_id = NEW.conversation_id;
    END LOOP;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER analyses_rollups AFTER INSERT OR UPDATE OR DELETE ON analyses
    FOR EACH ROW EXECUTE FUNCTION rollups_analysis_changed();

-- Pending leads: summable, so kept by increments (the upsert's row lock orders concurrent writers).
CREATE FUNCTION sales_pending_apply(p_tenant text, p_rep uuid, p_stage text, sign integer) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
    IF p_rep IS NULL OR p_stage NOT IN ('new', 'qualified', 'pending') THEN
        RETURN;
    END IF;
    INSERT INTO sales_pending_leads AS p (tenant_id, rep_id, pending) VALUES (p_tenant, p_rep, sign)
    ON CONFLICT (tenant_id, rep_id) DO UPDATE SET pending = p.pending + excluded.pending;
    DELETE FROM sales_pending_leads WHERE tenant_id = p_tenant AND rep_id = p_rep AND pending = 0;
END
$fn$;

CREATE FUNCTION sales_pending_lead_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.tenant_id, OLD.assigned_rep_user_id, OLD.stage)
            IS NOT DISTINCT FROM (NEW.tenant_id, NEW.assigned_rep_user_id, NEW.stage) THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM sales_pending_apply(OLD.tenant_id, OLD.assigned_rep_user_id, OLD.stage, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM sales_pending_apply(NEW.tenant_id, NEW.assigned_rep_user_id, NEW.stage, 1);
    END IF;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER leads_pending_rollup AFTER INSERT OR UPDATE OR DELETE ON leads
    FOR EACH ROW EXECUTE FUNCTION sales_pending_lead_changed();

-- Existing rows, set-based per tenant (this runs as the owner, whom row-level security lets see every tenant).
INSERT INTO csr_contact_days SELECT f.* FROM tenants t, csr_contact_days_of(t.id, '-infinity', 'infinity') f;
INSERT INTO csr_objection_days SELECT f.* FROM tenants t, csr_objection_days_of(t.id, '-infinity', 'infinity') f;
INSERT INTO sales_rep_days SELECT f.* FROM tenants t, sales_rep_days_of(t.id, '-infinity', 'infinity') f;
INSERT INTO sales_pending_leads (tenant_id, rep_id, pending)
SELECT tenant_id, assigned_rep_user_id, count(*) FROM leads
WHERE assigned_rep_user_id IS NOT NULL AND stage IN ('new', 'qualified', 'pending')
GROUP BY 1, 2;
ANALYZE csr_contact_days;
ANALYZE csr_objection_days;
ANALYZE sales_rep_days;
ANALYZE sales_pending_leads;
