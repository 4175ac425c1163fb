package io.verbatim.tenancy;

import java.util.Map;

/**
 * More transaction-local settings for row-level security policies, beside {@code app.tenant_id}: a bean of
 * this type is asked at the start of every tenant-scoped transaction on the application pool (for example
 * the caller's user, role and team, which document collections' read permissions check).
 */
public interface TransactionSettings {

    /** Settings ({@code app.*} name to value) for the transaction starting on this thread; empty for none. */
    Map<String, String> current();
}
