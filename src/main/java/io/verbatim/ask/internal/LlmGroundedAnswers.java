package io.verbatim.ask.internal;

import io.verbatim.analysis.LlmProvider;
import io.verbatim.analysis.LlmProviders;
import io.verbatim.analysis.LlmSettings;
import io.verbatim.analysis.TenantLlmSettings;
import io.verbatim.ask.GroundedAnswers;
import io.verbatim.flags.FeatureFlags;
import io.verbatim.flags.FlagKeys;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@link GroundedAnswers} with the tenant's LLM (its ai-config {@code llm} entry and the API key in the named
 * credential, as the analysis uses it), else the platform's {@code verbatim.ask.llm}; the same [P#] citation
 * check as Ask's own answers.
 */
@Service
class LlmGroundedAnswers implements GroundedAnswers {

    private static final Logger log = LoggerFactory.getLogger(LlmGroundedAnswers.class);
    private static final String RULES = """
            You answer questions using only the numbered passages given (from documents and customer conversations).
            Rules:
            - Use only facts stated in the passages. Do not use outside knowledge and do not guess.
            - After every sentence that uses a passage, cite it as [P1], [P2], ... (several allowed: [P1][P3]).
            - If the passages do not contain the answer, reply exactly: "%s"
            - Plain text, no headings.""";
    private final AskProperties properties;
    private final TenantLlmSettings tenantLlm;
    private final FeatureFlags flags;

    LlmGroundedAnswers(AskProperties properties, TenantLlmSettings tenantLlm, FeatureFlags flags) {
        this.properties = properties;
        this.tenantLlm = tenantLlm;
        this.flags = flags;
    }

    @Override
    public boolean llmAvailable() {
        return flags.enabled(FlagKeys.ASK_LLM_ANSWERS) && (tenantLlm().isPresent() || properties.llm().configured());
    }

    /** The tenant's own model, when its ai-config names one. */
    private Optional<LlmSettings> tenantLlm() {
        return tenantLlm.current();
    }

    @Override
    public Optional<Generated> generate(String instructions, List<Turn> history, List<LabelledPassage> passages, String question,
                                        String notFound) {
        return generate(instructions, history, passages, question, notFound, null);
    }

    /** @param onToken null: one plain request; else the answer is streamed ({@code stream: true}) through it */
    @Override
    public Optional<Generated> generate(String instructions, List<Turn> history, List<LabelledPassage> passages, String question,
                                        String notFound, Consumer<String> onToken) {
        if (!llmAvailable() || passages.isEmpty()) {
            return Optional.empty();
        }
        String system = RULES.formatted(notFound) + (instructions == null || instructions.isBlank() ? "" : "\n\n" + instructions.strip());
        StringBuilder prompt = new StringBuilder();
        if (!history.isEmpty()) {
            prompt.append("Earlier in this conversation:\n");
            history.forEach(t -> prompt.append(t.role().equals("assistant") ? "Assistant: " : "User: ").append(t.content()).append('\n'));
            prompt.append('\n');
        }
        prompt.append("Passages:\n");
        for (int i = 0; i < passages.size(); i++) {
            prompt.append("\n[P").append(i + 1).append("] ").append(passages.get(i).label()).append(":\n")
                    .append(passages.get(i).text()).append('\n');
        }
        prompt.append("\nQuestion: ").append(question);
        try {
            Optional<LlmSettings> tenant = tenantLlm();
            LlmProvider model = tenant.isPresent() ? LlmProviders.create(tenant.get()) : platformModel();
            String text = onToken == null ? model.chat(system, prompt.toString(), false)
                    : model.chatStreaming(system, prompt.toString(), onToken);
            LlmAnswers.Cited cited = LlmAnswers.cite(text == null ? "" : text.strip(), passages.size());
            String answer = cited.text().isEmpty() ? notFound : cited.text();
            return Optional.of(new Generated(answer, cited.cited().stream().map(n -> n - 1).toList(),
                    answer.strip().equals(notFound.strip()) || cited.cited().isEmpty()));
        } catch (RuntimeException e) {
            log.warn("The LLM could not answer ({}); answering extractively", e.toString());
            return Optional.empty();
        }
    }

    private LlmProvider platformModel() {
        AskProperties.Llm llm = properties.llm();
        return LlmProviders.create(new LlmSettings(LlmSettings.Provider.OPENAI, llm.baseUrl(), llm.apiKey(), llm.model(),
                (int) llm.timeout().toSeconds(), 1, 0));
    }
}
