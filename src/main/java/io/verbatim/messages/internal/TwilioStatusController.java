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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's message status callback ({@code StatusCallback} of every SMS we send). No token: the tenant in the path
 * is trusted only once {@code X-Twilio-Signature} verifies with that tenant's Twilio auth token; otherwise 401 and
 * nothing changes. A status never moves backwards (callbacks can arrive out of order).
 */
@RestController
class TwilioStatusController {

    private static final int MAX_BODY = 64 * 1024;
    private final Tenants tenants;
    private final Credentials credentials;
    private final MessagesProperties properties;
    private final WebhookProperties webhooks;
    private final MessageStore store;

    TwilioStatusController(Tenants tenants, Credentials credentials, MessagesProperties properties, WebhookProperties webhooks,
                           MessageStore store) {
        this.tenants = tenants;
        this.credentials = credentials;
        this.properties = properties;
        this.webhooks = webhooks;
        this.store = store;
    }

    record Acknowledged(boolean received, String status) {
    }

    @PostMapping("/api/v1/webhooks/{tenant}" + MessageSender.STATUS_PATH)
    ResponseEntity<Acknowledged> status(@PathVariable String tenant, HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY || !TenantId.isValid(tenant) || !tenants.isActive(new TenantId(tenant))) {
            throw unauthorized();
        }
        List<Map.Entry<String, String>> params = parse(new String(body, StandardCharsets.UTF_8));
        String url = url(webhooks, request);
        String signature = request.getHeader("X-Twilio-Signature");
        return TenantContext.callAs(new TenantId(tenant), () -> {
            Optional<CredentialFields> credential = credentials.find(properties.smsCredential());
            if (credential.isEmpty() || !TwilioSignatures.validForm(credential.get().get("auth_token").orElse(null), url, params,
                    signature)) {
                throw unauthorized();
            }
            String sid = first(params, "MessageSid");
            String twilioStatus = first(params, "MessageStatus");
            if (sid == null || twilioStatus == null) {
                throw ProblemException.badRequest("invalid-callback", "MessageSid and MessageStatus are required");
            }
            String status = TwilioStatuses.ours(twilioStatus);
            String code = first(params, "ErrorCode");
            String error = code == null || code.isBlank() ? null : "Twilio error " + code;
            boolean changed = store.callback("sms", sid, status, error).isPresent();
            return ResponseEntity.ok(new Acknowledged(true, changed ? status : "unchanged"));
        });
    }

    /** The URL Twilio called: the configured public base URL, else the request's own (Twilio signs the exact URL). */
    static String url(WebhookProperties webhooks, HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        String base = webhooks.publicBaseUrl();
        if (base != null && !base.isBlank()) {
            return base.replaceAll("/+$", "") + request.getRequestURI() + query;
        }
        return request.getRequestURL() + query;
    }

    static List<Map.Entry<String, String>> parse(String form) {
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

    static String first(List<Map.Entry<String, String>> params, String name) {
        return params.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    static ProblemException unauthorized() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-signature", "Unauthorized",
                "The webhook signature could not be verified");
    }
}
