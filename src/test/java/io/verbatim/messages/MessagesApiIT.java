package io.verbatim.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.LocalHttpServer;
import io.verbatim.support.LocalHttpServer.Reply;
import io.verbatim.support.PlatformTest;
import io.verbatim.webhooks.TwilioSignatures;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Outbound SMS against a local server speaking Twilio's REST Messages protocol, e-mail against an in-process SMTP
 * server, signed status callbacks, the audit trail's roles and another tenant.
 */
class MessagesApiIT extends PlatformTest {

    private static final String SID = "AC" + "0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "twilio-token-" + UUID.randomUUID();
    private static final String FROM = "+15005550006";

    private LocalHttpServer twilio;
    private SmtpSink smtp;
    private String admin;

    @BeforeEach
    void setUp() {
        admin = api.token("admin@demo.local");
        twilio = new LocalHttpServer().handle(MessagesApiIT::twilioApi);
        smtp = new SmtpSink();
        put(admin, "twilio", Map.of("account_sid", SID, "auth_token", TOKEN, "from_number", FROM,
                "api_base_url", twilio.url("")));
        put(admin, "smtp", Map.of("host", "127.0.0.1", "port", String.valueOf(smtp.port()), "from", "Demo Clinic <clinic@demo.local>",
                "starttls", "false"));
    }

    @AfterEach
    void tearDown() throws Exception {
        twilio.close();
        smtp.close();
    }

    /** Twilio's API as documented: basic auth, form fields, 201 with the message resource, 400 with an error object. */
    private static Reply twilioApi(LocalHttpServer.Request r) {
        String auth = "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
        if (!auth.equals(r.header("authorization"))) {
            return Reply.json(401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
        }
        if (!r.method().equals("POST") || !r.path().equals("/2010-04-01/Accounts/" + SID + "/Messages.json")) {
            return Reply.json(404, "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
        }
        Map<String, String> form = form(r.text());
        if ("+15005550001".equals(form.get("To"))) {
            return Reply.json(400, "{\"code\":21211,\"message\":\"The 'To' number +15005550001 is not a valid phone number.\","
                    + "\"status\":400}");
        }
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        return Reply.json(201, "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"to\":\"" + form.get("To") + "\",\"from\":\""
                + form.get("From") + "\",\"body\":\"" + form.get("Body") + "\",\"error_code\":null}");
    }

    @Test
    void smsGoesThroughTwilioIsLoggedAndFollowsSignedStatusCallbacks() {
        var sent = api.post("/api/v1/messages", admin, "{\"channel\":\"sms\",\"to\":\"+15551230001\",\"body\":\"See you at 3pm\"}");
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.body().path("status").asString()).isEqualTo("queued");
        String providerId = sent.body().path("provider_id").asString();
        assertThat(providerId).startsWith("SM");

        var request = twilio.requests("/2010-04-01/").getLast();
        Map<String, String> form = form(request.text());
        assertThat(form).containsEntry("To", "+15551230001").containsEntry("From", FROM).containsEntry("Body", "See you at 3pm");
        String callback = form.get("StatusCallback");
        assertThat(callback).endsWith("/api/v1/webhooks/demo-tenant/twilio-messages");

        String path = "/api/v1/webhooks/demo-tenant/twilio-messages";
        assertThat(statusCallback(path, providerId, "sent", TOKEN).status()).isEqualTo(200);
        assertThat(message(sent).path("status").asString()).isEqualTo("sent");
        assertThat(statusCallback(path, providerId, "delivered", TOKEN).status()).isEqualTo(200);
        // Out of order: a late "sent" does not move a delivered message back.
        assertThat(statusCallback(path, providerId, "sent", TOKEN).body().path("status").asString()).isEqualTo("unchanged");
        assertThat(message(sent).path("status").asString()).isEqualTo("delivered");

        // A bad signature, or the demo token on another tenant's path, changes nothing.
        assertThat(statusCallback(path, providerId, "failed", "not-the-token").status()).isEqualTo(401);
        assertThat(statusCallback("/api/v1/webhooks/acme/twilio-messages", providerId, "failed", TOKEN).status()).isEqualTo(401);
        assertThat(message(sent).path("status").asString()).isEqualTo("delivered");

        var listed = api.get("/api/v1/messages?channel=sms", admin);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(ids(listed)).contains(sent.body().path("id").asString());
        // The auth token is never returned or logged into the trail.
        assertThat(listed.raw()).doesNotContain(TOKEN);
    }

    @Test
    void undeliverableStatusKeepsTwilioErrorCode() {
        var sent = api.post("/api/v1/messages", admin, "{\"channel\":\"sms\",\"to\":\"+15551230002\",\"body\":\"Hi\"}");
        String providerId = sent.body().path("provider_id").asString();
        List<Map.Entry<String, String>> pairs = new ArrayList<>(callbackPairs(providerId, "undelivered"));
        pairs.add(new AbstractMap.SimpleImmutableEntry<>("ErrorCode", "30003"));
        assertThat(signedPost("/api/v1/webhooks/demo-tenant/twilio-messages", pairs, TOKEN).status()).isEqualTo(200);
        JsonNode m = message(sent);
        assertThat(m.path("status").asString()).isEqualTo("undelivered");
        assertThat(m.path("error").asString()).contains("30003");
    }

    @Test
    void twilioRefusalIsLoggedAsFailed() {
        var sent = api.post("/api/v1/messages", admin, "{\"channel\":\"sms\",\"to\":\"+15005550001\",\"body\":\"Hi\"}");
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.body().path("status").asString()).isEqualTo("failed");
        assertThat(sent.body().path("error").asString()).contains("21211").contains("not a valid phone number");
        assertThat(api.get("/api/v1/messages?status=failed", admin).raw()).contains(sent.body().path("id").asString());
    }

