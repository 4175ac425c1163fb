package io.verbatim.speech.internal;

import io.verbatim.speech.SpeechEngines;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Up when at least one speech engine can run here; details say which and why not. */
@Component("speech")
class SpeechHealthIndicator implements HealthIndicator {

    private final SpeechEngines engines;

    SpeechHealthIndicator(SpeechEngines engines) {
        this.engines = engines;
    }

    @Override
    public Health health() {
        var status = engines.status();
        Health.Builder health = status.values().stream().anyMatch(a -> a.available()) ? Health.up() : Health.down();
        status.forEach((name, availability) -> health.withDetail(name,
                availability.available() ? "available" : "unavailable: " + availability.reason()));
        return health.build();
    }
}
