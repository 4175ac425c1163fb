package io.verbatim.webhooks.internal;

import io.verbatim.pipeline.PipelineProperties;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.webhooks.StandardWebhooks;
import io.verbatim.webhooks.TargetGuard;
import io.verbatim.webhooks.WebhookProperties;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries: signed per Standard Webhooks, one POST per attempt. A 2xx is delivered; a 410
 * disables the endpoint (and fails what waits for it); anything else (another status, a timeout, a
 * refused target) is retried on the configured schedule, about a day in all, then failed. Every attempt
 * is logged with its status, error, duration and the start of the answer.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH = 50;

    private final Deliveries deliveries;
    private final Endpoints endpoints;
    private final TargetGuard guard;
    private final WebhookProperties properties;
    private final boolean sendHere;
    private final HttpClient http;
    private final ExecutorService drains = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight;
    private final Set<String> draining = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();

    DeliveryWorker(Deliveries deliveries, Endpoints endpoints, TargetGuard guard, WebhookProperties properties,
                   PipelineProperties pipeline) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.guard = guard;
        this.properties = properties;
        this.sendHere = pipeline.enabled();
        this.inFlight = new Semaphore(Math.max(1, properties.deliveryConcurrency()));
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Sends the tenant's due deliveries soon, on this node (after a commit that enqueued some). */
    void kick(TenantId tenant) {
        if (!sendHere) {
            return;
        }
        if (!draining.add(tenant.value())) {
            again.add(tenant.value()); // the running drain looks once more before it stops
            return;
        }
        drains.execute(() -> {
            try {
                do {
                    again.remove(tenant.value());
                    TenantContext.runAs(tenant, this::drain);
                } while (again.contains(tenant.value()));
            } catch (RuntimeException e) {
                log.error("Webhook deliveries of {} stopped", tenant, e);
            } finally {
                draining.remove(tenant.value());
            }
        });
    }

    /** The recurring scan (once per cluster): every tenant with due deliveries. */
    void drainAll() {
        for (String tenant : deliveries.dueTenants()) {
            kick(new TenantId(tenant));
        }
    }

    void drain() {
        TenantId tenant = TenantContext.require();
        while (true) {
            List<Deliveries.Delivery> due = deliveries.claimDue(BATCH);
            if (due.isEmpty()) {
                return;
            }
            List<Future<?>> running = new ArrayList<>();
            for (Deliveries.Delivery d : due) {
                running.add(sends.submit(() -> {
                    inFlight.acquireUninterruptibly();
                    try {
                        TenantContext.runAs(tenant, () -> send(d));
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    log.error("A webhook delivery of {} failed unexpectedly", tenant, e);
                }
            }
        }
    }

    void send(Deliveries.Delivery delivery) {
        int attempt = delivery.attempts() + 1;
        Optional<Endpoints.Endpoint> endpoint = endpoints.find(delivery.endpointId());
        if (endpoint.isEmpty() || !endpoint.get().enabled()) {
            deliveries.recordAttempt(delivery.id(), delivery.attempts(), null, "The endpoint is disabled", 0, null, "failed", null);
            return;
        }
        long start = System.nanoTime();
        Integer status = null;
        String error = null;
        String answer = null;
        try {
            long timestamp = Instant.now().getEpochSecond();
            byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
            List<String> signatures = new ArrayList<>();
            for (String secret : endpoints.signingSecrets(delivery.endpointId())) {
                signatures.add(StandardWebhooks.sign(StandardWebhooks.key(secret), delivery.messageId(), timestamp, body));
            }
            URI target = guard.check(endpoint.get().url());
            HttpRequest request = HttpRequest.newBuilder(target).timeout(properties.deliveryTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Verbatim-Webhooks/1")
                    .header("webhook-id", delivery.messageId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", String.join(" ", signatures))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            answer = response.body();
        } catch (TargetGuard.TargetRefusedException e) {
            error = "Target refused: " + e.getMessage();
        } catch (ProblemException e) {
            error = e.getMessage();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "Interrupted";
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (status != null && status >= 200 && status < 300) {
            deliveries.recordAttempt(delivery.id(), attempt, status, null, millis, answer, "succeeded", null);
        } else if (status != null && status == 410) {
            String reason = "The receiver answered 410 Gone on " + Instant.now();
            deliveries.recordAttempt(delivery.id(), attempt, status, "410 Gone: endpoint disabled", millis, answer, "failed", null);
            endpoints.disable(delivery.endpointId(), reason);
            int dropped = deliveries.failWaiting(delivery.endpointId(), "The endpoint was disabled (410 Gone)");
            log.info("Webhook endpoint {} of {} answered 410 and was disabled; {} waiting deliveries failed",
                    delivery.endpointId(), TenantContext.require(), dropped);
        } else {
            String reason = error != null ? error : "The receiver answered " + status;
            if (attempt < properties.maxDeliveryAttempts()) {
                Duration wait = properties.retrySchedule().get(attempt - 1);
                deliveries.recordAttempt(delivery.id(), attempt, status, reason, millis, answer, "pending", wait);
            } else {
                deliveries.recordAttempt(delivery.id(), attempt, status, reason, millis, answer, "failed", null);
            }
        }
    }

    @PreDestroy
    void stop() {
        drains.shutdownNow();
        sends.shutdownNow();
    }
}
