package io.verbatim.webhooks.internal;

import io.verbatim.credentials.CredentialFields;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retell's webhook signature, checked as its SDKs' {@code verify(body, apiKey, signature)} does: the
 * {@code x-retell-signature} header is {@code v=<unix ms>,d=<hex HMAC-SHA256(api key, raw body + ms)>}, and
 * the time must be within five minutes of now. The key is the tenant's {@code retell} credential field
 * {@code api_key} (the Retell API key with the webhook badge).
 */
final class RetellAuth {

    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Pattern HEADER = Pattern.compile("v=(\\d+),d=([0-9a-fA-F]+)");

    private RetellAuth() {
    }

    static boolean verify(CredentialFields credential, String signature, byte[] body, Instant now) {
        String apiKey = credential.get("api_key").orElse(null);
        if (apiKey == null || signature == null) {
            return false;
        }
        Matcher m = HEADER.matcher(signature.strip());
        if (!m.matches()) {
            return false;
        }
        long millis;
        try {
            millis = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.toEpochMilli() - millis) > WINDOW.toMillis()) {
            return false;
        }
        return Hmacs.same(sign(apiKey, body, m.group(1)), m.group(2).toLowerCase(Locale.ROOT));
    }

    /** The hex digest for a body sent at {@code millis} (a string, exactly as it appears in the header). */
    static String sign(String apiKey, byte[] body, String millis) {
        byte[] stamp = Hmacs.utf8(millis);
        byte[] signed = new byte[body.length + stamp.length];
        System.arraycopy(body, 0, signed, 0, body.length);
        System.arraycopy(stamp, 0, signed, body.length, stamp.length);
        return HexFormat.of().formatHex(Hmacs.hmac("HmacSHA256", Hmacs.utf8(apiKey), signed));
    }
}
