package io.verbatim.storage.internal;

import io.verbatim.storage.BlobKey;
import io.verbatim.storage.BlobSummary;
import io.verbatim.storage.StorageException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Walks a bucket directory yielding objects in S3's order (keys by byte value), lazily. A
 * depth-first walk over children sorted by name would put {@code a/b} before {@code a-c}; sorting
 * a directory as {@code name + "/"} gives exactly the order of the full keys. Subtrees wholly
 * before {@code startAfter} are skipped without being opened.
 */
final class FilesystemWalk implements Iterator<BlobSummary> {

    private record Entry(String name, boolean directory, BasicFileAttributes attributes) {
        String sortKey() {
            return directory ? name + "/" : name;
        }
    }

    private static final class Frame {
        final String keyPrefix;
        final Path dir;
        final List<Entry> entries;
        int next;

        Frame(String keyPrefix, Path dir, List<Entry> entries) {
            this.keyPrefix = keyPrefix;
            this.dir = dir;
            this.entries = entries;
        }
    }

    private final Deque<Frame> stack = new ArrayDeque<>();
    private final String startAfter;
    private BlobSummary lookahead;

    FilesystemWalk(Path bucketDir, String prefix, String startAfter) {
        this.startAfter = startAfter;
        int slash = prefix.lastIndexOf('/');
        String dirPart = prefix.substring(0, slash + 1);
        Path start = dirPart.isEmpty() ? bucketDir : bucketDir.resolve(dirPart);
        stack.push(new Frame(dirPart, start, read(start, prefix.substring(slash + 1))));
    }

    @Override
    public boolean hasNext() {
        if (lookahead == null) {
            lookahead = advance();
        }
        return lookahead != null;
    }

    @Override
    public BlobSummary next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        BlobSummary next = lookahead;
        lookahead = null;
        return next;
    }

    private BlobSummary advance() {
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            if (frame.next >= frame.entries.size()) {
                stack.pop();
                continue;
            }
            Entry entry = frame.entries.get(frame.next++);
            String key = frame.keyPrefix + entry.sortKey();
            if (entry.directory()) {
                boolean whollyBefore = startAfter != null && !startAfter.startsWith(key) && key.compareTo(startAfter) < 0;
                if (!whollyBefore) {
                    Path dir = frame.dir.resolve(entry.name());
                    stack.push(new Frame(key, dir, read(dir, "")));
                }
            } else if (startAfter == null || key.compareTo(startAfter) > 0) {
                return new BlobSummary(new BlobKey(key), entry.attributes().size(), entry.attributes().lastModifiedTime().toInstant());
            }
        }
        return null;
    }

    /** One directory's objects and subdirectories, sorted; a directory removed meanwhile reads as empty. */
    private static List<Entry> read(Path dir, String namePrefix) {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                // dot-files are the store's own (sidecars); other odd names are not addressable keys
                if (!name.startsWith(namePrefix) || !BlobKey.isValidSegment(name)) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                if (attributes.isDirectory() || attributes.isRegularFile()) {
                    entries.add(new Entry(name, attributes.isDirectory(), attributes));
                }
            }
        } catch (NoSuchFileException | NotDirectoryException gone) {
            return List.of();
        } catch (IOException e) {
            throw new StorageException("Could not list " + dir, e);
        }
        entries.sort(Comparator.comparing(Entry::sortKey));
        return entries;
    }
}
