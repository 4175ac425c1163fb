-- Exec sales metrics (issue 13): "visits recorded and analysed" finds the field-visit conversation of an appointment
-- by attributes.appointment_id (set by recording sessions), so that look-up needs an index at 300,000 appointments.
CREATE INDEX conversations_field_visit_appointment ON conversations (tenant_id, ((attributes ->> 'appointment_id')))
    WHERE channel = 'field_visit';
