package io.verbatim.campaigns.internal;

import io.verbatim.campaigns.Zone;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins manage zones and who is assigned to them; everybody in the company reads the zone list. */
@RestController
@RequestMapping("/api/v1/zones")
class ZoneController {

    private final ZoneStore zones;

    ZoneController(ZoneStore zones) {
        this.zones = zones;
    }

    record Members(List<UUID> userIds) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Zone create(@RequestBody ZoneStore.ZoneFields body) {
        return zones.create(body);
    }

    @GetMapping
    Map<String, List<Zone>> list(@RequestParam(defaultValue = "false") boolean deleted) {
        if (deleted && !CurrentUser.require().role().administers()) {
            throw ProblemException.forbidden("Only admins see deleted zones");
        }
        return Map.of("items", zones.list(deleted));
    }

    @GetMapping("/{id}")
    Zone get(@PathVariable UUID id) {
        return zones.find(id).orElseThrow(() -> ProblemException.notFound("Zone " + id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Zone update(@PathVariable UUID id, @RequestBody ZoneStore.ZoneFields body) {
        return zones.update(id, body);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    void delete(@PathVariable UUID id) {
        zones.delete(id);
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Zone restore(@PathVariable UUID id) {
        return zones.restore(id);
    }

    @GetMapping("/{id}/members")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    Members members(@PathVariable UUID id) {
        return new Members(zones.members(id));
    }

    @PutMapping("/{id}/members")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Members assign(@PathVariable UUID id, @RequestBody Members body) {
        return new Members(zones.assign(id, body.userIds()));
    }
}
