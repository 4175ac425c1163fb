package io.verbatim.identity.internal;

import io.verbatim.platform.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

@RestController
@RequestMapping("/api/v1/teams")
class TeamController {

    private final Teams teams;

    TeamController(Teams teams) {
        this.teams = teams;
    }

    record TeamBody(@NotBlank String name) {
    }

    /** Managers and executives may read teams (for filters); only admins change them. */
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER', 'EXECUTIVE')")
    Page<Teams.Team> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return teams.list(cursor, Page.limit(limit));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER', 'EXECUTIVE')")
    Teams.Team get(@PathVariable UUID id) {
        return teams.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Teams.Team create(@Valid @RequestBody TeamBody body) {
        return teams.create(body.name());
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Teams.Team rename(@PathVariable UUID id, @Valid @RequestBody TeamBody body) {
        return teams.rename(id, body.name());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    void delete(@PathVariable UUID id) {
        teams.delete(id);
    }
}
