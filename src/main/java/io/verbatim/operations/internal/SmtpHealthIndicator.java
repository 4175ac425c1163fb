package io.verbatim.operations.internal;

import io.verbatim.platform.ServiceStates;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code smtp}, present only when a mail server is configured
 * ({@code spring.mail.host}): opens an SMTP session, expects the server's 220 greeting and says QUIT.
 * Kept for a minute, so the public health endpoint cannot be used to hammer the mail server.
 */
@Component("smtp")
@ConditionalOnExpression("!'${spring.mail.host:}'.isBlank()")
class SmtpHealthIndicator implements HealthIndicator {

    private static final Duration KEEP = Duration.ofMinutes(1);
    private final String host;
    private final int port;
    private volatile Health last;
    private volatile Instant lastAt = Instant.MIN;

    SmtpHealthIndicator(@Value("${spring.mail.host}") String host, @Value("${spring.mail.port:25}") int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public Health health() {
        Instant now = Instant.now();
        if (last == null || lastAt.plus(KEEP).isBefore(now)) {
            last = probe();
            lastAt = now;
        }
        return last;
    }

    private Health probe() {
        Health.Builder health;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(5000);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String greeting = in.readLine();
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (greeting != null && greeting.startsWith("220")) {
                health = Health.up().withDetail("greeting", greeting.length() > 120 ? greeting.substring(0, 120) : greeting);
            } else {
                health = Health.status(ServiceStates.DEGRADED).withDetail("error", "no SMTP greeting: " + greeting);
            }
        } catch (Exception e) {
            health = Health.status(ServiceStates.DEGRADED).withDetail("error", "unreachable: " + e.getClass().getSimpleName());
        }
        return health.withDetail("server", host + ":" + port).build();
    }
}
