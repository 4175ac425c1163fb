package io.verbatim.billing.internal;

import io.verbatim.billing.CompanyProfile;
import io.verbatim.billing.CompanyProfiles;
import io.verbatim.billing.SubscriptionStatus;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.Role;
import io.verbatim.identity.UserProvisioning;
import io.verbatim.platform.IsoRegions;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.Tenant;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Companies are tenants with a profile. Each step binds the company's tenant itself (profile rows are
 * tenant-owned), so these methods run outside any transaction.
 */
@Service
class Companies implements CompanyProfiles {

    static final int MIN_PASSWORD = 10;
    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final UserProvisioning provisioning;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    Companies(JdbcClient jdbc, Tenants tenants, UserProvisioning provisioning, AuditLog audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.provisioning = provisioning;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    record Profile(String email, String phone, String address, String state, String country) {
    }

    record NewCompany(String name, Profile profile, String adminEmail, String adminName, String adminPassword) {
    }

    record Changes(String name, Profile profile, String plan, SubscriptionStatus subscriptionStatus) {
    }

    Company create(NewCompany request) {
        String country = IsoRegions.country(request.profile().country() == null ? "DO" : request.profile().country());
        String state = IsoRegions.state(request.profile().state(), country);
        String email = email(request.profile().email(), "email");
        String adminEmail = email(request.adminEmail(), "admin.email");
        if (adminEmail == null || request.adminName() == null || request.adminName().isBlank()) {
            throw ProblemException.badRequest("validation", "admin needs email, name and password");
        }
        String password = request.adminPassword();
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            throw ProblemException.badRequest("weak-password", "The admin's password needs " + MIN_PASSWORD + " to 200 characters");
        }
        Tenant tenant = tenants.create(freeId(request.name()), request.name(), StorageMode.SHARED, null);
        TenantId id = tenant.id();
        TenantContext.runAs(id, () -> transaction.executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO company_profiles (tenant_id, email, phone, address, state, country)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id.value(), email, blank(request.profile().phone()), blank(request.profile().address()), state, country)
                    .update();
            audit.record("company.created", "company", id.value(), Map.of("name", tenant.name(), "admin", adminEmail));
        }));
        UUID adminId = provisioning.ensureUser(id, adminEmail, request.adminName().strip(), password, Role.ADMIN, null, null,
                "company");
        return get(id).withAdmin(new Company.Admin(adminId, adminEmail, request.adminName().strip()));
    }

    @Override
    public boolean ensureProfile(TenantId id, CompanyProfile profile) {
        tenants.find(id).orElseThrow(() -> ProblemException.notFound("Company '" + id + "'"));
        String country = IsoRegions.country(profile.country() == null ? "DO" : profile.country());
        String state = IsoRegions.state(profile.state(), country);
        String email = email(profile.email(), "email");
        return Boolean.TRUE.equals(TenantContext.callAs(id, () -> transaction.execute(tx -> {
            boolean added = jdbc.sql("""
                    INSERT INTO company_profiles (tenant_id, email, phone, address, state, country)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id) DO NOTHING""")
                    .params(id.value(), email, blank(profile.phone()), blank(profile.address()), state, country).update() > 0;
            if (added) {
                audit.record("company.profile_created", "company", id.value(), Map.of("country", country));
            }
            return added;
        })));
    }

    Company get(TenantId id) {
        Tenant tenant = tenants.find(id).orElseThrow(() -> ProblemException.notFound("Company '" + id + "'"));
        return TenantContext.callAs(id, () -> transaction.execute(tx -> jdbc.sql("SELECT * FROM company_profiles WHERE tenant_id = ?")
                .param(id.value()).query((rs, n) -> new Company(id.value(), tenant.name(), rs.getString("email"), rs.getString("phone"),
                        rs.getString("address"), rs.getString("state"), rs.getString("country"), rs.getString("plan"),
                        SubscriptionStatus.fromWire(rs.getString("subscription_status")), tenant.active(),
                        rs.getTimestamp("created_at").toInstant(), null))
                .optional()
                // A tenant made before companies existed has the defaults: in good standing, country DO.
                .orElse(new Company(id.value(), tenant.name(), null, null, null, null, "DO", "standard", SubscriptionStatus.ACTIVE,
                        tenant.active(), tenant.createdAt(), null))));
    }

    Page<Company> list(String cursor, int limit) {
        Page<Tenant> page = tenants.list(true, cursor, limit);
        return new Page<>(page.items().stream().map(t -> get(t.id())).toList(), page.nextCursor());
    }

    Company update(TenantId id, Changes changes) {
        Company current = get(id);
        if (changes.name() != null && !changes.name().equals(current.name())) {
            tenants.update(id, changes.name(), null, null);
        }
        Profile p = changes.profile();
        String country = p.country() == null ? current.country() : IsoRegions.country(p.country());
        String state = p.state() == null ? (country.equals(current.country()) ? current.state() : null) : IsoRegions.state(p.state(), country);
        String email = p.email() == null ? current.email() : email(p.email(), "email");
        String plan = changes.plan() == null ? current.plan() : changes.plan().strip();
        SubscriptionStatus status = changes.subscriptionStatus() == null ? current.subscriptionStatus() : changes.subscriptionStatus();
        TenantContext.runAs(id, () -> transaction.executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO company_profiles (tenant_id, email, phone, address, state, country, plan, subscription_status)
                    VALUES (:id, :email, :phone, :address, :state, :country, :plan, :status)
                    ON CONFLICT (tenant_id) DO UPDATE SET email = :email, phone = :phone, address = :address, state = :state,
                        country = :country, plan = :plan, subscription_status = :status, updated_at = now()""")
                    .param("id", id.value()).param("email", email)
                    .param("phone", p.phone() == null ? current.phone() : blank(p.phone()))
                    .param("address", p.address() == null ? current.address() : blank(p.address()))
                    .param("state", state).param("country", country).param("plan", plan).param("status", status.wire())
                    .update();
            Map<String, Object> detail = new LinkedHashMap<>();
            if (status != current.subscriptionStatus()) {
                detail.put("subscription_status", status.wire());
                detail.put("previous", current.subscriptionStatus().wire());
            }
            audit.record(status != current.subscriptionStatus() ? "company.subscription_changed" : "company.updated", "company",
                    id.value(), detail);
        }));
        return get(id);
    }

    /** A readable slug from the name, suffixed until it is free. */
    private TenantId freeId(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ProblemException.badRequest("validation", "name must be 1-200 characters");
        }
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 50) {
            slug = slug.substring(0, 50).replaceAll("-+$", "");
        }
        if (slug.length() < 3) {
            slug = "company-" + slug;
        }
        String candidate = slug.replaceAll("-+$", "");
        for (int n = 2; tenants.find(new TenantId(candidate)).isPresent(); n++) {
            candidate = slug + "-" + n;
        }
        return new TenantId(candidate);
    }

    private static String email(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String e = value.strip();
        if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || e.length() > 254) {
            throw ProblemException.badRequest("invalid-email", field + " is not an e-mail address");
        }
        return e;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
