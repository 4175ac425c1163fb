package io.verbatim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With an LLM configured for the tenant, analysis adds an abstractive summary and an executive
 * narrative; the API key comes from the tenant's encrypted credential; an LLM that fails leaves the
 * built-in analysis in place and the conversation completed. The LLM is a local server speaking the
 * OpenAI chat-completions protocol.
 */
class LlmPipelineIT extends PlatformTest {

    private static final String ANSWER = """
            {"summary":"The caller asked for a ballpark price for a new AC system and will talk to her husband first.",
             "executive_narrative":"Warm lead: price-sensitive, decision shared with spouse; follow up with rebate details.",
             "key_points":["9-16k range quoted","Financing mentioned","Spouse decides"]}""";
    private HttpServer llm;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private String admin;

    @BeforeEach
    void start() throws Exception {
        llm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        llm.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getRequestBody().readAllBytes();
            String body = status != 200 ? "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"
                    : api.json().createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1)
                    .put("model", "test").set("choices", api.json().readTree("[{\"index\":0,\"finish_reason\":\"stop\","
                            + "\"message\":{\"role\":\"assistant\",\"content\":" + api.json().writeValueAsString(ANSWER) + "}}]"))
                    .toString();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        llm.start();
        admin = api.token("admin@demo.local");
        assertThat(api.send("PUT", "/api/v1/credentials/llm", admin, Map.of(), "{\"api_key\":\"sk-test-123\"}").status()).isBetween(200, 201);
        assertThat(api.send("PUT", "/api/v1/analysis/ai-config", admin, Map.of(), """
                {"llm":{"provider":"openai","base_url":"http://127.0.0.1:%d/v1","model":"test-model","credential":"llm"}}"""
                .formatted(llm.getAddress().getPort())).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        api.send("PUT", "/api/v1/analysis/ai-config", admin, Map.of(), "{}");
        llm.stop(0);
    }

    private tools.jackson.databind.JsonNode analyse() throws Exception {
        Uploads uploads = new Uploads(api);
        var r = uploads.upload(admin, new Part("transcript", "csr_002.json", "application/json",
                Files.readAllBytes(TestData.call("csr_002.json"))));
        String id = r.body().get("id").asString();
        assertThat(uploads.awaitStatus(admin, id, Duration.ofSeconds(120), "completed", "failed").get("status").asString())
                .isEqualTo("completed");
        return api.get("/api/v1/conversations/" + id + "/analysis", admin).body().get("call");
    }

    @Test
    void aConfiguredLlmAddsANarrativeUsingTheEncryptedKey() throws Exception {
        var call = analyse();
        assertThat(call.get("abstractive_summary").asString()).contains("ballpark price");
        assertThat(call.get("executive_narrative").asString()).contains("Warm lead");
        assertThat(call.get("summary").asString()).isNotBlank();
        assertThat(authorizations).isNotEmpty().allMatch(a -> a.equals("Bearer sk-test-123"));
    }

    @Test
    void aFailingLlmNeverFailsTheConversation() throws Exception {
        status = 500;
        var call = analyse();
        assertThat(call.has("abstractive_summary")).isFalse();
        assertThat(call.get("summary").asString()).isNotBlank();
        assertThat(authorizations).isNotEmpty();
    }
}
