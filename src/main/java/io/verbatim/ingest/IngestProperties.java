package io.verbatim.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dropFolderInterval how often every tenant's {@code input/<tenant>/audio/} is scanned for new files
 * @param dropFolderEnabled  scan at all
 */
@ConfigurationProperties("verbatim.ingest")
public record IngestProperties(@DefaultValue("60s") Duration dropFolderInterval, @DefaultValue("true") boolean dropFolderEnabled) {
}
