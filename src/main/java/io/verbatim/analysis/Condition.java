package io.verbatim.analysis;

import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import java.util.List;
import java.util.Set;

/**
 * A scorecard or tracker rule. Text rules look at sentences (a turn split at sentence ends) in their
 * {@link Scope}; each matching sentence is a hit, cited as evidence. In JSON each condition is an
 * object with a {@code type} (see {@code docs} / {@link QaConfigs}).
 */
public sealed interface Condition {

    /**
     * Phrase match on normalised text (lower case, accents and punctuation removed, whole words).
     * {@code any}: a sentence containing at least one phrase; {@code all}: a turn containing every
     * phrase (each of its sentences that contains one is a hit). Both may be given: both must hold.
     */
    record Phrase(List<String> any, List<String> all, Scope scope) implements Condition {
        public Phrase {
            any = any == null ? List.of() : List.copyOf(any);
            all = all == null ? List.of() : List.copyOf(all);
            scope = scope == null ? Scope.ANYWHERE : scope;
        }
    }

    /**
     * A Java regular expression, searched in each sentence. Unless {@code caseSensitive}, it runs on the
     * sentence lower-cased with accents removed (write {@code dias}, not {@code días}).
     */
    record Regex(String pattern, boolean caseSensitive, Scope scope) implements Condition {
        public Regex {
            scope = scope == null ? Scope.ANYWHERE : scope;
        }
    }

    /** A sentence whose MiniLM embedding has cosine similarity {@code >= threshold} with one of the examples. */
    record Semantic(List<String> examples, double threshold, Scope scope) implements Condition {
        public Semantic {
            examples = examples == null ? List.of() : List.copyOf(examples);
            scope = scope == null ? Scope.ANYWHERE : scope;
        }
    }

    /**
     * An interrogative sentence: it ends with "?" or opens with "¿", and (English) does not read as a
     * statement with a rising tone ("We had a two o'clock?"): it, or its last comma-separated clause
     * ("To verify your identity, what's your date of birth?"), starts, after a discourse marker, with a
     * question word or an auxiliary verb.
     */
    record Question(Scope scope) implements Condition {
        public Question {
            scope = scope == null ? Scope.ANYWHERE : scope;
        }
    }

    /** A turn of {@code by} that starts before the other party's previous turn has ended. */
    record Interruption(SpeakerScope by) implements Condition {
        public Interruption {
            by = by == null ? SpeakerScope.AGENT : by;
        }
    }

    /** The agent says their own first name (taken from {@link ConversationAttributes#agentName()}). */
    record AgentName(Scope scope) implements Condition {
        public AgentName {
            scope = scope == null ? Scope.of(SpeakerScope.AGENT) : scope;
        }
    }

    /** Conversation attributes (every non-empty set must contain the conversation's value). */
    record Attribute(Set<Channel> channels, Set<Direction> directions, Set<String> tagsAny, List<String> languages)
            implements Condition {
        public Attribute {
            channels = channels == null ? Set.of() : Set.copyOf(channels);
            directions = directions == null ? Set.of() : Set.copyOf(directions);
            tagsAny = tagsAny == null ? Set.of() : Set.copyOf(tagsAny);
            languages = languages == null ? List.of() : List.copyOf(languages);
        }
    }

    /** At least one holds; hits are the union. */
    record AnyOf(List<Condition> conditions) implements Condition {
        public AnyOf {
            conditions = List.copyOf(conditions);
        }
    }

    /** Every one holds; hits are the union. */
    record AllOf(List<Condition> conditions) implements Condition {
        public AllOf {
            conditions = List.copyOf(conditions);
        }
    }

    /** Holds when the inner condition does not; no hits. */
    record Not(Condition condition) implements Condition {
    }

    /**
     * {@code first} holds, and its earliest hit is no later than the earliest hit of {@code then}
     * (or {@code then} never happens). Hits: those of {@code first}. E.g. identity verified before
     * account data is read out.
     */
    record Before(Condition first, Condition then) implements Condition {
    }

    /** At least {@code min} hits of the inner condition. */
    record Count(int min, Condition condition) implements Condition {
    }

    /** A named condition from the config's {@code conditions} library. */
    record Ref(String name) implements Condition {
    }
}
