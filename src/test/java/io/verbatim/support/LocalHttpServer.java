package io.verbatim.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A real HTTP server on a loopback port, answering with a test's handler and recording every request. */
public final class LocalHttpServer implements AutoCloseable {

    public record Request(String method, String path, String query, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** A query parameter (not decoded beyond '+' and %-escapes), or null. */
        public String param(String name) {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (key.equals(name)) {
                    return java.net.URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    /** Writes a streamed body (chunked: each flush reaches the client). */
    public interface BodyWriter {
        void write(java.io.OutputStream out) throws IOException;
    }

    /** @param writer null: {@code body} in one piece; else the body is streamed by it */
    public record Reply(int status, String contentType, byte[] body, Map<String, String> headers, BodyWriter writer) {
        public Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
            this(status, contentType, body, headers, null);
        }

        public static Reply streamed(String contentType, BodyWriter writer) {
            return new Reply(200, contentType, new byte[0], Map.of(), writer);
        }

        public static Reply json(int status, String json) {
            return new Reply(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Reply status(int status) {
            return new Reply(status, "text/plain", ("status " + status).getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Reply bytes(String contentType, byte[] body) {
            return new Reply(200, contentType, body, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<Request, Reply> handler = r -> Reply.status(404);

    public LocalHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), headers, exchange.getRequestBody().readAllBytes());
            requests.add(request);
            Reply reply;
            try {
                reply = handler.apply(request);
            } catch (RuntimeException e) {
                reply = Reply.status(500);
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            if (reply.writer() != null) {
                exchange.sendResponseHeaders(reply.status(), 0);
                try {
                    reply.writer().write(exchange.getResponseBody());
                } finally {
                    exchange.close();
                }
                return;
            }
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                exchange.getResponseBody().write(reply.body());
            }
            exchange.close();
        });
        server.start();
    }

    public LocalHttpServer handle(Function<Request, Reply> newHandler) {
        this.handler = newHandler;
        return this;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Request> requests(String pathPrefix) {
        return requests().stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
