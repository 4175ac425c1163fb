package io.verbatim.ingest.transcripts;

import io.verbatim.speech.Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an uploaded transcript file into a {@link Transcript}: turns sorted by start, speaker roles,
 * word timings where the format has them, the language when given, {@code source} = the format name,
 * and {@code rolesConfident = false} when roles were guessed.
 *
 * <p>Formats ({@link #supportedFormats()}): {@code verbatim}, {@code aws-transcribe},
 * {@code aws-call-analytics}, {@code amazon-connect-contact-lens}, {@code openai}, {@code deepgram},
 * {@code assemblyai}, {@code vapi}, {@code text}. The format is detected from the content unless a
 * format hint names one (a few aliases are accepted: {@code whisper}, {@code transcribe},
 * {@code contact-lens}, {@code txt}...).
 *
 * <p>Errors are {@link TranscriptImportException}s: {@code unsupported-transcript-format} (unknown
 * format name: 400; content of no known format: 415), {@code invalid-transcript} (422: bad JSON, no
 * turns, negative or inverted times, wrong field types) and {@code transcript-too-large} (413, above
 * {@code verbatim.ingest.transcripts.max-size}, 50 MB by default). Thread-safe.
 */
@Component
public class TranscriptImporters {

    /** Detection order: the most specific shapes first. */
    private static final List<TranscriptFormat> FORMATS = List.of(
            new VerbatimFormat(),
            new AwsTranscribeFormat(),
            new AwsCallAnalyticsFormat(AwsCallAnalyticsFormat.TCA),
            new AwsCallAnalyticsFormat(AwsCallAnalyticsFormat.CONTACT_LENS),
            new OpenAiFormat(),
            new DeepgramFormat(),
            new AssemblyAiFormat(),
            new VapiFormat(),
            new PlainTextFormat(),
            new RetellFormat());

    private static final List<TranscriptFormat> DETECTION_ORDER = List.of(
            FORMATS.get(2), FORMATS.get(3), FORMATS.get(1), FORMATS.get(5), FORMATS.get(6), FORMATS.get(4),
            FORMATS.get(7), FORMATS.get(9), FORMATS.get(0), FORMATS.get(8));

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("verbatim-json", VerbatimFormat.NAME),
            Map.entry("native", VerbatimFormat.NAME),
            Map.entry("aws", AwsTranscribeFormat.NAME),
            Map.entry("transcribe", AwsTranscribeFormat.NAME),
            Map.entry("amazon-transcribe", AwsTranscribeFormat.NAME),
            Map.entry("tca", AwsCallAnalyticsFormat.TCA),
            Map.entry("call-analytics", AwsCallAnalyticsFormat.TCA),
            Map.entry("transcribe-call-analytics", AwsCallAnalyticsFormat.TCA),
            Map.entry("contact-lens", AwsCallAnalyticsFormat.CONTACT_LENS),
            Map.entry("amazon-connect", AwsCallAnalyticsFormat.CONTACT_LENS),
            Map.entry("whisper", OpenAiFormat.NAME),
            Map.entry("openai-whisper", OpenAiFormat.NAME),
            Map.entry("verbose-json", OpenAiFormat.NAME),
            Map.entry("diarized-json", OpenAiFormat.NAME),
            Map.entry("assembly-ai", AssemblyAiFormat.NAME),
            Map.entry("assembly", AssemblyAiFormat.NAME),
            Map.entry("txt", PlainTextFormat.NAME),
            Map.entry("plain", PlainTextFormat.NAME),
            Map.entry("plain-text", PlainTextFormat.NAME),
            Map.entry("text/plain", PlainTextFormat.NAME));

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final long maxBytes;
    private final Map<String, TranscriptFormat> byName;

    /** With the default settings (50 MB limit). */
    public TranscriptImporters() {
        this(TranscriptImportProperties.defaults());
    }

    @Autowired
    public TranscriptImporters(TranscriptImportProperties properties) {
        this.maxBytes = (properties == null ? TranscriptImportProperties.defaults() : properties).maxSize().toBytes();
        Map<String, TranscriptFormat> names = new LinkedHashMap<>();
        FORMATS.forEach(f -> names.put(f.name(), f));
        this.byName = Map.copyOf(names);
    }

    /** The names a format hint may take (each also the {@code source} of what it reads). */
    public List<String> supportedFormats() {
        return FORMATS.stream().map(TranscriptFormat::name).toList();
    }

    /** The largest content accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Reads with format detection and the default channel roles (channel 0 = agent). */
    public Transcript read(byte[] content) {
        return read(content, null, null);
    }

    /**
     * Reads a transcript from a stream (read up to the size limit; the stream is not closed).
     *
     * @see #read(byte[], String, ChannelRoles)
     */
    public Transcript read(InputStream content, String formatHint, ChannelRoles roles) {
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the transcript", e);
        }
        return read(bytes, formatHint, roles);
    }

    /**
     * Reads a transcript.
     *
     * @param content    the file's bytes (UTF-8, UTF-16 with a BOM also accepted)
     * @param formatHint a format name or alias; null, blank or {@code auto} to detect it from the content
     * @param roles      how channels and speaker labels map to roles; null for {@link ChannelRoles#defaults()}
     * @throws TranscriptImportException when the format is unknown or the content invalid or too large
     */
    public Transcript read(byte[] content, String formatHint, ChannelRoles roles) {
        ChannelRoles mapping = roles == null ? ChannelRoles.defaults() : roles;
        TranscriptFormat hinted = resolveHint(formatHint);
        Content decoded = decode(content);
        TranscriptFormat format = hinted != null ? hinted : detect(decoded);
        if (format.json() && decoded.json() == null) {
            throw TranscriptImportException.invalid(format.name(), jsonProblem(decoded.text()));
        }
        try {
            return format.read(decoded, mapping);
        } catch (TranscriptImportException e) {
            throw e;
        } catch (RuntimeException e) {
            // a shape the reader did not expect (possible when a hint forces a format onto other content)
            throw TranscriptImportException.invalid(format.name(), "unexpected structure (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The format the content is in, by detection; throws like {@link #read(byte[], String, ChannelRoles)} when none. */
    public String detectFormat(byte[] content) {
        return detect(decode(content)).name();
    }

    private TranscriptFormat resolveHint(String hint) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        String key = hint.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        if (key.equals("auto")) {
            return null;
        }
        TranscriptFormat format = byName.get(ALIASES.getOrDefault(key, key));
        if (format == null) {
            throw TranscriptImportException.unsupported(HttpStatus.BAD_REQUEST,
                    "'" + Json.abbreviate(hint.strip()) + "' is not a transcript format", supportedFormats());
        }
        return format;
    }

    private TranscriptFormat detect(Content content) {
        for (TranscriptFormat format : DETECTION_ORDER) {
            if (format.detects(content)) {
                return format;
            }
        }
        String head = content.text().stripLeading();
        if (content.json() == null && (head.startsWith("{") || head.startsWith("["))) {
            throw TranscriptImportException.invalid(null, jsonProblem(content.text()));
        }
        throw TranscriptImportException.unsupported(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                content.json() != null ? "The JSON is not in a transcript format Verbatim reads"
                        : "The text is not a transcript Verbatim reads (expected 'Speaker: text' lines)",
                supportedFormats());
    }

    private Content decode(byte[] content) {
        if (content == null || content.length == 0) {
            throw TranscriptImportException.invalid(null, "The transcript is empty");
        }
        if (content.length > maxBytes) {
            throw TranscriptImportException.tooLarge(maxBytes);
        }
        String text;
        if (content.length >= 2 && (content[0] & 0xff) == 0xfe && (content[1] & 0xff) == 0xff) {
            text = new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
        } else if (content.length >= 2 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xfe) {
            text = new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
        } else if (content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb && (content[2] & 0xff) == 0xbf) {
            text = new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        } else {
            text = new String(content, StandardCharsets.UTF_8);
        }
        if (text.isBlank()) {
            throw TranscriptImportException.invalid(null, "The transcript is empty");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw TranscriptImportException.unsupported(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The content is binary, not a transcript (audio goes to the upload of recordings)", supportedFormats());
        }
        String head = text.stripLeading();
        JsonNode json = null;
        if (head.startsWith("{") || head.startsWith("[")) {
            try {
                json = JSON.readTree(text);
            } catch (JacksonException e) {
                json = null;
            }
        }
        return new Content(text, json);
    }

    private static String jsonProblem(String text) {
        try {
            JSON.readTree(text);
            return "the content is JSON but not of this format";
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return "the content is not valid JSON" + where + ": " + abbreviate(String.valueOf(e.getOriginalMessage()), 160);
        }
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
