package io.verbatim.identity.internal;

import io.verbatim.identity.IdentityProperties;
import io.verbatim.identity.Role;
import io.verbatim.identity.UserProvisioning;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A production installation has no demo data: its first platform admin comes from configuration. */
@Component
@Order(0)
class OperatorBootstrap implements ApplicationRunner {

    private final IdentityProperties properties;
    private final Tenants tenants;
    private final UserProvisioning provisioning;

    OperatorBootstrap(IdentityProperties properties, Tenants tenants, UserProvisioning provisioning) {
        this.properties = properties;
        this.tenants = tenants;
        this.provisioning = provisioning;
    }

    @Override
    public void run(ApplicationArguments args) {
        TenantId operator = new TenantId(properties.operatorTenant());
        if (tenants.find(operator).isEmpty()) {
            tenants.create(operator, "Verbatim Operator", StorageMode.SHARED, null);
        }
        IdentityProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
        if (admin.configured()) {
            provisioning.ensureUser(operator, admin.email(), "Platform Admin", admin.password(), Role.PLATFORM_ADMIN, null, null);
        }
    }
}
