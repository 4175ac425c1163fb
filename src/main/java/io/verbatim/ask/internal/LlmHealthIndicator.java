package io.verbatim.ask.internal;

import io.verbatim.platform.ServiceStates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code llm}, present only when Ask has an LLM endpoint: asks the
 * OpenAI-compatible server for its models ({@code GET <base-url>/models}). The answer is kept for a
 * minute, so that the public health endpoint cannot be used to hammer the provider.
 */
@Component("llm")
@ConditionalOnExpression("!'${verbatim.ask.llm.base-url:}'.isBlank()")
class LlmHealthIndicator implements HealthIndicator {

    private static final Duration KEEP = Duration.ofMinutes(1);
    private final AskProperties.Llm llm;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock = Clock.systemUTC();
    private volatile Health last;
    private volatile Instant lastAt = Instant.MIN;

    LlmHealthIndicator(AskProperties properties) {
        this.llm = properties.llm();
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        if (last == null || lastAt.plus(KEEP).isBefore(now)) {
            last = probe();
            lastAt = now;
        }
        return last;
    }

    private Health probe() {
        String base = llm.baseUrl().endsWith("/") ? llm.baseUrl().substring(0, llm.baseUrl().length() - 1) : llm.baseUrl();
        Health.Builder health;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/models")).timeout(Duration.ofSeconds(5)).GET();
            if (llm.apiKey() != null && !llm.apiKey().isBlank()) {
                request.header("Authorization", "Bearer " + llm.apiKey());
            }
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            health = status / 100 == 2 ? Health.up() : Health.status(ServiceStates.DEGRADED);
            health.withDetail("httpStatus", status);
            if (status == 401 || status == 403) {
                health.withDetail("error", "the server refused the API key");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            health = Health.status(ServiceStates.DEGRADED).withDetail("error", "interrupted");
        } catch (Exception e) {
            health = Health.status(ServiceStates.DEGRADED).withDetail("error", "unreachable: " + e.getClass().getSimpleName());
        }
        return health.withDetail("endpoint", base).withDetail("model", llm.model()).withDetail("usedBy", "ask").build();
    }
}
