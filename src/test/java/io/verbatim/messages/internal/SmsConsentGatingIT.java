package io.verbatim.messages.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.appointments.Appointment;
import io.verbatim.appointments.Appointments;
import io.verbatim.appointments.AppointmentsProperties;
import io.verbatim.appointments.NewAppointment;
import io.verbatim.contacts.ContactCards;
import io.verbatim.contacts.ContactHint;
import io.verbatim.platform.ProblemException;
import io.verbatim.support.ApiClient;
import io.verbatim.support.LocalHttpServer;
import io.verbatim.support.LocalHttpServer.Reply;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestPhones;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.webhooks.TwilioSignatures;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * SMS consent end to end through Twilio's protocol over HTTP: the signed inbound webhook (keywords, HELP, duplicates,
 * unknown numbers, another tenant's secret), opted-out numbers gated for automatic texts and refused for manual ones,
 * and quiet hours holding an automatic text until the scan sends it at their end.
 */
class SmsConsentGatingIT extends PlatformTest {

    private static final TenantId DEMO = TenantId.of("demo-tenant");
    private static final String SID = "AC" + "00112233445566778899aabbccddeeff";
    private static final String TOKEN = "twilio-token-" + UUID.randomUUID();
    private static final String OURS = "+15005550006";
    private static final String PATH = "/api/v1/webhooks/demo-tenant/twilio-sms";
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    @Autowired
    AppointmentMessages job;
    @Autowired
    Appointments appointments;
    @Autowired
    ContactCards cards;
    @Autowired
    AppointmentsProperties zone;

    private LocalHttpServer twilio;
    private String admin;

    @BeforeEach
    void setUp() {
        admin = api.token("admin@demo.local");
        twilio = new LocalHttpServer().handle(r -> Reply.json(201, "{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "")
                + "\",\"status\":\"queued\"}"));
        var r = api.put("/api/v1/credentials/twilio", admin, api.json().writeValueAsString(Map.of("account_sid", SID,
                "auth_token", TOKEN, "from_number", OURS, "api_base_url", twilio.url(""))));
        assertThat(r.status()).isIn(200, 201);
        assertThat(api.put("/api/v1/messages/settings", admin, "{\"quiet_hours\":null}").status()).isEqualTo(200);
    }

    @AfterEach
    void tearDown() {
        api.put("/api/v1/messages/settings", admin, "{\"confirmations_enabled\":false,\"reminders_enabled\":false,"
                + "\"quiet_hours\":{\"start\":\"21:00\",\"end\":\"08:00\",\"time_zone\":null}}");
        twilio.close();
    }

