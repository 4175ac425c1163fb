package io.verbatim.speech.whisper;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.verbatim.media.DecodedAudio;
import io.verbatim.speech.EngineAvailability;
import io.verbatim.speech.SpeechEngine;
import io.verbatim.speech.SpeechEngineException;
import io.verbatim.speech.SpeechProperties;
import io.verbatim.speech.SpeechRequest;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.internal.EnergyVad;
import io.verbatim.speech.internal.Languages;
import io.verbatim.speech.internal.Pcm16k;
import io.verbatim.speech.internal.SpeechSegment;
import io.verbatim.speech.internal.TurnAssembler;
import io.verbatim.speech.internal.Utterance;
import io.verbatim.speech.internal.WordTimings;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * whisper.cpp through whisper-jni with a ggml model file. Available when the file exists, or when
 * a download URL and checksum are configured (the model is then fetched on first use).
 *
 * <p>Only {@link EnergyVad} speech segments (at most 30 s, whisper's window) are decoded: whisper
 * invents text for silence, and skipping it is also faster. One model context is shared and calls
 * are serialised on it, each using {@code threads} cores inside whisper.cpp. whisper-jni 1.7.1
 * exposes segment timestamps only, so word times are spread over each segment by length
 * ({@link WordTimings}) and have no confidence.
 *
 * <p>Not exercised by the tests here: no ggml model can be obtained on the build machines. The
 * contract test runs when {@code VERBATIM_WHISPER_MODEL} names one.
 */
public final class WhisperEngine implements SpeechEngine, AutoCloseable {

    public static final String NAME = "whisper";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WhisperEngine.class);
    /** whisper.cpp's annotations for non-speech: "[BLANK_AUDIO]", "(music)", "[ Silence ]". */
    private static final java.util.regex.Pattern NON_SPEECH = java.util.regex.Pattern.compile("^[\\[(].*[\\])]$");

    private final SpeechProperties.Whisper settings;
    private final int threads;
    private final EnergyVad vad;
    private final ModelDownloader downloader;
    /** Serialises use of the one model context; availability checks never wait for it. */
    private final Object contextLock = new Object();
    private volatile WhisperJNI whisper;
    private WhisperContext context;
    private volatile String loadError;

    public WhisperEngine(SpeechProperties.Whisper settings, int threads, EnergyVad vad, ModelDownloader downloader) {
        this.settings = settings;
        this.threads = Math.max(1, threads);
        this.vad = vad;
        this.downloader = downloader;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EngineAvailability availability() {
        if (settings.modelPath() == null) {
            return EngineAvailability.unavailable("no model configured: set verbatim.speech.whisper.model-path to a ggml "
                    + "model file (e.g. ggml-base.en.bin), optionally with download-url and sha256");
        }
        boolean present = Files.isRegularFile(settings.modelPath());
        boolean downloadable = settings.downloadUrl() != null && settings.sha256() != null && !settings.sha256().isBlank();
        if (!present && !downloadable) {
            return EngineAvailability.unavailable("model file " + settings.modelPath() + " does not exist (set "
                    + "verbatim.speech.whisper.download-url and sha256 to fetch it)");
        }
        String error = loadLibrary();
        if (error != null) {
            return EngineAvailability.unavailable("whisper-jni native library failed to load: " + error);
        }
        return EngineAvailability.ready(present ? "whisper.cpp, model " + settings.modelPath()
                : "whisper.cpp, model downloads from " + settings.downloadUrl() + " on first use");
    }

    @Override
    public Transcript transcribe(DecodedAudio audio, SpeechRequest request) {
        String language = request.language() == null || request.language().isBlank() ? null
                : Languages.requireMatch(NAME, request.language(), Languages.WHISPER);
        EngineAvailability availability = availability();
        if (!availability.available()) {
            throw new SpeechEngineException(NAME, availability.reason());
        }
        String whisperLanguage = language != null ? Languages.primary(language)
                : "auto".equalsIgnoreCase(settings.language()) ? "auto" : Languages.primary(settings.language());
        EnergyVad.Segmentation segmentation = vad.segmentAll(audio);
        List<Utterance> utterances = new ArrayList<>();
        for (SpeechSegment segment : segmentation.all()) {
            utterances.addAll(decode(segment, Pcm16k.toFloat(Pcm16k.read(audio, segment)), whisperLanguage));
        }
        return TurnAssembler.assemble(language != null ? language : "auto".equals(whisperLanguage) ? null : whisperLanguage,
                NAME, audio, segmentation.mono(), utterances, request);
    }

    private List<Utterance> decode(SpeechSegment segment, float[] samples, String language) {
        synchronized (contextLock) {
            return decodeLocked(segment, samples, language);
        }
    }

    private List<Utterance> decodeLocked(SpeechSegment segment, float[] samples, String language) {
        WhisperContext ctx = context();
        WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
        params.nThreads = threads;
        params.language = language;
        params.printProgress = false;
        params.printRealtime = false;
        params.printTimestamps = false;
        params.noContext = true; // segments are independent: no carry-over of the previous segment's text
        params.suppressNonSpeechTokens = true;
        int rc = whisper.full(ctx, params, samples, samples.length);
        if (rc != 0) {
            throw new SpeechEngineException(NAME, "whisper_full failed (" + rc + ")");
        }
        List<Utterance> out = new ArrayList<>();
        double limit = segment.end();
        for (int i = 0, n = whisper.fullNSegments(ctx); i < n; i++) {
            String text = whisper.fullGetSegmentText(ctx, i).strip();
            // whisper timestamps are in 10 ms units from the start of the samples
            double start = Math.min(limit, segment.start() + whisper.fullGetSegmentTimestamp0(ctx, i) / 100.0);
            double end = Math.min(limit, Math.max(start, segment.start() + whisper.fullGetSegmentTimestamp1(ctx, i) / 100.0));
            if (!text.isEmpty() && !NON_SPEECH.matcher(text).matches()) {
                out.add(new Utterance(segment.channel(), start, end, text, WordTimings.spread(text, start, end), null));
            }
        }
        return out;
    }

    private WhisperContext context() {
        if (context == null) {
            try {
                context = whisper.init(downloader.ensure(settings.modelPath(), settings.downloadUrl(), settings.sha256()));
            } catch (IOException e) {
                throw new SpeechEngineException(NAME, "cannot load model " + settings.modelPath() + ": " + e, e);
            }
            if (context == null) { // whisper-jni's answer to a file that is not a ggml model
                throw new SpeechEngineException(NAME, "cannot load model " + settings.modelPath() + ": not a ggml whisper model");
            }
        }
        return context;
    }

    /** Loads the JNI library once; returns the error, or null when loaded. */
    private synchronized String loadLibrary() {
        if (whisper == null && loadError == null) {
            try {
                WhisperJNI.loadLibrary(LOG::debug);
                WhisperJNI.setLibraryLogger(LOG::debug); // whisper.cpp's own log, otherwise on stderr
                whisper = new WhisperJNI();
            } catch (IOException | UnsatisfiedLinkError | RuntimeException e) {
                loadError = String.valueOf(e.getMessage());
            }
        }
        return loadError;
    }

    @Override
    public void close() {
        synchronized (contextLock) {
            if (context != null) {
                context.close();
                context = null;
            }
        }
    }
}
