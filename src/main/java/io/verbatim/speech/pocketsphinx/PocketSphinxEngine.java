package io.verbatim.speech.pocketsphinx;

import io.verbatim.media.DecodedAudio;
import io.verbatim.speech.EngineAvailability;
import io.verbatim.speech.SpeechEngine;
import io.verbatim.speech.SpeechEngineException;
import io.verbatim.speech.SpeechProperties;
import io.verbatim.speech.SpeechRequest;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.UnsupportedLanguageException;
import io.verbatim.speech.Word;
import io.verbatim.speech.internal.EnergyVad;
import io.verbatim.speech.internal.Languages;
import io.verbatim.speech.internal.Pcm16k;
import io.verbatim.speech.internal.SpeechSegment;
import io.verbatim.speech.internal.TurnAssembler;
import io.verbatim.speech.internal.Utterance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import io.verbatim.platform.BackgroundPriority;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The embedded default: CMU PocketSphinx through JNA. Audio is cut by {@link EnergyVad} and the
 * segments of all channels are decoded in parallel on a fixed pool of platform threads (native
 * calls would pin virtual threads anyway), each thread with its own decoder, created on first use
 * and freed by {@link #close()}. The pool is shared by all transcriptions, so it also bounds the
 * node's ASR CPU use to {@code concurrency} cores.
 */
public final class PocketSphinxEngine implements SpeechEngine, AutoCloseable {

    public static final String NAME = "pocketsphinx";

    private final SpeechProperties.Pocketsphinx model;
    private final EnergyVad vad;
    private final ExecutorService workers;
    private final List<PocketSphinxDecoder> decoders = new ArrayList<>();
    private final ThreadLocal<PocketSphinxDecoder> threadDecoder = new ThreadLocal<>();
    private volatile NativeLibraries natives;
    private volatile String loadError;
    private volatile boolean closed;

    public PocketSphinxEngine(SpeechProperties.Pocketsphinx model, int concurrency, EnergyVad vad) {
        this.model = model;
        this.vad = vad;
        // Below request handling in priority: uploads and pages stay quick while every core decodes.
        this.workers = Executors.newFixedThreadPool(Math.max(1, concurrency), BackgroundPriority.threads("pocketsphinx"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EngineAvailability availability() {
        for (Path p : List.of(model.hmm(), model.languageModel(), model.dictionary())) {
            if (!Files.exists(p)) {
                return EngineAvailability.unavailable("model file " + p + " is missing (Debian package pocketsphinx-en-us, "
                        + "or set verbatim.speech.pocketsphinx.hmm / language-model / dictionary)");
            }
        }
        try {
            model.decoderArguments();
        } catch (IllegalArgumentException e) {
            return EngineAvailability.unavailable(e.getMessage());
        }
        if (libraries() == null) {
            return EngineAvailability.unavailable("cannot load " + model.library() + " / " + model.baseLibrary()
                    + " (Debian packages libpocketsphinx3 libsphinxbase3): " + loadError);
        }
        return EngineAvailability.ready("pocketsphinx 5prealpha, model " + model.hmm() + ", language " + model.language());
    }

    @Override
    public Transcript transcribe(DecodedAudio audio, SpeechRequest request) {
        String language = Languages.requireMatch(NAME, request.language(), List.of(model.language()));
        EngineAvailability availability = availability();
        if (!availability.available()) {
            throw new SpeechEngineException(NAME, availability.reason());
        }
        EnergyVad.Segmentation segmentation = vad.segmentAll(audio);
        List<Future<Utterance>> pending = new ArrayList<>();
        for (SpeechSegment segment : segmentation.all()) {
            pending.add(workers.submit(() -> {
                List<Word> words = decoder().decode(Pcm16k.read(audio, segment), segment.start(), request.adaptation());
                return Utterance.ofWords(segment.channel(), words);
            }));
        }
        List<Utterance> utterances = new ArrayList<>();
        try {
            for (Future<Utterance> f : pending) {
                utterances.add(f.get());
            }
        } catch (InterruptedException e) {
            pending.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new SpeechEngineException(NAME, "interrupted", e);
        } catch (ExecutionException | CancellationException e) {
            pending.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof SpeechEngineException se) {
                throw se;
            }
            throw new SpeechEngineException(NAME, "decoding failed: " + cause, cause);
        }
        return TurnAssembler.assemble(language, NAME, audio, segmentation.mono(),
                utterances, request);
    }

    /** This worker thread's decoder; created on first use (a second or so: the language model loads). */
    private PocketSphinxDecoder decoder() {
        PocketSphinxDecoder d = threadDecoder.get();
        if (d == null) {
            synchronized (decoders) {
                if (closed) {
                    throw new SpeechEngineException(NAME, "engine is shut down");
                }
                d = new PocketSphinxDecoder(libraries(), model);
                decoders.add(d);
            }
            threadDecoder.set(d);
        }
        return d;
    }

    private NativeLibraries libraries() {
        if (natives == null && loadError == null) {
            synchronized (this) {
                if (natives == null && loadError == null) {
                    try {
                        natives = NativeLibraries.load(model.library(), model.baseLibrary());
                    } catch (UnsatisfiedLinkError | RuntimeException e) {
                        loadError = e.getMessage();
                    }
                }
            }
        }
        return natives;
    }

    /** Stops the workers and frees every decoder's native memory. */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (decoders) {
            closed = true;
            decoders.forEach(PocketSphinxDecoder::close);
            decoders.clear();
        }
    }
}
