-- The Calls Explorer at a million conversations (docs/web.md, "How the explorer stays fast").

-- Sorting by length walks an index instead of sorting the whole period (1M rows for a year). The
-- expression is the explorer's sort key exactly; a backward scan gives the shortest first.
CREATE INDEX conversations_duration ON conversations (tenant_id, (coalesce(duration_seconds, -1)) DESC, id);

-- Sorting by QA score: the score lives in analyses, which the explorer joins LEFT (calls not analysed yet
-- sort as -1), so no index could order the join and a year was sorted whole (5 s). The sort key is copied
-- onto the conversation, kept by a trigger on analyses, and indexed like the time order.
ALTER TABLE conversations ADD COLUMN sort_score real NOT NULL DEFAULT -1;
UPDATE conversations c SET sort_score = a.qa_score FROM analyses a WHERE a.conversation_id = c.id AND a.qa_score IS NOT NULL;
CREATE INDEX conversations_score ON conversations (tenant_id, sort_score DESC, id);

-- Runs as the owner: the analysis writer need not be allowed to update conversations, and the row is the
-- analysis's own conversation (same tenant), found by its key.
CREATE FUNCTION verbatim_analysis_score_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
    IF TG_OP = 'DELETE' THEN
        -- A conversation being deleted is already gone here (its analysis goes by cascade): nothing to update.
        UPDATE conversations SET sort_score = -1 WHERE id = OLD.conversation_id AND sort_score <> -1;
    ELSE
        UPDATE conversations SET sort_score = coalesce(NEW.qa_score, -1)
        WHERE id = NEW.conversation_id AND sort_score IS DISTINCT FROM coalesce(NEW.qa_score, -1);
    END IF;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER analyses_sort_score AFTER INSERT OR DELETE OR UPDATE OF qa_score ON analyses
    FOR EACH ROW EXECUTE FUNCTION verbatim_analysis_score_changed();

-- Judgments to review, for the explorer's review_field and needs_review=true filters (looked up below, like
-- the arrays). The expression index also gives the planner statistics on how many calls have any at all.
CREATE INDEX analyses_needs_review ON analyses USING gin (needs_review);
CREATE INDEX analyses_needs_review_count ON analyses (tenant_id, cardinality(needs_review));
-- Auto-failed calls are few (a partial index of them alone), for auto_failed=true.
CREATE INDEX analyses_auto_failed ON analyses (tenant_id) WHERE auto_failed;

-- Array filters under row-level security. The array operators (@>, &&) are not LEAKPROOF, so under a
-- tenant policy PostgreSQL evaluates them row by row and never inside the GIN indexes: a combination of
-- trackers, objections and a call reason that matches few calls walked a year of the time index to find
-- them. As in V15, these look-ups run as the owner (policy USING (true)), restrict themselves to the
-- transaction's tenant exactly as the policy does, and return ids or a number only. A NULL argument is no
-- condition; the query is built from the others so the planner combines only the indexes that apply.
CREATE FUNCTION verbatim_analysis_filter_sql(reason text, tracker text, objection text, entity text, review_field text, needs_review boolean, auto_failed boolean)
    RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
    SELECT 'SELECT conversation_id FROM analyses WHERE tenant_id = $1'
        || CASE WHEN reason IS NULL THEN '' ELSE ' AND call_reason = $2' END
        || CASE WHEN tracker IS NULL THEN '' ELSE ' AND trackers @> ARRAY[$3]' END
        || CASE WHEN objection IS NULL THEN '' ELSE ' AND objection_categories @> ARRAY[$4]' END
        || CASE WHEN entity IS NULL THEN '' ELSE ' AND entities && ARRAY[$5, lower($5)]' END
        || CASE WHEN review_field IS NULL THEN '' ELSE ' AND needs_review @> ARRAY[$6]' END
        || CASE WHEN needs_review THEN ' AND cardinality(needs_review) > 0' ELSE '' END
        || CASE WHEN auto_failed THEN ' AND auto_failed' ELSE '' END
$fn$;

-- The current tenant's analysed conversations matching every given filter.
CREATE FUNCTION verbatim_analysis_matches(reason text, tracker text, objection text, entity text, review_field text, needs_review boolean, auto_failed boolean)
    RETURNS SETOF uuid LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
    RETURN QUERY EXECUTE verbatim_analysis_filter_sql(reason, tracker, objection, entity, review_field, needs_review, auto_failed)
        USING current_setting('app.tenant_id', true), reason, tracker, objection, entity, review_field;
END
$fn$;

-- How many the planner expects (column statistics only; reads no rows).
CREATE FUNCTION verbatim_analysis_match_estimate(reason text, tracker text, objection text, entity text, review_field text, needs_review boolean, auto_failed boolean)
    RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    plan json;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) ' || verbatim_analysis_filter_sql(reason, tracker, objection, entity, review_field, needs_review, auto_failed)
        INTO plan USING current_setting('app.tenant_id', true), reason, tracker, objection, entity, review_field;
    RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
END
$fn$;

REVOKE ALL ON FUNCTION verbatim_analysis_filter_sql(text, text, text, text, text, boolean, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION verbatim_analysis_matches(text, text, text, text, text, boolean, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION verbatim_analysis_match_estimate(text, text, text, text, text, boolean, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION verbatim_analysis_matches(text, text, text, text, text, boolean, boolean) TO ${app_role};
GRANT EXECUTE ON FUNCTION verbatim_analysis_match_estimate(text, text, text, text, text, boolean, boolean) TO ${app_role};

-- Statistics for the new expression index (the needs-review estimate reads them) and the rewritten rows.
ANALYZE conversations, analyses;
