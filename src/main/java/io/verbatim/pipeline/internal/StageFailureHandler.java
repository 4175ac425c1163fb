package io.verbatim.pipeline.internal;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A busy node puts the job back for a moment (it may run here or on another node); any other failure
 * waits with exponential backoff before the retry.
 */
class StageFailureHandler implements FailureHandler<StageJob> {

    private static final Duration BUSY_DELAY = Duration.ofSeconds(2);
    private final FailureHandler<StageJob> backoff;

    StageFailureHandler(Duration firstRetry) {
        this.backoff = new FailureHandler.ExponentialBackoffFailureHandler<>(firstRetry, 3.0);
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<StageJob> operations) {
        if (complete.getCause().filter(NodeBusy.class::isInstance).isPresent()) {
            // A little jitter keeps several waiting jobs from all coming back in the same poll.
            long jitter = ThreadLocalRandom.current().nextLong(500);
            operations.reschedule(complete, Instant.now().plus(BUSY_DELAY).plusMillis(jitter));
            return;
        }
        backoff.onFailure(complete, operations);
    }
}
