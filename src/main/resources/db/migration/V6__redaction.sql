-- The transcript with personal data replaced by type tags ([PHONE]), for roles that may not see it.
ALTER TABLE transcripts ADD COLUMN redacted_turns jsonb;
