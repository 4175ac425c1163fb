package io.verbatim.billing.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The company's payments: its admins and platform admins (acting in it through {@code X-Verbatim-Tenant}).
 * Recording a payment does not change the subscription status: a platform admin does that on purpose.
 */
@RestController
@RequestMapping("/api/v1/payments")
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class PaymentController {

    private final Payments payments;

    PaymentController(Payments payments) {
        this.payments = payments;
    }

    @GetMapping
    Map<String, List<Payment>> list(@RequestParam(defaultValue = "false") boolean deleted) {
        return Map.of("items", payments.list(deleted));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Payment record(@RequestBody Payments.NewPayment body) {
        return payments.record(body);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        payments.delete(id);
    }

    @PostMapping("/{id}/restore")
    Payment restore(@PathVariable UUID id) {
        return payments.restore(id);
    }
}
