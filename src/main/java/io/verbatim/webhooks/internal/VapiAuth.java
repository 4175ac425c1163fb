package io.verbatim.webhooks.internal;

import io.verbatim.credentials.CredentialFields;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;

/**
 * How Vapi proves a server message is its own, as configured on the tenant's {@code vapi} credential
 * (field {@code secret}). Whatever the request presents must verify:
 * <ul>
 *   <li>an HMAC custom credential: the signature header ({@code signature_header}, default
 *       {@code x-signature}; {@code x-vapi-signature} is also read) holds HMAC({@code algorithm}, default
 *       sha256) of {@code {timestamp}.{body}} (or of the body alone when {@code include_timestamp=false}),
 *       in {@code signature_encoding} hex (default) or base64, after an optional {@code signature_prefix};
 *       the timestamp (header {@code timestamp_header}, default {@code x-timestamp}) must be recent;</li>
 *   <li>a bearer-token credential: {@code Authorization: Bearer <secret>};</li>
 *   <li>the legacy server-URL secret: {@code X-Vapi-Secret: <secret>}.</li>
 * </ul>
 */
final class VapiAuth {

    private VapiAuth() {
    }

    /** @param header a request header by (any-case) name, or null */
    static boolean verify(CredentialFields credential, Function<String, String> header, byte[] body, Instant now,
                          Duration tolerance) {
        String secret = credential.get("secret").orElse(null);
        if (secret == null) {
            return false;
        }
        String signatureHeader = credential.getOrDefault("signature_header", "x-signature");
        String signature = header.apply(signatureHeader);
        if (signature == null) {
            signature = header.apply("x-vapi-signature");
        }
        if (signature != null) {
            return hmacMatches(credential, secret, signature, header, body, now, tolerance);
        }
        String authorization = header.apply("authorization");
        if (authorization != null) {
            return authorization.regionMatches(true, 0, "Bearer ", 0, 7) && Hmacs.same(authorization.substring(7).strip(), secret);
        }
        String legacy = header.apply("x-vapi-secret");
        return legacy != null && Hmacs.same(legacy.strip(), secret);
    }

    private static boolean hmacMatches(CredentialFields credential, String secret, String signature,
                                       Function<String, String> header, byte[] body, Instant now, Duration tolerance) {
        String algorithm = switch (credential.getOrDefault("algorithm", "sha256").toLowerCase(Locale.ROOT)) {
            case "sha1" -> "HmacSHA1";
            case "sha512" -> "HmacSHA512";
            case "sha256" -> "HmacSHA256";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        boolean includeTimestamp = !"false".equalsIgnoreCase(credential.getOrDefault("include_timestamp", "true"));
        byte[] signed = body;
        if (includeTimestamp) {
            String timestamp = header.apply(credential.getOrDefault("timestamp_header", "x-timestamp"));
            if (timestamp == null || !recent(timestamp, now, tolerance)) {
                return false;
            }
            byte[] prefix = Hmacs.utf8(timestamp.strip() + ".");
            signed = new byte[prefix.length + body.length];
            System.arraycopy(prefix, 0, signed, 0, prefix.length);
            System.arraycopy(body, 0, signed, prefix.length, body.length);
        }
        byte[] mac = Hmacs.hmac(algorithm, Hmacs.utf8(secret), signed);
        boolean base64 = "base64".equalsIgnoreCase(credential.getOrDefault("signature_encoding", "hex"));
        String expected = base64 ? Base64.getEncoder().encodeToString(mac) : HexFormat.of().formatHex(mac);
        String given = signature.strip();
        String prefix = credential.getOrDefault("signature_prefix", "");
        if (!prefix.isEmpty() && given.startsWith(prefix)) {
            given = given.substring(prefix.length());
        } else if (given.startsWith("sha256=") || given.startsWith("sha1=") || given.startsWith("sha512=")) {
            given = given.substring(given.indexOf('=') + 1);
        }
        return Hmacs.same(expected, base64 ? given : given.toLowerCase(Locale.ROOT));
    }

    private static boolean recent(String timestamp, Instant now, Duration tolerance) {
        try {
            long value = Long.parseLong(timestamp.strip());
            long seconds = value > 100_000_000_000L ? value / 1000 : value; // milliseconds or seconds
            return Math.abs(now.getEpochSecond() - seconds) <= tolerance.toSeconds();
        } catch (NumberFormatException e) {
            try {
                return Duration.between(Instant.parse(timestamp.strip()), now).abs().compareTo(tolerance) <= 0;
            } catch (RuntimeException notIso) {
                return false;
            }
        }
    }
}
