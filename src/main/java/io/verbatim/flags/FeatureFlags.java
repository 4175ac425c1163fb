package io.verbatim.flags;

import io.verbatim.platform.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The feature gates, for the tenant bound to the current thread and the signed-in user (when there is one).
 * Keys are in {@link FlagKeys}. Evaluations are cached; a change made on any node is seen within
 * {@code verbatim.flags.refresh-interval}.
 */
public interface FeatureFlags {

    /** Whether the boolean flag {@code key} is on; an unknown flag answers its bundled default (false if none). */
    boolean enabled(String key);

    /** Refuses the request (403 {@code feature-disabled}) unless {@code key} is on. */
    default void require(String key) {
        if (!enabled(key)) {
            throw disabled(key);
        }
    }

    static ProblemException disabled(String key) {
        return new ProblemException(HttpStatus.FORBIDDEN, "feature-disabled", "Feature disabled",
                "This feature is turned off for your organisation (feature flag '" + key + "')", Map.of("flag", key));
    }
}