    @Test
    void keywordsInAnyCaseRecordConsentAndAnswerTwiml() {
        String phone = TestPhones.unique();
        UUID card = cards.findOrCreate(DEMO, new ContactHint(phone, null, "Kim Keyword", null));

        var stop = inbound(phone, "  stop ", TOKEN);
        assertThat(stop.status()).isEqualTo(200);
        assertThat(stop.header("content-type")).startsWith("text/xml");
        assertThat(stop.raw()).contains("<Response><Message>You are unsubscribed");
        assertThat(consent(card, phone).path("state").asString()).isEqualTo("opted_out");
        assertThat(consent(card, phone).path("source").asString()).isEqualTo("keyword");

        for (String word : List.of("Start", "UNSTOP", "optin", "Yes")) {
            assertThat(inbound(phone, word, TOKEN).raw()).as(word).contains("You are subscribed again");
            assertThat(consent(card, phone).path("state").asString()).as(word).isEqualTo("opted_in");
            assertThat(inbound(phone, word.equals("Yes") ? "Quit" : "unsubscribe", TOKEN).raw()).contains("unsubscribed");
            assertThat(consent(card, phone).path("state").asString()).isEqualTo("opted_out");
        }
        for (String word : List.of("STOPALL", "cancel", "End", "OPTOUT", "revoke")) {
            inbound(phone, "start", TOKEN);
            inbound(phone, word, TOKEN);
            assertThat(consent(card, phone).path("state").asString()).as(word).isEqualTo("opted_out");
        }
        // every change is in the history, newest first
        assertThat(consent(card, phone).path("history").size()).isGreaterThanOrEqualTo(19);

        // HELP and INFO answer the help text and change nothing; any other text gets an empty answer
        assertThat(inbound(phone, "help", TOKEN).raw()).contains("<Message>Reply STOP to unsubscribe");
        assertThat(inbound(phone, "Info", TOKEN).raw()).contains("<Message>Reply STOP to unsubscribe");
        var other = inbound(phone, "Please stop calling me at work", TOKEN);
        assertThat(other.raw()).contains("<Response/>").doesNotContain("<Message>");
        assertThat(consent(card, phone).path("state").asString()).isEqualTo("opted_out");

        // each text is on the messages log, inbound, linked to the card
        var log = api.get("/api/v1/messages?status=received", admin);
        List<JsonNode> mine = new ArrayList<>();
        log.body().path("items").forEach(m -> {
            if (phone.equals(m.path("from").asString())) {
                mine.add(m);
            }
        });
        assertThat(mine).isNotEmpty().allSatisfy(m -> {
            assertThat(m.path("direction").asString()).isEqualTo("inbound");
            assertThat(m.path("contact_card_id").asString()).isEqualTo(card.toString());
            assertThat(m.path("to").asString()).isEqualTo(OURS);
        });
        assertThat(mine).anyMatch(m -> m.path("body").asString().equals("Please stop calling me at work"));
    }

    @Test
    void theTenantsOwnRepliesAreAnswered() {
        assertThat(api.put("/api/v1/messages/settings", admin,
                "{\"replies\":{\"stop\":\"Roofing Co: unsubscribed <ok> & done\",\"help\":\"Roofing Co help: 512-555-0100\"}}")
                .status()).isEqualTo(200);
        try {
            String phone = TestPhones.unique();
            assertThat(inbound(phone, "STOP", TOKEN).raw()).contains("<Message>Roofing Co: unsubscribed &lt;ok&gt; &amp; done</Message>");
            assertThat(inbound(phone, "HELP", TOKEN).raw()).contains("Roofing Co help: 512-555-0100");
            assertThat(inbound(phone, "START", TOKEN).raw()).contains("You are subscribed again");
        } finally {
            api.put("/api/v1/messages/settings", admin, "{\"replies\":{\"stop\":\"" + io.verbatim.messages.KeywordReplies.DEFAULTS.stop()
                    + "\",\"help\":\"" + io.verbatim.messages.KeywordReplies.DEFAULTS.help() + "\"}}");
        }
    }

    @Test
    void badSignaturesDuplicatesAndUnknownNumbers() {
        String phone = TestPhones.unique();
        UUID card = cards.findOrCreate(DEMO, new ContactHint(phone, null, "Dee Duplicate", null));
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");

        // a wrong token, the demo token on another tenant's path, no signature at all: 401 problem+json, nothing stored
        var forged = inboundWithSid(PATH, phone, "STOP", "not-the-token", sid);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.header("content-type")).contains("problem+json");
        assertThat(inboundWithSid("/api/v1/webhooks/acme/twilio-sms", phone, "STOP", TOKEN, sid).status()).isEqualTo(401);
        assertThat(api.send("POST", PATH, null, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "From=%2B15550001111&Body=STOP&MessageSid=" + sid).status()).isEqualTo(401);
        assertThat(consent(card, phone).path("state").asString()).isEqualTo("unknown");
        assertThat(receivedWithSid(sid)).isZero();

