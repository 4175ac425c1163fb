package io.verbatim.insights.internal;

import io.verbatim.insights.Rollups;
import io.verbatim.pipeline.RecurringJob;
import io.verbatim.tenancy.Tenants;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refreshes every tenant's roll-ups in the background, so a dashboard never waits on a large backlog
 * (a bulk import, a re-analysis of a year). Runs on one node of the cluster at a time.
 */
@Configuration
class RollupRefreshJob {

    @Bean
    RecurringJob rollupRefresh(Tenants tenants, Rollups rollups) {
        return new RecurringJob("rollup-refresh", Duration.ofSeconds(5), () -> tenants.forEachActive(tenant -> rollups.refresh()));
    }
}
