package io.verbatim.ask.internal;

import io.verbatim.ask.Answer;
import io.verbatim.ask.Ask;
import io.verbatim.ask.AskFilters;
import io.verbatim.ask.AskScope;
import io.verbatim.ask.internal.HybridSearcher.Mode;
import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Conversations;
import io.verbatim.conversations.Direction;
import io.verbatim.conversations.Visibility;
import io.verbatim.flags.FeatureFlags;
import io.verbatim.flags.FlagKeys;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.identity.Users;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers a question for the current caller: resolves the scope (never wider than the role allows),
 * turns the filters into index and SQL conditions, and answers a count from structured data, or a
 * search from the index (extractively, or through the LLM when one is configured).
 */
@Service
class AskService implements Ask {

    private static final Logger log = LoggerFactory.getLogger(AskService.class);
    static final int MAX_QUESTION = 2000;
    private static final int PASSAGES = 20;
    private final Retrieval retrieval;
    private final CountAnswers counts;
    private final Conversations conversations;
    private final Users users;
    private final ConversationIndexer indexer;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final LlmAnswers llm;
    private final int llmPassages;
    private final FeatureFlags flags;
    private Clock clock = Clock.systemUTC();
    private final List<io.verbatim.ask.AskSubject> subjects;

    AskService(Retrieval retrieval, CountAnswers counts, Conversations conversations, Users users, ConversationIndexer indexer,
               JdbcClient jdbc, PlatformTransactionManager transactions, AskProperties properties, FeatureFlags flags,
               List<io.verbatim.ask.AskSubject> subjects) {
        this.flags = flags;
        this.subjects = subjects;
        this.retrieval = retrieval;
        this.counts = counts;
        this.conversations = conversations;
        this.users = users;
        this.indexer = indexer;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.llm = properties.llm().configured() ? LlmAnswers.openAiCompatible(properties.llm()) : null;
        this.llmPassages = properties.llm().passages();
    }

