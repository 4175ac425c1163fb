package io.verbatim.contacts.internal;

import io.verbatim.contacts.ContactCard;
import io.verbatim.contacts.ContactSource;
import io.verbatim.contacts.PropertyDetails;
import java.util.List;

/**
 * A card as the API creates or changes it. On a change, a field left out (null) keeps its value; an empty
 * string clears a text field.
 */
public record ContactChange(String primaryPhone, List<String> secondaryPhones, String email, String firstName, String lastName,
                            String fullName, ContactCard.Address address, ContactSource source, PropertyDetails property,
                            List<String> tags) {
}
