package io.verbatim.voiceagents.internal;

import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** A new tenant starts with the default services catalogue, written once the tenant itself is committed. */
@Component
class DefaultServices {

    private final ServiceCatalogue catalogue;

    DefaultServices(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TenantEvent.Created event) {
        TenantContext.runAs(event.tenantId(), catalogue::seedDefaults);
    }
}
