package io.verbatim.enrichment.pii;

import io.verbatim.enrichment.PiiType;

/** A mention found in one turn before overlaps are resolved; {@code end} is exclusive. */
record Candidate(PiiType type, int start, int end, String rule, String normalized) {

    /** When two candidates overlap the more specific type wins (an e-mail holds a name, an address a number). */
    int priority() {
        return switch (type) {
            case EMAIL -> 9;
            case CARD_NUMBER, NATIONAL_ID -> 8;
            case ACCOUNT_NUMBER, PHONE -> 7;
            case DATE_OF_BIRTH -> 6;
            case ADDRESS -> 5;
            case NAME -> 4;
        };
    }

    boolean overlaps(Candidate other) {
        return start < other.end && other.start < end;
    }
}
