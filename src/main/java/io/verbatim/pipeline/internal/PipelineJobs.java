package io.verbatim.pipeline.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.verbatim.pipeline.PipelineProperties;
import io.verbatim.platform.database.DatabaseRole;
import java.net.InetAddress;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.verbatim.pipeline.RecurringJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import io.verbatim.platform.BackgroundPriority;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * The durable job engine (db-scheduler on PostgreSQL). Workers poll with the owner role; jobs are
 * enqueued through the application pool inside the caller's transaction, so a conversation and its
 * first job are committed together or not at all.
 */
@Component
class PipelineJobs implements SmartLifecycle {

    static final String TASK = "conversation-stage";
    private final OneTimeTask<StageJob> task;
    private final SchedulerClient transactionalClient;
    private final PipelineProperties properties;
    private final DataSource owner;
    private final JsonTaskSerializer serializer;
    private final ObjectProvider<RecurringJob> recurringJobs;
    private Scheduler scheduler;
    private volatile boolean running;

    PipelineJobs(@Qualifier(DatabaseRole.OWNER) DataSource owner, DataSource application, PipelineProperties properties,
                 StageRunner runner, ObjectProvider<RecurringJob> recurringJobs) {
        this.properties = properties;
        this.task = Tasks.oneTime(TASK, StageJob.class)
                .onFailure(new StageFailureHandler(properties.retryBackoff()))
                .onDeadExecutionRevive()
                .execute((instance, context) -> runner.run(instance.getData()));
        JsonTaskSerializer serializer = new JsonTaskSerializer();
        this.transactionalClient = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(application), task)
                .serializer(serializer).enablePriority().build();
        this.owner = owner;
        this.serializer = serializer;
        this.recurringJobs = recurringJobs;
    }

    /** Built at start, not construction: recurring jobs (the drop-folder scan) themselves enqueue conversations. */
    private Scheduler buildScheduler() {
        List<RecurringTask<Void>> recurring = recurringJobs.orderedStream()
                .map(job -> Tasks.recurring(job.name(), job.cron() != null ? (Schedule) Schedules.cron(job.cron()) : FixedDelay.of(job.interval()))
                        .execute((instance, context) -> job.work().run()))
                .toList();
        List<Task<?>> known = new ArrayList<>();
        known.add(task);
        return Scheduler.create(owner, known)
                .startTasks(recurring)
                .schedulerName(new SchedulerName.Fixed(nodeName()))
                .serializer(serializer)
                .threads(properties.effectiveWorkers())
                .executorService(Executors.newFixedThreadPool(properties.effectiveWorkers(), BackgroundPriority.threads("pipeline")))
                .pollingInterval(properties.pollInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .pollUsingLockAndFetch(0.5, 1.0)
                .enablePriority()
                .enableImmediateExecution()
                // StageRunner logs real failures with their reason; a busy node's requeue is routine.
                .failureLogging(LogLevel.DEBUG, false)
                .build();
    }

    /** Enqueues a stage job in the current transaction; a job that already exists is left alone. */
    boolean enqueue(StageJob job, int priority) {
        return transactionalClient.scheduleIfNotExists(
                task.instanceBuilder(job.instanceId()).data(job).priority(priority).scheduledTo(Instant.now()));
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void start() {
        if (properties.enabled()) {
            scheduler = buildScheduler();
            scheduler.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.stop();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
