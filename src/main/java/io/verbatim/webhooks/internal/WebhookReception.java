package io.verbatim.webhooks.internal;

import io.verbatim.credentials.CredentialFields;
import io.verbatim.platform.InboundPressure;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.webhooks.WebhookProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the inbound webhook paths do ({@code POST /api/v1/webhooks/{tenant}/twilio|vapi|retell|callrail|generic/{source}},
 * routed by {@link InboundWebhookFilter}). No bearer token: the tenant comes from the path and is trusted only
 * once the request verifies with that tenant's stored secret. A request that does not verify (no such
 * tenant, no credential, bad signature) gets 401 and nothing is stored. A verified event is kept once
 * per provider event id and answered at once; the conversation is made off the request.
 */
@Component
class WebhookReception {

    private static final Logger log = LoggerFactory.getLogger(WebhookReception.class);
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private final SenderCredentials senders;
    private final Inbox inbox;
    private final InboxProcessor processor;
    private final WebhookProperties properties;
    private final Map<String, InboundProvider> providers;
    private final InboundPressure pressure;

    WebhookReception(SenderCredentials senders, Inbox inbox, InboxProcessor processor, WebhookProperties properties,
                     List<InboundProvider> providers, InboundPressure pressure) {
        this.senders = senders;
        this.inbox = inbox;
        this.processor = processor;
        this.properties = properties;
        this.pressure = pressure;
        this.providers = providers.stream().collect(Collectors.toMap(InboundProvider::name, Function.identity()));
    }

    /** The providers' path segments, each with whether a source follows it ({@code generic/{source}}). */
    Map<String, Boolean> paths() {
        return providers.values().stream().collect(Collectors.toUnmodifiableMap(InboundProvider::name,
                InboundProvider::sourceInPath));
    }

    /** @param id the kept event (see {@code GET /api/v1/inbound-webhooks/{id}}), absent when dropped */
    record Acknowledged(boolean received, boolean duplicate, java.util.UUID id, String eventId, String status, String ignored) {
    }

    /**
     * Receives one delivery for {@code provider} ({@code twilio}, {@code vapi}, {@code retell}, {@code callrail} or
     * {@code generic} with its {@code source}); throws a {@link ProblemException} for what is refused.
     */
    Acknowledged receive(String tenant, String provider, String source, HttpServletRequest request) throws IOException {
        if (source != null && !SOURCE.matcher(source).matches()) {
            throw ProblemException.notFound("Webhook source '" + source + "'");
        }
        return receive(tenant, providers.get(provider), source, request);
    }

    /**
     * The whole request path, kept to what a provider that sends once needs before its 200: the sender's secret
     * (cached, see {@link SenderCredentials}), the signature, the event id, one durable insert, the answer.
     * Fetching, importing, analysing and everything that listens to a new conversation runs off the request.
     */
    private Acknowledged receive(String tenantSlug, InboundProvider provider, String source, HttpServletRequest request)
            throws IOException {
        byte[] body = body(request);
        if (!TenantId.isValid(tenantSlug)) {
            throw unauthorized();
        }
        TenantId tenant = new TenantId(tenantSlug);
        String credentialName = provider.credentialName(source);
        Optional<CredentialFields> credential = senders.find(tenant, credentialName);
        if (credential.isEmpty()) {
            log.info("Refused {} webhook for {}: no active tenant with a credential '{}'", provider.name(), tenantSlug, credentialName);
            throw unauthorized();
        }
        InboundRequest inbound = new InboundRequest(tenant, provider.name(), source, url(request), headers(request), body,
                request.getContentType(), Instant.now());
        if (!provider.verify(inbound, credential.get())) {
            log.info("Refused {} webhook for {}: the signature does not verify", provider.name(), tenantSlug);
            throw unauthorized();
        }
        pressure.arrived(); // verified only: a flood of forged requests does not hold background work back
        InboundProvider.Received received = provider.parse(inbound);
        if (!received.keep()) {
            return new Acknowledged(true, false, null, null, "dropped", "event type '" + received.eventType() + "' is not processed");
        }
        return TenantContext.callAs(tenant, () -> {
            Inbox.Receipt receipt = inbox.receive(provider.name(), received.eventId(), provider.conversationSource(source),
                    received.eventType(), request.getContentType(), body, received.ignored());
            if (!receipt.duplicate() && receipt.status().equals("pending")) {
                processor.kick(tenant, receipt.id());
            }
            return new Acknowledged(true, receipt.duplicate(), receipt.id(), received.eventId(), receipt.status(), received.ignored());
        });
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        long max = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                throw tooLarge();
            }
            return body;
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "webhook-too-large", "Payload too large",
                "Webhook bodies are limited to " + properties.maxBodySize());
    }

    /** The URL the provider called: the configured public base URL, else the request's own. */
    private String url(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        String base = properties.publicBaseUrl();
        if (base != null && !base.isBlank()) {
            return base.replaceAll("/+$", "") + request.getRequestURI() + query;
        }
        return request.getRequestURL() + query;
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }

    static ProblemException unauthorized() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-signature", "Unauthorized",
                "The webhook signature could not be verified");
    }
}
