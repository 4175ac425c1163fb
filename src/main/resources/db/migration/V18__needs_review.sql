-- "Needs review": the judgments the analyst was unsure of (flat call record "needs_review"), as a column the
-- explorer filters on and the roll-ups count, so that neither reads the stored JSON.
ALTER TABLE analyses ADD COLUMN needs_review text[] NOT NULL DEFAULT '{}';
-- No index of its own: under row-level security PostgreSQL uses no index for the array operators (not
-- leakproof), and the explorer checks the column on each row while walking the (tenant, time) index.

-- Conversations with at least one judgment to review, per roll-up row (the Business Overview's share).
ALTER TABLE daily_conversation_stats ADD COLUMN needs_review integer NOT NULL DEFAULT 0;
ALTER TABLE daily_team_stats ADD COLUMN needs_review integer NOT NULL DEFAULT 0;

-- Existing analyses, from the flat record they stored. The update fires the roll-up trigger, so the days of
-- the rows it changes are recomputed by the next refresh (rows left alone correctly count 0).
UPDATE analyses SET needs_review = ARRAY(SELECT jsonb_array_elements_text(call_record -> 'needs_review'))
WHERE jsonb_typeof(call_record -> 'needs_review') = 'array' AND jsonb_array_length(call_record -> 'needs_review') > 0;
