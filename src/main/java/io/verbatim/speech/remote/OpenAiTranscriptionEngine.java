package io.verbatim.speech.remote;

import io.verbatim.media.DecodedAudio;
import io.verbatim.speech.EngineAvailability;
import io.verbatim.speech.SpeechEngine;
import io.verbatim.speech.SpeechEngineException;
import io.verbatim.speech.SpeechProperties;
import io.verbatim.speech.SpeechRequest;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.internal.EnergyVad;
import io.verbatim.speech.internal.Languages;
import io.verbatim.speech.internal.SpeechSegment;
import io.verbatim.speech.internal.SplicedAudio;
import io.verbatim.speech.internal.TurnAssembler;
import io.verbatim.speech.internal.Utterance;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * An OpenAI-compatible transcription endpoint ({@code POST {url}/v1/audio/transcriptions},
 * multipart, {@code response_format=verbose_json} with word and segment timestamps): OpenAI
 * itself, or a self-hosted vLLM / LocalAI / faster-whisper-server / whisper.cpp server.
 *
 * <p>Each channel of stereo is its own request (one speaker per channel), sent as a WAV file of
 * only its {@link EnergyVad} speech segments spliced together ({@link SplicedAudio}); a silent
 * channel is not sent at all. A channel with more than {@link #MAX_CHUNK_SECONDS} of speech is
 * sent in several requests, under OpenAI's 25 MB upload limit. At most {@code concurrency}
 * requests are in flight per node.
 */
public final class OpenAiTranscriptionEngine implements SpeechEngine {

    public static final String NAME = "remote";
    /** Speech per request: 10 min of 16 kHz 16-bit mono is 19.2 MB, under OpenAI's 25 MB limit. */
    static final double MAX_CHUNK_SECONDS = 600;

    private final SpeechProperties.Remote settings;
    private final EnergyVad vad;
    private final HttpClient http;
    private final Semaphore inFlight;

    public OpenAiTranscriptionEngine(SpeechProperties.Remote settings, int concurrency, EnergyVad vad, HttpClient http) {
        this.settings = settings;
        this.vad = vad;
        this.http = http;
        this.inFlight = new Semaphore(Math.max(1, concurrency));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EngineAvailability availability() {
        if (settings.url() == null || settings.url().toString().isBlank()) {
            return EngineAvailability.unavailable("no endpoint configured: set verbatim.speech.remote.url "
                    + "(and api-key, model) to an OpenAI-compatible server");
        }
        return EngineAvailability.ready("POST " + endpoint() + ", model " + settings.model());
    }

    @Override
    public Transcript transcribe(DecodedAudio audio, SpeechRequest request) {
        String language = request.language() == null || request.language().isBlank() ? null
                : Languages.requireMatch(NAME, request.language(), Languages.WHISPER);
        EngineAvailability availability = availability();
        if (!availability.available()) {
            throw new SpeechEngineException(NAME, availability.reason());
        }
        EnergyVad.Segmentation segmentation = vad.segmentAll(audio);
        List<Utterance> utterances = new ArrayList<>();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Utterance>>> pending = new ArrayList<>();
            for (List<SpeechSegment> channel : segmentation.byChannel()) {
                for (List<SpeechSegment> chunk : chunks(channel)) {
                    pending.add(requests.submit(() -> post(audio, chunk, language)));
                }
            }
            for (Future<List<Utterance>> f : pending) {
                utterances.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechEngineException(NAME, "interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SpeechEngineException se) {
                throw se;
            }
            throw new SpeechEngineException(NAME, "request failed: " + e.getCause(), e.getCause());
        }
        return TurnAssembler.assemble(language, NAME, audio, segmentation.mono(),
                utterances, request);
    }

    /** Consecutive segments grouped so each group's spliced audio stays under {@link #MAX_CHUNK_SECONDS}. */
    static List<List<SpeechSegment>> chunks(List<SpeechSegment> segments) {
        List<List<SpeechSegment>> out = new ArrayList<>();
        List<SpeechSegment> current = new ArrayList<>();
        double length = 0;
        for (SpeechSegment s : segments) {
            double add = (s.end() - s.start()) + (current.isEmpty() ? 0 : SplicedAudio.GAP_SECONDS);
            if (!current.isEmpty() && length + add > MAX_CHUNK_SECONDS) {
                out.add(current);
                current = new ArrayList<>();
                length = 0;
                add = s.end() - s.start();
            }
            current.add(s);
            length += add;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private List<Utterance> post(DecodedAudio audio, List<SpeechSegment> chunk, String language)
            throws IOException, InterruptedException {
        inFlight.acquire();
        try (SplicedAudio wav = SplicedAudio.write(audio, chunk)) {
            Multipart form = new Multipart()
                    .file("file", "audio.wav", "audio/wav", wav.file())
                    .field("model", settings.model())
                    .field("response_format", "verbose_json")
                    .field("timestamp_granularities[]", "word")
                    .field("timestamp_granularities[]", "segment");
            if (language != null) {
                form.field("language", Languages.primary(language));
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint())
                    .timeout(settings.timeout())
                    .header("Content-Type", form.contentType())
                    .header("Accept", "application/json")
                    .POST(form.body());
            if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
                builder.header("Authorization", "Bearer " + settings.apiKey());
            }
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                String body = response.body() == null ? "" : response.body();
                throw new SpeechEngineException(NAME, "HTTP " + response.statusCode() + " from " + endpoint() + ": "
                        + body.substring(0, Math.min(300, body.length())));
            }
            return VerboseJson.parse(response.body(), chunk.getFirst().channel(), wav::toConversation, wav.duration());
        } finally {
            inFlight.release();
        }
    }

    /** {@code {url}/v1/audio/transcriptions}; a URL that already ends in {@code /v1} is not doubled. */
    URI endpoint() {
        String base = settings.url().toString().replaceAll("/+$", "");
        return URI.create(base.endsWith("/v1") ? base + "/audio/transcriptions" : base + "/v1/audio/transcriptions");
    }
}
