-- Failed appointment confirmations and reminders are tried again on a backoff: attempts counts the tries so far and
-- next_attempt_at is when the next one is due (NULL: none will be, the message stays as it is). 'not_sent' is a
-- message logged but never handed to a provider, because the tenant has none configured for its channel.
ALTER TABLE messages ADD COLUMN attempts integer NOT NULL DEFAULT 1,
    ADD COLUMN next_attempt_at timestamptz;
ALTER TABLE messages DROP CONSTRAINT messages_status_check;
ALTER TABLE messages ADD CONSTRAINT messages_status_check
    CHECK (status IN ('queued', 'sent', 'delivered', 'failed', 'undelivered', 'not_sent'));
CREATE INDEX messages_retry_due ON messages (tenant_id, next_attempt_at) WHERE next_attempt_at IS NOT NULL;
