-- Full-text search under row-level security. The text-match operator (@@) is not LEAKPROOF, so under a
-- tenant policy PostgreSQL may not evaluate it inside an index scan: every search read every transcript
-- (0.6 s for a rare word at 2M). These two look-ups run as the owner, whose policy is USING (true), so
-- the GIN index is used; each one restricts itself to the transaction's tenant exactly as the policy
-- does, and returns ids or a number only.

-- The current tenant's conversations whose transcript matches a web-search style query.
CREATE FUNCTION verbatim_transcript_matches(q text) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
    SELECT conversation_id FROM transcripts
    WHERE tenant_id = current_setting('app.tenant_id', true) AND search @@ websearch_to_tsquery('english', q)
$fn$;

-- How many of the current tenant's transcripts the planner expects to match (from column statistics;
-- reads no rows; VOLATILE because it runs EXPLAIN): lets the explorer choose between collecting the matches and walking the time index.
CREATE FUNCTION verbatim_transcript_match_estimate(q text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    plan json;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM transcripts WHERE tenant_id = $1 AND search @@ websearch_to_tsquery(''english'', $2)'
        INTO plan USING current_setting('app.tenant_id', true), q;
    RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
END
$fn$;

REVOKE ALL ON FUNCTION verbatim_transcript_matches(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION verbatim_transcript_match_estimate(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION verbatim_transcript_matches(text) TO ${app_role};
GRANT EXECUTE ON FUNCTION verbatim_transcript_match_estimate(text) TO ${app_role};
