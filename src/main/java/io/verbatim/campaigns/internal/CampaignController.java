package io.verbatim.campaigns.internal;

import io.verbatim.campaigns.Campaign;
import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * Admins create and change campaigns (a company not in good standing creates none: 402); managers and shoppers
 * read the campaigns they are assigned to, and anything else reads as not found.
 */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

    private final CampaignStore campaigns;

    CampaignController(CampaignStore campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Campaign create(@RequestBody CampaignStore.CampaignFields body) {
        return campaigns.create(body);
    }

    @GetMapping
    Map<String, List<Campaign>> list(@RequestParam(defaultValue = "false") boolean deleted) {
        if (deleted) {
            if (!CurrentUser.require().role().administers()) {
                throw ProblemException.forbidden("Only admins see deleted campaigns");
            }
            return Map.of("items", campaigns.list(true));
        }
        return Map.of("items", campaigns.visible());
    }

    @GetMapping("/{id}")
    Campaign get(@PathVariable UUID id) {
        return campaigns.visible(id);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Campaign update(@PathVariable UUID id, @RequestBody CampaignStore.CampaignFields body) {
        return campaigns.update(id, body);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    void delete(@PathVariable UUID id) {
        campaigns.delete(id);
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Campaign restore(@PathVariable UUID id) {
        return campaigns.restore(id);
    }
}
