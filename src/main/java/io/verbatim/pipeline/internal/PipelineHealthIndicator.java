package io.verbatim.pipeline.internal;

import io.verbatim.platform.database.DatabaseRole;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code jobs}: whether this node runs jobs, and the cluster's queue
 * (stage jobs waiting, due now, running, failing and retrying; the recurring jobs that last failed).
 */
@Component("jobs")
class PipelineHealthIndicator implements HealthIndicator {

    private final PipelineJobs jobs;
    private final JdbcClient owner;

    PipelineHealthIndicator(PipelineJobs jobs, @Qualifier(DatabaseRole.OWNER) DataSource owner) {
        this.jobs = jobs;
        this.owner = JdbcClient.create(owner);
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("engine", "db-scheduler");
        details.put("workersOnThisNode", jobs.isRunning());
        details.putAll(owner.sql("""
                SELECT count(*) FILTER (WHERE task_name = :stage AND NOT picked) AS "queueDepth",
                       count(*) FILTER (WHERE task_name = :stage AND NOT picked AND execution_time <= now()) AS due,
                       count(*) FILTER (WHERE picked) AS running,
                       count(*) FILTER (WHERE task_name = :stage AND coalesce(consecutive_failures, 0) > 0) AS failing,
                       coalesce(extract(epoch FROM now() - min(execution_time)
                           FILTER (WHERE task_name = :stage AND NOT picked AND execution_time <= now()))::bigint, 0)
                           AS "oldestDueSeconds"
                FROM scheduled_tasks""").param("stage", PipelineJobs.TASK).query().singleRow());
        var failingRecurring = owner.sql("""
                SELECT task_name FROM scheduled_tasks
                WHERE task_name <> ? AND coalesce(consecutive_failures, 0) > 0 ORDER BY task_name""")
                .param(PipelineJobs.TASK).query(String.class).list();
        details.put("failingRecurringJobs", failingRecurring);
        return (jobs.isRunning() ? Health.up() : Health.down()).withDetails(details).build();
    }
}
