package io.verbatim.pipeline.internal;

import io.verbatim.platform.database.DatabaseRole;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The job engine: whether this node runs jobs, and the cluster's queue (jobs due, running, retrying). */
@Component("pipeline")
class PipelineHealthIndicator implements HealthIndicator {

    private final PipelineJobs jobs;
    private final JdbcClient owner;

    PipelineHealthIndicator(PipelineJobs jobs, @Qualifier(DatabaseRole.OWNER) DataSource owner) {
        this.jobs = jobs;
        this.owner = JdbcClient.create(owner);
    }

    @Override
    public Health health() {
        var queue = owner.sql("""
                SELECT count(*) FILTER (WHERE NOT picked AND execution_time <= now()) AS due,
                       count(*) FILTER (WHERE picked) AS running,
                       count(*) FILTER (WHERE coalesce(consecutive_failures, 0) > 0) AS retrying
                FROM scheduled_tasks WHERE task_name = ?""").param(PipelineJobs.TASK).query().singleRow();
        return (jobs.isRunning() ? Health.up() : Health.down()).withDetails(queue).build();
    }
}
