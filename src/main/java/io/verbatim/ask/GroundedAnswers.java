package io.verbatim.ask;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Ask's answer machinery for other modules (chat): a grounded answer from the configured LLM over numbered
 * passages the caller retrieved within what they may see, cited as [P#] and checked (invented ids dropped).
 */
public interface GroundedAnswers {

    /** Whether an LLM is configured and switched on for the current tenant. */
    boolean llmAvailable();

    /**
     * @param instructions extra system instructions (a persona's), appended to the grounding rules
     * @param history      earlier turns of the conversation, oldest first
     * @param passages     the retrieved passages, shown to the model as P1..Pn with their label
     * @param notFound     what the model must answer when the passages do not contain the answer
     * @return empty when no LLM is available or it failed (the caller answers extractively)
     */
    Optional<Generated> generate(String instructions, List<Turn> history, List<LabelledPassage> passages, String question,
                                 String notFound);

    /**
     * {@link #generate}, with the model's tokens handed to {@code onToken} as they arrive (on the caller's thread),
     * before the checked answer is returned. The tokens are the model's raw text: the returned answer (invented
     * [P#] ids dropped, or the not-found text) is the one to keep.
     */
    default Optional<Generated> generate(String instructions, List<Turn> history, List<LabelledPassage> passages, String question,
                                         String notFound, Consumer<String> onToken) {
        return generate(instructions, history, passages, question, notFound);
    }

    /** @param role {@code user} or {@code assistant} */
    record Turn(String role, String content) {
    }

    /** @param label where the passage is from ("Price list, page 2"; "call on 2026-11-02, 1:12") */
    record LabelledPassage(String label, String text) {
    }

    /**
     * @param text  the answer, with its valid [P#] markers
     * @param cited 0-based indexes of the passages it cites, in order of first citation
     */
    record Generated(String text, List<Integer> cited, boolean notFound) {
    }
}
