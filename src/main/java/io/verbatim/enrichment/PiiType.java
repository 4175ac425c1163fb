package io.verbatim.enrichment;

/** The kinds of personal data the enrichment finds; the wire names are the upper-case constants. */
public enum PiiType {
    NAME, PHONE, EMAIL, ADDRESS, ACCOUNT_NUMBER, CARD_NUMBER, DATE_OF_BIRTH, NATIONAL_ID;

    /** The tag that replaces a mention in redacted text, e.g. {@code [PHONE]}. */
    public String tag() {
        return "[" + name() + "]";
    }
}
