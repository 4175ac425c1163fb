package io.verbatim.storage.internal;

import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.BlobContent;
import io.verbatim.storage.BlobInfo;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.BlobNotFoundException;
import io.verbatim.storage.BlobPage;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.BlobSummary;
import io.verbatim.storage.BucketName;
import io.verbatim.storage.ByteRange;
import io.verbatim.storage.InvalidBlobKeyException;
import io.verbatim.storage.RangeNotSatisfiableException;
import io.verbatim.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded blob store: {@code <root>/<bucket>/<key>} on the local filesystem.
 *
 * <p>Writes go to a temp file under {@code <root>/.tmp} (same filesystem) and are renamed into
 * place, so a reader sees the old object or the new one, and a crash leaves at most a temp file,
 * swept on the next start. The sidecar ({@link FilesystemSidecar}) is renamed in first and the data
 * file last: the data file's rename is the commit. Keys are validated by {@link BlobKey} and every
 * resolved path is re-checked to stay under its bucket; symbolic links are never followed to
 * an object.
 *
 * <p>Limits: meant for one process per data directory (puts and deletes of a key are serialised
 * in-process; two processes racing a put against a delete of the same key may leave the object
 * without its sidecar); a key cannot also be a "folder" of other keys ({@code a/b} and {@code a/b/c}), which S3
 * allows; keys differing only in case collide on case-insensitive filesystems; a paged
 * {@link #list} re-reads the directories on its path for each page (use {@link #listAll} to walk
 * a large prefix once).
 */
final class FilesystemBlobStore implements BlobStore {

    private static final Logger log = LoggerFactory.getLogger(FilesystemBlobStore.class);
    private static final String TMP_DIR = ".tmp";
    private static final String SIDECAR_SUFFIX = ".meta.json";
    private static final Duration STALE_TEMP = Duration.ofHours(24);
    private static final int COPY_BUFFER = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final Path root;
    private final Path tmp;
    private final boolean fsync;
    /**
     * Commits (two renames) and deletes of one key are serialised in this process: otherwise a
     * delete could remove a put's freshly renamed sidecar before its data file lands, leaving an
     * object without its content type and tenant tag. Striped, so memory stays fixed.
     */
    private final ReentrantLock[] keyLocks = new ReentrantLock[64];

