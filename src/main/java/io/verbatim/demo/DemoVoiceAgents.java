package io.verbatim.demo;

import io.verbatim.credentials.Credentials;
import io.verbatim.tenancy.TenantContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The demo tenant's two voice agents (a clinic receptionist on Vapi, a salon receptionist on Retell): their call
 * reports (demo/voice-agents.json, two built from the bundled voice-agent calls) are signed with the tenant's own
 * webhook credentials and posted to the platform's own endpoints, so they take the path every real report takes
 * (verification, inbox, deduplication by call id, import, analysis, assistants, bookings, lead scores). A restart
 * posts them again and the inbox answers "duplicate": nothing twice.
 */
@Component
@Order(20)
public class DemoVoiceAgents implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVoiceAgents.class);
    private final Credentials credentials;
    private final JsonMapper json;
    private final Environment environment;
    private final DemoSeed seed;
    private final DemoProperties demo;
    private final DemoMessages messages;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoVoiceAgents(Credentials credentials, JsonMapper json, Environment environment, DemoSeed seed, DemoProperties demo,
                    DemoMessages messages) {
        this.messages = messages;
        this.credentials = credentials;
        this.json = json;
        this.environment = environment;
        this.seed = seed;
        this.demo = demo;
    }

    /** After {@link DemoSeed} (the tenant exists) and with the other demo conversations. */
    @Override
    public void run(ApplicationArguments args) {
        if (seed.enabled() && demo.conversations()) {
            messages.enableConfirmations(); // before the bookings: their confirmations are logged (not sent: no provider)
            int added = load();
            if (added > 0) {
                log.info("Demo mode: {} voice-agent call reports posted to the webhook endpoints", added);
            }
        }
    }

    /** Posts every demo call report; returns how many the platform accepted as new (not duplicates). */
    public int load() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            log.info("Demo voice agents skipped: no web server port");
            return 0;
        }
        String vapiSecret = secret("vapi", "secret");
        String retellKey = secret("retell", "api_key");
        JsonNode calls = read("demo/voice-agents.json").get("calls");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int added = 0;
        for (JsonNode call : calls) {
            boolean vapi = "vapi".equals(call.get("provider").asString());
            String body = json.writeValueAsString(vapi ? DemoCallReports.vapi(json, call, turns(call), now)
                    : DemoCallReports.retell(json, call, turns(call), now));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/webhooks/"
                    + DemoSeed.DEMO.value() + "/" + (vapi ? "vapi" : "retell")))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (vapi) {
                request.header("Authorization", "Bearer " + vapiSecret);
            } else {
                long millis = System.currentTimeMillis();
                request.header("x-retell-signature", "v=" + millis + ",d=" + hmacHex(retellKey, body + millis));
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    log.warn("Demo call report {} was answered {}", call.get("call_id").asString(), response.statusCode());
                } else if (!json.readTree(response.body()).path("duplicate").asBoolean(false)) {
                    added++;
                }
            } catch (IOException e) {
                log.warn("Demo call report {} could not be posted: {}", call.get("call_id").asString(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return added;
            }
        }
        return added;
    }

    /** The tenant's webhook credential field, created with a random value when the tenant has none yet. */
    private String secret(String name, String field) {
        return TenantContext.callAs(DemoSeed.DEMO, () -> credentials.find(name).flatMap(c -> c.get(field)).orElseGet(() -> {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String value = (name.equals("retell") ? "key_" : "") + HexFormat.of().formatHex(random);
            credentials.put(name, Map.of(field, value));
            return value;
        }));
    }

    /** The bundled call's turns, or the call's own lines, as [speaker, text, start, end]. */
    private ArrayNode turns(JsonNode call) {
        ArrayNode turns = json.createArrayNode();
        if (call.hasNonNull("transcript")) {
            for (JsonNode t : read("demo/calls/" + call.get("transcript").asString() + ".json").get("turns")) {
                turns.addArray().add(t.get("speaker").asString()).add(t.get("text").asString()).add(t.get("start").asDouble())
                        .add(t.get("end").asDouble());
            }
            return turns;
        }
        double at = 0.6;
        for (JsonNode line : call.get("lines")) {
            double length = Math.max(1.5, line.get(1).asString().split("\\s+").length * 0.38);
            turns.addArray().add(line.get(0).asString()).add(line.get(1).asString()).add(round(at)).add(round(at + length));
            at += length + 0.7;
        }
        return turns;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }

    private JsonNode read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hmacHex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
