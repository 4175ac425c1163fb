package io.verbatim.ask.internal;

import io.verbatim.platform.PlatformProperties;
import io.verbatim.tenancy.TenantId;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The per-tenant indexes of this node, under {@code <dataDir>/index/<tenant>/}. Each tenant's directory
 * holds generations ({@code g-<n>/}) and a {@code current} file naming the live one: a rebuild writes a
 * new generation beside the live one and switches the pointer atomically when it is complete, so
 * searches never see a half-built index and a crash mid-rebuild leaves the old one in place.
 */
@Component
class TenantIndexes {

    private static final Logger log = LoggerFactory.getLogger(TenantIndexes.class);
    private static final String POINTER = "current";
    private final Path root;
    private final Map<String, TenantIndex> open = new ConcurrentHashMap<>();
    private final Map<String, ReadWriteLock> locks = new ConcurrentHashMap<>();

    @Autowired
    TenantIndexes(PlatformProperties platform) {
        this(platform.dataDir().resolve("index"));
    }

    TenantIndexes(Path root) {
        this.root = root;
    }

    /** The tenant's live index, opened (or created empty) on first use. */
    TenantIndex current(String tenant) {
        return open.computeIfAbsent(new TenantId(tenant).value(), this::openCurrent);
    }

    /**
     * Writers take the read side (many at once: the index writer is thread-safe); switching to a rebuilt
     * generation takes the write side.
     */
    ReadWriteLock lock(String tenant) {
        return locks.computeIfAbsent(tenant, t -> new ReentrantReadWriteLock());
    }

    /** A new, empty generation for a rebuild; not live until {@link #promote}. */
    TenantIndex fresh(String tenant) {
        Path dir = tenantDir(tenant);
        String name = "g-" + System.currentTimeMillis();
        while (Files.exists(dir.resolve(name))) {
            name = name + "x";
        }
        return TenantIndex.open(tenant, dir.resolve(name));
    }

    /** Makes a rebuilt generation live; call with the tenant's write lock held. */
    void promote(String tenant, TenantIndex fresh) {
        Path dir = tenantDir(tenant);
        try {
            Path tmp = dir.resolve(POINTER + ".tmp");
            Files.writeString(tmp, fresh.path().getFileName().toString(), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TenantIndex old = open.put(tenant, fresh);
        if (old != null) {
            old.close();
            deleteTree(old.path());
        }
    }

    /** Drops an unfinished generation. */
    void discard(TenantIndex fresh) {
        fresh.close();
        deleteTree(fresh.path());
    }

    private TenantIndex openCurrent(String tenant) {
        Path dir = tenantDir(tenant);
        try {
            Path pointer = dir.resolve(POINTER);
            String generation = Files.exists(pointer) ? Files.readString(pointer, StandardCharsets.UTF_8).strip() : "g-0";
            if (!Files.exists(pointer)) {
                Files.writeString(pointer, generation, StandardCharsets.UTF_8);
            }
            try (Stream<Path> entries = Files.list(dir)) {
                entries.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("g-")
                                && !p.getFileName().toString().equals(generation))
                        .forEach(p -> {
                            log.info("Removing unfinished search index generation {}", p);
                            deleteTree(p);
                        });
            }
            return TenantIndex.open(tenant, dir.resolve(generation));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path tenantDir(String tenant) {
        Path dir = root.resolve(new TenantId(tenant).value());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("Could not delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", path, e.getMessage());
        }
    }

    @PreDestroy
    void closeAll() {
        open.values().forEach(index -> {
            try {
                index.close();
            } catch (RuntimeException e) {
                log.warn("Closing the search index of {} failed: {}", index.tenant(), e.getMessage());
            }
        });
        open.clear();
    }
}
