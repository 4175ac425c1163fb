package io.verbatim.ask.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retrieval replica settings ({@code verbatim.retrieval.*}).
 *
 * @param replicaPoll how often this node looks for changes other nodes committed (its own apply at once)
 * @param applyBatch  sources applied to the local index per database read while catching up
 */
@ConfigurationProperties("verbatim.retrieval")
record RetrievalProperties(@DefaultValue("250ms") Duration replicaPoll, @DefaultValue("200") int applyBatch) {
}
