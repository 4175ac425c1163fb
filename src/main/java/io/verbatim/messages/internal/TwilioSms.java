package io.verbatim.messages.internal;

import io.verbatim.credentials.CredentialFields;
import io.verbatim.messages.MessagesProperties;
import io.verbatim.webhooks.TargetGuard;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's REST Messages API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json}, basic auth with the account SID
 * and auth token, form fields To, From, Body and StatusCallback. The answer's {@code sid} is kept as the provider id.
 */
@Component
class TwilioSms {

    private final MessagesProperties properties;
    private final TargetGuard guard;
    private final JsonMapper json;
    private final HttpClient http;

    TwilioSms(MessagesProperties properties, TargetGuard guard, JsonMapper json) {
        this.properties = properties;
        this.guard = guard;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Delivery send(CredentialFields credential, String to, String body, String statusCallback) {
        String sid = credential.require("account_sid");
        String token = credential.require("auth_token");
        String base = credential.get("api_base_url").orElse(properties.twilioBaseUrl()).replaceAll("/+$", "");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        credential.get("messaging_service_sid").ifPresentOrElse(m -> form.put("MessagingServiceSid", m),
                () -> form.put("From", credential.require("from_number")));
        form.put("Body", body);
        if (statusCallback != null) {
            form.put("StatusCallback", statusCallback);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/2010-04-01/Accounts/" + encode(sid) + "/Messages.json"))
                .timeout(properties.timeout())
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((sid + ":" + token).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"))))
                .build();
        try {
            HttpResponse<String> response = guard.send(http, request, HttpResponse.BodyHandlers.ofString(), 0);
            JsonNode answer = parse(response.body());
            if (response.statusCode() / 100 == 2 && answer.path("sid").isString()) {
                return Delivery.accepted(answer.path("sid").asString(), TwilioStatuses.ours(answer.path("status").asString("queued")));
            }
            String message = answer.path("message").asString("");
            String error = "Twilio answered " + response.statusCode()
                    + (answer.has("code") ? " (error " + answer.path("code").asString() + ")" : "")
                    + (message.isEmpty() ? "" : ": " + message);
            // Twilio's 5xx and 429 pass later; a 4xx (an invalid number, a bad credential) says the same again.
            return response.statusCode() >= 500 || response.statusCode() == 429
                    ? Delivery.transientlyRefused(error) : Delivery.refused(error);
        } catch (TargetGuard.TargetRefusedException e) {
            return Delivery.refused("Twilio's address was refused: " + e.getMessage());
        } catch (IOException e) {
            return Delivery.transientlyRefused("Twilio could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.transientlyRefused("Interrupted while sending");
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException e) {
            return json.createObjectNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
