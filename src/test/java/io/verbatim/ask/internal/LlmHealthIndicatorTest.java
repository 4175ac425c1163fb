package io.verbatim.ask.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.LocalHttpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The llm component asks an OpenAI-compatible server for its models, with the configured key. */
class LlmHealthIndicatorTest {

    @Test
    void upWhenTheServerListsItsModelsDegradedWhenItRefusesTheKey() {
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.handle(request -> "Bearer good-key".equals(request.header("authorization"))
                    ? LocalHttpServer.Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\"}]}")
                    : LocalHttpServer.Reply.json(401, "{\"error\":{\"message\":\"bad key\"}}"));
            var good = new LlmHealthIndicator(properties(server.url("/v1"), "good-key")).health();
            assertThat(good.getStatus().getCode()).isEqualTo("UP");
            assertThat(good.getDetails()).containsEntry("model", "gpt-4o-mini").doesNotContainValue("good-key");
            assertThat(server.requests("/v1/models")).hasSize(1);

            var refused = new LlmHealthIndicator(properties(server.url("/v1"), "wrong")).health();
            assertThat(refused.getStatus().getCode()).isEqualTo("DEGRADED");
            assertThat(refused.getDetails()).containsEntry("httpStatus", 401);
        }
    }

    private static AskProperties properties(String baseUrl, String key) {
        return new AskProperties(128, 192, 32, 50, 60, 0.3, new AskProperties.Llm(baseUrl, key, "gpt-4o-mini", Duration.ofSeconds(5), 8));
    }
}
