-- The contact card's timeline reads a card's tasks; the natural-key index leads with an expression and cannot serve it.
CREATE INDEX tasks_contact ON tasks (tenant_id, contact_card_id, created_at DESC) WHERE contact_card_id IS NOT NULL;
