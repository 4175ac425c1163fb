-- Issue 15: the mystery-shopping dashboard read six aggregates over every evaluation per request (p95 2.9 s at
-- 100,000). These two tables hold the same sums per (campaign, zone, status, day) and per (campaign, check), kept by
-- triggers in the same transaction as each write to shopper_evaluations or evaluation_analyses, so every write path
-- (API, analysis jobs, soft delete, restore, bulk SQL) keeps them exact. Soft-deleted evaluations count nowhere.
-- "day" is date_trunc('day', created_at) in the session time zone, the zone the dashboard's weekly trend uses.
CREATE TABLE shopper_dashboard_rollup (
    tenant_id   text NOT NULL,
    campaign_id uuid NOT NULL,
    zone_id     uuid NOT NULL,
    status      text NOT NULL,
    day         timestamptz NOT NULL,
    n           bigint NOT NULL DEFAULT 0,
    score_sum   numeric NOT NULL DEFAULT 0,
    score_n     bigint NOT NULL DEFAULT 0,
    passed_n    bigint NOT NULL DEFAULT 0,
    critical_n  bigint NOT NULL DEFAULT 0,
    analysed_n  bigint NOT NULL DEFAULT 0,
    ioc_sum     numeric NOT NULL DEFAULT 0,
    ioc_n       bigint NOT NULL DEFAULT 0,
    ird_sum     numeric NOT NULL DEFAULT 0,
    ird_n       bigint NOT NULL DEFAULT 0,
    ces_sum     numeric NOT NULL DEFAULT 0,
    ces_n       bigint NOT NULL DEFAULT 0,
    nps_sum     numeric NOT NULL DEFAULT 0,
    nps_n       bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, campaign_id, zone_id, status, day)
);
SELECT verbatim_enable_tenant_rls('shopper_dashboard_rollup');

CREATE TABLE shopper_dashboard_checks (
    tenant_id   text NOT NULL,
    campaign_id uuid NOT NULL,
    check_key   text NOT NULL,
    failed      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, campaign_id, check_key)
);
SELECT verbatim_enable_tenant_rls('shopper_dashboard_checks');

-- Adds (sign 1) or removes (sign -1) one evaluation with its analysis (may be null) from both tables.
CREATE FUNCTION shopper_dashboard_apply(e shopper_evaluations, a evaluation_analyses, sign integer) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
    d timestamptz;
    ioc numeric; ird numeric; ces numeric; nps numeric;
BEGIN
    IF e.id IS NULL OR e.deleted_at IS NOT NULL THEN
        RETURN;
    END IF;
    d := date_trunc('day', e.created_at);
    IF a.evaluation_id IS NOT NULL THEN
        ioc := (a.operative->>'ioc')::numeric;
        ird := (a.operative->>'ird')::numeric;
        ces := (a.operative->>'ces')::numeric;
        nps := (a.executive->>'nps')::numeric;
    END IF;
    INSERT INTO shopper_dashboard_rollup AS r (tenant_id, campaign_id, zone_id, status, day, n, score_sum, score_n, passed_n,
            critical_n, analysed_n, ioc_sum, ioc_n, ird_sum, ird_n, ces_sum, ces_n, nps_sum, nps_n)
    VALUES (e.tenant_id, e.campaign_id, e.zone_id, e.status, d, sign, sign * coalesce(e.score, 0),
            sign * (e.score IS NOT NULL)::int, sign * (e.passed IS TRUE)::int, sign * (e.critical_failed IS TRUE)::int,
            sign * (a.evaluation_id IS NOT NULL)::int,
            sign * coalesce(ioc, 0), sign * (ioc IS NOT NULL)::int, sign * coalesce(ird, 0), sign * (ird IS NOT NULL)::int,
            sign * coalesce(ces, 0), sign * (ces IS NOT NULL)::int, sign * coalesce(nps, 0), sign * (nps IS NOT NULL)::int)
    ON CONFLICT (tenant_id, campaign_id, zone_id, status, day) DO UPDATE SET
        n = r.n + excluded.n, score_sum = r.score_sum + excluded.score_sum, score_n = r.score_n + excluded.score_n,
        passed_n = r.passed_n + excluded.passed_n, critical_n = r.critical_n + excluded.critical_n,
        analysed_n = r.analysed_n + excluded.analysed_n,
        ioc_sum = r.ioc_sum + excluded.ioc_sum, ioc_n = r.ioc_n + excluded.ioc_n,
        ird_sum = r.ird_sum + excluded.ird_sum, ird_n = r.ird_n + excluded.ird_n,
        ces_sum = r.ces_sum + excluded.ces_sum, ces_n = r.ces_n + excluded.ces_n,
        nps_sum = r.nps_sum + excluded.nps_sum, nps_n = r.nps_n + excluded.nps_n;
    DELETE FROM shopper_dashboard_rollup WHERE tenant_id = e.tenant_id AND campaign_id = e.campaign_id
        AND zone_id = e.zone_id AND status = e.status AND day = d AND n = 0;
    IF a.evaluation_id IS NOT NULL THEN
        INSERT INTO shopper_dashboard_checks AS c (tenant_id, campaign_id, check_key, failed)
        SELECT e.tenant_id, e.campaign_id, k.key, sign
        FROM jsonb_each(a.operative->'checks') k WHERE (k.value->>'passed')::boolean = false
        ON CONFLICT (tenant_id, campaign_id, check_key) DO UPDATE SET failed = c.failed + excluded.failed;
        DELETE FROM shopper_dashboard_checks WHERE tenant_id = e.tenant_id AND campaign_id = e.campaign_id AND failed = 0;
    END IF;
