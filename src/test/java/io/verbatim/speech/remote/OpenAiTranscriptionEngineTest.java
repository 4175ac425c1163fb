package io.verbatim.speech.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.speech.SpeechEngine;
import io.verbatim.speech.SpeechEngineContract;
import io.verbatim.speech.SpeechEngineException;
import io.verbatim.speech.SpeechProperties;
import io.verbatim.speech.SpeechRequest;
import io.verbatim.speech.TestAudio;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.speech.internal.EnergyVad;
import io.verbatim.speech.internal.SpeechSegment;
import io.verbatim.speech.internal.SplicedAudio;
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The remote engine against a local server speaking the OpenAI protocol and answering with OpenAI's
 * own verbose_json samples ({@code testdata/formats/openai}). The answer is canned, so the contract
 * checks shape, timing and roles, not the words.
 */
class OpenAiTranscriptionEngineTest extends SpeechEngineContract {

    private FakeOpenAiServer server;
    private OpenAiTranscriptionEngine engine;

    static String sample(String name) throws IOException {
        return Files.readString(TestAudio.testdata().resolve("formats/openai").resolve(name));
    }

    @BeforeAll
    void start() throws IOException {
        server = new FakeOpenAiServer(sample("verbose_json-segment-timestamps.json"));
        engine = engine(server.baseUrl(), "sk-test-123");
    }

    @BeforeEach
    void segmentSample() throws IOException {
        server.answer(200, sample("verbose_json-segment-timestamps.json"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static OpenAiTranscriptionEngine engine(URI url, String key) {
        return new OpenAiTranscriptionEngine(new SpeechProperties.Remote(url, key, "whisper-1", Duration.ofSeconds(30)), 2,
                new EnergyVad(), HttpClient.newHttpClient());
    }

    @Override
    protected SpeechEngine engine() {
        return engine;
    }

    @Override
    protected boolean recognisesContent() {
        return false;
    }

    @Test
    void sendsTheOpenAiMultipartRequestWithAuth() {
        int before = server.received().size();
        engine.transcribe(jfk(), SpeechRequest.language("en-US"));
        var requests = server.received().subList(before, server.received().size());
        assertThat(requests).hasSize(1);
        var r = requests.getFirst();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/audio/transcriptions");
        assertThat(r.authorization()).isEqualTo("Bearer sk-test-123");
        assertThat(r.contentType()).startsWith("multipart/form-data; boundary=");
        assertThat(r.values("model")).containsExactly("whisper-1");
        assertThat(r.values("response_format")).containsExactly("verbose_json");
        assertThat(r.values("timestamp_granularities[]")).containsExactlyInAnyOrder("word", "segment");
        assertThat(r.values("language")).containsExactly("en");
        var file = r.file();
        assertThat(file.name()).isEqualTo("file");
        assertThat(file.contentType()).isEqualTo("audio/wav");
        ByteBuffer wav = ByteBuffer.wrap(file.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(file.body(), 0, 4)).isEqualTo("RIFF");
        assertThat(new String(file.body(), 8, 4)).isEqualTo("WAVE");
        assertThat(wav.getShort(22)).as("channels").isEqualTo((short) 1);
        assertThat(wav.getInt(24)).as("sample rate").isEqualTo(16000);
        assertThat(wav.getInt(40)).as("data bytes").isEqualTo(file.body().length - 44);
        // only speech is sent: most of the 11 s clip, not more
        double seconds = (file.body().length - 44) / 32000.0;
        assertThat(seconds).isBetween(5.0, jfk().durationSeconds() + 1);
    }

    @Test
    void stereoSendsOneRequestPerChannelAndNoAuthWithoutKey() {
        var noKey = engine(server.baseUrl().resolve("/v1"), null);
        int before = server.received().size();
        Transcript t = noKey.transcribe(stereoCall(), SpeechRequest.defaults());
        var requests = server.received().subList(before, server.received().size());
        assertThat(requests).hasSize(2).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v1/audio/transcriptions");
            assertThat(r.authorization()).isNull();
            assertThat(r.values("language")).isEmpty();
        });
        assertThat(t.turns()).extracting(Turn::channel).containsExactlyInAnyOrder(0, 1);
        // the canned segment (0-3.32 s of the sent file) lands at each channel's first speech
        Turn customer = t.turns().stream().filter(turn -> turn.channel() == 1).findFirst().orElseThrow();
        assertThat(customer.start()).isBetween(8.5, 9.5); // va_008: the customer first speaks at 9.03 s
        assertThat(customer.text()).isEqualTo("The beach was a popular spot on a hot summer day.");
        assertThat(customer.confidence()).isCloseTo(Math.exp(-0.2860786020755768), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void wordTimestampsBecomeWords() throws IOException {
        server.answer(200, sample("verbose_json-word-timestamps.json"));
        Transcript t = engine.transcribe(jfk(), SpeechRequest.defaults());
        assertThat(t.turns()).hasSize(1);
        Turn turn = t.turns().getFirst();
        assertThat(turn.text()).startsWith("The beach was a popular spot");
        assertThat(turn.words()).extracting(w -> w.text()).containsExactly("The", "volleyball");
        double offset = turn.words().getFirst().start(); // the clip's first speech, where the sent file begins
        assertThat(turn.words().get(1).start() - offset).isGreaterThan(7.0);
        SpeechEngineContract.assertSaneTimes(t);
    }

    @Test
    void serverErrorsAreReportedWithStatusAndBody() {
        server.answer(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}");
        assertThatThrownBy(() -> engine.transcribe(jfk(), SpeechRequest.defaults()))
                .isInstanceOf(SpeechEngineException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("Incorrect API key");
    }

    @Test
    void longSpeechIsSentInChunksUnderTheUploadLimit() {
        List<SpeechSegment> segments = new ArrayList<>();
        for (int i = 0; i < 100; i++) { // 100 segments of 20 s speech = 2000 s
            segments.add(new SpeechSegment(1, (i * 25L) * 16000, (i * 25L + 20) * 16000, 16000));
        }
        List<List<SpeechSegment>> chunks = OpenAiTranscriptionEngine.chunks(segments);
        assertThat(chunks).hasSize(4);
        assertThat(chunks.stream().mapToInt(List::size).sum()).isEqualTo(100);
        assertThat(chunks).allSatisfy(c -> assertThat(c.size() * 20 + (c.size() - 1) * SplicedAudio.GAP_SECONDS)
                .isLessThanOrEqualTo(OpenAiTranscriptionEngine.MAX_CHUNK_SECONDS));
    }

    @Test
    void unconfiguredEngineSaysWhichSettingIsMissing() {
        var none = new OpenAiTranscriptionEngine(new SpeechProperties.Remote(null, null, "whisper-1", Duration.ofMinutes(1)),
                1, new EnergyVad(), HttpClient.newHttpClient());
        assertThat(none.availability().available()).isFalse();
        assertThat(none.availability().reason()).contains("verbatim.speech.remote.url");
        assertThatThrownBy(() -> none.transcribe(jfk(), SpeechRequest.defaults())).isInstanceOf(SpeechEngineException.class);
    }
}
