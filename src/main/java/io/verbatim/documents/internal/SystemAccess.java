package io.verbatim.documents.internal;

import io.verbatim.tenancy.TransactionSettings;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Background work on documents (processing, opening a shared link) acts for no user: it runs with
 * {@code app.role = 'system'}, which the collections' read policy lets through (still only in the bound tenant).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class SystemAccess implements TransactionSettings {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    static <T> T call(Supplier<T> work) {
        Boolean previous = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                ACTIVE.remove();
            }
        }
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public Map<String, String> current() {
        return Boolean.TRUE.equals(ACTIVE.get()) ? Map.of("app.role", "system") : Map.of();
    }
}
