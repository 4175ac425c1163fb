package io.verbatim.ask.internal;

import io.verbatim.ask.AskScope;
import io.verbatim.ask.Answer;
import io.verbatim.ask.Citation;
import io.verbatim.ask.internal.HybridSearcher.Mode;
import io.verbatim.conversations.Conversations;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Count and trend questions answered from structured data: the analysis results (objections, sentiment,
 * booking, resolution, call reason) when the calls have been analysed, otherwise the conversations
 * themselves with a transcript search for the topic. Always within the same scope and filters as a
 * search, and citing the matching calls.
 */
@Component
class CountAnswers {

    static final int MAX_CITED = 10;
    private static final Set<String> GENERIC_REASON_WORDS = Set.of("inquiry", "request", "question", "call", "followup",
            "status", "opening", "purchase", "appointment", "service", "new", "account");
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate readOnly;
    private final Retrieval retrieval;
    private final Conversations conversations;

    CountAnswers(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions, Retrieval retrieval,
                 Conversations conversations) {
        this.jdbc = jdbc;
        this.json = json;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.retrieval = retrieval;
        this.conversations = conversations;
    }

    /** A matching call: when it happened and, for objections, the turns the analysis cited. */
    private record Match(UUID id, Instant at, String agentName, JsonNode objections) {
    }

    Answer answer(String question, CountQuestion count, SearchFilter base, AskScope scope) {
        SearchFilter filter = base.withPeriod(later(base.from(), count.from()), earlier(base.to(), count.to()));
        return readOnly.execute(tx -> {
            SearchFilter.Sql all = filter.toSql(false);
            long total = jdbc.sql("SELECT count(*) FROM conversations c WHERE " + all.where()).params(all.params())
                    .query(Long.class).single();
            SearchFilter.Sql analysedSql = filter.toSql(true);
            long analysed = jdbc.sql("SELECT count(*) FROM conversations c JOIN analyses a ON a.conversation_id = c.id "
                            + "AND a.tenant_id = c.tenant_id WHERE " + analysedSql.where()).params(analysedSql.params())
                    .query(Long.class).single();
            List<String> reasons = count.hasTopic() ? List.of() : reasons(filter, count.reasonWords());
            if (analysed > 0 && (count.hasTopic() || !reasons.isEmpty())) {
                return fromAnalyses(question, count, filter, scope, total, analysed, reasons);
            }
            if (count.hasTopic() || filter.needsAnalyses() || !count.keywords().isEmpty()) {
                return fromTranscripts(question, count, filter, scope, total);
            }
            return everything(count, filter, scope, total);
        });
    }

    private Answer fromAnalyses(String question, CountQuestion count, SearchFilter filter, AskScope scope, long total,
                                long analysed, List<String> reasons) {
        SearchFilter.Sql sql = filter.toSql(true);
        StringBuilder where = new StringBuilder(sql.where());
        Map<String, Object> params = new LinkedHashMap<>(sql.params());
        if (!count.objections().isEmpty()) {
            where.append(" AND a.objection_categories && ARRAY[:q_objections]::text[]");
            params.put("q_objections", count.objections());
        } else if (count.anyObjection()) {
            where.append(" AND cardinality(a.objection_categories) > 0");
        }
        if (count.sentiment() != null) {
            where.append(" AND a.customer_sentiment = :q_sentiment");
            params.put("q_sentiment", count.sentiment());
        }
        if (count.booking() != null) {
            where.append(" AND a.booking_status = :q_booking");
            params.put("q_booking", count.booking());
        }
        if (count.resolution() != null) {
            where.append(" AND a.resolution = :q_resolution");
            params.put("q_resolution", count.resolution());
        }
        if (!reasons.isEmpty()) {
            where.append(" AND a.call_reason IN (:q_reasons)");
            params.put("q_reasons", reasons);
        }
        List<Match> matches = jdbc.sql("""
                SELECT c.id, coalesce(c.started_at, c.created_at) AS at, c.agent_name, a.call_record -> 'objections' AS objections
                FROM conversations c JOIN analyses a ON a.conversation_id = c.id AND a.tenant_id = c.tenant_id
                WHERE %s ORDER BY at DESC, c.id""".formatted(where)).params(params)
                .query((rs, n) -> new Match(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
                        rs.getString("agent_name"), rs.getString("objections") == null ? null : json.readTree(rs.getString("objections"))))
                .list();
        String topic = count.hasTopic() ? count.topic() : "call reason " + String.join(" or ", reasons);
        StringBuilder answer = new StringBuilder();
        answer.append(matches.size()).append(matches.size() == 1 ? " call" : " calls");
        answer.append(count.period() == null ? "" : " in " + count.period());
        answer.append(count.hasTopic() ? " had " : " were about ").append(count.hasTopic() ? topic : String.join(" or ", reasons));
        answer.append(", out of ").append(analysed).append(" analysed").append(analysed == total ? "" : " (" + total + " in all)");
        answer.append(" in your ").append(scope.wire()).append(" scope.");
        trend(count, matches, answer);
        List<Citation> citations = cite(question, count, filter, matches);
        if (!matches.isEmpty()) {
            answer.append(" Cited: ").append(Math.min(MAX_CITED, matches.size())).append(" of the matching calls, most recent first.");
        }
        return new Answer(answer.toString(), citations, false, "count", scope);
    }

