package io.verbatim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import io.verbatim.speech.Transcript;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generative layer against a local HTTP server speaking the OpenAI chat-completions protocol (and
 * Anthropic's messages protocol): LangChain4j's 1.19.0 clients on langchain4j-core 1.20.0.
 */
class GenerativeAnalystTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VALID = """
            {"summary": "The customer reported a leaking water heater and a same-day visit was booked.",
             "executive_narrative": "A previously unhappy customer called about a leak; the CSR apologised, waived the trip charge and booked a priority visit.",
             "key_points": ["Leak stopped by closing the valve", "Trip charge waived", "Technician between 1 and 3 p.m."]}
            """;

    private HttpServer server;
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Function<JsonNode, String>> answers = new ConcurrentLinkedQueue<>();
    private volatile int status = 200;

    private final Transcript call = Calls.of(
            "agent", 0, 5, "Thank you for calling Rapid Rooter, this is Maria. How can I help you?",
            "customer", 5.5, 12, "My water heater is leaking all over the garage floor.",
            "agent", 12.5, 20, "I'm so sorry. I have a technician who can be there between one and three this afternoon. Does that work?",
            "customer", 20.5, 22, "Yes, please.",
            "agent", 22.5, 26, "Great, I've got you booked. Anything else? Have a good day.");
    private final AnalysisResult builtIn = new Analyst().analyse(call,
            new ConversationAttributes(Channel.PHONE, Direction.INBOUND, Set.of("csr"), "Maria"), null, null);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(body);
            Function<JsonNode, String> answer = answers.poll();
            String content = answer == null ? VALID : answer.apply(body);
            String response;
            if (exchange.getRequestURI().getPath().endsWith("/messages")) {
                ObjectNode r = JSON.createObjectNode().put("id", "msg_1").put("type", "message").put("role", "assistant")
                        .put("model", body.path("model").asString()).put("stop_reason", "end_turn");
                r.putArray("content").addObject().put("type", "text").put("text", content);
                r.putObject("usage").put("input_tokens", 10).put("output_tokens", 10);
                response = r.toString();
            } else {
                ObjectNode r = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1)
                        .put("model", body.path("model").asString());
                ObjectNode choice = r.putArray("choices").addObject();
                choice.put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", content);
                r.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 10).put("total_tokens", 20);
                response = r.toString();
            }
            byte[] bytes = (status == 200 ? response : "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private GenerativeAnalyst openAi(int attempts, int chunkChars) {
        return new GenerativeAnalyst(LlmProviders.create(new LlmSettings(LlmSettings.Provider.OPENAI, base(), "sk-test", "gpt-test",
                10, attempts, chunkChars)), attempts, chunkChars);
    }

    @Test
    void structuredOutputFromAnOpenAiCompatibleServer() {
        AnalysisResult r = openAi(3, 12_000).enrich(call, builtIn);
        assertThat(r.llm().status()).isEqualTo("ok");
        assertThat(r.llm().provider()).isEqualTo("openai:gpt-test");
        assertThat(r.llm().summary()).contains("water heater");
        assertThat(r.llm().executiveNarrative()).isNotBlank();
        assertThat(r.llm().keyPoints()).hasSize(3);
        assertThat(r.llm().attempts()).isEqualTo(1);
        assertThat(r.scorecard()).isEqualTo(builtIn.scorecard());
        JsonNode request = requests.get(0);
        assertThat(request.path("model").asString()).isEqualTo("gpt-test");
        assertThat(request.path("response_format").path("type").asString()).isEqualTo("json_object");
        assertThat(request.path("messages").get(0).path("content").asString()).contains("\"executive_narrative\"");
        assertThat(request.path("messages").get(1).path("content").asString())
                .contains("call reason: water_heater_leak").contains("[1 6s] customer: My water heater is leaking");
    }

    @Test
    void invalidOutputIsRetriedWithTheErrors() {
        answers.add(body -> "Sure! Here is the summary: the customer had a leak.");
        answers.add(body -> "{\"summary\": \"too short\", \"key_points\": [], \"mood\": \"fine\"}");
        answers.add(body -> "```json\n" + VALID + "\n```");
        LlmAnalysis llm = openAi(3, 12_000).generate(call, builtIn);
        assertThat(llm.status()).isEqualTo("ok");
        assertThat(llm.attempts()).isEqualTo(3);
        assertThat(requests.get(1).path("messages").get(1).path("content").asString()).contains("not valid JSON");
        assertThat(requests.get(2).path("messages").get(1).path("content").asString())
                .contains("$.summary: shorter than 20 characters").contains("$.executive_narrative: is required")
                .contains("$.mood: not allowed");
    }

    @Test
    void persistentlyInvalidOutputFailsTheLayerNotTheAnalysis() {
        for (int i = 0; i < 3; i++) {
            answers.add(body -> "{\"summary\": 42}");
        }
        AnalysisResult r = openAi(2, 12_000).enrich(call, builtIn);
        assertThat(r.llm().status()).isEqualTo("failed");
        assertThat(r.llm().error()).contains("invalid output after 2 attempts").contains("$.summary: expected string");
        assertThat(r.llm().attempts()).isEqualTo(2);
        assertThat(r.summary()).isEqualTo(builtIn.summary());
        assertThat(r.outcomes()).isEqualTo(builtIn.outcomes());
    }

    @Test
    void providerErrorsAndUnreachableServersAreRecorded() {
        status = 500;
        LlmAnalysis failed = openAi(1, 12_000).generate(call, builtIn);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).isNotBlank();
        server.stop(0);
        LlmAnalysis down = new GenerativeAnalyst(LlmProviders.create(new LlmSettings(LlmSettings.Provider.OLLAMA, base(), null,
                "llama3", 2, 1, 0)), 1, 12_000).generate(call, builtIn);
        assertThat(down.status()).isEqualTo("failed");
        assertThat(down.provider()).isEqualTo("ollama:llama3");
    }

    @Test
    void longConversationsAreMapReduced() {
        List<Object> spec = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            spec.addAll(List.of(i % 2 == 0 ? "agent" : "customer", i * 5.0, i * 5 + 4.5,
                    "This is sentence number " + i + " of a long conversation about a roof replacement and its price."));
        }
        Transcript longCall = Calls.of(spec.toArray());
        String chunkAnswer = "{\"summary\": \"Part of a roof replacement discussion.\", \"key_points\": [\"roof\"]}";
        for (int i = 0; i < 10; i++) {
            answers.add(body -> body.path("messages").get(1).path("content").asString().startsWith("Part ") ? chunkAnswer : VALID);
        }
        LlmAnalysis llm = openAi(2, 1_000).generate(longCall, new Analyst().analyse(longCall, null, null, null));
        assertThat(llm.status()).isEqualTo("ok");
        long maps = requests.stream().filter(r -> r.path("messages").get(1).path("content").asString().startsWith("Part ")).count();
        assertThat(maps).isGreaterThanOrEqualTo(4);
        assertThat(requests).hasSize((int) maps + 1);
        assertThat(requests.get(requests.size() - 1).path("messages").get(1).path("content").asString())
                .contains("summaries of its parts").contains("Part 1: Part of a roof replacement discussion.");
    }

    @Test
    void anthropicMessagesProtocol() {
        GenerativeAnalyst anthropic = new GenerativeAnalyst(LlmProviders.create(new LlmSettings(LlmSettings.Provider.ANTHROPIC,
                base() + "/", "sk-ant-test", "claude-test", 10, 2, 0)), 2, 12_000);
        LlmAnalysis llm = anthropic.generate(call, builtIn);
        assertThat(llm.status()).as(String.valueOf(llm.error())).isEqualTo("ok");
        assertThat(llm.provider()).isEqualTo("anthropic:claude-test");
        assertThat(requests.get(0).path("model").asString()).isEqualTo("claude-test");
        assertThat(requests.get(0).path("system").toString()).contains("executive_narrative");
    }
}