END
$fn$;

CREATE FUNCTION shopper_dashboard_evaluation_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    a evaluation_analyses;
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.tenant_id, OLD.campaign_id, OLD.zone_id, OLD.status, OLD.score, OLD.passed,
            OLD.critical_failed, OLD.created_at, OLD.deleted_at) IS NOT DISTINCT FROM (NEW.tenant_id, NEW.campaign_id,
            NEW.zone_id, NEW.status, NEW.score, NEW.passed, NEW.critical_failed, NEW.created_at, NEW.deleted_at) THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        SELECT * INTO a FROM evaluation_analyses WHERE evaluation_id = OLD.id;
        PERFORM shopper_dashboard_apply(OLD, a, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF TG_OP = 'INSERT' THEN
            SELECT * INTO a FROM evaluation_analyses WHERE evaluation_id = NEW.id;
        END IF;
        PERFORM shopper_dashboard_apply(NEW, a, 1);
    END IF;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER shopper_evaluations_dashboard AFTER INSERT OR UPDATE OR DELETE ON shopper_evaluations
    FOR EACH ROW EXECUTE FUNCTION shopper_dashboard_evaluation_changed();

-- An analysis change swaps the evaluation's old contribution for its new one (the evaluation part cancels out).
CREATE FUNCTION shopper_dashboard_analysis_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    e shopper_evaluations;
    none evaluation_analyses;
BEGIN
    SELECT * INTO e FROM shopper_evaluations WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.evaluation_id ELSE NEW.evaluation_id END;
    IF TG_OP = 'UPDATE' AND OLD.evaluation_id <> NEW.evaluation_id THEN
        RAISE EXCEPTION 'evaluation_analyses.evaluation_id cannot change';
    END IF;
    PERFORM shopper_dashboard_apply(e, CASE WHEN TG_OP = 'INSERT' THEN none ELSE OLD END, -1);
    PERFORM shopper_dashboard_apply(e, CASE WHEN TG_OP = 'DELETE' THEN none ELSE NEW END, 1);
    RETURN NULL;
END
$fn$;
CREATE TRIGGER evaluation_analyses_dashboard AFTER INSERT OR UPDATE OR DELETE ON evaluation_analyses
    FOR EACH ROW EXECUTE FUNCTION shopper_dashboard_analysis_changed();

-- Existing evaluations (this runs as the owner, whom RLS lets see every company).
INSERT INTO shopper_dashboard_rollup (tenant_id, campaign_id, zone_id, status, day, n, score_sum, score_n, passed_n,
        critical_n, analysed_n, ioc_sum, ioc_n, ird_sum, ird_n, ces_sum, ces_n, nps_sum, nps_n)
SELECT e.tenant_id, e.campaign_id, e.zone_id, e.status, date_trunc('day', e.created_at), count(*), coalesce(sum(e.score), 0),
       count(e.score), count(*) FILTER (WHERE e.passed), count(*) FILTER (WHERE e.critical_failed), count(a.evaluation_id),
       coalesce(sum((a.operative->>'ioc')::numeric), 0), count((a.operative->>'ioc')::numeric),
       coalesce(sum((a.operative->>'ird')::numeric), 0), count((a.operative->>'ird')::numeric),
       coalesce(sum((a.operative->>'ces')::numeric), 0), count((a.operative->>'ces')::numeric),
       coalesce(sum((a.executive->>'nps')::numeric), 0), count((a.executive->>'nps')::numeric)
FROM shopper_evaluations e LEFT JOIN evaluation_analyses a ON a.evaluation_id = e.id
WHERE e.deleted_at IS NULL
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO shopper_dashboard_checks (tenant_id, campaign_id, check_key, failed)
SELECT e.tenant_id, e.campaign_id, k.key, count(*)
FROM shopper_evaluations e JOIN evaluation_analyses a ON a.evaluation_id = e.id, jsonb_each(a.operative->'checks') k
WHERE e.deleted_at IS NULL AND (k.value->>'passed')::boolean = false
GROUP BY 1, 2, 3;
