package io.verbatim.speech.remote;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A {@code multipart/form-data} body whose file part streams from disk (the JDK client has no multipart support). */
final class Multipart {

    private final String boundary = "verbatim-" + UUID.randomUUID();
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

    Multipart field(String name, String value) {
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n", StandardCharsets.UTF_8));
        return this;
    }

    Multipart file(String name, String filename, String contentType, Path file) throws FileNotFoundException {
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"; filename=\"" + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n", StandardCharsets.UTF_8));
        parts.add(HttpRequest.BodyPublishers.ofFile(file));
        parts.add(HttpRequest.BodyPublishers.ofString("\r\n", StandardCharsets.UTF_8));
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher body() {
        List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
        all.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
    }
}
