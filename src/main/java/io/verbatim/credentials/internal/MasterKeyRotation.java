package io.verbatim.credentials.internal;

import io.verbatim.credentials.Credentials;
import io.verbatim.tenancy.Tenant;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a master-key rotation (new key in {@code master-key}, the old one in {@code previous-master-keys})
 * every tenant's data keys are re-wrapped under the new key at start; afterwards the old key can be dropped.
 * Data keys met before that are re-wrapped on first use anyway.
 */
@Component
class MasterKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);
    private final MasterKeys masters;
    private final Tenants tenants;
    private final Credentials credentials;

    MasterKeyRotation(MasterKeys masters, Tenants tenants, Credentials credentials) {
        this.masters = masters;
        this.tenants = tenants;
        this.credentials = credentials;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rewrapAll() {
        if (!masters.hasPrevious()) {
            return;
        }
        int total = 0;
        String cursor = null;
        do {
            var page = tenants.list(true, cursor, 200);
            for (Tenant tenant : page.items()) {
                try {
                    total += TenantContext.callAs(tenant.id(), credentials::rewrapDataKeys);
                } catch (RuntimeException e) {
                    log.error("Could not re-wrap the data keys of {}: {}", tenant.id(), e.getMessage());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        log.info("Master-key rotation: re-wrapped {} data keys under the current master key", total);
    }
}
