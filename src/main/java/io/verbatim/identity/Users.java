package io.verbatim.identity;

import io.verbatim.platform.Page;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's users, for other modules (agent look-up, role scoping). */
public interface Users {

    Optional<User> find(UUID id);

    /** Case-insensitive e-mail match in the current tenant. */
    Optional<User> findByEmail(String email);

    Page<User> list(UserFilter filter, String cursor, int limit);

    /** @param role, team, query: optional filters; query matches name or e-mail. */
    record UserFilter(Role role, UUID teamId, String query, Boolean active) {
        public static UserFilter all() {
            return new UserFilter(null, null, null, null);
        }
    }
}
