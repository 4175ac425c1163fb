package io.verbatim.enrichment;

/**
 * What the pipeline knows about a conversation besides its transcript.
 *
 * @param languageHint the conversation's or tenant's language tag, used when the text is too short to detect
 *                     one (the transcript's own language is preferred when present)
 * @param agentName    the agent's name from the conversation's metadata; an AI persona such as
 *                     {@code "Ava (AI receptionist, BrightSmile Dental)"} is recognised and never treated as a
 *                     person's name
 * @param customerName the customer's name from the metadata (helps find their name in the text)
 */
public record EnrichmentOptions(String languageHint, String agentName, String customerName) {

    public static EnrichmentOptions none() {
        return new EnrichmentOptions(null, null, null);
    }
}
