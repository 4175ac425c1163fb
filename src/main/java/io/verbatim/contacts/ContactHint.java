package io.verbatim.contacts;

/**
 * What an intake knows about the person on the other side: a phone in any format, an e-mail, a name.
 * A card is found by phone first, then by e-mail; a hint with neither cannot name a card.
 */
public record ContactHint(String phone, String email, String name, ContactSource source) {

    public ContactHint {
        source = source == null ? ContactSource.VERBATIM : source;
    }

    public static ContactHint phone(String phone) {
        return new ContactHint(phone, null, null, ContactSource.VERBATIM);
    }
}
