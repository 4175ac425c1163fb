/**
 * Webhooks in and out. In: Twilio recording-status callbacks, Vapi end-of-call reports, CallRail
 * post-call webhooks and generic Standard-Webhooks senders, each verified with the tenant's stored
 * secret, kept once per provider event id, and turned into conversations off the request. Out:
 * endpoints a tenant registers for {@code conversation.completed}, {@code conversation.failed} and
 * {@code analysis.updated}, signed per the Standard Webhooks spec, retried for about a day, logged
 * attempt by attempt, replayable. Every outbound call to a tenant-given URL passes the
 * {@link io.verbatim.webhooks.TargetGuard} (no private or loopback targets unless the operator allows them).
 */
package io.verbatim.webhooks;
