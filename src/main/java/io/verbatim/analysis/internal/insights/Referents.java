package io.verbatim.analysis.internal.insights;

import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Normalizer;
import io.verbatim.analysis.internal.text.Sentence;
import java.util.List;
import java.util.Set;

/**
 * What an item's pronoun stands for. "I'll send that over this afternoon" or the customer's "I'll do that tonight"
 * says nothing on its own; the thing is named a sentence or two before ("Could you email me a photo of the sticker?").
 * An item with few words of its own and a pronoun object gets the nearest earlier sentence that names something,
 * in brackets, so a reader (and the follow-up list) knows what is to be sent or done.
 */
final class Referents {

    static final int MAX_WORDS = 25;
    private static final Set<String> PRONOUNS = Set.of("that", "it", "them", "those", "this", "one", "these");
    private static final int LOOK_BACK = 3;

    private Referents() {
    }

    static String resolve(ConversationText text, Sentence s, String item) {
        String limited = Text.limitWords(item, MAX_WORDS);
        List<String> words = List.of(Normalizer.words(item).strip().split(" "));
        if (ActionItemFinder.content(item).size() > 3 || words.stream().noneMatch(PRONOUNS::contains)) {
            return limited;
        }
        List<Sentence> all = text.sentences();
        for (int i = s.index() - 1; i >= Math.max(0, s.index() - LOOK_BACK); i--) {
            Sentence before = all.get(i);
            if (ActionItemFinder.content(before.text()).size() >= 3) {
                return Text.limitWords(limited + " (" + Text.clean(before.text()).replaceAll("[.?!]+$", "") + ")", MAX_WORDS);
            }
        }
        return limited;
    }
}
