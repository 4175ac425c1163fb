package io.verbatim.webhooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Webhooks in and out, and every outbound call to a URL a tenant (or a provider's payload) gave us
 * ({@code verbatim.webhooks.*}).
 *
 * @param allowPrivateTargets  let outbound calls reach private, loopback and link-local addresses (SSRF guard off):
 *                             for tests and for a closed network where receivers live next to Verbatim
 * @param publicBaseUrl        the base URL providers call (e.g. {@code https://verbatim.example.com}) when Verbatim is
 *                             behind a proxy; Twilio signs the exact URL it called. Blank = the URL of the request
 * @param timestampTolerance   how old (or how far in the future) a signed timestamp may be
 * @param maxBodySize          larger inbound webhook bodies are refused (413)
 * @param inboxPollInterval    how often received events that wait (or wait for a retry) are looked for
 * @param inboxConcurrency     received events processed at once per node (fetching recordings, importing transcripts)
 * @param inboxMaxAttempts     tries to process a received event (fetch its recording) before it is marked failed
 * @param deliveryPollInterval how often due outbound deliveries are looked for
 * @param deliveryConcurrency  outbound deliveries in flight at once per node
 * @param deliveryTimeout      how long a receiver may take to answer one delivery
 * @param retrySchedule        waits before the 2nd, 3rd... attempt of a delivery (the default spans about 27 hours)
 * @param fetchTimeout         how long a recording download may take
 * @param maxRecordingSize     larger recordings are refused
 * @param inboxPayloadRetention how long a processed event's payload is kept for replay
 * @param credentialCacheTtl   how long a webhook verifier keeps a tenant's decrypted sender secret in memory (a change
 *                             on the same node applies at once; on other nodes within this time); 0 = read it each time
 * @param receiptCommitDelay   PostgreSQL group commit for the inbox's receipts only ({@code commit_delay}, set local to
 *                             each receipt's transaction, when the application role may set it): how long a receipt's
 *                             commit waits for others to share its WAL flush while several are in flight; 0 = off
 */
@ConfigurationProperties("verbatim.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowPrivateTargets, String publicBaseUrl,
                                @DefaultValue("5m") Duration timestampTolerance, @DefaultValue("5MB") DataSize maxBodySize,
                                @DefaultValue("1s") Duration inboxPollInterval, @DefaultValue("4") int inboxConcurrency,
                                @DefaultValue("8") int inboxMaxAttempts,
                                @DefaultValue("1s") Duration deliveryPollInterval, @DefaultValue("16") int deliveryConcurrency,
                                @DefaultValue("15s") Duration deliveryTimeout,
                                @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retrySchedule,
                                @DefaultValue("5m") Duration fetchTimeout, @DefaultValue("2GB") DataSize maxRecordingSize,
                                @DefaultValue("30d") Duration inboxPayloadRetention,
                                @DefaultValue("30s") Duration credentialCacheTtl,
                                @DefaultValue("0") Duration receiptCommitDelay) {

    /** Attempts in all: the first plus one per entry of the retry schedule. */
    public int maxDeliveryAttempts() {
        return retrySchedule.size() + 1;
    }
}
