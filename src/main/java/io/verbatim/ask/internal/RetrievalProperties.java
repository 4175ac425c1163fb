package io.verbatim.ask.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retrieval replica settings ({@code verbatim.retrieval.*}).
 *
 * @param replicaPoll   how often this node looks for changes other nodes committed (its own apply at once); with
 *                      notifications on, only a fallback for one lost while the listening connection was down
 * @param applyBatch    sources applied to the local index per database read while catching up
 * @param notifications whether this node listens for other nodes' changes ({@code LISTEN verbatim_retrieval})
 */
@ConfigurationProperties("verbatim.retrieval")
record RetrievalProperties(@DefaultValue("5s") Duration replicaPoll, @DefaultValue("200") int applyBatch,
                           @DefaultValue("true") boolean notifications) {
}
