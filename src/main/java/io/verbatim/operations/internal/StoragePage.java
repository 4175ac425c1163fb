package io.verbatim.operations.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.tenancy.Tenants;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Settings → Storage: what the organisation keeps in object storage, by kind. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class StoragePage {

    private final StorageUsage usage;
    private final Tenants tenants;

    StoragePage(StorageUsage usage, Tenants tenants) {
        this.usage = usage;
        this.tenants = tenants;
    }

    @GetMapping("/settings/storage")
    String page(Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("user", user);
        model.addAttribute("usage", usage.of(tenants.get(user.tenant())));
        return "settings/storage";
    }
}
