-- The dashboards' roll-ups are rebuilt wholesale by the refresh job when many days change at once (a migration's
-- backfill, a bulk import, a re-analysis of a year). Until they are analysed the planner takes them for empty and reads
-- a year of days row by row through the day index (about 20,000 page visits for the 21,000 team-day rows of a
-- million-call tenant, instead of one pass). The application analyses them after such a rebuild; on PostgreSQL 17
-- and later it needs the MAINTAIN privilege for that (without it ANALYZE skips the table with a warning and
-- autovacuum's next pass catches up).
DO $$
BEGIN
    IF current_setting('server_version_num')::int >= 170000 THEN
        EXECUTE 'GRANT MAINTAIN ON daily_conversation_stats, daily_conversation_counts, daily_qa_items, daily_team_stats, '
            || 'daily_team_counts, daily_team_qa_items, monthly_conversation_stats, monthly_conversation_counts, '
            || 'monthly_qa_items, monthly_team_stats, monthly_team_counts, monthly_team_qa_items TO ${app_role}';
    END IF;
END $$;

ANALYZE daily_conversation_stats, daily_conversation_counts, daily_qa_items, daily_team_stats, daily_team_counts,
    daily_team_qa_items, monthly_conversation_stats, monthly_conversation_counts, monthly_qa_items, monthly_team_stats,
    monthly_team_counts, monthly_team_qa_items;
