package io.verbatim.ask.internal;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.verbatim.ask.Answer;
import io.verbatim.ask.AskScope;
import io.verbatim.ask.Citation;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grounded answers from an OpenAI-compatible chat endpoint (vLLM, Ollama, llama.cpp server, LM Studio,
 * OpenAI). The model reads only the passages retrieved inside the caller's scope, numbered P1..Pn, and
 * must cite them as [P#]; ids it invents are dropped, and the citations are exactly the passages it
 * cited. When the passages do not answer the question it is told to say so.
 */
final class LlmAnswers {

    static final String NOT_FOUND = "The calls in scope don't contain the answer.";
    private static final Pattern CITE = Pattern.compile("\\[P(\\d{1,3})]");
    private static final String SYSTEM = """
            You answer questions about customer conversations (calls, visits) using only the numbered passages given.
            Rules:
            - Use only facts stated in the passages. Do not use outside knowledge and do not guess.
            - After every sentence that uses a passage, cite it as [P1], [P2], ... (several allowed: [P1][P3]).
            - If the passages do not contain the answer, reply exactly: "%s"
            - Be concise: at most 6 sentences. Plain text, no headings.""".formatted(NOT_FOUND);

    private final ChatModel model;

    LlmAnswers(ChatModel model) {
        this.model = model;
    }

    static LlmAnswers openAiCompatible(AskProperties.Llm llm) {
        return new LlmAnswers(model(llm));
    }

    /** The answer with invented [P#] ids removed, and the valid ones (1-based) in order of first citation. */
    record Cited(String text, Set<Integer> cited) {
    }

    static Cited cite(String text, int passages) {
        Set<Integer> cited = new LinkedHashSet<>();
        Matcher m = CITE.matcher(text);
        StringBuilder cleaned = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            boolean valid = n >= 1 && n <= passages;
            if (valid) {
                cited.add(n);
            }
            m.appendReplacement(cleaned, valid ? Matcher.quoteReplacement(m.group()) : "");
        }
        m.appendTail(cleaned);
        return new Cited(cleaned.toString().replaceAll(" +([.,;:])", "$1").strip(), cited);
    }

    static ChatModel model(AskProperties.Llm llm) {
        return OpenAiChatModel.builder()
                .baseUrl(llm.baseUrl())
                .apiKey(llm.apiKey() == null || llm.apiKey().isBlank() ? "none" : llm.apiKey())
                .modelName(llm.model())
                .timeout(llm.timeout())
                .temperature(0.0)
                .maxRetries(1)
                .build();
    }

    Answer answer(String question, List<Passage> passages, List<String> terms, AskScope scope) {
        StringBuilder prompt = new StringBuilder("Passages:\n");
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            prompt.append("\n[P").append(i + 1).append("] ").append(p.channel()).append(" on ")
                    .append(p.at().atZone(ZoneOffset.UTC).toLocalDate())
                    .append(p.agentName() == null ? "" : ", agent " + p.agentName())
                    .append(", from ").append(ExtractiveAnswers.clock(p.turns().getFirst().t())).append(":\n")
                    .append(p.text()).append('\n');
        }
        prompt.append("\nQuestion: ").append(question);
        String text = model.chat(SystemMessage.from(SYSTEM), UserMessage.from(prompt.toString())).aiMessage().text();
        text = text == null ? "" : text.strip();
        Cited parsed = cite(text, passages.size());
        Set<Integer> cited = parsed.cited();
        List<Citation> citations = new ArrayList<>();
        for (int n : cited) {
            citations.add(passages.get(n - 1).citation(terms));
        }
        String answer = parsed.text();
        if (answer.isEmpty()) {
            answer = NOT_FOUND;
        }
        return new Answer(answer, citations, true, "generated", scope);
    }
}
