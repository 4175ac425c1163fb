package io.verbatim.chat.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Resolves a follow-up question against the session's history for retrieval: "and for teams?" or "how long
 * does it take?" after "what does the Pro plan cost?" searches with the earlier question's words too.
 */
final class FollowUps {

    private static final Pattern REFERS_BACK = Pattern.compile(
            "\\b(it|its|it's|that|this|those|these|they|them|their|he|she|him|her|there|then|same|above|also)\\b");
    private static final Pattern STARTS_AS_FOLLOW_UP = Pattern.compile("^(and|but|or|what about|how about|so|also)\\b");

    private FollowUps() {
    }

    /** The query to search with: the question, joined with the previous question when it reads as a follow-up. */
    static String resolve(String question, List<String> earlierQuestions) {
        if (earlierQuestions.isEmpty()) {
            return question;
        }
        String q = question.strip().toLowerCase(Locale.ROOT);
        long words = q.split("\\s+").length;
        boolean followUp = words <= 4 || STARTS_AS_FOLLOW_UP.matcher(q).find() || REFERS_BACK.matcher(q).find();
        return followUp ? earlierQuestions.getLast() + " " + question : question;
    }
}