    private Answer fromTranscripts(String question, CountQuestion count, SearchFilter filter, AskScope scope, long total) {
        List<String> any = new ArrayList<>();
        count.objections().forEach(o -> any.addAll(CountQuestion.wordsFor(o)));
        List<String> all = count.reasonWords().stream()
                .filter(w -> count.objections().stream().noneMatch(o -> CountQuestion.wordsFor(o).contains(w))).toList();
        if ((all.isEmpty() && any.isEmpty()) || filter.needsAnalyses()) {
            return new Answer("The calls in your " + scope.wire() + " scope have no analysis results yet, so this cannot be counted"
                    + (count.period() == null ? "" : " for " + count.period()) + ".", List.of(), false, "count", scope);
        }
        List<UUID> ids = retrieval.conversationsWithWords(all, any, filter);
        List<String> described = new ArrayList<>(all);
        if (!any.isEmpty()) {
            described.add("one of " + String.join("/", any));
        }
        StringBuilder answer = new StringBuilder();
        answer.append(ids.size()).append(" of ").append(total).append(total == 1 ? " call" : " calls");
        answer.append(count.period() == null ? "" : " in " + count.period());
        answer.append(" in your ").append(scope.wire()).append(" scope mention ").append(String.join(" and ", described));
        answer.append(". These calls have no analysis results yet, so this is a transcript word match");
        answer.append(count.hasTopic() ? ", not a classification of " + count.topic() : "").append('.');
        List<Match> matches = new ArrayList<>();
        if (!ids.isEmpty()) {
            SearchFilter.Sql sql = filter.withConversations(Set.copyOf(ids)).toSql(false);
            matches.addAll(jdbc.sql("SELECT c.id, coalesce(c.started_at, c.created_at) AS at, c.agent_name FROM conversations c WHERE "
                            + sql.where() + " ORDER BY at DESC, c.id").params(sql.params())
                    .query((rs, n) -> new Match(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
                            rs.getString("agent_name"), null))
                    .list());
        }
        trend(count, matches, answer);
        return new Answer(answer.toString(), cite(question, count, filter, matches), false, "count", scope);
    }

    private Answer everything(CountQuestion count, SearchFilter filter, AskScope scope, long total) {
        SearchFilter.Sql sql = filter.toSql(false);
        List<Match> matches = jdbc.sql("SELECT c.id, coalesce(c.started_at, c.created_at) AS at, c.agent_name FROM conversations c WHERE "
                        + sql.where() + " ORDER BY at DESC").params(sql.params())
                .query((rs, n) -> new Match(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
                        rs.getString("agent_name"), null))
                .list();
        StringBuilder answer = new StringBuilder().append(total).append(total == 1 ? " call" : " calls")
                .append(count.period() == null ? "" : " in " + count.period()).append(" in your ").append(scope.wire())
                .append(" scope.");
        trend(count, matches, answer);
        return new Answer(answer.toString(), List.of(), false, "count", scope);
    }

