package io.verbatim.analysis;

import java.util.List;

/**
 * Which sentences a text rule looks at.
 *
 * @param speaker   agent, customer or any (default any)
 * @param window    first/last N turns or seconds, or null for the whole conversation
 * @param exclude   phrases: a sentence containing any of them never matches (e.g. "verify benefits")
 * @param languages language prefixes the rule runs for ("en", "es"); empty = every language. A rule
 *                  that does not run for the conversation's language finds nothing.
 */
public record Scope(SpeakerScope speaker, Window window, List<String> exclude, List<String> languages) {

    public static final Scope ANYWHERE = new Scope(SpeakerScope.ANY, null, List.of(), List.of());

    public Scope {
        speaker = speaker == null ? SpeakerScope.ANY : speaker;
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    public static Scope of(SpeakerScope speaker) {
        return new Scope(speaker, null, List.of(), List.of());
    }

    public Scope within(Window w) {
        return new Scope(speaker, w, exclude, languages);
    }
}
