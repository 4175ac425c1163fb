package io.verbatim.analysis.internal.llm;

import io.verbatim.analysis.Scorecard;
import io.verbatim.analysis.ScorecardItem;
import io.verbatim.analysis.ScorecardSection;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The judging prompt: the label definitions ({@code analysis/llm-judge-instructions.txt}, written in
 * general terms) and the answer's JSON Schema as the system message; the tenant's scorecard items (key,
 * name, description) and the numbered transcript as the user message. A transcript longer than the
 * budget is cut in the middle: the opening and the close are kept (greeting, reason, booking, next
 * steps and closing live there) and the model is told which turns it does not see. Turn numbers are the
 * transcript's, so cited turns stay valid either way.
 */
record LlmJudgePrompt(String system, String user, boolean truncated) {

    static final String INSTRUCTIONS = resource("analysis/llm-judge-instructions.txt");
    /** Share of the budget given to the opening; the rest goes to the close. */
    private static final double OPENING_SHARE = 0.4;

    static LlmJudgePrompt of(String schema, Transcript transcript, Scorecard card, int budgetChars) {
        String system = INSTRUCTIONS + "\nAnswer with one JSON object only, no prose and no code fences, matching this JSON Schema:\n"
                + schema;
        StringBuilder user = new StringBuilder();
        if (transcript.language() != null) {
            user.append("Language: ").append(transcript.language()).append(" (answer in English; quotes stay in the original language)\n\n");
        }
        if (card == null || card.sections().stream().allMatch(s -> s.items().isEmpty())) {
            user.append("No scorecard applies: answer \"scorecard\": [].\n\n");
        } else {
            user.append("Scorecard \"").append(card.name()).append("\": judge each item.\n");
            for (ScorecardSection section : card.sections()) {
                for (ScorecardItem item : section.items()) {
                    user.append("- key: ").append(item.key()).append(" | ").append(item.name() == null ? item.key() : item.name());
                    if (item.description() != null && !item.description().isBlank()) {
                        user.append(" | ").append(item.description().strip());
                    }
                    if (item.mustNotOccur()) {
                        user.append(" | must not occur: \"met\" means it happened");
                    }
                    user.append('\n');
                }
            }
            user.append('\n');
        }
        List<String> lines = lines(transcript);
        int total = lines.stream().mapToInt(String::length).sum();
        user.append("Transcript (each line: [turn number, start-end seconds] speaker: words; a turn starting before the previous one ends overlaps it):\n");
        boolean truncated = total > budgetChars;
        if (!truncated) {
            lines.forEach(user::append);
        } else {
            int head = 0;
            int used = 0;
            while (head < lines.size() && used + lines.get(head).length() <= budgetChars * OPENING_SHARE) {
                used += lines.get(head++).length();
            }
            int tail = lines.size();
            while (tail > head && used + lines.get(tail - 1).length() <= budgetChars) {
                used += lines.get(--tail).length();
            }
            lines.subList(0, head).forEach(user::append);
            user.append("[... turns ").append(head).append(" to ").append(tail - 1)
                    .append(" are left out: the conversation is too long. Judge from what you see and lower your confidence"
                            + " where the missing middle could change a value ...]\n");
            lines.subList(tail, lines.size()).forEach(user::append);
        }
        return new LlmJudgePrompt(system, user.toString(), truncated);
    }

    private static List<String> lines(Transcript t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.turns().size(); i++) {
            Turn turn = t.turns().get(i);
            out.add(String.format(Locale.ROOT, "[%d %.1f-%.1fs] %s: %s%n", i, turn.start(), turn.end(), turn.speaker().wire(),
                    turn.text()));
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = LlmJudgePrompt.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
