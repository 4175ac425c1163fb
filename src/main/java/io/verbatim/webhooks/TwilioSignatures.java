package io.verbatim.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature}: base64(HMAC-SHA1(auth token, URL + every POST parameter's name and value,
 * names sorted, each name's values sorted and de-duplicated)). Public so that every module Twilio calls back
 * (recordings here, message status in {@code messages}) verifies the same way; like Twilio's own validators, the
 * URL is tried with and without its port.
 */
public final class TwilioSignatures {

    private TwilioSignatures() {
    }

    public static String compute(String authToken, String url, List<Map.Entry<String, String>> params) {
        StringBuilder s = new StringBuilder(url);
        TreeMap<String, TreeSet<String>> sorted = new TreeMap<>();
        for (Map.Entry<String, String> p : params) {
            sorted.computeIfAbsent(p.getKey(), k -> new TreeSet<>()).add(p.getValue());
        }
        sorted.forEach((name, values) -> values.forEach(v -> s.append(name).append(v)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form-encoded callback: does {@code signature} sign {@code url} and {@code params} with {@code authToken}? */
    public static boolean validForm(String authToken, String url, List<Map.Entry<String, String>> params, String signature) {
        if (authToken == null || authToken.isEmpty() || signature == null || signature.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return false;
        }
        boolean withoutPort = same(compute(authToken, withoutPort(uri), params), signature.strip());
        boolean withPort = same(compute(authToken, withPort(uri), params), signature.strip());
        return withoutPort | withPort;
    }

    public static String withoutPort(URI uri) {
        return uri.getPort() < 0 ? uri.toString() : rebuild(uri, -1);
    }

    public static String withPort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.toString();
        }
        return rebuild(uri, "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String rebuild(URI uri, int port) {
        StringBuilder s = new StringBuilder().append(uri.getScheme()).append("://");
        if (uri.getRawUserInfo() != null) {
            s.append(uri.getRawUserInfo()).append('@');
        }
        s.append(uri.getHost());
        if (port >= 0) {
            s.append(':').append(port);
        }
        if (uri.getRawPath() != null) {
            s.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            s.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            s.append('#').append(uri.getRawFragment());
        }
        return s.toString();
    }
}
