package io.verbatim.ask;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Something a question can be about whose conversations another module knows (a contact card, an appointment).
 * Product modules implement it, so Ask depends on none of them. Called in the caller's tenant transaction.
 */
public interface AskSubject {

    /** The request field naming it, e.g. {@code contact_card_id}. */
    String field();

    /**
     * The subject's conversations, or empty when the caller may not see the subject (another tenant's, or outside the
     * caller's role): Ask then answers 404. The caller's conversation scope still applies to the passages.
     */
    Optional<Set<UUID>> conversations(UUID id);
}
