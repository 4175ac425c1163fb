package io.verbatim.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A payment recorded for the company (no card data: the method and the processor's reference only). */
record Payment(UUID id, BigDecimal amount, String currency, LocalDate periodStart, LocalDate periodEnd, String method,
               String reference, String recordedBy, Instant createdAt, Instant deletedAt) {
}
