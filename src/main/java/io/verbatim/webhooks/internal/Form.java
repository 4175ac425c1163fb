package io.verbatim.webhooks.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body as the ordered list of its name/value pairs. */
record Form(List<Map.Entry<String, String>> pairs) {

    static Form parse(byte[] body) {
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    static Form parse(String body) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (body != null && !body.isBlank()) {
            for (String part : body.strip().split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String name = eq < 0 ? part : part.substring(0, eq);
                String value = eq < 0 ? "" : part.substring(eq + 1);
                pairs.add(new AbstractMap.SimpleImmutableEntry<>(decode(name), decode(value)));
            }
        }
        return new Form(List.copyOf(pairs));
    }

    /** Malformed escapes are kept as sent (the signature then simply does not verify). */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    String first(String name) {
        return pairs.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
