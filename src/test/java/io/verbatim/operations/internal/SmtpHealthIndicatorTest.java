package io.verbatim.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The smtp component against a local server speaking SMTP's opening (220 greeting, QUIT), and against nothing. */
class SmtpHealthIndicatorTest {

    @Test
    void upWhenTheServerGreetsDegradedWhenNothingListens() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<String> said = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write("220 mail.example.test ESMTP ready\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                    s.getOutputStream().write("221 bye\r\n".getBytes(StandardCharsets.US_ASCII));
                    return line;
                } catch (Exception e) {
                    return e.toString();
                }
            });
            var health = new SmtpHealthIndicator("127.0.0.1", server.getLocalPort()).health();
            assertThat(health.getStatus().getCode()).isEqualTo("UP");
            assertThat(health.getDetails().get("greeting").toString()).startsWith("220 mail.example.test");
            assertThat(said.get()).isEqualTo("QUIT");
        }
        int closedPort;
        try (ServerSocket unused = new ServerSocket(0)) {
            closedPort = unused.getLocalPort();
        }
        var down = new SmtpHealthIndicator("127.0.0.1", closedPort).health();
        assertThat(down.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(down.getDetails().get("error").toString()).startsWith("unreachable");
    }
}
