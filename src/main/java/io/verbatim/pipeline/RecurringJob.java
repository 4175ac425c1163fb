package io.verbatim.pipeline;

import java.time.Duration;

/**
 * Work that repeats on a schedule and must run on one node of the cluster at a time (the drop-folder
 * scan, recording-source polls). Declare one as a bean; the job engine runs it.
 */
public record RecurringJob(String name, Duration interval, Runnable work) {
}
