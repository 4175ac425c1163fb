package io.verbatim.tenancy;

/** Something happened to a tenant; other modules (audit, storage) react without tenancy calling them. */
public sealed interface TenantEvent {

    TenantId tenantId();

    record Created(TenantId tenantId, String name) implements TenantEvent {
    }

    record Renamed(TenantId tenantId, String name) implements TenantEvent {
    }

    record Deactivated(TenantId tenantId) implements TenantEvent {
    }
}
