package io.verbatim.pipeline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job engine ({@code verbatim.pipeline.*}).
 *
 * @param enabled           run jobs on this node (off for an API-only node of a cluster)
 * @param workers           stage jobs run at once on this node; 0 = cores + 2
 * @param pollInterval      how often idle workers look for due jobs
 * @param heartbeatInterval how often a running job says it is alive; after {@code missedHeartbeats} a job whose
 *                          node died (kill -9, power loss) is picked up again by any node
 * @param maxAttempts       tries per stage before the conversation is marked failed
 * @param retryBackoff      delay before the first retry; each further retry waits 3x longer
 */
@ConfigurationProperties("verbatim.pipeline")
public record PipelineProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0") int workers,
                                 @DefaultValue("500ms") Duration pollInterval, @DefaultValue("5s") Duration heartbeatInterval,
                                 @DefaultValue("4") int missedHeartbeats, @DefaultValue("4") int maxAttempts,
                                 @DefaultValue("5s") Duration retryBackoff) {

    public int effectiveWorkers() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors() + 2;
    }
}
