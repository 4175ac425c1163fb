package io.verbatim.speech;

import io.verbatim.media.DecodedAudio;

/**
 * Turns decoded audio into a {@link Transcript}. Implementations are thread-safe; each bounds its
 * own parallelism (native decoders, remote calls) so callers may submit from any number of workers.
 */
public interface SpeechEngine {

    /** Stable name used in configuration and tenant settings ("pocketsphinx", "whisper", "remote"). */
    String name();

    /** Whether the engine can run here (library, model, endpoint), with the reason when it cannot. */
    EngineAvailability availability();

    /**
     * Transcribes the whole audio. Stereo audio is transcribed one channel per speaker, using
     * {@link SpeechRequest#roleOf(int)}; mono audio gets guessed roles ({@code rolesConfident=false}).
     * Audio without speech yields a transcript with no turns.
     *
     * @throws UnsupportedLanguageException when the requested language is not one this engine can recognise
     * @throws SpeechEngineException        when the engine is unavailable or fails
     */
    Transcript transcribe(DecodedAudio audio, SpeechRequest request);
}
