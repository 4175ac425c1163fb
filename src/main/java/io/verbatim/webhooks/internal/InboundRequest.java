package io.verbatim.webhooks.internal;

import io.verbatim.tenancy.TenantId;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One inbound webhook request as a provider sent it.
 *
 * @param url     the full URL the provider called (for Twilio's signature)
 * @param headers request headers by lower-case name
 * @param source  the generic source name from the path, or null
 */
record InboundRequest(TenantId tenant, String provider, String source, String url, Map<String, String> headers, byte[] body,
                      String contentType, Instant now) {

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
