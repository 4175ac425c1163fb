package io.verbatim.webhooks.internal;

import java.net.URI;
import java.net.URISyntaxException;
import io.verbatim.webhooks.TwilioSignatures;
import java.util.List;
import java.util.Map;

/**
 * {@code X-Twilio-Signature}: base64(HMAC-SHA1(auth token, URL + every POST parameter's name and value,
 * names sorted, each name's values sorted and de-duplicated)). For JSON bodies the URL carries
 * {@code bodySHA256=<hex sha256 of the body>} and no parameters are appended. Like Twilio's own
 * validators, the URL is tried both with and without its port (Twilio's signing is inconsistent there).
 */
final class TwilioSignature {

    private TwilioSignature() {
    }

    static String compute(String authToken, String url, List<Map.Entry<String, String>> params) {
        return TwilioSignatures.compute(authToken, url, params);
    }

    /**
     * @param params the form parameters (ignored when the URL carries {@code bodySHA256})
     * @param body   the raw body, checked against {@code bodySHA256} when the URL has one
     */
    static boolean validate(String authToken, String url, List<Map.Entry<String, String>> params, byte[] body, String signature) {
        if (authToken == null || authToken.isEmpty() || signature == null || signature.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return false;
        }
        String bodyHash = Form.parse(uri.getRawQuery() == null ? "" : uri.getRawQuery()).first("bodySHA256");
        List<Map.Entry<String, String>> signed = params;
        boolean bodyValid = true;
        if (bodyHash != null) {
            bodyValid = Hmacs.same(Hmacs.sha256Hex(body == null ? new byte[0] : body), bodyHash);
            signed = List.of();
        }
        boolean withoutPort = Hmacs.same(compute(authToken, withoutPort(uri), signed), signature.strip());
        boolean withPort = Hmacs.same(compute(authToken, withPort(uri), signed), signature.strip());
        return bodyValid && (withoutPort | withPort);
    }

    static String withoutPort(URI uri) {
        return TwilioSignatures.withoutPort(uri);
    }

    static String withPort(URI uri) {
        return TwilioSignatures.withPort(uri);
    }
}
