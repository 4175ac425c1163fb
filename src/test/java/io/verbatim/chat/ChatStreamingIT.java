package io.verbatim.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.verbatim.support.FakeChatCompletions;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.Uploads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token streaming: with the tenant's LLM configured, the model's streamed tokens ({@code stream: true}) reach the
 * client's server-sent events as they arrive, in order, before the {@code done} event.
 */
class ChatStreamingIT extends PlatformTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TOKENS = List.of("Customers ", "have ", "30 days ", "to ask for a refund ", "[P1].");
    private String admin;
    private String persona;

    @BeforeEach
    void library() {
        admin = api.token("admin@demo.local");
        long n = System.nanoTime();
        String collection = api.post("/api/v1/collections", admin, "{\"name\":\"Streaming " + n
                + "\",\"permissions\":{\"roles\":[\"manager\",\"agent\"]}}").body().get("id").asString();
        String id = new Uploads(api).upload("/api/v1/documents", admin, Map.of(),
                new Uploads.Part("file", "refunds.md", "text/markdown",
                        "# Refunds\n\nCustomers may ask for a refund within 30 days of the repair.\n".getBytes(StandardCharsets.UTF_8)),
                new Uploads.Part("collection_id", null, "text/plain", collection.getBytes(StandardCharsets.UTF_8))).body().get("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!api.get("/api/v1/documents/" + id, admin).body().get("status").asString().equals("indexed")) {
            assertThat(Instant.now()).as("indexed in time").isBefore(deadline);
            sleep(250);
        }
        persona = api.post("/api/v1/personas", admin, """
                {"name":"Streaming AI %d","instructions":"Be brief.","refusal":"Not in my documents.","collection_ids":["%s"],"use_calls":false}"""
                .formatted(n, collection)).body().get("id").asString();
    }

    @Test
    void the_llms_tokens_reach_the_client_as_they_arrive_and_before_the_end() throws Exception {
        CountDownLatch clientSawFirstTokens = new CountDownLatch(1);
        AtomicBoolean heldBack = new AtomicBoolean();
        try (FakeChatCompletions llm = new FakeChatCompletions()) {
            llm.stream(chat -> TOKENS).answer(chat -> String.join("", TOKENS)).beforePiece(i -> {
                // The last token waits until the client has read the first ones: a server that buffered the
                // answer until the model finished would never let the client see them, and the latch times out.
                if (i == TOKENS.size() - 1) {
                    heldBack.set(await(clientSawFirstTokens));
                }
            });
            api.send("PUT", "/api/v1/credentials/llm", admin, Map.of(), "{\"api_key\":\"sk-stream\"}");
            assertThat(api.send("PUT", "/api/v1/analysis/ai-config", admin, Map.of(), """
                    {"llm":{"provider":"openai","base_url":"%s","model":"chat-model","credential":"llm"}}""".formatted(llm.baseUrl()))
                    .status()).isEqualTo(200);
            try {
                String agent = api.token("csr1@demo.local");
                String session = api.post("/api/v1/chat/sessions", agent, "{\"persona_id\":\"" + persona + "\"}").body().get("id").asString();
                HttpResponse<java.util.stream.Stream<String>> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(api.base() + "/api/v1/chat/sessions/" + session + "/messages"))
                        .header("Authorization", "Bearer " + agent).header("Accept", "text/event-stream")
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"How long do customers have for a refund?\"}")).build(),
                        HttpResponse.BodyHandlers.ofLines());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");

                List<String> deltas = new ArrayList<>();
                JsonNode done = null;
                String event = null;
                Iterator<String> lines = r.body().iterator();
                while (lines.hasNext()) {
                    String line = lines.next();
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        JsonNode data = JSON.readTree(line.substring(5));
                        assertThat(done).as("nothing after done").isNull();
                        if ("delta".equals(event)) {
                            deltas.add(data.get("text").asString());
                            if (deltas.size() == TOKENS.size() - 1) {
                                clientSawFirstTokens.countDown();
                            }
                        } else if ("done".equals(event)) {
                            done = data;
                        }
                    }
                }
                assertThat(heldBack).as("the client saw the first tokens while the model still held the last").isTrue();
                assertThat(deltas).containsExactlyElementsOf(TOKENS);
                assertThat(done).isNotNull();
                assertThat(done.get("kind").asString()).isEqualTo("generated");
                assertThat(done.get("answer").asString()).isEqualTo("Customers have 30 days to ask for a refund [P1].");
                assertThat(done.get("citations")).hasSize(1);
                // The stored message is the checked answer.
                assertThat(api.get("/api/v1/chat/sessions/" + session, agent).body().get("messages").get(1).get("content").asString())
                        .isEqualTo("Customers have 30 days to ask for a refund [P1].");

                // Someone else's session: a problem before any event, no tokens.
                var other = api.send("POST", "/api/v1/chat/sessions/" + session + "/messages", api.token("csr2@demo.local"),
                        Map.of("Accept", "text/event-stream"), "{\"content\":\"How long for a refund?\"}");
                assertThat(other.status()).isEqualTo(404);
                assertThat(other.raw()).doesNotContain("event:delta");
                // Another tenant: the same.
                assertThat(api.send("POST", "/api/v1/chat/sessions/" + session + "/messages", api.token("admin@acme.local"),
                        Map.of("Accept", "text/event-stream"), "{\"content\":\"How long for a refund?\"}").status()).isEqualTo(404);
            } finally {
                api.send("PUT", "/api/v1/analysis/ai-config", admin, Map.of(), "{}");
            }
        }
    }

    @Test
    void a_client_that_leaves_mid_answer_finds_the_whole_generated_answer_stored_and_the_log_says_it_left() throws Exception {
        CountDownLatch clientLeft = new CountDownLatch(1);
        ListAppender<ILoggingEvent> chatLog = listen("io.verbatim.chat.internal.ChatController");
        ListAppender<ILoggingEvent> llmLog = listen("io.verbatim.ask.internal.LlmGroundedAnswers");
        try (FakeChatCompletions llm = new FakeChatCompletions()) {
            llm.stream(chat -> TOKENS).answer(chat -> String.join("", TOKENS)).beforePiece(i -> {
                if (i == 1) {
                    await(clientLeft); // the rest is written to a closed connection
                }
                if (i >= 1) {
                    sleep(150);
                }
            });
            api.send("PUT", "/api/v1/credentials/llm", admin, Map.of(), "{\"api_key\":\"sk-stream\"}");
            api.send("PUT", "/api/v1/analysis/ai-config", admin, Map.of(), """
                    {"llm":{"provider":"openai","base_url":"%s","model":"chat-model","credential":"llm"}}""".formatted(llm.baseUrl()));
            try {
                String agent = api.token("csr1@demo.local");
                String session = api.post("/api/v1/chat/sessions", agent, "{\"persona_id\":\"" + persona + "\"}").body().get("id").asString();
                HttpResponse<java.util.stream.Stream<String>> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                        .send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/chat/sessions/" + session + "/messages"))
                                .header("Authorization", "Bearer " + agent).header("Accept", "text/event-stream")
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"How long do customers have for a refund?\"}")).build(),
                        HttpResponse.BodyHandlers.ofLines());
                Iterator<String> lines = r.body().iterator();
                while (lines.hasNext() && !lines.next().startsWith("event:delta")) {
                    // up to the first token
                }
                r.body().close(); // the client leaves: the connection closes
                clientLeft.countDown();

                Instant deadline = Instant.now().plusSeconds(30);
                JsonNode messages = api.get("/api/v1/chat/sessions/" + session, agent).body().get("messages");
                while (messages.size() < 2 && Instant.now().isBefore(deadline)) {
                    sleep(100);
                    messages = api.get("/api/v1/chat/sessions/" + session, agent).body().get("messages");
                }
                assertThat(messages).hasSize(2);
                // The model's whole answer, checked, not the extractive fallback a failed LLM would leave.
                assertThat(messages.get(1).get("content").asString()).isEqualTo("Customers have 30 days to ask for a refund [P1].");
                assertThat(messages.get(1).get("kind").asString()).isEqualTo("generated");
                while (chatLog.list.isEmpty() && Instant.now().isBefore(deadline)) {
                    sleep(50);
                }
                assertThat(chatLog.list).extracting(ILoggingEvent::getFormattedMessage)
                        .anySatisfy(m -> assertThat(m).contains("went away").contains(session).contains("generated"));
                assertThat(llmLog.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains("could not answer"));
            } finally {
                api.send("PUT", "/api/v1/analysis/ai-config", admin, Map.of(), "{}");
                ((Logger) LoggerFactory.getLogger("io.verbatim.chat.internal.ChatController")).detachAppender(chatLog);
                ((Logger) LoggerFactory.getLogger("io.verbatim.ask.internal.LlmGroundedAnswers")).detachAppender(llmLog);
            }
        }
    }

    private static ListAppender<ILoggingEvent> listen(String name) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(name)).addAppender(appender);
        return appender;
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
