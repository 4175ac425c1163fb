package io.verbatim.voiceagents.internal;

import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The current tenant's services catalogue. */
@Component
class ServiceCatalogue {

    /** A new tenant's catalogue (also written for the tenants that existed before, by V30). */
    record Default(String name, int minutes, BigDecimal price) {
    }

    static final List<Default> DEFAULTS = List.of(
            new Default("Consultation", 30, new BigDecimal("0.00")),
            new Default("New client appointment", 60, new BigDecimal("120.00")),
            new Default("Follow-up appointment", 30, new BigDecimal("75.00")),
            new Default("Standard service", 60, new BigDecimal("95.00")),
            new Default("Extended service", 90, new BigDecimal("160.00")),
            new Default("Estimate visit", 45, new BigDecimal("0.00")),
            new Default("Call back", 15, new BigDecimal("0.00")));

    private final JdbcClient jdbc;

    ServiceCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the defaults the tenant does not have yet (by name); runs on its own after the tenant was created. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void seedDefaults() {
        for (Default d : DEFAULTS) {
            jdbc.sql("INSERT INTO services (id, tenant_id, name, duration_minutes, price) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(UUID.randomUUID(), tenant(), d.name(), d.minutes(), d.price()).update();
        }
    }

    @Transactional(readOnly = true)
    List<Service> list(boolean activeOnly) {
        return jdbc.sql("SELECT * FROM services WHERE tenant_id = ? AND (active OR NOT ?) ORDER BY lower(name), id")
                .params(tenant(), activeOnly).query(ServiceCatalogue::map).list();
    }

    @Transactional(readOnly = true)
    Optional<Service> find(UUID id) {
        return jdbc.sql("SELECT * FROM services WHERE tenant_id = ? AND id = ?").params(tenant(), id).query(ServiceCatalogue::map).optional();
    }

    /** @return the service and whether it was created now (false: the same Idempotency-Key again) */
    @Transactional
    Created create(String name, int minutes, BigDecimal price, String currency, boolean active, List<String> synonyms,
                   String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Service> earlier = jdbc.sql("SELECT * FROM services WHERE tenant_id = ? AND idempotency_key = ?")
                    .params(tenant(), idempotencyKey).query(ServiceCatalogue::map).optional();
            if (earlier.isPresent()) {
                return new Created(earlier.get(), false);
            }
        }
        try {
            Service s = jdbc.sql("""
                    INSERT INTO services (id, tenant_id, name, duration_minutes, price, currency, active, synonyms, idempotency_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *""")
                    .params(UUID.randomUUID(), tenant(), name, minutes, price, currency, active,
                            (synonyms == null ? List.<String>of() : synonyms).toArray(String[]::new), idempotencyKey)
                    .query(ServiceCatalogue::map).single();
            return new Created(s, true);
        } catch (DuplicateKeyException e) {
            throw duplicate(name);
        }
    }

    record Created(Service service, boolean created) {
    }

    @Transactional
    Optional<Service> update(UUID id, String name, Integer minutes, BigDecimal price, String currency, Boolean active,
                             List<String> synonyms) {
        try {
            return jdbc.sql("""
                    UPDATE services SET name = COALESCE(?, name), duration_minutes = COALESCE(?, duration_minutes),
                        price = COALESCE(?, price), currency = COALESCE(?, currency), active = COALESCE(?, active),
                        synonyms = COALESCE(?, synonyms), updated_at = now()
                    WHERE tenant_id = ? AND id = ? RETURNING *""")
                    .params(name, minutes, price, currency, active, synonyms == null ? null : synonyms.toArray(String[]::new),
                            tenant(), id).query(ServiceCatalogue::map).optional();
        } catch (DuplicateKeyException e) {
            throw duplicate(name);
        }
    }

    private static ProblemException duplicate(String name) {
        return ProblemException.conflict("service-exists", "A service named '" + name + "' exists already");
    }

    private static String tenant() {
        return TenantContext.require().value();
    }

    private static Service map(ResultSet rs, int n) throws SQLException {
        return new Service(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("duration_minutes"),
                rs.getBigDecimal("price"), rs.getString("currency"), rs.getBoolean("active"),
                List.of((String[]) rs.getArray("synonyms").getArray()),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
