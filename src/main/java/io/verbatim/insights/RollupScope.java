package io.verbatim.insights;

import io.verbatim.conversations.Visibility;
import io.verbatim.tenancy.TenantContext;
import java.sql.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * The WHERE clause over a roll-up table (alias {@code c}) for a period, an optional agent and the
 * caller's visibility: the role scope is part of the query, never a filter applied afterwards.
 */
record RollupScope(String where, Map<String, Object> params, boolean perAgent) {

    /** The per-team roll-ups when neither the caller's scope nor a filter needs agents, else the per-agent ones. */
    static RollupScope of(Period period, String agentKey, Visibility visibility) {
        return of(period, agentKey, visibility, agentKey != null || visibility.scope() == Visibility.Scope.OWN);
    }

    /** One agent's per-agent roll-ups on any day. */
    static RollupScope anyTime(String agentKey, Visibility visibility) {
        return of(null, agentKey, visibility, true);
    }

    /** Always the per-agent roll-ups (the agent ranking). */
    static RollupScope perAgent(Period period, Visibility visibility) {
        return of(period, null, visibility, true);
    }

    String stats() {
        return perAgent ? "daily_conversation_stats" : "daily_team_stats";
    }

    String counts() {
        return perAgent ? "daily_conversation_counts" : "daily_team_counts";
    }

    String items() {
        return perAgent ? "daily_qa_items" : "daily_team_qa_items";
    }

    /** {@code period} null: every day. */
    private static RollupScope of(Period period, String agentKey, Visibility visibility, boolean perAgent) {
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", TenantContext.require().value());
        StringBuilder where = new StringBuilder("c.tenant_id = :tenant AND ");
        if (period != null) {
            where.append("c.day BETWEEN :from AND :to AND ");
            params.put("from", Date.valueOf(period.from()));
            params.put("to", Date.valueOf(period.to()));
        }
        where.append(visibility.sqlPredicate());
        if (visibility.parameter() != null) {
            params.put("visible_id", visibility.parameter().toString());
        }
        if (period != null && period.team() != null) {
            where.append(" AND c.team_id = CAST(:team AS uuid)");
            params.put("team", period.team().toString());
        }
        if (agentKey != null) {
            where.append(" AND c.agent_key = :agent");
            params.put("agent", agentKey);
        }
        return new RollupScope(where.toString(), params, perAgent);
    }
}
