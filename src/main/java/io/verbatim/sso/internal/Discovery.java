package io.verbatim.sso.internal;

import io.verbatim.platform.ProblemException;
import io.verbatim.sso.SsoProperties;
import io.verbatim.webhooks.TargetGuard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an issuer's OpenID Connect discovery document ({@code <issuer>/.well-known/openid-configuration}) when a
 * configuration is saved, and refuses (422 {@code sso-discovery-failed}) a provider that Verbatim could not sign
 * anybody in with. The server-side endpoints pass the SSRF guard, as every call to a tenant-given URL does.
 */
@Component
class Discovery {

    static final String PROBLEM = "sso-discovery-failed";
    private static final int MAX_BYTES = 256 * 1024;

    /**
     * The provider's endpoints as discovered.
     *
     * @param tokenAuthMethod how the client secret is sent to the token endpoint
     */
    record Endpoints(String authorizationEndpoint, String tokenEndpoint, String jwksUri, String userinfoEndpoint,
                     String tokenAuthMethod) {
    }

    private final TargetGuard guard;
    private final JsonMapper json;
    private final SsoProperties properties;
    private final HttpClient http;

    Discovery(TargetGuard guard, JsonMapper json, SsoProperties properties) {
        this.guard = guard;
        this.json = json;
        this.properties = properties;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.discoveryTimeout()).build();
    }

    Endpoints discover(String issuer) {
        String url = issuer + "/.well-known/openid-configuration";
        JsonNode doc;
        try {
            HttpRequest request = HttpRequest.newBuilder(guard.check(url)).timeout(properties.discoveryTimeout())
                    .header("Accept", "application/json").GET().build();
            HttpResponse<byte[]> response = guard.send(http, request, HttpResponse.BodyHandlers.ofByteArray(), 2);
            if (response.statusCode() != 200) {
                throw failed("The issuer's discovery document " + url + " answered HTTP " + response.statusCode());
            }
            if (response.body().length > MAX_BYTES) {
                throw failed("The issuer's discovery document is too large");
            }
            doc = json.readTree(response.body());
        } catch (TargetGuard.TargetRefusedException e) {
            throw failed("The issuer cannot be called: " + e.getMessage());
        } catch (IOException e) {
            throw failed("The issuer's discovery document " + url + " could not be fetched (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("Interrupted while fetching the discovery document");
        } catch (JacksonException e) {
            throw failed("The issuer's discovery document is not JSON");
        }
        return validate(issuer, doc);
    }

    Endpoints validate(String issuer, JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            throw failed("The issuer's discovery document is not a JSON object");
        }
        String named = text(doc, "issuer");
        if (named == null || !named.replaceAll("/+$", "").equals(issuer)) {
            throw failed("The discovery document names issuer '" + named + "', not '" + issuer + "'");
        }
        if (doc.has("response_types_supported") && !contains(doc.get("response_types_supported"), "code")) {
            throw failed("The provider does not support the authorization-code flow");
        }
        if (doc.has("id_token_signing_alg_values_supported") && !contains(doc.get("id_token_signing_alg_values_supported"), "RS256")) {
            throw failed("The provider does not sign ID tokens with RS256");
        }
        String authMethod = "client_secret_basic";
        JsonNode methods = doc.get("token_endpoint_auth_methods_supported");
        if (methods != null && !contains(methods, "client_secret_basic")) {
            if (!contains(methods, "client_secret_post")) {
                throw failed("The provider's token endpoint accepts neither client_secret_basic nor client_secret_post");
            }
            authMethod = "client_secret_post";
        }
        String authorization = endpoint(doc, "authorization_endpoint", false);
        String token = endpoint(doc, "token_endpoint", true);
        String jwks = endpoint(doc, "jwks_uri", true);
        String userinfo = doc.has("userinfo_endpoint") ? endpoint(doc, "userinfo_endpoint", true) : null;
        return new Endpoints(authorization, token, jwks, userinfo, authMethod);
    }

    /** An absolute http(s) URL; those Verbatim itself calls must pass the SSRF guard (the browser follows the others). */
    private String endpoint(JsonNode doc, String field, boolean calledByServer) {
        String value = text(doc, field);
        if (value == null) {
            throw failed("The discovery document has no " + field);
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw failed("The discovery document's " + field + " is not a URL");
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw failed("The discovery document's " + field + " is not an absolute http(s) URL");
        }
        if (calledByServer) {
            try {
                guard.check(uri);
            } catch (TargetGuard.TargetRefusedException e) {
                throw failed("The provider's " + field + " cannot be called: " + e.getMessage());
            }
        }
        return value;
    }

    private static String text(JsonNode doc, String field) {
        JsonNode node = doc.get(field);
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private static boolean contains(JsonNode array, String value) {
        if (array == null || !array.isArray()) {
            return false;
        }
        for (JsonNode item : array) {
            if (item.isString() && value.equals(item.asString())) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException failed(String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, PROBLEM, "Identity provider not usable", detail);
    }
}
