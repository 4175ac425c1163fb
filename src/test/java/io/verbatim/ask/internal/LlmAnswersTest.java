package io.verbatim.ask.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.verbatim.ask.Answer;
import io.verbatim.ask.AskScope;
import io.verbatim.ask.internal.ChunkDocuments.StoredTurn;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The LLM path against a local server speaking the OpenAI chat-completions protocol. */
class LlmAnswersTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private LlmAnswers start(Function<JsonNode, String> reply, int status) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            JsonNode request = json.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(request);
            byte[] body;
            if (status == 200) {
                ObjectNode response = json.createObjectNode();
                response.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1).put("model", "fake");
                ObjectNode choice = response.putArray("choices").addObject();
                choice.put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", reply.apply(request));
                response.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
                body = json.writeValueAsBytes(response);
            } else {
                body = "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        return LlmAnswers.openAiCompatible(new AskProperties.Llm(base, "secret", "local-model", Duration.ofSeconds(10), 8));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static Passage passage(UUID conversation, int seq, String customerText, double start) {
        return new Passage(conversation + ":" + seq, conversation, 0.03, Instant.parse("2026-10-02T14:40:00Z"), "Tyler Nguyen", "phone",
                List.of(new StoredTurn(6, "agent", start - 5, "Most systems land between nine and sixteen thousand.", null),
                        new StoredTurn(7, "customer", start, customerText, null)), 1, true);
    }

    @Test
    void theAnswerCitesThePassagesTheModelCitedAndDropsInventedIds() throws Exception {
        LlmAnswers llm = start(request -> "The customer found the price too high [P2]. She also doubted the company [P7].", 200);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<Passage> passages = List.of(passage(a, 0, "I want a price for the unit.", 30),
                passage(b, 1, "Sixteen thousand? That's a lot more than I thought.", 52));

        Answer answer = llm.answer("Why did the customer hesitate?", passages, List.of("price"), AskScope.COMPANY);

        assertThat(answer.usedLlm()).isTrue();
        assertThat(answer.kind()).isEqualTo("generated");
        assertThat(answer.answer()).isEqualTo("The customer found the price too high [P2]. She also doubted the company.");
        assertThat(answer.citations()).hasSize(1);
        assertThat(answer.citations().getFirst().conversationId()).isEqualTo(b);
        assertThat(answer.citations().getFirst().turn()).isEqualTo(7);
        assertThat(answer.citations().getFirst().start()).isEqualTo(52);
        assertThat(answer.citations().getFirst().passage()).isEqualTo(b + ":1");

        JsonNode request = requests.getFirst();
        assertThat(request.get("model").asString()).isEqualTo("local-model");
        JsonNode messages = request.get("messages");
        assertThat(messages.get(0).get("role").asString()).isEqualTo("system");
        assertThat(messages.get(0).get("content").asString()).contains("only the numbered passages").contains(LlmAnswers.NOT_FOUND);
        String user = messages.get(1).get("content").asString();
        assertThat(user).contains("[P1] phone on 2026-10-02, agent Tyler Nguyen").contains("[P2]")
                .contains("Customer: Sixteen thousand?").contains("Question: Why did the customer hesitate?");
        assertThat(user).doesNotContain("[P3]");
    }

    @Test
    void whenThePassagesDoNotAnswerTheModelSaysSoAndNothingIsCited() throws Exception {
        LlmAnswers llm = start(request -> LlmAnswers.NOT_FOUND, 200);
        Answer answer = llm.answer("What is the CEO's salary?", List.of(passage(UUID.randomUUID(), 0, "Hello.", 1)), List.of(),
                AskScope.SELF);
        assertThat(answer.answer()).isEqualTo(LlmAnswers.NOT_FOUND);
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.usedLlm()).isTrue();
    }

    @Test
    void aServerErrorIsAnExceptionTheCallerFallsBackFrom() throws Exception {
        LlmAnswers llm = start(request -> "", 500);
        assertThatThrownBy(() -> llm.answer("Why?", List.of(passage(UUID.randomUUID(), 0, "Hello.", 1)), List.of(), AskScope.SELF))
                .isInstanceOf(RuntimeException.class);
    }
}
