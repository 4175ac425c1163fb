package io.verbatim.operations.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.tenancy.Tenant;
import io.verbatim.tenancy.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Storage usage: an admin sees their organisation's; a platform admin may list every tenant's (audited). */
@RestController
@RequestMapping("/api/v1/storage/usage")
class StorageUsageController {

    private final StorageUsage usage;
    private final Tenants tenants;
    private final AuditLog audit;

    StorageUsageController(StorageUsage usage, Tenants tenants, AuditLog audit) {
        this.usage = usage;
        this.tenants = tenants;
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    @Operation(summary = "The current tenant's objects and bytes in storage, by kind")
    StorageUsage.Usage current() {
        return usage.of(tenants.get(CurrentUser.require().tenant()));
    }

    /** Every active tenant's usage: an operator's view across tenants, so it is audited. */
    @GetMapping("/tenants")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "Every active tenant's storage usage (platform admins)")
    Map<String, Object> all() {
        List<StorageUsage.Usage> items = new ArrayList<>();
        tenants.forEachActive((Tenant t) -> items.add(usage.of(t)));
        audit.record("storage.usage_listed", "tenant", "*", Map.of("tenants", items.size()));
        return Map.of("items", items);
    }
}
