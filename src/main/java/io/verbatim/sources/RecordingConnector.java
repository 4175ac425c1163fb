package io.verbatim.sources;

import io.verbatim.credentials.CredentialFields;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A kind of recording source (a provider's REST API, an SFTP server...). The framework schedules runs,
 * keeps the high-water mark, skips recordings it already has without downloading them, records every
 * outcome, and backs off when the provider fails; a connector only lists and downloads.
 */
public interface RecordingConnector {

    /** The {@code kind} of the sources it serves, e.g. {@code rest}. */
    String kind();

    /** Refuses settings it cannot work with (400 problems), before a source is saved. */
    void validate(JsonNode settings);

    /** A session for one run: holds the provider token and counts retries. */
    Session open(JsonNode settings, CredentialFields credential);

    interface Session {

        /**
         * One page of recordings that started after {@code since} (all when null), from {@code cursor}
         * (null for the first page). Throws {@link SourceException} when the provider keeps failing.
         */
        Listing list(Instant since, String cursor);

        /** Downloads a recording to a scratch file the caller deletes. */
        Download download(Recording recording);

        /** Requests retried in this session (provider errors survived). */
        int retries();
    }

    /**
     * One recording as the provider lists it, after field mapping.
     *
     * @param externalId the provider's id: the conversation's external id, so a recording is fetched once
     * @param direction  already normalised to inbound/outbound/unknown
     */
    record Recording(String externalId, Instant startedAt, String agent, String direction, String customerNumber,
                     String customerName, String downloadUrl, Map<String, Object> attributes) {
    }

    /** @param nextCursor where the next page starts, or null on the last page */
    record Listing(List<Recording> items, String nextCursor) {
    }

    record Download(Path file, String contentType, String filename) {
    }

    /** The provider failed (after retries) or answered something unusable. */
    class SourceException extends RuntimeException {
        public SourceException(String message) {
            super(message);
        }
    }
}
