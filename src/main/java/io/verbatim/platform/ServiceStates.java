package io.verbatim.platform;

import org.springframework.boot.health.contributor.Status;

/**
 * Health states beyond Spring's. An optional dependency that fails (an LLM endpoint, SMTP, the last
 * backup verification) is {@link #DEGRADED}: the overall status shows it, but it answers 200 so a load
 * balancer keeps serving from this node (application.yml orders it and maps its HTTP status).
 */
public final class ServiceStates {

    public static final Status DEGRADED = new Status("DEGRADED");

    private ServiceStates() {
    }
}
