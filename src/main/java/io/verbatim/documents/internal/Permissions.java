package io.verbatim.documents.internal;

import io.verbatim.identity.Role;
import java.util.List;
import java.util.UUID;

/**
 * Who may read a collection besides admins: anyone with one of {@code roles}, in one of {@code teams}, or
 * one of {@code users}. Empty lists: admins only.
 */
record Permissions(List<String> roles, List<UUID> teams, List<UUID> users) {

    Permissions {
        roles = roles == null ? List.of() : roles.stream().map(r -> Role.fromWire(r).wire()).distinct().toList();
        teams = teams == null ? List.of() : List.copyOf(teams);
        users = users == null ? List.of() : List.copyOf(users);
    }

    static Permissions none() {
        return new Permissions(null, null, null);
    }
}
