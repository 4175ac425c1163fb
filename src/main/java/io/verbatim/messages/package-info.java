/**
 * Outbound messages: SMS through Twilio's REST Messages API and e-mail through SMTP, each with the tenant's
 * encrypted credential, every message logged in the {@code messages} audit trail and its status kept current by
 * Twilio's signed status callbacks. Depends on {@code credentials} and {@code webhooks} (the Twilio signature and
 * the SSRF guard); only the demo uses its API (the demo tenant's confirmations,
 * logged {@code not_sent} because the demo has no provider).
 */
package io.verbatim.messages;
