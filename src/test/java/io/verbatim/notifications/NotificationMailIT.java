package io.verbatim.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.messages.SmtpSink;
import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notification e-mail over SMTP (a real SMTP server on a loopback port): only to users who asked for the kind, in
 * their stored language, only while the company has an SMTP server; the in-app notification is written either way.
 */
class NotificationMailIT extends PlatformTest {

    private SmtpSink smtp;

    @BeforeEach
    void setUp() {
        smtp = new SmtpSink();
    }

    @AfterEach
    void tearDown() throws Exception {
        smtp.close();
    }

    @Test
    void anAssignmentIsMailedToThoseWhoAskedInTheirLanguage() throws InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "admin-" + suffix + "@correo.do";
        ApiClient.Response company = ShoppingFixture.company(api, "Correo " + suffix, adminEmail);
        assertThat(company.status()).as(company.raw()).isEqualTo(201);
        String tenant = company.body().get("id").asString();
        String admin = api.token(adminEmail);
        String shopperEmail = ShoppingFixture.shopper(api, adminEmail);
        String managerEmail = ShoppingFixture.manager(api, adminEmail);
        String shopper = api.token(shopperEmail);
        assertThat(api.put("/api/v1/me/preferences", shopper,
                "{\"language\": \"es\", \"email_notifications\": [\"campaign.assigned\"]}").status()).isEqualTo(200);
        // The manager asked for e-mail of other kinds only.
        assertThat(api.put("/api/v1/me/preferences", api.token(managerEmail),
                "{\"email_notifications\": [\"evaluation.failed\"]}").status()).isEqualTo(200);
        ApiClient.Response credential = api.send("PUT", "/api/v1/credentials/smtp", admin, Map.of(), api.json().writeValueAsString(
                Map.of("host", "127.0.0.1", "port", String.valueOf(smtp.port()), "from", "Verbatim <avisos@correo.do>", "starttls", "false")));
        assertThat(credential.status()).as(credential.raw()).isIn(200, 201);

        String survey = ShoppingFixture.survey(api, admin);
        String zone = ShoppingFixture.zone(api, admin, "Piantini");
        ShoppingFixture.campaign(api, admin, survey, zone, ShoppingFixture.userId(api, adminEmail, shopperEmail),
                ShoppingFixture.userId(api, adminEmail, managerEmail));

        List<SmtpSink.Mail> mails = waitForMails(1);
        assertThat(mails).hasSize(1);
        SmtpSink.Mail mail = mails.getFirst();
        assertThat(mail.to()).containsExactly(shopperEmail);
        assertThat(mail.from()).isEqualTo("avisos@correo.do");
        assertThat(mail.data()).contains("Subject: =?UTF-8?").contains("/shopping/campaigns");
        assertThat(decoded(mail.data())).contains("Le asignaron la campa")
                // A full URL a mail client can open: without verbatim.public-base-url, this server's local address.
                .contains("http://localhost:" + port + "/shopping/campaigns");
        // The manager has the in-app notification, not an e-mail.
        assertThat(api.get("/api/v1/notifications", api.token(managerEmail)).body().get("unread").asInt()).isEqualTo(1);
        // Every e-mail is logged with the company's messages.
        assertThat(api.get("/api/v1/messages", admin).raw()).contains("\"purpose\":\"notification\"", shopperEmail);

        // Without an SMTP server nothing is sent, and the in-app notification is still written.
        assertThat(api.send("DELETE", "/api/v1/credentials/smtp", admin, Map.of(), null).status()).isIn(200, 204);
        ShoppingFixture.campaign(api, admin, survey, zone, ShoppingFixture.userId(api, adminEmail, shopperEmail), null);
        Thread.sleep(500);
        assertThat(smtp.mails()).hasSize(1);
        assertThat(api.get("/api/v1/notifications", shopper).body().get("unread").asInt()).isEqualTo(2);
        assertThat(tenant).isNotBlank();
    }

    private List<SmtpSink.Mail> waitForMails(int n) throws InterruptedException {
        for (int i = 0; i < 100 && smtp.mails().size() < n; i++) {
            Thread.sleep(100);
        }
        return smtp.mails();
    }

    /** The message with quoted-printable and encoded words decoded enough to read Spanish text. */
    private static String decoded(String data) {
        try {
            var session = jakarta.mail.Session.getInstance(new java.util.Properties());
            var message = new jakarta.mail.internet.MimeMessage(session,
                    new java.io.ByteArrayInputStream(data.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return message.getSubject() + "\n" + message.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
