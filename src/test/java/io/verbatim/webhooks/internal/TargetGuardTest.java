package io.verbatim.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.credentials.CredentialFields;
import io.verbatim.media.MediaProperties;
import io.verbatim.platform.PlatformProperties;
import io.verbatim.support.LocalHttpServer;
import io.verbatim.webhooks.TargetGuard;
import io.verbatim.webhooks.WebhookProperties;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The SSRF guard refuses every internal address family unless the operator allows private targets. */
class TargetGuardTest {

    private final TargetGuard guard = new TargetGuard(false);

    @Test
    void internalAddressesAreRefused() {
        for (String url : new String[] {"http://127.0.0.1/x", "http://localhost:8080/hook", "http://10.1.2.3/", "http://172.16.0.1/",
                "http://172.31.255.255/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/",
                "http://100.64.0.1/", "http://[::1]/", "http://[fe80::1]/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:169.254.169.254]/", "http://224.0.0.1/", "http://198.18.0.1/"}) {
            assertThatThrownBy(() -> guard.check(url)).as(url).isInstanceOf(TargetGuard.TargetRefusedException.class);
        }
    }

    @Test
    void otherSchemesAndUserInfoAreRefused() {
        for (String url : new String[] {"file:///etc/passwd", "ftp://93.184.216.34/", "gopher://93.184.216.34/",
                "http://user:pass@93.184.216.34/", "not a url", "http:///nohost"}) {
            assertThatThrownBy(() -> guard.check(url)).as(url).isInstanceOf(TargetGuard.TargetRefusedException.class);
        }
    }

    @Test
    void publicAddressesPassAndTheAllowanceLetsPrivateOnesThrough() throws Exception {
        assertThat(guard.check("https://93.184.216.34/hooks").getHost()).isEqualTo("93.184.216.34");
        assertThat(guard.check("http://[2606:4700:4700::1111]/").getHost()).isEqualTo("[2606:4700:4700::1111]");
        assertThat(TargetGuard.isInternal(InetAddress.getByName("8.8.8.8"))).isFalse();
        assertThat(TargetGuard.isInternal(InetAddress.getByName("172.32.0.1"))).isFalse();
        TargetGuard open = new TargetGuard(true);
        assertThat(open.check("http://127.0.0.1:9/x").getPort()).isEqualTo(9);
        assertThatThrownBy(() -> open.check("file:///etc/passwd")).isInstanceOf(TargetGuard.TargetRefusedException.class);
    }

    @TempDir
    Path work;

    private RecordingFetcher fetcher(boolean allowPrivate) {
        WebhookProperties properties = new WebhookProperties(allowPrivate, null, Duration.ofMinutes(5), DataSize.ofMegabytes(5),
                Duration.ofSeconds(1), 4, 8, Duration.ofSeconds(1), 16, Duration.ofSeconds(15), List.of(Duration.ofSeconds(5)),
                Duration.ofMinutes(1), DataSize.ofMegabytes(10), Duration.ofDays(30), Duration.ofSeconds(30), Duration.ZERO);
        return new RecordingFetcher(new TargetGuard(allowPrivate), properties, JsonMapper.builder().build(),
                new MediaProperties(DataSize.ofGigabytes(2), Duration.ofHours(4), work, null, "fatal"),
                new PlatformProperties(work, new PlatformProperties.Db(null, null, null, "verbatim_app", null, 0, 2, "auto")));
    }

    @Test
    void aTwilioRecordingUrlOnAPrivateAddressIsNotFetchedUnlessAllowed() {
        try (LocalHttpServer recordings = new LocalHttpServer().handle(r -> LocalHttpServer.Reply.bytes("audio/wav", new byte[64]))) {
            String form = "RecordingSid=RE123&RecordingStatus=completed&AccountSid=AC1&RecordingUrl="
                    + java.net.URLEncoder.encode(recordings.url("/Recordings/RE123"), StandardCharsets.UTF_8);
            InboxEvent event = new InboxEvent(UUID.randomUUID(), "demo-tenant", "twilio", "RE123:completed", "twilio", "recording.completed",
                    "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), "processing", 1, null, false, null,
                    Instant.now(), null, Instant.now());
            CredentialFields credential = new CredentialFields("twilio", Map.of("auth_token", "t"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TwilioProvider().prepare(event, credential, fetcher(false)))
                    .isInstanceOf(InboundProvider.Failure.class).hasMessageContaining("refused")
                    .satisfies(e -> assertThat(((InboundProvider.Failure) e).retryable()).isFalse());
            assertThat(recordings.requests()).isEmpty();

            var work = new TwilioProvider().prepare(event, credential, fetcher(true));
            assertThat(work).isInstanceOf(InboundProvider.Work.Ingest.class);
            assertThat(recordings.requests()).hasSize(1);
            assertThat(recordings.requests().getFirst().path()).isEqualTo("/Recordings/RE123.wav");
            assertThat(recordings.requests().getFirst().header("authorization")).startsWith("Basic ");
            RecordingFetcher.deleteQuietly(((InboundProvider.Work.Ingest) work).tempFile());
        }
    }
}
