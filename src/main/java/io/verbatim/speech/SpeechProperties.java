package io.verbatim.speech;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Speech-recognition settings ({@code verbatim.speech.*}, each settable by environment variable, e.g.
 * {@code VERBATIM_SPEECH_ENGINE}, {@code VERBATIM_SPEECH_REMOTE_URL}).
 *
 * @param engine       {@code auto} (see {@link SpeechEngines}), or an engine name: {@code pocketsphinx}, {@code whisper}, {@code remote}
 * @param concurrency  native decoders / parallel requests per node; 0 = one per CPU core
 * @param pocketsphinx the embedded default engine
 * @param whisper      whisper.cpp with a ggml model file
 * @param remote       an OpenAI-compatible {@code /v1/audio/transcriptions} endpoint
 */
@ConfigurationProperties("verbatim.speech")
public record SpeechProperties(@DefaultValue("auto") String engine,
                               @DefaultValue("0") int concurrency,
                               @DefaultValue Pocketsphinx pocketsphinx,
                               @DefaultValue Whisper whisper,
                               @DefaultValue Remote remote) {

    /** Threads / decoders to use: the configured value, or one per core. */
    public int effectiveConcurrency() {
        return concurrency > 0 ? concurrency : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param library      the pocketsphinx shared library (Debian {@code libpocketsphinx3})
     * @param baseLibrary  its sphinxbase library (Debian {@code libsphinxbase3})
     * @param hmm          acoustic model directory (Debian {@code pocketsphinx-en-us})
     * @param languageModel binary n-gram language model
     * @param dictionary   pronunciation dictionary
     * @param language     the language of that model (BCP-47 primary tag)
     * @param decoderOptions further decoder settings as pocketsphinx takes them on its command line, e.g.
     *                     {@code -lw 8 -wip 0.5}; empty = the model's defaults (see docs/speech.md for measured choices)
     */
    public record Pocketsphinx(@DefaultValue("libpocketsphinx.so.3") String library,
                               @DefaultValue("libsphinxbase.so.3") String baseLibrary,
                               @DefaultValue("/usr/share/pocketsphinx/model/en-us/en-us") Path hmm,
                               @DefaultValue("/usr/share/pocketsphinx/model/en-us/en-us.lm.bin") Path languageModel,
                               @DefaultValue("/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict") Path dictionary,
                               @DefaultValue("en") String language,
                               @DefaultValue("") String decoderOptions) {

        /** The decoder options as name / value pairs; a malformed list is refused with the setting's name. */
        public java.util.List<String> decoderArguments() {
            String text = decoderOptions == null ? "" : decoderOptions.strip();
            if (text.isEmpty()) {
                return java.util.List.of();
            }
            java.util.List<String> parts = java.util.List.of(text.split("\\s+"));
            if (parts.size() % 2 != 0) {
                throw new IllegalArgumentException("verbatim.speech.pocketsphinx.decoder-options must be pairs of -name value: " + text);
            }
            for (int i = 0; i < parts.size(); i += 2) {
                if (!parts.get(i).startsWith("-") || parts.get(i).length() < 2) {
                    throw new IllegalArgumentException("verbatim.speech.pocketsphinx.decoder-options: expected -name, got " + parts.get(i));
                }
            }
            return parts;
        }
    }

    /**
     * @param modelPath   the ggml model file ({@code ggml-base.en.bin}, ...); the engine is available only when it exists
     *                    (or can be downloaded)
     * @param downloadUrl where to fetch the model when the file is missing; empty = never download
     * @param sha256      the model file's expected SHA-256 (hex); required with {@code downloadUrl}
     * @param language    language when the request has none: {@code auto} lets whisper detect it
     */
    public record Whisper(Path modelPath, URI downloadUrl, String sha256, @DefaultValue("auto") String language) {
    }

    /**
     * @param url     base URL of an OpenAI-compatible server ({@code https://api.openai.com}, a vLLM / LocalAI /
     *                faster-whisper-server); {@code /v1/audio/transcriptions} is appended
     * @param apiKey  bearer token, if the server wants one
     * @param model   model name sent with each request
     * @param timeout per-request timeout
     */
    public record Remote(URI url, String apiKey, @DefaultValue("whisper-1") String model,
                         @DefaultValue("10m") Duration timeout) {
    }
}
