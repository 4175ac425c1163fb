package io.verbatim.ingest.transcripts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the transcript importers ({@code verbatim.ingest.transcripts.*}).
 *
 * @param maxSize the largest transcript file accepted (env {@code VERBATIM_INGEST_TRANSCRIPTS_MAXSIZE}); default 50 MB
 */
@ConfigurationProperties("verbatim.ingest.transcripts")
public record TranscriptImportProperties(@DefaultValue("50MB") DataSize maxSize) {

    public static final DataSize DEFAULT_MAX_SIZE = DataSize.ofMegabytes(50);

    public TranscriptImportProperties {
        if (maxSize == null) {
            maxSize = DEFAULT_MAX_SIZE;
        }
        if (maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("verbatim.ingest.transcripts.max-size must be positive");
        }
    }

    public static TranscriptImportProperties defaults() {
        return new TranscriptImportProperties(DEFAULT_MAX_SIZE);
    }
}
