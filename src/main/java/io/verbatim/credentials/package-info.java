/**
 * Tenant credentials for the systems Verbatim connects to (recording providers, telephony and
 * voice-agent webhooks): stored AES-256-GCM envelope-encrypted (a data key per tenant, wrapped by the
 * operator's master key), never returned in full, never logged, rotatable. Other modules read them by
 * name for the current tenant, and may seal their own secrets under the tenant's data key.
 */
package io.verbatim.credentials;
