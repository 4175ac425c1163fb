package io.verbatim.conversations;

import java.time.Instant;
import java.util.UUID;

/**
 * One correction of one turn: the text before and after, who made it and when. {@code originalText} is the turn
 * as first stored (the recognised or imported text), whatever revisions came between.
 */
public record TurnRevision(long id, int turnIndex, String previousText, String text, String originalText,
                           UUID editedBy, String editedByEmail, Instant editedAt) {
}
