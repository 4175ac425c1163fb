package io.verbatim.tenancy.internal;

import io.verbatim.platform.Page;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.Tenant;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators manage tenants; nobody else sees this list. */
@RestController
@RequestMapping("/api/v1/tenants")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class TenantController {

    private final Tenants tenants;

    TenantController(Tenants tenants) {
        this.tenants = tenants;
    }

    record CreateTenant(@NotNull TenantId id, @NotBlank @Size(max = 200) String name, StorageMode storageMode,
                        String externalOrgId) {
    }

    record UpdateTenant(@Size(min = 1, max = 200) String name, StorageMode storageMode, String externalOrgId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Tenant create(@Valid @RequestBody CreateTenant body) {
        return tenants.create(body.id(), body.name(), body.storageMode() == null ? StorageMode.SHARED : body.storageMode(),
                body.externalOrgId());
    }

    @GetMapping
    Page<Tenant> list(@RequestParam(name = "include_inactive", defaultValue = "false") boolean includeInactive,
                      @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return tenants.list(includeInactive, cursor, Page.limit(limit));
    }

    @GetMapping("/{id}")
    Tenant get(@PathVariable String id) {
        return tenants.get(TenantId.of(id));
    }

    @PatchMapping("/{id}")
    Tenant update(@PathVariable String id, @Valid @RequestBody UpdateTenant body) {
        return tenants.update(TenantId.of(id), body.name(), body.storageMode(), body.externalOrgId());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@PathVariable String id) {
        tenants.deactivate(TenantId.of(id));
    }
}
