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

    /**
     * After the commit, on a thread of its own: the creating request's transaction is still bound to this
     * thread (with the creator's tenant), and the new tenant's rows need a transaction in the new tenant.
     * Waited for, so the tenant is answered with its catalogue in place.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TenantEvent.Created event) {
        Thread seeding = Thread.ofVirtual().name("services-seed").start(() -> TenantContext.runAs(event.tenantId(), catalogue::seedDefaults));
        try {
            seeding.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
