package io.verbatim.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.media.DecodedAudio;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link SpeechEngine} must do, on real audio from the shared test data. An engine's
 * test extends this and supplies the engine (the same instance for all tests: engines are
 * expensive to start). Clips are short to keep the suite's CPU use modest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SpeechEngineContract {

    /** Seconds of the rendered va_008 call used for stereo tests: agent, customer, agent turns. */
    protected static final double STEREO_CLIP_SECONDS = 20;
    private static final double EPSILON = 0.02;

    private final Map<String, Transcript> cache = new HashMap<>();

    protected abstract SpeechEngine engine();

    /** False for a protocol fake that answers canned text: then the words themselves are not checked. */
    protected boolean recognisesContent() {
        return true;
    }

    protected DecodedAudio jfk() {
        return TestAudio.wav("speech/jfk.wav");
    }

    protected DecodedAudio stereoCall() {
        return TestAudio.wav(TestAudio.testdata().resolve("calls/va_008.stereo.wav"), STEREO_CLIP_SECONDS);
    }

    private Transcript cached(String key, Supplier<Transcript> run) {
        return cache.computeIfAbsent(key, k -> run.get());
    }

    private Transcript jfkTranscript() {
        return cached("jfk", () -> engine().transcribe(jfk(), SpeechRequest.language("en-US")));
    }

    private Transcript stereoTranscript() {
        return cached("stereo", () -> engine().transcribe(stereoCall(), SpeechRequest.defaults()));
    }

    @Test
    void isAvailableAndNamed() {
        assertThat(engine().availability().available()).as(engine().availability().reason()).isTrue();
        assertThat(engine().name()).isNotBlank();
    }

    @Test
    void transcribesRealSpeechToText() {
        Transcript t = jfkTranscript();
        assertThat(t.turns()).isNotEmpty();
        assertThat(t.fullText()).isNotBlank();
        assertThat(t.source()).isEqualTo(engine().name());
        assertThat(t.durationSeconds()).isCloseTo(jfk().durationSeconds(), org.assertj.core.data.Offset.offset(0.01));
        if (recognisesContent()) {
            assertThat(t.fullText().toLowerCase()).contains("country");
        }
    }

    @Test
    void timestampsAreMonotonicAndInsideTheAudio() {
        for (Transcript t : List.of(jfkTranscript(), stereoTranscript())) {
            assertSaneTimes(t);
        }
    }

    @Test
    void stereoYieldsBothRolesFromTheirChannels() {
        Transcript t = stereoTranscript();
        assertThat(t.rolesConfident()).isTrue();
        assertThat(t.turns()).extracting(Turn::speaker).contains(Speaker.AGENT, Speaker.CUSTOMER);
        for (Turn turn : t.turns()) {
            assertThat(turn.channel()).isNotNull();
            assertThat(turn.speaker()).isEqualTo(turn.channel() == 0 ? Speaker.AGENT : Speaker.CUSTOMER);
        }
        if (recognisesContent()) {
            assertThat(t.turns().getFirst().speaker()).isEqualTo(Speaker.AGENT); // the agent opens this call
        }
    }

    @Test
    void channelMappingComesFromTheRequest() {
        Transcript t = engine().transcribe(stereoCall(), SpeechRequest.defaults().withChannelRoles(Speaker.CUSTOMER, Speaker.AGENT));
        assertThat(t.turns()).isNotEmpty().allSatisfy(turn ->
                assertThat(turn.speaker()).isEqualTo(turn.channel() == 0 ? Speaker.CUSTOMER : Speaker.AGENT));
    }

    @Test
    void monoRolesAreGuessedStartingWithTheRequestedSpeaker() {
        Transcript t = jfkTranscript();
        assertThat(t.rolesConfident()).isFalse();
        assertThat(t.turns().getFirst().speaker()).isEqualTo(Speaker.AGENT);
        assertThat(t.turns()).allSatisfy(turn -> assertThat(turn.channel()).isNull());
        Transcript customerFirst = engine().transcribe(jfk(), SpeechRequest.defaults().withFirstSpeaker(Speaker.CUSTOMER));
        assertThat(customerFirst.turns().getFirst().speaker()).isEqualTo(Speaker.CUSTOMER);
    }

    @Test
    void silenceYieldsNoTurns() {
        for (int channels : new int[] {1, 2}) {
            Transcript t = engine().transcribe(TestAudio.silence(3, channels), SpeechRequest.defaults());
            assertThat(t.turns()).isEmpty();
            assertThat(t.durationSeconds()).isEqualTo(3.0);
        }
    }

    @Test
    void unsupportedLanguageIsAClearError() {
        assertThatThrownBy(() -> engine().transcribe(jfk(), SpeechRequest.language("tlh")))
                .isInstanceOf(UnsupportedLanguageException.class)
                .hasMessageContaining("tlh")
                .hasMessageContaining(engine().name())
                .satisfies(e -> assertThat(((UnsupportedLanguageException) e).type()).isEqualTo("unsupported-language"));
    }

    /** Turns sorted and inside the audio; words ordered, inside their turn, with confidences in 0..1. */
    public static void assertSaneTimes(Transcript t) {
        double previousStart = 0;
        for (Turn turn : t.turns()) {
            assertThat(turn.start()).isGreaterThanOrEqualTo(previousStart).isLessThanOrEqualTo(turn.end());
            assertThat(turn.end()).isLessThanOrEqualTo(t.durationSeconds() + EPSILON);
            assertThat(turn.text()).isNotBlank();
            if (turn.confidence() != null) {
                assertThat(turn.confidence()).isBetween(0.0, 1.0);
            }
            previousStart = turn.start();
            double previousWord = turn.start();
            for (Word w : turn.words()) {
                assertThat(w.text()).isNotBlank();
                assertThat(w.start()).isGreaterThanOrEqualTo(previousWord - EPSILON).isLessThanOrEqualTo(w.end());
                assertThat(w.start()).isGreaterThanOrEqualTo(turn.start() - EPSILON);
                assertThat(w.end()).isLessThanOrEqualTo(turn.end() + EPSILON);
                if (w.confidence() != null) {
                    assertThat(w.confidence()).isBetween(0.0, 1.0);
                }
                previousWord = w.start();
            }
        }
    }
}
