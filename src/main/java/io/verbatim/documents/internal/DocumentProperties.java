package io.verbatim.documents.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Document library settings ({@code verbatim.documents.*}).
 *
 * @param maxSize       an upload larger than this is refused (413)
 * @param maxPages      a PDF with more pages fails with {@code too_many_pages}
 * @param maxChars      text kept per document (the rest is not indexed; the document says so)
 * @param passageChars  target passage length in characters (a passage never crosses a page)
 * @param pollInterval  how often the processing scan looks for documents to process
 * @param lease         how long a node holds a document it processes before another may take it over
 * @param maxAttempts   unexpected errors are retried this many times before the document fails
 */
@ConfigurationProperties("verbatim.documents")
record DocumentProperties(@DefaultValue("50MB") DataSize maxSize, @DefaultValue("2000") int maxPages,
                          @DefaultValue("5000000") int maxChars, @DefaultValue("900") int passageChars,
                          @DefaultValue("1s") Duration pollInterval, @DefaultValue("10m") Duration lease,
                          @DefaultValue("3") int maxAttempts) {
}
