package io.verbatim.webhooks.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins register the endpoints Verbatim calls, see every delivery and attempt, and replay deliveries. */
@RestController
@RequestMapping("/api/v1/webhook-endpoints")
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class EndpointController {

    private final Endpoints endpoints;
    private final Deliveries deliveries;
    private final DeliveryWorker worker;
    private final AuditLog audit;

    EndpointController(Endpoints endpoints, Deliveries deliveries, DeliveryWorker worker, AuditLog audit) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.worker = worker;
        this.audit = audit;
    }

    record CreateEndpoint(String url, List<String> events, String description) {
    }

    record ChangeEndpoint(String url, List<String> events, String description, Boolean enabled) {
    }

    /** The endpoint with its secret: shown at creation (and to a retry with the same Idempotency-Key) only. */
    record CreatedEndpoint(UUID id, String url, List<String> events, String description, boolean enabled, String secret,
                           Instant createdAt) {
    }

    record Secret(UUID id, String secret) {
    }

    record DeliveryView(UUID id, String messageId, String eventType, String status, int attempts, Integer lastStatus,
                        String lastError, Instant nextAttemptAt, Instant createdAt, Instant completedAt, String payload,
                        List<Deliveries.Attempt> attemptLog) {
        static DeliveryView of(Deliveries.Delivery d, List<Deliveries.Attempt> attempts) {
            return new DeliveryView(d.id(), d.messageId(), d.eventType(), d.status(), d.attempts(), d.lastStatus(), d.lastError(),
                    d.status().equals("pending") ? d.nextAttemptAt() : null, d.createdAt(), d.completedAt(), d.payload(), attempts);
        }
    }

    @PostMapping
    ResponseEntity<CreatedEndpoint> create(@RequestBody CreateEndpoint body,
                                           @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        if (body == null) {
            throw ProblemException.badRequest("malformed-body", "A JSON body with url and events is required");
        }
        Endpoints.Created created = endpoints.create(body.url(), body.events(), body.description(), idempotencyKey);
        Endpoints.Endpoint e = created.endpoint();
        if (!created.replayed()) {
            audit.record("webhook_endpoint.created", "webhook_endpoint", e.id().toString(), Map.of("url", e.url(), "events", e.events()));
        }
        return ResponseEntity.status(created.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/webhook-endpoints/" + e.id()))
                .body(new CreatedEndpoint(e.id(), e.url(), e.events(), e.description(), e.enabled(), created.secret(), e.createdAt()));
    }

    @GetMapping
    Page<Endpoints.Endpoint> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return endpoints.list(cursor, Page.limit(limit));
    }

    @GetMapping("/{id}")
    Endpoints.Endpoint get(@PathVariable UUID id) {
        return endpoints.find(id).orElseThrow(() -> notFound(id));
    }

    @PatchMapping("/{id}")
    Endpoints.Endpoint update(@PathVariable UUID id, @RequestBody ChangeEndpoint body) {
        Endpoints.Endpoint e = endpoints.update(id, body.url(), body.events(), body.description(), body.enabled());
        audit.record("webhook_endpoint.updated", "webhook_endpoint", id.toString(), Map.of("url", e.url(), "events", e.events(),
                "enabled", e.enabled()));
        return e;
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        if (!endpoints.delete(id)) {
            throw notFound(id);
        }
        audit.record("webhook_endpoint.deleted", "webhook_endpoint", id.toString(), Map.of());
    }

    /** A new secret, shown once; the old one keeps signing beside it for 24 hours. */
    @PostMapping("/{id}/rotate-secret")
    Secret rotateSecret(@PathVariable UUID id) {
        String secret = endpoints.rotateSecret(id);
        audit.record("webhook_endpoint.secret_rotated", "webhook_endpoint", id.toString(), Map.of());
        return new Secret(id, secret);
    }

    @GetMapping("/{id}/deliveries")
    Page<DeliveryView> deliveries(@PathVariable UUID id, @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        endpoints.find(id).orElseThrow(() -> notFound(id));
        Page<Deliveries.Delivery> page = deliveries.list(id, status, cursor, Page.limit(limit));
        return new Page<>(page.items().stream().map(d -> DeliveryView.of(d, null)).toList(), page.nextCursor());
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    DeliveryView delivery(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        Deliveries.Delivery d = deliveries.find(id, deliveryId).orElseThrow(() -> ProblemException.notFound("Delivery " + deliveryId));
        return DeliveryView.of(d, deliveries.attempts(deliveryId));
    }

    /** Sends the delivery again, now, with the same webhook-id. */
    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryView replay(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        Endpoints.Endpoint endpoint = endpoints.find(id).orElseThrow(() -> notFound(id));
        Deliveries.Delivery d = deliveries.find(id, deliveryId).orElseThrow(() -> ProblemException.notFound("Delivery " + deliveryId));
        if (!endpoint.enabled()) {
            throw ProblemException.conflict("endpoint-disabled", "The endpoint is disabled; enable it first");
        }
        if (!deliveries.replay(id, deliveryId)) {
            throw ProblemException.conflict("delivery-in-flight", "The delivery is being sent right now");
        }
        audit.record("webhook_delivery.replayed", "webhook_delivery", deliveryId.toString(), Map.of("endpoint_id", id.toString()));
        worker.kick(TenantContext.require());
        return DeliveryView.of(deliveries.find(id, deliveryId).orElse(d), null);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Webhook endpoint " + id);
    }
}
