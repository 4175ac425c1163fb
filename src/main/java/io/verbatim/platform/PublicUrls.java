package io.verbatim.platform;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Absolute links to this platform for places outside it (notification e-mail), from
 * {@code verbatim.public-base-url}; when that is blank, {@code http://localhost:<port>} with the port the server
 * actually listens on, which is right for a local run and nowhere else (set the key in any deployment).
 */
@Component
public class PublicUrls {

    private final PublicUrlProperties properties;
    private final Environment environment;

    public PublicUrls(PublicUrlProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** The base URL without a trailing slash. */
    public String base() {
        String configured = properties.publicBaseUrl();
        if (configured != null && !configured.isBlank()) {
            return strip(configured.trim());
        }
        // local.server.port is the port bound (also when server.port is 0); read at use, as it is set after start-up.
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    /** {@code path} (starting with {@code /}) on this platform as an absolute URL; an absolute URL is kept as it is. */
    public String absolute(String path) {
        if (path == null || path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return base() + (path.startsWith("/") ? path : "/" + path);
    }

    private static String strip(String url) {
        String s = url;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
