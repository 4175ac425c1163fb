package io.verbatim.storage.internal;

import io.verbatim.storage.BlobPage;
import io.verbatim.storage.BlobSummary;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Turns page-at-a-time listing into a lazy stream: the next page is fetched only when the last one is used up. */
final class PagedListing {

    private PagedListing() {
    }

    /** @param fetch the page after a key ({@code null}: the first page) */
    static Stream<BlobSummary> stream(Function<String, BlobPage> fetch) {
        Iterator<BlobSummary> items = new Iterator<>() {
            private Iterator<BlobSummary> current = List.<BlobSummary>of().iterator();
            private String after;
            private boolean more = true;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && more) {
                    BlobPage page = fetch.apply(after);
                    current = page.items().iterator();
                    after = page.nextStartAfter();
                    more = page.hasMore();
                }
                return current.hasNext();
            }

            @Override
            public BlobSummary next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
