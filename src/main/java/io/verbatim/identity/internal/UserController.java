package io.verbatim.identity.internal;

import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.identity.User;
import io.verbatim.identity.Users;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

/** Admins manage their tenant's users; nobody reaches another tenant's (row-level security backs this up). */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class UserController {

    private final UserDirectory users;

    UserController(UserDirectory users) {
        this.users = users;
    }

    record CreateUser(@NotBlank String email, @NotBlank String name, String password, @NotNull Role role,
                      AgentKind agentKind, UUID teamId, String externalSubject) {
    }

    record UpdateUser(String email, String name, String password, Role role, AgentKind agentKind, UUID teamId,
                      Boolean clearTeam, String externalSubject, Boolean active) {
    }

    @GetMapping
    Page<User> list(@RequestParam(required = false) Role role, @RequestParam(name = "team_id", required = false) UUID teamId,
                    @RequestParam(required = false) String q, @RequestParam(required = false) Boolean active,
                    @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return users.list(new Users.UserFilter(role, teamId, q, active), cursor, Page.limit(limit));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    User create(@Valid @RequestBody CreateUser body) {
        return users.create(new UserDirectory.NewUser(body.email(), body.name(), body.password(), body.role(),
                body.agentKind(), body.teamId(), body.externalSubject()));
    }

    @GetMapping("/{id}")
    User get(@PathVariable UUID id) {
        return users.find(id).orElseThrow(() -> ProblemException.notFound("User " + id));
    }

    @PatchMapping("/{id}")
    User update(@PathVariable UUID id, @RequestBody UpdateUser body) {
        return users.update(id, new UserDirectory.UserChanges(body.email(), body.name(), body.password(), body.role(),
                body.agentKind(), body.teamId(), body.clearTeam(), body.externalSubject(), body.active()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@PathVariable UUID id) {
        users.deactivate(id);
    }
}
