package io.verbatim.contacts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contact card. {@code mergedInto} is set on a card another one absorbed: it is kept so old links resolve,
 * and {@link ContactCards#find} follows it.
 */
public record ContactCard(UUID id, String primaryPhone, List<String> secondaryPhones, String email, String firstName,
                          String lastName, String fullName, Address address, ContactSource source, PropertyDetails property,
                          AiFields ai, UUID mergedInto, Instant createdAt, Instant updatedAt) {

    public record Address(String line1, String line2, String city, String state, String zip, String country) {
    }

    /** Kept current from each analysed conversation of the contact. */
    public record AiFields(String lastCallSummary, String primaryIntent, List<String> risks, List<String> tags) {
    }
}
