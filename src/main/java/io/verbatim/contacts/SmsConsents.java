package io.verbatim.contacts;

import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SMS consent per tenant and phone number, for other modules (messages gates its automatic texts and refuses manual
 * ones to an opted-out number; its inbound webhook records STOP and START). Kept here, with the cards, because the
 * messages module already depends on contacts and the card page shows and changes it. Every method names its tenant.
 */
@Service
public class SmsConsents {

    private final JdbcClient jdbc;
    private final ContactCards cards;
    private final TransactionTemplate transaction;

    public SmsConsents(JdbcClient jdbc, ContactCards cards, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cards = cards;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The number's current state ({@link SmsConsent#unknown} when nothing was recorded); any format of the number. */
    public SmsConsent of(TenantId tenant, String phone) {
        return TenantContext.callAs(tenant, () -> {
            Optional<String> e164 = cards.normalisePhone(phone);
            if (e164.isEmpty()) {
                return SmsConsent.unknown(phone);
            }
            return transaction.execute(tx -> jdbc.sql("SELECT * FROM sms_consent WHERE tenant_id = ? AND phone = ?")
                    .params(tenant.value(), e164.get()).query(SmsConsents::map).optional()
                    .orElse(SmsConsent.unknown(e164.get())));
        });
    }

    /** Every change of the number's state, newest first. */
    public List<SmsConsent> history(TenantId tenant, String phone) {
        return TenantContext.callAs(tenant, () -> transaction.execute(tx -> jdbc.sql("""
                        SELECT * FROM sms_consent_history WHERE tenant_id = ? AND phone = ? ORDER BY changed_at DESC, id DESC""")
                .params(tenant.value(), cards.normalisePhone(phone).orElse(phone)).query(SmsConsents::map).list()));
    }

    /**
     * Records a state for the number (current state and a history row, in one transaction) and returns it.
     *
     * @throws ProblemException 400 {@code invalid-sms-consent} for a number that is none, or an unknown state or source
     */
    public SmsConsent record(TenantId tenant, String phone, String state, String source, UUID by, String note) {
        if (!SmsConsent.STATES.contains(state) || !SmsConsent.SOURCES.contains(source)) {
            throw ProblemException.badRequest("invalid-sms-consent", "state must be one of " + SmsConsent.STATES
                    + " and source one of " + SmsConsent.SOURCES);
        }
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        if (trimmed != null && trimmed.length() > 500) {
            throw ProblemException.badRequest("invalid-sms-consent", "note is at most 500 characters");
        }
        return TenantContext.callAs(tenant, () -> {
            String e164 = cards.normalisePhone(phone).orElseThrow(() -> ProblemException.badRequest("invalid-sms-consent",
                    "phone must be a valid phone number"));
            return transaction.execute(tx -> {
                SmsConsent saved = jdbc.sql("""
                                INSERT INTO sms_consent (tenant_id, phone, state, source, changed_by, note) VALUES (?, ?, ?, ?, ?, ?)
                                ON CONFLICT (tenant_id, phone) DO UPDATE SET state = EXCLUDED.state, source = EXCLUDED.source,
                                    changed_at = now(), changed_by = EXCLUDED.changed_by, note = EXCLUDED.note
                                RETURNING *""")
                        .params(tenant.value(), e164, state, source, by, trimmed).query(SmsConsents::map).single();
                jdbc.sql("""
                                INSERT INTO sms_consent_history (id, tenant_id, phone, state, source, changed_at, changed_by, note)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(UUID.randomUUID(), tenant.value(), e164, state, source,
                                java.sql.Timestamp.from(saved.changedAt()), by, trimmed)
                        .update();
                return saved;
            });
        });
    }

    private static SmsConsent map(ResultSet rs, int n) throws SQLException {
        return new SmsConsent(rs.getString("phone"), rs.getString("state"), rs.getString("source"),
                rs.getTimestamp("changed_at").toInstant(), rs.getObject("changed_by", UUID.class), rs.getString("note"));
    }
}
