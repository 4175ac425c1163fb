/**
 * Speech recognition: the {@link io.verbatim.speech.SpeechEngine} interface, the transcript model
 * ({@link io.verbatim.speech.Transcript}, {@link io.verbatim.speech.Turn}, {@link io.verbatim.speech.Word}),
 * and {@link io.verbatim.speech.SpeechEngines}, which picks the engine for a node or a tenant.
 *
 * <p>Engines (sub-packages, internal to the module): {@code pocketsphinx} (embedded default, Debian
 * {@code libpocketsphinx3 libsphinxbase3 pocketsphinx-en-us} through JNA), {@code whisper}
 * (whisper.cpp through whisper-jni, needs a ggml model), {@code remote} (an OpenAI-compatible
 * {@code /v1/audio/transcriptions} endpoint). All three share {@code internal}: energy voice-activity
 * detection, splitting stereo into one speaker per channel, and turn assembly with guessed roles
 * for mono. Settings: {@link io.verbatim.speech.SpeechProperties} ({@code verbatim.speech.*}).
 */
package io.verbatim.speech;
