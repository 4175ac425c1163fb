package io.verbatim.ask.internal;

import io.verbatim.conversations.Visibility;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.LinkedHashMap;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Which chunks a search may return: the tenant, the caller's scope and the question's filters, as one
 * Lucene filter (used by BM25 and as the vector search's pre-filter) and as the same conditions in SQL
 * for questions answered from the database.
 *
 * @param from inclusive; null = open
 * @param to   exclusive; null = open
 * @param conversations restrict to these conversations (per-conversation questions); empty = any
 */
record SearchFilter(String tenant, Visibility scope, UUID agent, UUID team, Instant from, Instant to, List<String> channels,
                    List<String> directions, List<String> categories, List<String> objections, List<String> tags,
                    Set<UUID> conversations) {

    SearchFilter {
        channels = List.copyOf(channels);
        directions = List.copyOf(directions);
        categories = List.copyOf(categories);
        objections = List.copyOf(objections);
        tags = List.copyOf(tags);
        conversations = Set.copyOf(conversations);
    }

    static SearchFilter of(String tenant, Visibility scope) {
        return new SearchFilter(tenant, scope, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), Set.of());
    }

    SearchFilter withConversations(Set<UUID> ids) {
        return new SearchFilter(tenant, scope, agent, team, from, to, channels, directions, categories, objections, tags, ids);
    }

    SearchFilter withPeriod(Instant newFrom, Instant newTo) {
        return new SearchFilter(tenant, scope, agent, team, newFrom, newTo, channels, directions, categories, objections, tags,
                conversations);
    }

    SearchFilter withObjections(List<String> values) {
        return new SearchFilter(tenant, scope, agent, team, from, to, channels, directions, categories, values, tags, conversations);
    }

    /** The role scope as index terms: agent -> own chunks, manager -> team or unassigned, others -> the tenant. */
    static Query scopeQuery(String tenant, Visibility scope) {
        return switch (scope.scope()) {
            case OWN -> new TermQuery(new Term(ChunkDocuments.AGENT, scope.userId().toString()));
            case TEAM -> new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(ChunkDocuments.TEAM, scope.teamId().toString())), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term(ChunkDocuments.TEAM, ChunkDocuments.NONE)), BooleanClause.Occur.SHOULD)
                    .setMinimumNumberShouldMatch(1)
                    .build();
            case TENANT -> new TermQuery(new Term(ChunkDocuments.TENANT, tenant));
        };
    }

    Query toQuery() {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(ChunkDocuments.TENANT, tenant)), BooleanClause.Occur.FILTER);
        // Ask over calls reads conversation passages only; documents share the index.
        b.add(new TermQuery(new Term(PassageDocuments.KIND, io.verbatim.ask.SourceKind.CONVERSATION.wire())), BooleanClause.Occur.FILTER);
        b.add(scopeQuery(tenant, scope), BooleanClause.Occur.FILTER);
        if (agent != null) {
            b.add(new TermQuery(new Term(ChunkDocuments.AGENT, agent.toString())), BooleanClause.Occur.FILTER);
        }
        if (team != null) {
            b.add(new TermQuery(new Term(ChunkDocuments.TEAM, team.toString())), BooleanClause.Occur.FILTER);
        }
        if (from != null || to != null) {
            long lo = from == null ? Long.MIN_VALUE : from.toEpochMilli();
            long hi = to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1;
            b.add(LongField.newRangeQuery(ChunkDocuments.AT, lo, hi), BooleanClause.Occur.FILTER);
        }
        anyOf(b, ChunkDocuments.CHANNEL, channels);
        anyOf(b, ChunkDocuments.DIRECTION, directions);
        anyOf(b, ChunkDocuments.CATEGORY, categories);
        anyOf(b, ChunkDocuments.OBJECTION, objections);
        anyOf(b, ChunkDocuments.TAG, tags);
        anyOf(b, ChunkDocuments.CONVERSATION, conversations.stream().map(UUID::toString).toList());
        return b.build();
    }

    private static void anyOf(BooleanQuery.Builder b, String field, Collection<String> values) {
        if (!values.isEmpty()) {
            b.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER);
        }
    }

    /** The same conditions on {@code conversations c} (and {@code analyses a} when {@code withAnalyses}), with their parameters. */
    Sql toSql(boolean withAnalyses) {
        StringBuilder where = new StringBuilder("c.tenant_id = :tenant AND ").append(scope.sqlPredicate());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", tenant);
        params.put("visible_id", scope.parameter());
        if (agent != null) {
            where.append(" AND c.agent_user_id = :f_agent");
            params.put("f_agent", agent);
        }
        if (team != null) {
            where.append(" AND c.team_id = :f_team");
            params.put("f_team", team);
        }
        if (from != null) {
            where.append(" AND coalesce(c.started_at, c.created_at) >= :f_from");
            params.put("f_from", java.sql.Timestamp.from(from));
        }
        if (to != null) {
            where.append(" AND coalesce(c.started_at, c.created_at) < :f_to");
            params.put("f_to", java.sql.Timestamp.from(to));
        }
        if (!channels.isEmpty()) {
            where.append(" AND c.channel IN (:f_channels)");
            params.put("f_channels", channels);
        }
        if (!directions.isEmpty()) {
            where.append(" AND c.direction IN (:f_directions)");
            params.put("f_directions", directions);
        }
        if (!tags.isEmpty()) {
            where.append(" AND c.tags && ARRAY[:f_tags]::text[]");
            params.put("f_tags", tags);
        }
        if (!conversations.isEmpty()) {
            where.append(" AND c.id IN (:f_ids)");
            params.put("f_ids", List.copyOf(conversations));
        }
        if (withAnalyses) {
            if (!categories.isEmpty()) {
                where.append(" AND (a.call_reason IN (:f_categories) OR EXISTS (SELECT 1 FROM jsonb_array_elements("
                        + "CASE WHEN jsonb_typeof(a.call_record -> 'categories') = 'array' THEN a.call_record -> 'categories' "
                        + "ELSE '[]'::jsonb END) e WHERE coalesce(e ->> 'name', e ->> 'key', e #>> '{}') IN (:f_categories)))");
                params.put("f_categories", categories);
            }
            if (!objections.isEmpty()) {
                where.append(" AND a.objection_categories && ARRAY[:f_objections]::text[]");
                params.put("f_objections", objections);
            }
        }
        return new Sql(where.toString(), params);
    }

    /** Analysis filters need the analyses table; without it they cannot hold. */
    boolean needsAnalyses() {
        return !categories.isEmpty() || !objections.isEmpty();
    }

    record Sql(String where, Map<String, Object> params) {
    }
}
