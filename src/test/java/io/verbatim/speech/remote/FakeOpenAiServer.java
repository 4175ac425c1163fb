package io.verbatim.speech.remote;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local server speaking OpenAI's {@code POST /v1/audio/transcriptions}: it records each request
 * (headers and multipart parts) and answers with a fixed body, a real verbose_json sample.
 */
final class FakeOpenAiServer implements AutoCloseable {

    /** One multipart part: its name, filename (file parts only), content type and bytes. */
    record Part(String name, String filename, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    record Received(String method, String path, String authorization, String contentType, List<Part> parts) {
        List<String> values(String name) {
            return parts.stream().filter(p -> p.name().equals(name)).map(Part::text).toList();
        }

        Part file() {
            return parts.stream().filter(p -> p.filename() != null).findFirst().orElseThrow();
        }
    }

    private final HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private volatile int status = 200;
    private volatile String body;

    FakeOpenAiServer(String body) throws IOException {
        this.body = body;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), contentType, parse(contentType, request)));
            byte[] answer = this.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void answer(int status, String body) {
        this.status = status;
        this.body = body;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern DISPOSITION = Pattern.compile("name=\"([^\"]*)\"(?:; filename=\"([^\"]*)\")?");

    /** A minimal multipart/form-data parser, bytes-exact for the file part. */
    static List<Part> parse(String contentType, byte[] body) {
        List<Part> parts = new ArrayList<>();
        Matcher m = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (m == null || !m.find()) {
            return parts;
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int start = pos + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            start += 2; // CRLF
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            int next = indexOf(body, delimiter, headerEnd);
            String headers = new String(body, start, headerEnd - start, StandardCharsets.ISO_8859_1);
            Map<String, String> h = new LinkedHashMap<>();
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                h.put(line.substring(0, colon).strip().toLowerCase(), line.substring(colon + 1).strip());
            }
            Matcher d = DISPOSITION.matcher(h.getOrDefault("content-disposition", ""));
            d.find();
            byte[] content = java.util.Arrays.copyOfRange(body, headerEnd + 4, next - 2);
            parts.add(new Part(d.group(1), d.group(2), h.get("content-type"), content));
            pos = next;
        }
        return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
