package io.verbatim.storage;

import java.util.List;

/**
 * One page of a listing, in key order (byte order, as S3 lists).
 *
 * @param nextStartAfter the key to pass as {@code startAfter} for the next page; {@code null} on the last page
 */
public record BlobPage(List<BlobSummary> items, String nextStartAfter) {

    /** The most a page may hold: S3's cap on one listing request. */
    public static final int MAX_LIMIT = 1000;

    public BlobPage {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextStartAfter != null;
    }

    /** Checks a requested page size. */
    public static int requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("A listing page holds 1 to " + MAX_LIMIT + " objects, not " + limit);
        }
        return limit;
    }
}
