package io.verbatim.messages.internal;

import io.verbatim.appointments.AppointmentBooked;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends an appointment's confirmation when it is booked rather than on the next scan. After the booking commits (the
 * message names a committed appointment), on a thread of its own with the booking's tenant (the committing thread may
 * still hold its transaction's resources), waited for so the booking's caller finds the confirmation logged.
 */
@Component
class BookingConfirmations {

    private static final Logger log = LoggerFactory.getLogger(BookingConfirmations.class);
    private final AppointmentMessages messages;

    BookingConfirmations(AppointmentMessages messages) {
        this.messages = messages;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AppointmentBooked booked) {
        TenantId tenant = TenantId.of(booked.tenantId());
        Thread sending = Thread.ofVirtual().name("booking-confirmation").start(() -> TenantContext.runAs(tenant, () -> {
            try {
                messages.confirm(tenant, booked.appointmentId());
            } catch (RuntimeException e) {
                // the scan tries again
                log.warn("Confirmation of appointment {} not sent now: {}", booked.appointmentId(), e.toString());
            }
        }));
        try {
            sending.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
