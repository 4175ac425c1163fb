package io.verbatim.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The organisation look-up every bearer token makes, now one statement: the external org id wins over a slug. */
class TenantLookupIT extends PlatformTest {

    @Autowired
    Tenants tenants;

    @Test
    void anExternalOrgIdWinsOverATenantWhoseSlugIsTheSameText() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TenantId slugOnly = new TenantId("lookup-b-" + suffix);
        TenantId mapped = new TenantId("lookup-a-" + suffix);
        tenants.create(slugOnly, "Slug only", StorageMode.SHARED, null);
        tenants.create(mapped, "Mapped", StorageMode.SHARED, slugOnly.value()); // its external org id is the other's slug

        assertThat(tenants.findByOrganisation(slugOnly.value())).map(Tenant::id).contains(mapped);
        assertThat(tenants.findByOrganisation(mapped.value())).map(Tenant::id).contains(mapped);
        tenants.create(new TenantId("lookup-c-" + suffix), "External", StorageMode.SHARED, "org_2Lookup" + suffix);
        assertThat(tenants.findByOrganisation("org_2Lookup" + suffix)).map(Tenant::id).contains(new TenantId("lookup-c-" + suffix));
        assertThat(tenants.findByOrganisation("org_2Nobody" + suffix)).isEmpty();
        assertThat(tenants.findByOrganisation("lookup-z-" + suffix)).isEmpty();
        assertThat(tenants.findByOrganisation(" ")).isEmpty();
    }
}
