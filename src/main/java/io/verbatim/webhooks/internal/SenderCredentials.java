package io.verbatim.webhooks.internal;

import io.verbatim.credentials.CredentialChanged;
import io.verbatim.credentials.CredentialFields;
import io.verbatim.credentials.Credentials;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantEvent;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import io.verbatim.webhooks.WebhookProperties;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The verifying secret of an active tenant's sender, as the webhook request path reads it: a tenant look-up,
 * a credential row, a data-key row and two AES-GCM decryptions each time would be three transactions before
 * the one insert that matters, so a found credential is kept in memory for {@code credentialCacheTtl}
 * ({@code verbatim.webhooks.credential-cache-ttl}). On this node a change to the credential (or the tenant's
 * deactivation) drops it once committed; another node sees the change within the TTL. Nothing absent is
 * cached: a credential just added verifies at once (a provider that sends once must not be refused).
 */
@Component
class SenderCredentials {

    private static final int MAX_ENTRIES = 10_000;

    private record Key(TenantId tenant, String name) {
    }

    private record Entry(CredentialFields fields, long loadedAt) {
    }

    private final Tenants tenants;
    private final Credentials credentials;
    private final long ttlNanos;
    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();
    /** Bumped by every eviction, so a load that raced a change is not put back after the change dropped it. */
    private final AtomicLong generation = new AtomicLong();

    SenderCredentials(Tenants tenants, Credentials credentials, WebhookProperties properties) {
        this.tenants = tenants;
        this.credentials = credentials;
        this.ttlNanos = properties.credentialCacheTtl().toNanos();
    }

    /** The credential of {@code tenant} when the tenant is active and has one; binds the tenant only to read it. */
    Optional<CredentialFields> find(TenantId tenant, String name) {
        Key key = new Key(tenant, name);
        long now = System.nanoTime();
        Entry entry = cache.get(key);
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return Optional.of(entry.fields());
        }
        long seen = generation.get();
        if (!tenants.isActive(tenant)) {
            cache.remove(key);
            return Optional.empty();
        }
        Optional<CredentialFields> found = TenantContext.callAs(tenant, () -> credentials.find(name));
        if (found.isEmpty() || ttlNanos <= 0) {
            cache.remove(key);
            return found;
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear(); // a crude bound; a node serves far fewer senders than this
        }
        cache.put(key, new Entry(found.get(), now));
        if (generation.get() != seen) {
            cache.remove(key);
        }
        return found;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(CredentialChanged changed) {
        generation.incrementAndGet();
        cache.keySet().removeIf(k -> k.tenant().equals(changed.tenantId()) && changed.affects(k.name()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(TenantEvent.Deactivated deactivated) {
        generation.incrementAndGet();
        cache.keySet().removeIf(k -> k.tenant().equals(deactivated.tenantId()));
    }
}
