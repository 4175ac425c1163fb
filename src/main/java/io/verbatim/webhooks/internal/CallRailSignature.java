package io.verbatim.webhooks.internal;

import java.util.Base64;

/** CallRail's {@code Signature} header: base64(HMAC-SHA1(company signing key, exact request body)). */
final class CallRailSignature {

    private CallRailSignature() {
    }

    static String compute(String signingKey, byte[] body) {
        return Base64.getEncoder().encodeToString(Hmacs.hmac("HmacSHA1", Hmacs.utf8(signingKey), body));
    }

    static boolean validate(String signingKey, byte[] body, String signature) {
        if (signingKey == null || signingKey.isEmpty() || signature == null || signature.isBlank()) {
            return false;
        }
        return Hmacs.same(compute(signingKey, body), signature.strip());
    }
}
