package io.verbatim.sso;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a browser does in an authorization-code flow, over plain HTTP: it follows redirects one hop at a time
 * (so a test sees each), keeps cookies by name and path, and posts forms. Cookies are not kept apart by port, as
 * in a browser; SameSite is not enforced (the Chromium test covers that).
 */
final class HttpBrowser {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();
    final List<String> visited = new ArrayList<>();

    record Cookie(String name, String value, String path, String attributes) {
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    HttpResponse<String> post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows redirects from {@code response} until a page that is not a redirect, or one to a path starting {@code stopAt}. */
    HttpResponse<String> follow(HttpResponse<String> response, String stopAt) {
        HttpResponse<String> current = response;
        for (int hop = 0; hop < 20 && current.statusCode() / 100 == 3; hop++) {
            URI next = current.uri().resolve(current.headers().firstValue("location").orElseThrow());
            if (stopAt != null && next.getPath().startsWith(stopAt)) {
                return current;
            }
            current = get(next.toString());
        }
        return current;
    }

    static URI location(HttpResponse<String> response) {
        return response.uri().resolve(response.headers().firstValue("location").orElseThrow());
    }

    String cookie(String name) {
        return cookies.values().stream().filter(c -> c.name().equals(name)).map(Cookie::value).findFirst().orElse(null);
    }

    Cookie cookieWithAttributes(String name) {
        return cookies.values().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest probe = builder.copy().build();
        String path = probe.uri().getRawPath();
        String header = cookies.values().stream().filter(c -> path.startsWith(c.path()))
                .map(c -> c.name() + "=" + c.value()).collect(Collectors.joining("; "));
        if (!header.isEmpty()) {
            builder.header("Cookie", header);
        }
        builder.header("Accept", "text/html,application/xhtml+xml");
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            visited.add(probe.method() + " " + probe.uri() + " -> " + response.statusCode());
            for (String set : response.headers().allValues("set-cookie")) {
                keep(set);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        String name = parts[0].substring(0, eq).strip();
        String value = parts[0].substring(eq + 1).strip();
        String path = "/";
        boolean expired = value.isEmpty();
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            if (attribute.regionMatches(true, 0, "Path=", 0, 5)) {
                path = attribute.substring(5);
            } else if (attribute.equalsIgnoreCase("Max-Age=0")) {
                expired = true;
            }
        }
        String key = name + " " + path;
        if (expired) {
            cookies.remove(key);
        } else {
            cookies.put(key, new Cookie(name, value, path, setCookie));
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
