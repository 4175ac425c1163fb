package io.verbatim.enrichment;

import static io.verbatim.enrichment.Conversations.ENRICHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

class TalkMetricsTest {

    private static Turn turn(Speaker s, double start, double end, String text) {
        return new Turn(s, s.wire(), null, start, end, text, List.of(), null);
    }

    @Test
    void talkTimeSilencesOverlapsMonologuesQuestionsAndRate() {
        Transcript t = new Transcript("en-US", "test", 40, List.of(
                turn(Speaker.AGENT, 0, 4, "Hello, how can I help you today?"),
                turn(Speaker.CUSTOMER, 4.5, 10, "My heater broke and the house is cold, can you send someone?"),
                turn(Speaker.AGENT, 9, 12, "Sure, what is your address?"),
                turn(Speaker.CUSTOMER, 15, 18, "It is twelve Oak Street."),
                turn(Speaker.AGENT, 18.2, 24, "Thanks. A technician will come tomorrow morning."),
                turn(Speaker.AGENT, 24.5, 30, "He will call you when he is on the way."),
                turn(Speaker.CUSTOMER, 30.2, 32, "Great, thanks.")), true);
        TalkMetrics m = ENRICHER.enrich(t, EnrichmentOptions.none()).talk();

        assertThat(m.durationSeconds()).isEqualTo(40);
        assertThat(m.talkSeconds()).isCloseTo(4 + 7.5 + 3 + 5.8 + 5.5 + 1.8, within(1e-6));
        assertThat(m.nonTalkSeconds()).isCloseTo(40 - m.talkSeconds(), within(1e-6));
        assertThat(m.silences()).extracting(TalkMetrics.Silence::start, TalkMetrics.Silence::seconds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(12.0, 3.0), org.assertj.core.groups.Tuple.tuple(32.0, 8.0));
        assertThat(m.overlaps()).singleElement().satisfies(o -> {
            assertThat(o.turn()).isEqualTo(2);
            assertThat(o.by()).isEqualTo(Speaker.AGENT);
            assertThat(o.interruptedTurn()).isEqualTo(1);
            assertThat(o.seconds()).isCloseTo(1.0, within(1e-6));
        });
        TalkMetrics.SpeakerTalk agent = m.speakers().stream().filter(s -> s.speaker() == Speaker.AGENT).findFirst().orElseThrow();
        TalkMetrics.SpeakerTalk customer = m.speakers().stream().filter(s -> s.speaker() == Speaker.CUSTOMER).findFirst().orElseThrow();
        assertThat(agent.talkSeconds()).isCloseTo(4 + 3 + 5.8 + 5.5, within(1e-6));
        assertThat(agent.interruptions()).isEqualTo(1);
        assertThat(customer.interruptions()).isZero();
        assertThat(agent.questions()).isEqualTo(2);
        assertThat(customer.questions()).isEqualTo(1);
        assertThat(agent.longestMonologue().firstTurn()).isEqualTo(4);
        assertThat(agent.longestMonologue().lastTurn()).isEqualTo(5);
        assertThat(agent.longestMonologue().seconds()).isCloseTo(11.8, within(1e-6));
        assertThat(m.agentTalkRatio()).isCloseTo(agent.talkSeconds() / (agent.talkSeconds() + customer.talkSeconds()), within(1e-3));
        assertThat(customer.wordsPerMinute()).isCloseTo(customer.words() / (customer.talkSeconds() / 60), within(0.01));
    }
}
