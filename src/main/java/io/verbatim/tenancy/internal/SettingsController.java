package io.verbatim.tenancy.internal;

import io.verbatim.tenancy.TenantSettings;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's tenant's settings; admins change them. */
@RestController
@RequestMapping("/api/v1/settings")
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class SettingsController {

    private final TenantSettings settings;

    SettingsController(TenantSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    Map<String, Object> get() {
        return settings.all();
    }

    @PatchMapping
    Map<String, Object> update(@RequestBody Map<String, Object> changes) {
        return settings.update(changes);
    }
}
