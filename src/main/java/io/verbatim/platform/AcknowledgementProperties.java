package io.verbatim.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Acknowledgement first: while deliveries arrive in a burst (webhooks from providers that send once, uploads),
 * background work (pipeline stages, webhook-inbox processing) waits before starting its next piece, so the
 * requests that are waiting for their acknowledgement get the cores and the database. Work already running is
 * not interrupted, and no piece waits longer than {@code maxWait}, so a steady stream slows processing but never
 * stops it. See {@link InboundPressure}.
 *
 * @param yieldToBursts whether background work yields at all
 * @param burstPerSecond arrivals within one second that make a burst
 * @param quietAfter    how long after the last burst background work still waits
 * @param maxWait       the longest one piece of background work waits before it starts anyway
 */
@ConfigurationProperties("verbatim.acknowledgements")
public record AcknowledgementProperties(@DefaultValue("true") boolean yieldToBursts, @DefaultValue("20") int burstPerSecond,
                                        @DefaultValue("500ms") Duration quietAfter, @DefaultValue("5s") Duration maxWait) {
}
