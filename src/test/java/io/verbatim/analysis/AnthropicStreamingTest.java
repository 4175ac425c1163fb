package io.verbatim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.FakeAnthropicMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Anthropic answers are streamed over the messages protocol, token by token, against a local server speaking it. */
class AnthropicStreamingTest {

    private static final List<String> PIECES = List.of("Refunds ", "are possible ", "within 30 days ", "[P1].");

    @Test
    void tokensArriveAsTheServerSendsThemBeforeTheEnd() throws Exception {
        CountDownLatch firstSeen = new CountDownLatch(1);
        AtomicBoolean heldBack = new AtomicBoolean();
        try (FakeAnthropicMessages anthropic = new FakeAnthropicMessages()) {
            anthropic.pieces(PIECES).beforePiece(i -> {
                // The last piece waits until the caller has the first ones: a client that only handed over the
                // finished answer would never see them, and the latch would time out.
                if (i == PIECES.size() - 1) {
                    try {
                        heldBack.set(firstSeen.await(20, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            LlmProvider provider = LlmProviders.create(new LlmSettings(LlmSettings.Provider.ANTHROPIC, anthropic.baseUrl(),
                    "sk-ant-test", "claude-test", 30, 1, 0));
            List<String> tokens = new ArrayList<>();
            String text = provider.chatStreaming("Answer from the passages.", "How long for a refund?", token -> {
                tokens.add(token);
                if (tokens.size() == PIECES.size() - 1) {
                    firstSeen.countDown();
                }
            });
            assertThat(heldBack).as("the caller had the first tokens while the server held the last").isTrue();
            assertThat(tokens).containsExactlyElementsOf(PIECES);
            assertThat(text).isEqualTo(String.join("", PIECES));
            assertThat(anthropic.requests()).hasSize(1);
            assertThat(anthropic.requests().getFirst().path("stream").asBoolean()).isTrue();
            assertThat(anthropic.requests().getFirst().path("model").asString()).isEqualTo("claude-test");
            assertThat(anthropic.requests().getFirst().path("system").toString()).contains("Answer from the passages.");
        }
    }
}
