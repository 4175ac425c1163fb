package io.verbatim.sources;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Recording sources ({@code verbatim.sources.*}).
 *
 * @param enabled          run scheduled source polls on this node
 * @param pollInterval     how often due sources are looked for (each source has its own interval, default 15 minutes)
 * @param concurrency      source runs at once per node
 * @param requestAttempts  tries per provider request (token, page, download) before the request counts as failed
 * @param retryBackoff     wait before the 2nd try of a request; doubles each try (a {@code Retry-After} is honoured, up to 30 s)
 * @param requestTimeout   how long one provider request may take
 * @param maxBackoff       the longest a failing source waits before its next run (its interval doubles per failed run)
 * @param lease            how long a run holds its source before another node may take it over (renewed per page)
 * @param maxPages         pages one run reads at most (a guard against a provider that pages forever)
 */
@ConfigurationProperties("verbatim.sources")
public record SourcesProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration pollInterval,
                                @DefaultValue("2") int concurrency, @DefaultValue("4") int requestAttempts,
                                @DefaultValue("500ms") Duration retryBackoff, @DefaultValue("2m") Duration requestTimeout,
                                @DefaultValue("6h") Duration maxBackoff, @DefaultValue("30m") Duration lease,
                                @DefaultValue("1000") int maxPages) {
}
