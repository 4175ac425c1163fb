package io.verbatim.documents.internal;

/**
 * A document that cannot be processed, for a reason the user can act on.
 *
 * @param code {@code encrypted}, {@code corrupt}, {@code empty}, {@code too_many_pages} or {@code unsupported}
 */
class ExtractionFailure extends RuntimeException {

    private final String code;

    ExtractionFailure(String code, String reason) {
        super(reason);
        this.code = code;
    }

    String code() {
        return code;
    }
}