    void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Answer ask(io.verbatim.ask.Question question) {
        String text = question.question() == null ? "" : question.question().strip();
        if (text.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Bad request", "question is required",
                    Map.of("errors", Map.of("question", "must not be blank")));
        }
        if (text.length() > MAX_QUESTION) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Bad request", "question is too long",
                    Map.of("errors", Map.of("question", "at most " + MAX_QUESTION + " characters")));
        }
        CurrentUser user = CurrentUser.require();
        AskScope scope = question.scope() != null ? question.scope() : widest(user.role());
        Visibility visibility = visibility(user, scope);
        SearchFilter filter = filter(TenantContext.require().value(), visibility, question.filters());

        if (question.about() != null) {
            Set<UUID> ids = subjectConversations(question.about());
            // an empty set would mean "any conversation": the nil id narrows to none instead
            SearchFilter about = filter.withConversations(ids.isEmpty() ? Set.of(new UUID(0L, 0L)) : ids);
            Retrieval.Result found = retrieval.retrieve(text, about, PASSAGES, Mode.HYBRID);
            return passages(text, found, scope, false);
        }
        if (question.conversationId() != null) {
            conversations.getVisible(question.conversationId()); // 404 unless the role may see it
            SearchFilter one = filter.withConversations(Set.of(question.conversationId()));
            Retrieval.Result found = retrieval.retrieve(text, one, 6, Mode.HYBRID);
            return passages(text, found, scope, true);
        }
        Optional<CountQuestion> count = CountQuestion.parse(text, ZonedDateTime.now(clock));
        if (count.isPresent()) {
            return counts.answer(text, count.get(), filter, scope);
        }
        Retrieval.Result found = retrieval.retrieve(text, filter, PASSAGES, Mode.HYBRID);
        return passages(text, found, scope, false);
    }

    /** The conversations of a contact card or appointment, as its module resolves them; 404 when the caller may not see it. */
    private Set<UUID> subjectConversations(io.verbatim.ask.Question.About about) {
        io.verbatim.ask.AskSubject subject = subjects.stream().filter(s -> s.field().equals(about.field())).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("validation", about.field() + " is not supported here"));
        return readOnly.execute(tx -> subject.conversations(about.id()))
                .orElseThrow(() -> ProblemException.notFound(about.field() + " " + about.id()));
    }

    private Answer passages(String question, Retrieval.Result found, AskScope scope, boolean oneConversation) {
        List<Passage> live = existing(found.passages());
        if (llm != null && !live.isEmpty() && flags.enabled(FlagKeys.ASK_LLM_ANSWERS)) {
            try {
                List<Passage> context = retrieval.refine(live.subList(0, Math.min(llmPassages, live.size())), found.vector());
                return llm.answer(question, context, found.terms(), scope);
            } catch (RuntimeException e) {
                log.warn("The LLM could not answer ({}); answering extractively", e.toString());
            }
        }
        if (oneConversation) {
            var moments = ExtractiveAnswers.group(retrieval.bestTurns(live, found.vector(), found.terms(), 3), 1, 3);
            return ExtractiveAnswers.answer(moments, found.terms(), scope, true);
        }
        var grouped = ExtractiveAnswers.group(live, ExtractiveAnswers.CONVERSATIONS, ExtractiveAnswers.PER_CONVERSATION);
        grouped.replaceAll((id, list) -> retrieval.refine(list, found.vector()));
        return ExtractiveAnswers.answer(grouped, found.terms(), scope, oneConversation);
    }

    /**
     * Drops passages of conversations deleted since they were indexed (a crash between the delete and the
     * index update) and removes them from the index. Scope is already applied by the index query.
     */
    private List<Passage> existing(List<Passage> passages) {
        if (passages.isEmpty()) {
            return passages;
        }
        Set<UUID> ids = new HashSet<>();
        passages.forEach(p -> ids.add(p.conversationId()));
        String tenant = TenantContext.require().value();
        Set<UUID> present = new HashSet<>(readOnly.execute(tx -> jdbc.sql("SELECT id FROM conversations WHERE tenant_id = :tenant AND id IN (:ids)")
                .param("tenant", tenant).param("ids", List.copyOf(ids)).query(UUID.class).list()));
        if (present.size() == ids.size()) {
            return passages;
        }
        ids.stream().filter(id -> !present.contains(id)).forEach(id -> indexer.remove(tenant, id));
        return passages.stream().filter(p -> present.contains(p.conversationId())).toList();
    }

    static AskScope widest(Role role) {
        return AskScope.widest(role);
    }

    /** The conversations a scope covers for this caller; 403 when the role does not reach that far. */
    static Visibility visibility(CurrentUser user, AskScope scope) {
        AskScope widest = widest(user.role());
        if (scope.ordinal() > widest.ordinal()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "scope-not-allowed", "Forbidden",
                    "Scope '" + scope.wire() + "' is wider than your role allows (at most '" + widest.wire() + "')");
        }
        return switch (scope) {
            case SELF -> {
                if (user.userId() == null) {
                    throw ProblemException.badRequest("invalid-scope", "Scope 'self' needs a user, not an API key");
                }
                yield new Visibility(Visibility.Scope.OWN, user.userId(), null);
            }
            case TEAM -> {
                if (user.teamId() != null) {
                    yield new Visibility(Visibility.Scope.TEAM, null, user.teamId());
                }
                if (user.role() == Role.MANAGER) {
                    yield Visibility.of(user); // a manager without a team sees the tenant
                }
                throw ProblemException.badRequest("invalid-scope", "Scope 'team' needs a team; you are not in one");
            }
            case COMPANY -> new Visibility(Visibility.Scope.TENANT, null, null);
        };
    }

    private SearchFilter filter(String tenant, Visibility visibility, AskFilters f) {
        UUID agent = null;
        if (f.agent() != null && !f.agent().isBlank()) {
            agent = parseUuid(f.agent()).orElseGet(() -> users.findByEmail(f.agent().strip())
                    .map(u -> u.id())
                    .orElseThrow(() -> ProblemException.badRequest("invalid-filter", "filters.agent: no user '" + f.agent() + "'")));
        }
        UUID team = null;
        if (f.team() != null && !f.team().isBlank()) {
            team = parseUuid(f.team()).orElseThrow(() -> ProblemException.badRequest("invalid-filter", "filters.team must be a team id"));
        }
        Instant from = instant(f.from(), "from", false);
        Instant to = instant(f.to(), "to", true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.badRequest("invalid-filter", "filters.from must be before filters.to");
        }
        List<String> channels = f.channel().stream().map(c -> Channel.fromWire(c).wire()).toList();
        List<String> directions = f.direction().stream().map(d -> Direction.fromWire(d).wire()).toList();
        return new SearchFilter(tenant, visibility, agent, team, from, to, channels, directions, f.categories(), f.objections(),
                f.tags(), Set.of());
    }

    private static Optional<UUID> parseUuid(String value) {
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An ISO date (a whole day: from its start, or to its end) or instant. */
    private static Instant instant(String value, String field, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-filter", "filters." + field + " must be an ISO date or date-time, not '" + value + "'");
        }
    }
}