        // the same MessageSid delivered twice: one message, one consent change
        assertThat(inboundWithSid(PATH, phone, "STOP", TOKEN, sid).status()).isEqualTo(200);
        var again = inboundWithSid(PATH, phone, "STOP", TOKEN, sid);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.raw()).contains("unsubscribed");
        assertThat(receivedWithSid(sid)).isEqualTo(1);
        assertThat(consent(card, phone).path("history").size()).isEqualTo(1);

        // a number no card has: stored without a card, consent still recorded by number, and no card is created
        String stranger = TestPhones.unique();
        assertThat(inbound(stranger, "STOP", TOKEN).status()).isEqualTo(200);
        assertThat(cards.findByPhone(DEMO, stranger)).isEmpty();
        UUID later = cards.findOrCreate(DEMO, new ContactHint(stranger, null, "Sam Stranger", null));
        assertThat(consent(later, stranger).path("state").asString()).isEqualTo("opted_out");
        List<JsonNode> received = new ArrayList<>();
        api.get("/api/v1/messages?status=received", admin).body().path("items").forEach(received::add);
        assertThat(received).anyMatch(m -> stranger.equals(m.path("from").asString()) && m.path("contact_card_id").isMissingNode()
                || stranger.equals(m.path("from").asString()) && m.path("contact_card_id").isNull());
    }

    @Test
    void optedOutNumbersGetNoAutomaticTextAndNoManualOne() {
        String phone = TestPhones.unique();
        UUID card = cards.findOrCreate(DEMO, new ContactHint(phone, null, "Otto Optout", null));
        inbound(phone, "STOP", TOKEN);
        assertThat(api.put("/api/v1/messages/settings", admin, "{\"confirmations_enabled\":true,\"reminders_enabled\":true,"
                + "\"reminder_hours_before\":24,\"channel\":\"sms\"}").status()).isEqualTo(200);

        Appointment booked = book(card, Instant.now().plus(Duration.ofHours(6)));
        TenantContext.runAs(DEMO, () -> job.run(DEMO));
        List<JsonNode> logged = messagesOf(booked);
        assertThat(logged).extracting(m -> m.path("purpose").asString()).containsExactlyInAnyOrder("confirmation", "reminder");
        assertThat(logged).allSatisfy(m -> {
            assertThat(m.path("status").asString()).isEqualTo("not_sent");
            assertThat(m.path("error").asString()).startsWith("Recipient opted out (STOP) on 20");
            assertThat(m.path("next_attempt_at").isNull() || m.path("next_attempt_at").isMissingNode()).isTrue();
        });
        assertThat(requestsTo(phone)).isZero();
        // never retried by the scan, however late
        TenantContext.runAs(DEMO, () -> job.retryDue(Instant.now().plus(Duration.ofDays(3))));
        assertThat(requestsTo(phone)).isZero();
        // and not counted as a response to the contact's lead (speed-to-lead counts sent or delivered texts only)
        assertThat(messagesOf(booked)).noneMatch(m -> List.of("sent", "delivered").contains(m.path("status").asString()));

        // a person's send or Retry is refused: 409 recipient-opted-out, nothing logged, nothing sent
        var manual = api.post("/api/v1/messages", admin, "{\"channel\":\"sms\",\"to\":\"" + phone + "\",\"body\":\"Hi\"}");
        assertThat(manual.status()).isEqualTo(409);
        assertThat(manual.problemType()).isEqualTo("urn:verbatim:problem:recipient-opted-out");
        var retry = api.post("/api/v1/messages/" + logged.getFirst().path("id").asString() + "/retry", admin, null);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.problemType()).isEqualTo("urn:verbatim:problem:recipient-opted-out");
        assertThat(requestsTo(phone)).isZero();

        // START again: Retry sends it
        inbound(phone, "START", TOKEN);
        var resent = api.post("/api/v1/messages/" + logged.getFirst().path("id").asString() + "/retry", admin, null);
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.body().path("provider_id").asString()).startsWith("SM");
        assertThat(requestsTo(phone)).isEqualTo(1);
    }

    @Test
    void quietHoursHoldAnAutomaticTextUntilTheScanSendsItAtTheirEnd() {
        ZoneId z = zone.zone();
        ZonedDateTime now = ZonedDateTime.now(z).truncatedTo(ChronoUnit.MINUTES);
        LocalTime start = now.minusHours(1).toLocalTime();
        LocalTime end = now.plusHours(2).toLocalTime();
        assertThat(api.put("/api/v1/messages/settings", admin, "{\"confirmations_enabled\":true,\"reminders_enabled\":true,"
                + "\"reminder_hours_before\":24,\"channel\":\"sms\",\"quiet_hours\":{\"start\":\"" + HHMM.format(start)
                + "\",\"end\":\"" + HHMM.format(end) + "\"}}").status()).isEqualTo(200);
        Instant quietEnd = now.plusHours(2).toInstant();

        String phone = TestPhones.unique();
        UUID card = cards.findOrCreate(DEMO, new ContactHint(phone, null, "Quinn Quiet", null));
        Appointment visit = book(card, Instant.now().plus(Duration.ofHours(8)));
        // an appointment that starts before the quiet hours end: its reminder would arrive too late, so it is not sent
        Appointment tooSoon = book(card, Instant.now().plus(Duration.ofMinutes(60)));
        TenantContext.runAs(DEMO, () -> job.run(DEMO));

        List<JsonNode> held = messagesOf(visit);
        assertThat(held).extracting(m -> m.path("purpose").asString()).containsExactlyInAnyOrder("confirmation", "reminder");
        assertThat(held).allSatisfy(m -> {
            assertThat(m.path("status").asString()).isEqualTo("queued");
            assertThat(m.path("provider_id").isNull() || m.path("provider_id").isMissingNode()).isTrue();
            assertThat(Instant.parse(m.path("next_attempt_at").asString())).isEqualTo(quietEnd);
        });
        assertThat(messagesOf(tooSoon)).allSatisfy(m -> {
            assertThat(m.path("status").asString()).isEqualTo("not_sent");
            assertThat(m.path("error").asString()).contains("quiet hours until");
        });
        assertThat(requestsTo(phone)).isZero();

        // a person's text in quiet hours goes, with a warning
        var manual = api.post("/api/v1/messages", admin, "{\"channel\":\"sms\",\"to\":\"" + phone + "\",\"body\":\"Running late\"}");
        assertThat(manual.status()).isEqualTo(201);
        assertThat(manual.body().path("provider_id").asString()).startsWith("SM");
        assertThat(manual.body().path("warnings").toString()).contains("quiet-hours");
        assertThat(requestsTo(phone)).isEqualTo(1);

        // the scan before the end sends nothing; at the end, both leave, once
        TenantContext.runAs(DEMO, () -> job.retryDue(quietEnd.minusSeconds(60)));
        assertThat(requestsTo(phone)).isEqualTo(1);
        TenantContext.runAs(DEMO, () -> job.retryDue(quietEnd.plusSeconds(30)));
        TenantContext.runAs(DEMO, () -> job.retryDue(quietEnd.plusSeconds(90)));
        assertThat(messagesOf(visit)).allSatisfy(m -> {
            assertThat(m.path("status").asString()).isEqualTo("queued");
            assertThat(m.path("provider_id").asString()).startsWith("SM");
            assertThat(m.path("attempts").asInt()).isEqualTo(1);
        });
        assertThat(requestsTo(phone)).isEqualTo(3);

        // outside quiet hours a manual text carries no warning
        JsonNode off = api.put("/api/v1/messages/settings", admin, "{\"quiet_hours\":false}").body().path("quiet_hours");
        assertThat(off.isNull() || off.isMissingNode()).isTrue();
        var plain = api.post("/api/v1/messages", admin, "{\"channel\":\"sms\",\"to\":\"" + phone + "\",\"body\":\"On my way\"}");
        assertThat(plain.body().has("warnings")).isFalse();
    }

    @Test
    void invalidQuietHoursAreRefused() {
        for (String bad : List.of("{\"start\":\"25:00\",\"end\":\"08:00\"}", "{\"start\":\"21:00\",\"end\":\"21:00\"}",
                "{\"start\":\"21:00\",\"end\":\"08:00\",\"time_zone\":\"Mars/Olympus\"}", "\"nightly\"")) {
            assertThat(api.put("/api/v1/messages/settings", admin, "{\"quiet_hours\":" + bad + "}").problemType()).as(bad)
                    .isEqualTo("urn:verbatim:problem:invalid-message-settings");
        }
        var ok = api.put("/api/v1/messages/settings", admin,
                "{\"quiet_hours\":{\"start\":\"22:30\",\"end\":\"07:00\",\"time_zone\":\"America/Chicago\"}}");
        assertThat(ok.body().path("quiet_hours").path("start").asString()).isEqualTo("22:30");
        assertThat(ok.body().path("quiet_hours").path("time_zone").asString()).isEqualTo("America/Chicago");
        assertThat(api.put("/api/v1/messages/settings", api.token("manager@demo.local"), "{\"quiet_hours\":null}").status())
                .isEqualTo(403);
        // another tenant keeps its own (the default)
        var acme = api.get("/api/v1/messages/settings", api.token("admin@acme.local"));
        assertThat(acme.body().path("quiet_hours").path("start").asString()).isEqualTo("21:00");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private JsonNode consent(UUID card, String phone) {
        var r = api.get("/api/v1/contacts/" + card + "/sms-consent", admin);
        assertThat(r.status()).isEqualTo(200);
        for (JsonNode n : r.body().path("numbers")) {
            if (phone.equals(n.path("phone").asString())) {
                return n;
            }
        }
        throw new AssertionError("no " + phone + " in " + r.raw());
    }

    private ApiClient.Response inbound(String from, String body, String token) {
        return inboundWithSid(PATH, from, body, token, "SM" + UUID.randomUUID().toString().replace("-", ""));
    }

    private ApiClient.Response inboundWithSid(String path, String from, String body, String token, String sid) {
        List<Map.Entry<String, String>> pairs = List.of(Map.entry("ToCountry", "US"), Map.entry("SmsMessageSid", sid),
                Map.entry("NumMedia", "0"), Map.entry("SmsSid", sid), Map.entry("SmsStatus", "received"),
                Map.entry("Body", body), Map.entry("To", OURS), Map.entry("NumSegments", "1"), Map.entry("MessageSid", sid),
                Map.entry("AccountSid", SID), Map.entry("From", from), Map.entry("ApiVersion", "2010-04-01"));
        String signature = TwilioSignatures.compute(token, api.base() + path, pairs);
        String form = pairs.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return api.send("POST", path, null, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-Twilio-Signature", signature), form);
    }

    private long receivedWithSid(String sid) {
        List<JsonNode> all = new ArrayList<>();
        api.get("/api/v1/messages?status=received&limit=200", admin).body().path("items").forEach(all::add);
        return all.stream().filter(m -> sid.equals(m.path("provider_id").asString())).count();
    }

    private long requestsTo(String phone) {
        return twilio.requests().stream().map(LocalHttpServer.Request::text)
                .map(t -> URLDecoder.decode(t, StandardCharsets.UTF_8)).filter(t -> t.contains("To=" + phone)).count();
    }

    private Appointment book(UUID card, Instant around) {
        UUID rep = UUID.fromString(api.get("/api/v1/auth/me", api.token("rep1@demo.local")).body().get("user_id").asString());
        for (int i = 0; ; i++) {
            Instant start = around.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(7L * i + ThreadLocalRandom.current().nextInt(3)));
            try {
                return TenantContext.callAs(DEMO, () -> appointments.book(new NewAppointment(card, rep, null, "Check-up", start,
                        start.plus(Duration.ofMinutes(5)), null, null, null)));
            } catch (ProblemException e) {
                if (i > 50) {
                    throw e;
                }
            }
        }
    }

    private List<JsonNode> messagesOf(Appointment a) {
        ApiClient.Response r = api.get("/api/v1/messages?appointment_id=" + a.id(), admin);
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        r.body().path("items").forEach(list::add);
        return list;
    }
}
