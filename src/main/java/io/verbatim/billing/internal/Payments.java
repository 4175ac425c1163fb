package io.verbatim.billing.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current company's payments; soft-deleted ones are hidden until restored. */
@Service
class Payments {

    static final Set<String> METHODS = Set.of("card", "transfer", "cash", "check", "other");
    private final JdbcClient jdbc;
    private final AuditLog audit;

    Payments(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    record NewPayment(BigDecimal amount, String currency, LocalDate periodStart, LocalDate periodEnd, String method,
                      String reference) {
    }

    @Transactional
    Payment record(NewPayment p) {
        if (p.amount() == null || p.amount().signum() <= 0 || p.amount().scale() > 2) {
            throw ProblemException.badRequest("invalid-amount", "amount must be positive with at most two decimals");
        }
        String currency = p.currency() == null ? "" : p.currency().strip().toUpperCase(Locale.ROOT);
        try {
            java.util.Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-currency", "currency must be an ISO 4217 code (e.g. DOP, USD)");
        }
        if (p.periodStart() == null || p.periodEnd() == null || p.periodEnd().isBefore(p.periodStart())) {
            throw ProblemException.badRequest("invalid-period", "period_start and period_end are required, end not before start");
        }
        if (p.method() == null || !METHODS.contains(p.method())) {
            throw ProblemException.badRequest("invalid-method", "method must be one of " + METHODS);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO payments (id, tenant_id, amount, currency, period_start, period_end, method, reference, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, TenantContext.require().value(), p.amount(), currency, p.periodStart(), p.periodEnd(), p.method(),
                        p.reference() == null || p.reference().isBlank() ? null : p.reference().strip(),
                        CurrentUser.current().map(CurrentUser::email).orElse(null))
                .update();
        audit.record("payment.recorded", "payment", id.toString(), Map.of("amount", p.amount().toPlainString(), "currency", currency));
        return find(id, false);
    }

    @Transactional(readOnly = true)
    List<Payment> list(boolean deleted) {
        return jdbc.sql("SELECT * FROM payments WHERE (deleted_at IS NOT NULL) = ? ORDER BY period_start DESC, created_at DESC LIMIT 500")
                .param(deleted).query(Payments::map).list();
    }

    @Transactional
    void delete(UUID id) {
        find(id, false);
        jdbc.sql("UPDATE payments SET deleted_at = now() WHERE id = ?").param(id).update();
        audit.record("payment.deleted", "payment", id.toString(), Map.of());
    }

    @Transactional
    Payment restore(UUID id) {
        find(id, true);
        jdbc.sql("UPDATE payments SET deleted_at = NULL WHERE id = ?").param(id).update();
        audit.record("payment.restored", "payment", id.toString(), Map.of());
        return find(id, false);
    }

    private Payment find(UUID id, boolean deleted) {
        return jdbc.sql("SELECT * FROM payments WHERE id = ? AND (deleted_at IS NOT NULL) = ?").params(id, deleted)
                .query(Payments::map).optional().orElseThrow(() -> ProblemException.notFound("Payment " + id));
    }

    private static Payment map(ResultSet rs, int n) throws SQLException {
        Timestamp deleted = rs.getTimestamp("deleted_at");
        return new Payment(rs.getObject("id", UUID.class), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class), rs.getString("method"),
                rs.getString("reference"), rs.getString("recorded_by"), rs.getTimestamp("created_at").toInstant(),
                deleted == null ? null : deleted.toInstant());
    }
}
