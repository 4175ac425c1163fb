package io.verbatim.webhooks.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.verbatim.platform.ProblemException;
import io.verbatim.platform.Problems;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the inbound webhook paths itself, ahead of Spring MVC and Spring Security: a provider that sends a call
 * report once waits on this answer, and the storm's profile showed the framework around the webhook code (trying
 * every annotated mapping for the path's variable, the security chain, the request observation, the JSON
 * converter) at about four fifths of its request-thread CPU. These paths are authenticated by the sender's
 * signature, not by a session or a token (see {@link WebhookReception}), so nothing of that chain applies.
 * Every other path, and every method but POST, goes on down the chain untouched.
 */
final class InboundWebhookFilter implements Filter {

    static final String PREFIX = "/api/v1/webhooks/";
    private static final Logger log = LoggerFactory.getLogger(InboundWebhookFilter.class);

    private final WebhookReception reception;
    /** The providers' path segments (from the provider beans, so a new provider is routed here too). */
    private final Map<String, Boolean> paths;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** @param meters where {@code verbatim.webhooks.acknowledgements} is recorded, or null */
    InboundWebhookFilter(WebhookReception reception, JsonMapper json, MeterRegistry meters) {
        this.reception = reception;
        this.paths = reception.paths();
        this.json = json;
        this.meters = meters;
    }

    /** A request this filter answers: the tenant, the provider and, for {@code generic}, the source. */
    record Route(String tenant, String provider, String source) {

        /**
         * The route of a POST to an inbound webhook path, or null for anything else.
         *
         * @param paths each provider's path segment, with whether a source follows it
         */
        static Route of(String method, String path, Map<String, Boolean> paths) {
            if (!"POST".equals(method) || !path.startsWith(PREFIX)) {
                return null;
            }
            int slash = path.indexOf('/', PREFIX.length());
            if (slash <= PREFIX.length()) {
                return null;
            }
            String tenant = path.substring(PREFIX.length(), slash);
            String rest = path.substring(slash + 1);
            int next = rest.indexOf('/');
            if (next < 0) {
                return Boolean.FALSE.equals(paths.get(rest)) ? new Route(tenant, rest, null) : null;
            }
            String provider = rest.substring(0, next);
            String source = rest.substring(next + 1);
            boolean sourced = Boolean.TRUE.equals(paths.get(provider));
            return sourced && !source.isEmpty() && source.indexOf('/') < 0 ? new Route(tenant, provider, source) : null;
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Route route = Route.of(request.getMethod(), request.getRequestURI().substring(request.getContextPath().length()),
                paths);
        if (route == null) {
            chain.doFilter(req, res);
            return;
        }
        long start = System.nanoTime();
        int status;
        try {
            WebhookReception.Acknowledged answer = reception.receive(route.tenant(), route.provider(), route.source(), request);
            status = 200;
            write(response, status, "application/json", answer(answer));
        } catch (ProblemException e) {
            status = e.status().value();
            write(response, status, "application/problem+json", problem(e.status(), e.type(), e.title(), e.getMessage(),
                    request.getRequestURI(), e.properties()));
        } catch (RuntimeException e) {
            log.error("Unhandled error on {}", request.getRequestURI(), e);
            status = 500;
            write(response, status, "application/problem+json", problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                    "Internal error", "Something went wrong on our side; it has been logged", request.getRequestURI(), Map.of()));
        }
        record(route.provider(), status, System.nanoTime() - start);
    }

    /** The acknowledgement, formatted here: its shape is fixed and its few strings are escaped (see {@link #quote}). */
    static byte[] answer(WebhookReception.Acknowledged a) {
        StringBuilder out = new StringBuilder(160).append("{\"received\":").append(a.received())
                .append(",\"duplicate\":").append(a.duplicate());
        if (a.id() != null) {
            out.append(",\"id\":\"").append(a.id()).append('"');
        }
        field(out, "event_id", a.eventId());
        field(out, "status", a.status());
        field(out, "ignored", a.ignored());
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(",\"").append(name).append("\":");
            quote(out, value);
        }
    }

    /** A JSON string literal (RFC 8259: quote, backslash and control characters escaped). */
    static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** The same problem+json as the application's other errors ({@code ProblemResponses}). */
    private byte[] problem(HttpStatus status, String slug, String title, String detail, String instance,
                           Map<String, Object> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.type(slug).toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", instance);
        properties.forEach(body::putIfAbsent);
        return json.writeValueAsBytes(body);
    }

    private static void write(HttpServletResponse response, int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** These requests skip {@code http.server.requests}; their own timer keeps them visible in the metrics. */
    private void record(String provider, int status, long nanos) {
        if (meters == null) {
            return;
        }
        timers.computeIfAbsent(provider + ' ' + status, k -> Timer.builder("verbatim.webhooks.acknowledgements")
                .description("Inbound webhook requests answered, by provider and HTTP status")
                .tag("provider", provider).tag("status", Integer.toString(status)).register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
