package io.verbatim.webhooks.internal;

import io.verbatim.credentials.CredentialFields;
import io.verbatim.ingest.IngestMetadata;
import io.verbatim.ingest.IntakeInput;
import java.nio.file.Path;

/**
 * A webhook sender Verbatim understands: how its requests are verified, what its event id is, and how
 * an event becomes a conversation. Verification and parsing run on the request (fast, nothing fetched);
 * {@link #prepare} runs later, off the request, and may download a recording.
 */
interface InboundProvider {

    /** The path segment and inbox provider name: {@code twilio}, {@code vapi}, {@code callrail}, {@code generic}. */
    String name();

    /**
     * True when the path names a source after the provider ({@code generic/{source}}): one sender kind, many
     * senders, each with its own credential.
     */
    default boolean sourceInPath() {
        return false;
    }

    /** The tenant credential whose secret verifies this sender's requests. */
    String credentialName(String source);

    /** The conversations' {@code source}. */
    String conversationSource(String source);

    /** True when the request carries a valid signature (or token) for this credential. Never throws on bad input. */
    boolean verify(InboundRequest request, CredentialFields credential);

    /** Reads a verified request: its event id and whether to keep it. Throws a 400 problem when it is not readable. */
    Received parse(InboundRequest request);

    /** Turns a kept event into intake input (downloading a recording if need be). */
    Work prepare(InboxEvent event, CredentialFields credential, RecordingFetcher fetcher);

    /**
     * @param eventId the provider's id of this event: a redelivery carries the same one
     * @param ignored why the event is kept but makes no conversation (a non-final recording status), or null
     * @param keep    false for messages acknowledged and dropped (a Vapi status update): nothing is stored
     */
    record Received(String eventId, String eventType, String ignored, boolean keep) {
        static Received of(String eventId, String eventType) {
            return new Received(eventId, eventType, null, true);
        }

        static Received dropped(String eventType) {
            return new Received(null, eventType, null, false);
        }
    }

    sealed interface Work {
        record Ingest(IntakeInput input, IngestMetadata metadata, Path tempFile) implements Work {
        }

        record Ignore(String reason) implements Work {
        }
    }

    /** Processing failed; a retryable failure is tried again later, a permanent one marks the event failed. */
    final class Failure extends RuntimeException {
        private final boolean retryable;

        Failure(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        static Failure retryable(String message) {
            return new Failure(message, true);
        }

        static Failure permanent(String message) {
            return new Failure(message, false);
        }

        boolean retryable() {
            return retryable;
        }
    }
}
