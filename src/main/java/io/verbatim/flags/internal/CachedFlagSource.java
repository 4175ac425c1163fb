package io.verbatim.flags.internal;

import io.verbatim.flags.FlagDefinition;
import io.verbatim.flags.FlagSource;
import io.verbatim.flags.FlagsProperties;
import io.verbatim.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The flags every evaluation reads: the definitions, and each tenant's overrides loaded on first use, held in
 * memory. At most once per {@code refresh-interval} one caller reads the version counter; when another node
 * changed anything, the definitions are reloaded and every tenant's overrides are dropped (loaded again when
 * next needed). Changes made on this node are seen at once ({@link #invalidate()} after their commit).
 */
@Primary
@Component
class CachedFlagSource implements FlagSource {

    private final DatabaseFlagSource database;
    private final long intervalNanos;
    private final AtomicLong nextCheck = new AtomicLong(System.nanoTime());
    private final Map<TenantId, Overrides> tenants = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;

    /** The definitions as of one version; tenant overrides are tagged with the snapshot they were loaded under. */
    private record Snapshot(long version, Map<String, FlagDefinition> definitions) {
    }

    private record Overrides(Snapshot snapshot, Map<String, Object> values) {
    }

    CachedFlagSource(DatabaseFlagSource database, FlagsProperties properties) {
        this.database = database;
        this.intervalNanos = properties.refreshInterval().toNanos();
    }

    @Override
    public Optional<ResolvedFlag> find(TenantId tenant, String key) {
        Snapshot current = current();
        FlagDefinition definition = current.definitions().get(key);
        if (definition == null) {
            return Optional.empty();
        }
        return Optional.of(new ResolvedFlag(definition, tenant == null ? null : overrides(tenant, current).get(key)));
    }

    @Override
    public List<ResolvedFlag> all(TenantId tenant) {
        Snapshot current = current();
        Map<String, Object> values = tenant == null ? Map.of() : overrides(tenant, current);
        List<ResolvedFlag> all = new ArrayList<>();
        current.definitions().values().forEach(d -> all.add(new ResolvedFlag(d, values.get(d.key()))));
        return all;
    }

    /** Makes the next evaluation check the version (call after a change has committed). */
    void invalidate() {
        nextCheck.set(System.nanoTime() - 1);
        // Reloaded here, not only at the next check: a caller that took the old snapshot just before another thread
        // won that check would otherwise still answer from it right after this node's own change.
        reload();
    }

    private synchronized void reload() {
        long version = database.version();
        Snapshot latest = snapshot;
        if (latest == null || latest.version() != version) {
            snapshot = new Snapshot(version, Map.copyOf(database.definitions()));
            tenants.clear();
        }
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        long due = nextCheck.get();
        // One caller per interval checks; the others go on with what they have.
        if (current == null || now - due >= 0 && nextCheck.compareAndSet(due, now + intervalNanos)) {
            current = refresh(current);
        }
        return current;
    }

    private synchronized Snapshot refresh(Snapshot seen) {
        Snapshot latest = snapshot;
        if (latest != seen && latest != null) {
            return latest; // another thread refreshed meanwhile
        }
        long version = database.version();
        if (latest == null || latest.version() != version) {
            // The version is read first: definitions read after it are at least that new.
            latest = new Snapshot(version, Map.copyOf(database.definitions()));
            snapshot = latest;
            tenants.clear();
        }
        return latest;
    }

    private Map<String, Object> overrides(TenantId tenant, Snapshot current) {
        Overrides cached = tenants.get(tenant);
        if (cached != null && cached.snapshot() == current) {
            return cached.values();
        }
        Map<String, Object> values = Map.copyOf(database.overrides(tenant));
        // Tagged with the snapshot checked before the read: a newer version replaces it at its check.
        tenants.put(tenant, new Overrides(current, values));
        return values;
    }
}
