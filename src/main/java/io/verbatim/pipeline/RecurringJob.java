package io.verbatim.pipeline;

import java.time.Duration;

/**
 * Work that repeats on a schedule and must run on one node of the cluster at a time (the drop-folder
 * scan, recording-source polls, backups). Declare one as a bean; the job engine runs it.
 *
 * @param interval the delay between the end of one run and the start of the next (null when {@code cron} is set)
 * @param cron     a Spring-style cron expression (seconds minutes hours day-of-month month day-of-week) in the
 *                 server's time zone, for work due at fixed times of day; null for a fixed delay
 */
public record RecurringJob(String name, Duration interval, String cron, Runnable work) {

    public RecurringJob {
        if ((interval == null) == (cron == null || cron.isBlank())) {
            throw new IllegalArgumentException("Recurring job '" + name + "' needs either an interval or a cron expression");
        }
    }

    public RecurringJob(String name, Duration interval, Runnable work) {
        this(name, interval, null, work);
    }

    /** Work due whenever {@code cron} matches (e.g. {@code 0 0 2 * * *}: every day at 02:00). */
    public static RecurringJob cron(String name, String cron, Runnable work) {
        return new RecurringJob(name, null, cron, work);
    }
}
