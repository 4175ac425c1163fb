package io.verbatim.operations.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.verbatim.operations.BackupProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The backup location on disk: one directory per backup, named {@code verbatim-<UTC time>-<id>} so names sort
 * by time; a backup is written under a hidden {@code .partial} name and renamed when complete, so a directory
 * with a visible name is always a whole backup.
 */
final class BackupFiles {

    static final String PREFIX = "verbatim-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private final Path location;

    BackupFiles(Path location) {
        this.location = location;
    }

    Path location() {
        return location;
    }

    static String name(Instant at, String id) {
        return PREFIX + STAMP.format(at) + "-" + id.substring(0, 8);
    }

    static Instant timeOf(String name) {
        return STAMP.parse(name.substring(PREFIX.length(), PREFIX.length() + 16), Instant::from);
    }

    /**
     * The backups retention removes, given every backup's name newest first: those beyond the newest
     * {@code count}, and those older than {@code days}; never the newest, and never a name we did not give.
     */
    static List<String> expired(List<String> newestFirst, BackupProperties.Retention retention, Instant now) {
        Instant cutoff = now.minus(Duration.ofDays(retention.days()));
        List<String> expired = new java.util.ArrayList<>();
        for (int i = 1; i < newestFirst.size(); i++) {
            String name = newestFirst.get(i);
            Instant at;
            try {
                at = timeOf(name);
            } catch (RuntimeException e) {
                continue;
            }
            if (i >= retention.count() || at.isBefore(cutoff)) {
                expired.add(name);
            }
        }
        return expired;
    }

    Path partial(String name) {
        return location.resolve("." + name + ".partial");
    }

    Path complete(String name) {
        return location.resolve(name);
    }

    /** Whole backups, newest first. */
    List<Path> complete() {
        if (!Files.isDirectory(location)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(location)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(PREFIX))
                    .filter(d -> Files.isRegularFile(d.resolve(BackupManifest.FILE)))
                    .sorted(Comparator.comparing((Path d) -> d.getFileName().toString()).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Path> latest() {
        return complete().stream().findFirst();
    }

    /** Partial directories left by a backup that did not finish (call only while holding the backup lock). */
    void removeLeftovers() throws IOException {
        if (!Files.isDirectory(location)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(location)) {
            for (Path d : dirs.filter(d -> d.getFileName().toString().endsWith(".partial")).toList()) {
                deleteTree(d);
            }
        }
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
