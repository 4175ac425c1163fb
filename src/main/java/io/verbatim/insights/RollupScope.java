package io.verbatim.insights;

import io.verbatim.conversations.Visibility;
import io.verbatim.platform.MonthSplit;
import io.verbatim.tenancy.TenantContext;
import java.sql.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * The WHERE clause over a roll-up table (alias {@code c}) for a period, an optional agent and the
 * caller's visibility: the role scope is part of the query, never a filter applied afterwards.
 */
record RollupScope(String where, Map<String, Object> params, boolean perAgent, String filter, boolean split, boolean tenantWide) {

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

    /**
     * The table for per-day series: over a whole tenant (no team filter, no agent, the caller sees every call) the
     * per-tenant day roll-ups (V56), a fifth of the team rows; else {@link #stats()}. Sums over the period read
     * {@link #span} (the monthly tables have no per-tenant level).
     */
    String dayStats() {
        return tenantWide ? "daily_tenant_stats" : stats();
    }

    String counts() {
        return perAgent ? "daily_conversation_counts" : "daily_team_counts";
    }

    String items() {
        return perAgent ? "daily_qa_items" : "daily_team_qa_items";
    }

    /**
     * The rows of a roll-up ({@code stats}, {@code counts} or {@code items}) for sums over the whole period, as a
     * subquery with every filter inside (the outer query needs no WHERE): the whole months of the period from the
     * monthly table (V52), the days before and after them from the daily one. Per-day figures read {@link #where()}.
     */
    String span(String rollup) {
        String daily = switch (rollup) {
            case "stats" -> stats();
            case "counts" -> counts();
            case "items" -> items();
            default -> throw new IllegalArgumentException(rollup);
        };
        if (!split) {
            return "(SELECT * FROM " + daily + " c WHERE " + where + ")";
        }
        String monthly = "monthly_" + daily.substring("daily_".length());
        return """
                (SELECT * FROM %1$s c WHERE %3$s AND c.day BETWEEN :from AND :head_to
                 UNION ALL SELECT * FROM %2$s c WHERE %3$s AND c.day >= :months_from AND c.day < :months_to
                 UNION ALL SELECT * FROM %1$s c WHERE %3$s AND c.day BETWEEN :months_to AND :to)"""
                .formatted(daily, monthly, filter);
    }

    /** The same scope read from the daily roll-ups only (the equivalence test's reference). */
    RollupScope dailyOnly() {
        return new RollupScope(where, params, perAgent, filter, false, tenantWide);
    }

    /** {@code period} null: every day. */
    private static RollupScope of(Period period, String agentKey, Visibility visibility, boolean perAgent) {
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", TenantContext.require().value());
        StringBuilder where = new StringBuilder("c.tenant_id = :tenant AND ");
        // Without a whole month inside the period the monthly rows add nothing: the daily rows are read as one range.
        boolean split = false;
        if (period != null) {
            MonthSplit months = MonthSplit.of(period.from(), period.to());
            split = months.monthsFrom().isBefore(months.monthsTo());
            params.put("from", Date.valueOf(period.from()));
            params.put("to", Date.valueOf(period.to()));
            params.put("head_to", Date.valueOf(months.monthsFrom().minusDays(1)));
            params.put("months_from", Date.valueOf(months.monthsFrom()));
            params.put("months_to", Date.valueOf(months.monthsTo()));
        }
        int periodAt = where.length();
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
        String filter = where.toString();
        if (period != null) {
            where.insert(periodAt, "c.day BETWEEN :from AND :to AND ");
        }
        boolean tenantWide = !perAgent && agentKey == null && visibility.scope() == Visibility.Scope.TENANT
                && (period == null || period.team() == null);
        return new RollupScope(where.toString(), params, perAgent, filter, split, tenantWide);
    }
}
