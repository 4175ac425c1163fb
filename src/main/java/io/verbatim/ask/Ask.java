package io.verbatim.ask;

/** Answers questions about the current tenant's conversations within what the current caller may see. */
public interface Ask {

    /**
     * @throws io.verbatim.platform.ProblemException 403 when the scope is wider than the caller's role allows,
     *         404 when {@code conversationId} names a conversation the caller may not see
     */
    Answer ask(Question question);
}
