package io.verbatim.tenancy;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tenant the current thread works for. Every transaction on the application pool starts with
 * {@code set_config('app.tenant_id', <tenant>, true)}, so PostgreSQL's row-level security sees only
 * this tenant's rows. With no tenant bound, tenant tables read as empty and refuse writes.
 *
 * <p>Web requests bind it from the authenticated principal only; jobs bind it from their own data.
 */
public final class TenantContext {

    private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<TenantId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static TenantId require() {
        TenantId id = CURRENT.get();
        if (id == null) {
            throw new IllegalStateException("No tenant is bound to this thread");
        }
        return id;
    }

    /** Runs {@code work} as {@code tenant}; must be called outside a transaction (the tenant is fixed when one begins). */
    public static <T> T callAs(TenantId tenant, Supplier<T> work) {
        TenantId previous = CURRENT.get();
        if (previous != null && !previous.equals(tenant) && TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Cannot switch tenant from " + previous + " to " + tenant + " inside a transaction");
        }
        CURRENT.set(tenant);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    public static void runAs(TenantId tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }

    /** Binds {@code tenant} until the returned scope is closed (for request filters). */
    public static Scope bind(TenantId tenant) {
        TenantId previous = CURRENT.get();
        CURRENT.set(tenant);
        return () -> restore(previous);
    }

    private static void restore(TenantId previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** A binding that ends when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
