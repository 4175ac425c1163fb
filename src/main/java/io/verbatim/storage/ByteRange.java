package io.verbatim.storage;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A byte range to read, in the three forms HTTP ({@code Range: bytes=...}) and S3 know: a span
 * from an offset, everything from an offset, or the last {@code n} bytes. A media player sends
 * {@code bytes=0-} and then {@code bytes=N-}, so the open-ended forms matter.
 */
public sealed interface ByteRange {

    /** {@code length} bytes from {@code offset}; a span past the end is cut at the end, as HTTP does. */
    static ByteRange of(long offset, long length) {
        return new Span(offset, length);
    }

    /** Everything from {@code offset} to the end. */
    static ByteRange from(long offset) {
        return new From(offset);
    }

    /** The last {@code length} bytes (all of them if the object is shorter). */
    static ByteRange last(long length) {
        return new Suffix(length);
    }

    /**
     * Parses a single-range HTTP {@code Range} header. Empty for anything else (no header, other
     * units, several ranges, garbage): HTTP says to ignore such a header and send the whole object.
     */
    static Optional<ByteRange> parseHttp(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = HttpRangeSyntax.SINGLE.matcher(header.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            String first = m.group(1);
            String last = m.group(2);
            if (first.isEmpty()) {
                long n = Long.parseLong(last);
                return n > 0 ? Optional.of(last(n)) : Optional.empty();
            }
            long start = Long.parseLong(first);
            if (last.isEmpty()) {
                return Optional.of(from(start));
            }
            long end = Long.parseLong(last);
            return end < start ? Optional.empty() : Optional.of(of(start, end - start + 1));
        } catch (NumberFormatException tooBig) {
            return Optional.empty();
        }
    }

    /** The concrete span of an object of {@code size} bytes; empty when the range is not satisfiable. */
    Optional<Span> resolve(long size);

    /** The value of an HTTP / S3 {@code Range} header for this range. */
    String httpValue();

    /** A resolved range: {@code length >= 1} bytes starting at {@code offset}. */
    record Span(long offset, long length) implements ByteRange {

        public Span {
            if (offset < 0 || length < 1) {
                throw new IllegalArgumentException("A byte range needs offset >= 0 and length >= 1, not " + offset + "/" + length);
            }
        }

        /** The last byte's offset (inclusive, as in HTTP), without overflowing for huge lengths. */
        public long lastOffset() {
            return length > Long.MAX_VALUE - offset ? Long.MAX_VALUE : offset + length - 1;
        }

        @Override
        public Optional<Span> resolve(long size) {
            return offset >= size ? Optional.empty() : Optional.of(new Span(offset, Math.min(length, size - offset)));
        }

        @Override
        public String httpValue() {
            return "bytes=" + offset + "-" + lastOffset();
        }
    }

    record From(long offset) implements ByteRange {

        public From {
            if (offset < 0) {
                throw new IllegalArgumentException("A byte range offset must be >= 0, not " + offset);
            }
        }

        @Override
        public Optional<Span> resolve(long size) {
            return offset >= size ? Optional.empty() : Optional.of(new Span(offset, size - offset));
        }

        @Override
        public String httpValue() {
            return "bytes=" + offset + "-";
        }
    }

    record Suffix(long length) implements ByteRange {

        public Suffix {
            if (length < 1) {
                throw new IllegalArgumentException("A suffix range needs length >= 1, not " + length);
            }
        }

        @Override
        public Optional<Span> resolve(long size) {
            long n = Math.min(length, size);
            return n == 0 ? Optional.empty() : Optional.of(new Span(size - n, n));
        }

        @Override
        public String httpValue() {
            return "bytes=-" + length;
        }
    }
}

/** Kept out of the interface, where a constant would be public. */
final class HttpRangeSyntax {

    static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private HttpRangeSyntax() {
    }
}