    /** Call reasons recorded in the scope whose words the question uses ("cancel" -> cancellation_request). */
    private List<String> reasons(SearchFilter filter, List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        SearchFilter.Sql sql = filter.toSql(true);
        List<String> known = jdbc.sql("SELECT DISTINCT a.call_reason FROM conversations c JOIN analyses a ON a.conversation_id = c.id "
                        + "AND a.tenant_id = c.tenant_id WHERE a.call_reason IS NOT NULL AND " + sql.where())
                .params(sql.params()).query(String.class).list();
        List<String> out = new ArrayList<>();
        for (String reason : known) {
            for (String part : reason.toLowerCase(Locale.ROOT).split("_")) {
                if (part.length() < 4 || GENERIC_REASON_WORDS.contains(part)) {
                    continue;
                }
                String stem = part.substring(0, Math.min(5, part.length()));
                if (words.stream().anyMatch(w -> w.length() >= 4 && w.startsWith(stem.substring(0, Math.min(stem.length(), w.length()))))) {
                    out.add(reason);
                    break;
                }
            }
        }
        return out;
    }

    private void trend(CountQuestion count, List<Match> matches, StringBuilder answer) {
        if (!count.trend() || matches.isEmpty()) {
            return;
        }
        Instant first = count.from() != null ? count.from() : matches.getLast().at();
        Instant last = count.to() != null ? count.to() : matches.getFirst().at();
        boolean daily = ChronoUnit.DAYS.between(first, last) <= 14;
        Map<LocalDate, Integer> buckets = new TreeMap<>();
        for (Match m : matches) {
            LocalDate day = m.at().atZone(ZoneOffset.UTC).toLocalDate();
            LocalDate key = daily ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            buckets.merge(key, 1, Integer::sum);
        }
        answer.append(daily ? " By day: " : " By week (starting Monday): ");
        List<String> parts = new ArrayList<>();
        buckets.forEach((day, n) -> parts.add(day + " " + n));
        answer.append(String.join(", ", parts)).append('.');
    }

    /** The matching calls' evidence: the objection turns the analysis found, else each call's best passage. */
    private List<Citation> cite(String question, CountQuestion count, SearchFilter filter, List<Match> matches) {
        List<Match> cited = matches.subList(0, Math.min(MAX_CITED, matches.size()));
        List<Citation> citations = new ArrayList<>();
        List<Match> needPassages = new ArrayList<>();
        for (Match m : cited) {
            Citation c = objectionCitation(m, count);
            if (c != null) {
                citations.add(c);
            } else {
                needPassages.add(m);
            }
        }
        if (!needPassages.isEmpty()) {
            Set<UUID> ids = new LinkedHashSet<>();
            needPassages.forEach(m -> ids.add(m.id()));
            String query = count.keywords().isEmpty() ? question : String.join(" ", count.keywords());
            // One passage per call: enough candidates that every cited call has its best chunk among them.
            Retrieval.Result found = retrieval.retrieve(query, filter.withConversations(ids), 200, Mode.HYBRID, false);
            Set<UUID> done = new LinkedHashSet<>();
            for (Passage p : retrieval.refine(found.passages(), found.vector())) {
                if (done.add(p.conversationId())) {
                    citations.add(p.citation(found.terms()));
                }
            }
        }
        return citations;
    }

    private Citation objectionCitation(Match m, CountQuestion count) {
        if (m.objections() == null || !(count.anyObjection() || !count.objections().isEmpty())) {
            return null;
        }
        for (JsonNode o : m.objections()) {
            String category = o.path("category").asString("");
            if (!o.path("turn").isNumber() || (!count.objections().isEmpty() && !count.objections().contains(category))) {
                continue;
            }
            int turn = o.get("turn").asInt();
            Transcript transcript = conversations.transcript(m.id()).orElse(null);
            if (transcript == null || turn < 0 || turn >= transcript.turns().size()) {
                continue;
            }
            Turn t = transcript.turns().get(turn);
            String quote = o.hasNonNull("quote") && !o.get("quote").asString().isBlank() ? o.get("quote").asString() : t.text();
            return new Citation(m.id(), turn, t.start(), t.speaker().wire(), Quotes.excerpt(quote, List.of()), null);
        }
        return null;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
