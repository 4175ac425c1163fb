package io.verbatim.sources.internal;

import io.verbatim.pipeline.RecurringJob;
import io.verbatim.platform.BackgroundPriority;
import io.verbatim.platform.ProblemException;
import io.verbatim.sources.SourcesProperties;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts source runs: those due on their schedule (a recurring scan, once per cluster) and those an
 * admin asks for. A run holds its source with a lease, renewed per page, so two nodes never run the same
 * source at once and a run whose node died is taken over when its lease ends.
 */
@Configuration(proxyBeanMethods = false)
class SourceScheduler {

    private static final Logger log = LoggerFactory.getLogger(SourceScheduler.class);
    private final Sources sources;
    private final SourceRuns runs;
    private final SourceRunner runner;
    private final SourcesProperties properties;
    private final ExecutorService executor;

    SourceScheduler(Sources sources, SourceRuns runs, SourceRunner runner, SourcesProperties properties) {
        this.sources = sources;
        this.runs = runs;
        this.runner = runner;
        this.properties = properties;
        this.executor = Executors.newFixedThreadPool(Math.max(1, properties.concurrency()), BackgroundPriority.threads("source-run"));
    }

    @Bean
    RecurringJob recordingSourcePoll() {
        return new RecurringJob("recording-sources", properties.pollInterval(), () -> {
            if (properties.enabled()) {
                startDue();
            }
        });
    }

    /** Starts every due source of every tenant; returns how many runs were started. */
    int startDue() {
        int started = 0;
        for (String tenant : sources.dueTenants()) {
            TenantId id = new TenantId(tenant);
            List<Sources.Source> due = TenantContext.callAs(id, () -> sources.leaseDue(properties.lease(), 20));
            for (Sources.Source source : due) {
                UUID run = TenantContext.callAs(id, () -> runs.start(source.id(), source.name(), "schedule", source.highWaterMark()));
                submit(id, source, run);
                started++;
            }
        }
        return started;
    }

    /** Starts a run now (the current tenant's source), unless one is running. */
    UUID runNow(UUID sourceId) {
        TenantId tenant = TenantContext.require();
        Sources.Source source = sources.lease(sourceId, properties.lease()).orElseThrow(() -> sources.find(sourceId).isPresent()
                ? ProblemException.conflict("run-in-progress", "A run of this source is in progress")
                : ProblemException.notFound("Source " + sourceId));
        UUID run = runs.start(source.id(), source.name(), "manual", source.highWaterMark());
        submit(tenant, source, run);
        return run;
    }

    private void submit(TenantId tenant, Sources.Source source, UUID run) {
        executor.execute(() -> {
            try {
                TenantContext.runAs(tenant, () -> runner.run(source, run));
            } catch (RuntimeException e) {
                log.error("Run {} of source {} of {} failed", run, source.name(), tenant, e);
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
