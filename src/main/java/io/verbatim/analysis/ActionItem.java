package io.verbatim.analysis;

/**
 * A follow-up still open when the conversation ends.
 *
 * @param text    the commitment, cleaned of fillers, from the owner's point of view
 * @param dueHint when it is due as said ("today between 1 and 3", "Tuesday", "within 48 hours"), or null
 */
public record ActionItem(Owner owner, String text, String dueHint, Evidence evidence) {
}