    FilesystemBlobStore(Path root, boolean fsync) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve(TMP_DIR);
        this.fsync = fsync;
        for (int i = 0; i < keyLocks.length; i++) {
            keyLocks[i] = new ReentrantLock();
        }
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new StorageException("Could not create the blob store directory " + tmp, e);
        }
        sweepStaleTempFiles();
    }

    Path root() {
        return root;
    }

    @Override
    public void createBucketIfMissing(BucketName bucket) {
        try {
            Files.createDirectories(bucketDir(bucket));
        } catch (IOException e) {
            throw new StorageException("Could not create bucket '" + bucket + "'", e);
        }
    }

    @Override
    public boolean bucketExists(BucketName bucket) {
        return Files.isDirectory(bucketDir(bucket), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public BlobInfo put(BucketName bucket, BlobKey key, InputStream content, BlobAttributes attributes) {
        if (!bucketExists(bucket)) {
            throw new StorageException("Bucket '" + bucket + "' does not exist");
        }
        Path target = objectPath(bucket, key);
        Path dataTmp = null;
        try {
            dataTmp = Files.createTempFile(tmp, "put-", ".part");
            MessageDigest md5 = md5();
            long size = copy(content, dataTmp, md5);
            // read before the rename (which keeps it): afterwards a concurrent delete may already have removed the object
            Instant lastModified = Files.getLastModifiedTime(dataTmp).toInstant();
            String etag = HexFormat.of().formatHex(md5.digest());
            commit(dataTmp, target, key, attributes, etag);
            if (fsync) {
                syncDirectory(target.getParent());
            }
            return new BlobInfo(key, size, attributes.contentType(), lastModified, etag, attributes.metadata());
        } catch (IOException e) {
            throw new StorageException("Could not write object '" + key + "'", e);
        } finally {
            deleteQuietly(dataTmp);
        }
    }

    /**
     * Writes the sidecar and moves it, then the data file, into place under the object's lock: the data file's rename
     * is the commit, so a reader never sees data without its sidecar.
     */
    private void commit(Path data, Path target, BlobKey key, BlobAttributes attributes, String etag) throws IOException {
        Path sidecarTmp = Files.createTempFile(tmp, "put-", ".meta");
        try {
            writeFully(sidecarTmp, JSON.writeValueAsBytes(new FilesystemSidecar(attributes.contentType(), etag, attributes.metadata())));
            ReentrantLock lock = lockFor(target);
            lock.lock();
            try {
                moveIntoPlace(sidecarTmp, sidecarPath(target), key);
                moveIntoPlace(data, target, key);
            } finally {
                lock.unlock();
            }
        } finally {
            deleteQuietly(sidecarTmp);
        }
    }

    /**
     * Renames the file into place when it is on this store's filesystem (one reading pass for the MD5 etag unless the caller
     * gives a digest it has; no second write of the bytes); otherwise streams it as {@link BlobStore#putFile} does. As in {@link #put}, the sidecar goes
     * in first and the data file's rename is the commit; with fsync, both directories are synced after it.
     */
    @Override
    public BlobInfo putFile(BucketName bucket, BlobKey key, Path source, BlobAttributes attributes) {
        return putFile(bucket, key, source, attributes, null);
    }

    /** As above; a digest the caller already has is the etag, and the reading pass is left out. */
    @Override
    public BlobInfo putFile(BucketName bucket, BlobKey key, Path source, BlobAttributes attributes, String knownEtag) {
        if (!bucketExists(bucket)) {
            throw new StorageException("Bucket '" + bucket + "' does not exist");
        }
        Path target = objectPath(bucket, key);
        try {
            long size;
            String etag = knownEtag;
            try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
                if (etag == null) {
                    MessageDigest md5 = md5();
                    size = digest(in, md5);
                    etag = HexFormat.of().formatHex(md5.digest());
                } else {
                    size = in.size();
                }
                if (fsync) {
                    in.force(true);
                }
            }
            try {
                commit(source, target, key, attributes, etag);
            } catch (AtomicMoveNotSupportedException otherFilesystem) {
                return BlobStore.super.putFile(bucket, key, source, attributes);
            }
            if (fsync) {
                syncDirectory(target.getParent());
                syncDirectory(source.getParent());
            }
            Instant lastModified = regularFile(target).map(a -> a.lastModifiedTime().toInstant()).orElseGet(Instant::now);
            return new BlobInfo(key, size, attributes.contentType(), lastModified, etag, attributes.metadata());
        } catch (IOException e) {
            throw new StorageException("Could not move " + source + " to object '" + key + "'", e);
        }
    }

    private static long digest(FileChannel in, MessageDigest md5) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        long size = 0;
        for (int n; (n = in.read(buffer.clear())) != -1; ) {
            md5.update(buffer.flip());
            size += n;
        }
        return size;
    }

    @Override
    public BlobContent get(BucketName bucket, BlobKey key) {
        return open(bucket, key, null);
    }

    @Override
    public BlobContent get(BucketName bucket, BlobKey key, ByteRange range) {
        if (range == null) {
            throw new IllegalArgumentException("A ranged read needs a range");
        }
        return open(bucket, key, range);
    }

    @Override
    public Optional<BlobInfo> stat(BucketName bucket, BlobKey key) {
        Path target = objectPath(bucket, key);
        return regularFile(target).map(attributes -> info(key, target, attributes.size(), attributes));
    }

    @Override
    public void delete(BucketName bucket, BlobKey key) {
        Path target = objectPath(bucket, key);
        ReentrantLock lock = lockFor(target);
        lock.lock();
        try {
            if (regularFile(target).isPresent()) {
                Files.deleteIfExists(target);
            }
            Files.deleteIfExists(sidecarPath(target));
        } catch (NoSuchFileException gone) {
            return;
        } catch (IOException e) {
            throw new StorageException("Could not delete object '" + key + "'", e);
        } finally {
            lock.unlock();
        }
        pruneEmptyDirectories(target.getParent(), bucketDir(bucket));
    }

    @Override
    public long deletePrefix(BucketName bucket, String prefix) {
        if (BlobKey.requireValidPrefix(prefix).isEmpty()) {
            throw new InvalidBlobKeyException("Deleting by prefix needs a non-empty prefix");
        }
        long deleted = 0;
        Iterator<BlobSummary> walk = new FilesystemWalk(bucketDir(bucket), prefix, null);
        while (walk.hasNext()) {
            delete(bucket, walk.next().key());
            deleted++;
        }
        return deleted;
    }

    @Override
    public BlobPage list(BucketName bucket, String prefix, String startAfter, int limit) {
        BlobPage.requireLimit(limit);
        Iterator<BlobSummary> walk = new FilesystemWalk(bucketDir(bucket), BlobKey.requireValidPrefix(prefix), startAfter);
        List<BlobSummary> items = new ArrayList<>(Math.min(limit, 256));
        while (items.size() < limit && walk.hasNext()) {
            items.add(walk.next());
        }
        return new BlobPage(items, walk.hasNext() ? items.getLast().key().value() : null);
    }

    @Override
    public Stream<BlobSummary> listAll(BucketName bucket, String prefix) {
        Iterator<BlobSummary> walk = new FilesystemWalk(bucketDir(bucket), BlobKey.requireValidPrefix(prefix), null);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(walk, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public String toString() {
        return "FilesystemBlobStore[" + root + "]";
    }

    private BlobContent open(BucketName bucket, BlobKey key, ByteRange range) {
        Path target = objectPath(bucket, key);
        BasicFileAttributes attributes = regularFile(target).orElseThrow(() -> new BlobNotFoundException(key));
        FileChannel channel;
        try {
            channel = FileChannel.open(target, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            throw new BlobNotFoundException(key);
        } catch (IOException e) {
            throw new StorageException("Could not open object '" + key + "'", e);
        }
        try {
            // the open channel pins this version of the file: a concurrent replace cannot mix two versions
            long size = channel.size();
            BlobInfo info = info(key, target, size, attributes);
            if (range == null) {
                return new BlobContent(info, 0, size, Channels.newInputStream(channel));
            }
            ByteRange.Span span = range.resolve(size).orElse(null);
            if (span == null) {
                channel.close();
                throw new RangeNotSatisfiableException(key, range, size);
            }
            channel.position(span.offset());
            return new BlobContent(info, span.offset(), span.length(), new BoundedInputStream(Channels.newInputStream(channel), span.length()));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException("Could not read object '" + key + "'", e);
        }
    }

    private BlobInfo info(BlobKey key, Path target, long size, BasicFileAttributes attributes) {
        FilesystemSidecar sidecar = readSidecar(target);
        Instant lastModified = attributes.lastModifiedTime().toInstant();
        if (sidecar == null) {
            // an object dropped in by hand: a weak but stable version tag from its size and time
            String etag = Long.toHexString(lastModified.toEpochMilli()) + "-" + Long.toHexString(size);
            return new BlobInfo(key, size, BlobAttributes.OCTET_STREAM, lastModified, etag, Map.of());
        }
        String contentType = sidecar.contentType() == null ? BlobAttributes.OCTET_STREAM : sidecar.contentType();
        return new BlobInfo(key, size, contentType, lastModified, sidecar.etag(), sidecar.metadata());
    }

    private FilesystemSidecar readSidecar(Path target) {
        try {
            return JSON.readValue(Files.readAllBytes(sidecarPath(target)), FilesystemSidecar.class);
        } catch (NoSuchFileException missing) {
            return null;
        } catch (IOException | JacksonException e) {
            log.warn("Ignoring unreadable metadata of {}: {}", target, e.toString());
            return null;
        }
    }

    private static Optional<BasicFileAttributes> regularFile(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? Optional.of(attributes) : Optional.empty();
        } catch (NoSuchFileException | java.nio.file.NotDirectoryException missing) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException("Could not read " + path, e);
        }
    }

    private Path bucketDir(BucketName bucket) {
        return root.resolve(bucket.value());
    }

    private Path objectPath(BucketName bucket, BlobKey key) {
        Path bucketDir = bucketDir(bucket);
        Path path = bucketDir.resolve(key.value()).normalize();
        // BlobKey already forbids '..' and absolute keys; this is the second lock on the same door
        if (!path.startsWith(bucketDir) || path.equals(bucketDir)) {
            throw new InvalidBlobKeyException("Object key '" + key + "' escapes its bucket");
        }
        return path;
    }

    private ReentrantLock lockFor(Path target) {
        return keyLocks[Math.floorMod(target.hashCode(), keyLocks.length)];
    }

    private static Path sidecarPath(Path target) {
        return target.resolveSibling("." + target.getFileName() + SIDECAR_SUFFIX);
    }

    private long copy(InputStream content, Path file, MessageDigest md5) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        long size = 0;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            int n;
            while ((n = content.read(buffer)) != -1) {
                md5.update(buffer, 0, n);
                wrapped.clear().limit(n);
                while (wrapped.hasRemaining()) {
                    out.write(wrapped);
                }
                size += n;
            }
            if (fsync) {
                out.force(true);
            }
        }
        return size;
    }

    private void writeFully(Path file, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            if (fsync) {
                out.force(true);
            }
        }
    }

    /** Renames into place; retried because a concurrent delete may prune the (then empty) parent directory in between. */
    private static void moveIntoPlace(Path source, Path target, BlobKey key) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                // createDirectories on an existing directory throws and catches an exception inside (twice per put,
                // on the upload's accept path); a stat first is far cheaper when it exists, as it nearly always does
                if (!Files.isDirectory(target.getParent(), LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target.getParent());
                }
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (NoSuchFileException raced) {
                if (attempt == 3) {
                    throw raced;
                }
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException conflict) {
                // createDirectories also says "already exists" when a concurrent delete pruned the directory
                // between its create and its check: only a file where a directory must be is a real conflict.
                if (attempt == 3 || conflictsWithAFile(target)) {
                    throw new StorageException("Object key '" + key + "' conflicts with another object's path on the filesystem", conflict);
                }
            }
        }
    }

    /** Whether the target is a directory, or one of its parents is a regular file. */
    private static boolean conflictsWithAFile(Path target) {
        if (Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        for (Path dir = target.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    private static void pruneEmptyDirectories(Path dir, Path stopAt) {
        while (dir != null && dir.startsWith(stopAt) && !dir.equals(stopAt)) {
            try {
                Files.delete(dir);
            } catch (IOException notEmptyOrGone) {
                return;
            }
            dir = dir.getParent();
        }
    }

    private static void syncDirectory(Path dir) {
        // makes the rename itself durable; some platforms cannot open a directory, which is fine
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException unsupported) {
            log.debug("Could not sync directory {}: {}", dir, unsupported.toString());
        }
    }

    private void sweepStaleTempFiles() {
        Instant cutoff = Instant.now().minus(STALE_TEMP);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp)) {
            for (Path file : files) {
                // another process sharing the data directory may be writing right now: only old leftovers go
                if (Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(cutoff)) {
                    deleteQuietly(file);
                }
            }
        } catch (IOException e) {
            log.warn("Could not sweep temp files in {}: {}", tmp, e.toString());
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                log.debug("Could not delete {}: {}", path, e.toString());
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing; the first error is the one to report
        }
    }
}