    @Test
    void emailGoesThroughSmtp() {
        var sent = api.post("/api/v1/messages", admin,
                "{\"channel\":\"email\",\"to\":\"pat@example.com\",\"subject\":\"Your visit\",\"body\":\"See you on Monday.\"}");
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.body().path("status").asString()).isEqualTo("sent");
        assertThat(sent.body().path("provider_id").asString()).startsWith("<");
        SmtpSink.Mail mail = smtp.mails().getLast();
        assertThat(mail.to()).containsExactly("pat@example.com");
        assertThat(mail.from()).isEqualTo("clinic@demo.local");
        assertThat(mail.data()).contains("Subject: Your visit").contains("See you on Monday.");

        var refused = api.post("/api/v1/messages", admin,
                "{\"channel\":\"email\",\"to\":\"reject-me@example.com\",\"subject\":\"Hi\",\"body\":\"x\"}");
        assertThat(refused.body().path("status").asString()).isEqualTo("failed");
        assertThat(refused.body().path("error").asString()).contains("550");
    }

    @Test
    void invalidMessagesAreRefused() {
        assertThat(api.post("/api/v1/messages", admin, "{\"channel\":\"fax\",\"to\":\"+15551230001\",\"body\":\"x\"}").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-message");
        assertThat(api.post("/api/v1/messages", admin, "{\"channel\":\"sms\",\"to\":\"555\",\"body\":\"x\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/messages", admin, "{\"channel\":\"email\",\"to\":\"a@b.co\",\"body\":\"x\"}").status())
                .isEqualTo(400);
    }

    @Test
    void onlyAdminsAndManagersSeeOrSend() {
        String manager = api.token("manager@demo.local");
        var sent = api.post("/api/v1/messages", manager, "{\"channel\":\"sms\",\"to\":\"+15551230003\",\"body\":\"From a manager\"}");
        assertThat(sent.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/messages", manager).status()).isEqualTo(200);
        for (String email : List.of("exec@demo.local", "csr1@demo.local", "rep1@demo.local")) {
            String token = api.token(email);
            assertThat(api.get("/api/v1/messages", token).status()).as(email).isEqualTo(403);
            assertThat(api.get("/api/v1/messages/" + sent.body().path("id").asString(), token).status()).as(email).isEqualTo(403);
            assertThat(api.post("/api/v1/messages", token, "{\"channel\":\"sms\",\"to\":\"+15551230004\",\"body\":\"x\"}").status())
                    .as(email).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/messages", null).status()).isEqualTo(401);
    }

    @Test
    void anotherTenantSeesNoneOfThem() {
        var sent = api.post("/api/v1/messages", admin, "{\"channel\":\"sms\",\"to\":\"+15551230005\",\"body\":\"Demo only\"}");
        String id = sent.body().path("id").asString();
        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/messages/" + id, acme).status()).isEqualTo(404);
        var listed = api.get("/api/v1/messages", acme);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(ids(listed)).doesNotContain(id);
        // Acme has no Twilio credential: its message is logged as not sent (nothing left), and demo's credential is never
        // used for it.
        int before = twilio.requests().size();
        var acmeSent = api.post("/api/v1/messages", acme, "{\"channel\":\"sms\",\"to\":\"+15551230006\",\"body\":\"Acme\"}");
        assertThat(acmeSent.body().path("status").asString()).isEqualTo("not_sent");
        assertThat(acmeSent.body().path("error").asString()).contains("No SMS provider configured").contains("twilio");
        assertThat(twilio.requests()).hasSize(before);
        assertThat(ids(api.get("/api/v1/messages", admin))).doesNotContain(acmeSent.body().path("id").asString());
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private JsonNode message(ApiClient.Response sent) {
        var r = api.get("/api/v1/messages/" + sent.body().path("id").asString(), admin);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    private static List<String> ids(ApiClient.Response listed) {
        List<String> ids = new ArrayList<>();
        listed.body().path("items").forEach(m -> ids.add(m.path("id").asString()));
        return ids;
    }

    private ApiClient.Response statusCallback(String path, String providerId, String status, String token) {
        return signedPost(path, callbackPairs(providerId, status), token);
    }

    private static List<Map.Entry<String, String>> callbackPairs(String providerId, String status) {
        return List.of(Map.entry("AccountSid", SID), Map.entry("From", FROM), Map.entry("MessageSid", providerId),
                Map.entry("SmsSid", providerId), Map.entry("MessageStatus", status), Map.entry("SmsStatus", status),
                Map.entry("To", "+15551230001"), Map.entry("ApiVersion", "2010-04-01"));
    }

    private ApiClient.Response signedPost(String path, List<Map.Entry<String, String>> pairs, String token) {
        String signature = TwilioSignatures.compute(token, api.base() + path, pairs);
        String body = pairs.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return api.send("POST", path, null, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-Twilio-Signature", signature), body);
    }

    private void put(String token, String name, Map<String, String> fields) {
        var r = api.send("PUT", "/api/v1/credentials/" + name, token, Map.of(), api.json().writeValueAsString(fields));
        assertThat(r.status()).isIn(200, 201);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
