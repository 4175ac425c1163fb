package io.verbatim.identity.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.tenancy.TransactionSettings;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells PostgreSQL who the caller is ({@code app.user_id}, {@code app.role}, {@code app.team_id}), so policies
 * that depend on more than the tenant (document collections' read permissions) can check them. Empty strings
 * stand for "none" (an API key has no user); without a caller nothing is set.
 */
@Component
class CallerTransactionSettings implements TransactionSettings {

    @Override
    public Map<String, String> current() {
        return CurrentUser.current().map(user -> {
            Map<String, String> values = new HashMap<>();
            values.put("app.user_id", user.userId() == null ? "" : user.userId().toString());
            values.put("app.role", user.role().wire());
            values.put("app.team_id", user.teamId() == null ? "" : user.teamId().toString());
            return values;
        }).orElseGet(Map::of);
    }
}
