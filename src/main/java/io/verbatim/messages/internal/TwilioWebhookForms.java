package io.verbatim.messages.internal;

import io.verbatim.credentials.CredentialFields;
import io.verbatim.credentials.Credentials;
import io.verbatim.messages.MessagesProperties;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import io.verbatim.webhooks.TwilioSignatures;
import io.verbatim.webhooks.WebhookProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What every Twilio webhook of this module does before its own work (the status callback, inbound texts): read the
 * form (bounded), check the tenant in the path, and trust it only once {@code X-Twilio-Signature} verifies with that
 * tenant's Twilio auth token; otherwise 401 and nothing is done.
 */
@Component
class TwilioWebhookForms {

    private static final int MAX_BODY = 64 * 1024;
    private final Tenants tenants;
    private final Credentials credentials;
    private final MessagesProperties properties;
    private final WebhookProperties webhooks;

    TwilioWebhookForms(Tenants tenants, Credentials credentials, MessagesProperties properties, WebhookProperties webhooks) {
        this.tenants = tenants;
        this.credentials = credentials;
        this.properties = properties;
        this.webhooks = webhooks;
    }

    /** A verified form: its parameters in order. */
    record Form(TenantId tenant, List<Map.Entry<String, String>> params) {
        /** The first value of {@code name}, or null. */
        String get(String name) {
            return params.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    /** Reads and verifies the request, then runs {@code work} as the path's tenant. */
    <T> T receive(String tenant, HttpServletRequest request, Function<Form, T> work) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY || !TenantId.isValid(tenant) || !tenants.isActive(new TenantId(tenant))) {
            throw unauthorized();
        }
        List<Map.Entry<String, String>> params = parse(new String(body, StandardCharsets.UTF_8));
        String url = url(request);
        String signature = request.getHeader("X-Twilio-Signature");
        TenantId id = new TenantId(tenant);
        return TenantContext.callAs(id, () -> {
            Optional<CredentialFields> credential = credentials.find(properties.smsCredential());
            if (credential.isEmpty() || !TwilioSignatures.validForm(credential.get().get("auth_token").orElse(null), url, params,
                    signature)) {
                throw unauthorized();
            }
            return work.apply(new Form(id, params));
        });
    }

    /** The URL Twilio called: the configured public base URL, else the request's own (Twilio signs the exact URL). */
    private String url(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        String base = webhooks.publicBaseUrl();
        if (base != null && !base.isBlank()) {
            return base.replaceAll("/+$", "") + request.getRequestURI() + query;
        }
        return request.getRequestURL() + query;
    }

    private static List<Map.Entry<String, String>> parse(String form) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
        }
        return params;
    }

    private static ProblemException unauthorized() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-signature", "Unauthorized",
                "The webhook signature could not be verified");
    }
}
