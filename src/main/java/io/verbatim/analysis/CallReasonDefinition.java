package io.verbatim.analysis;

import java.util.List;

/**
 * One entry of a tenant's call-reason taxonomy ({@code call_reasons} in {@code qa-config.json}).
 *
 * @param key         snake_case; its words describe the reason when nothing else does ("replace_card")
 * @param description optional free text, or null
 * @param examples    optional customer utterances that mean this reason
 */
public record CallReasonDefinition(String key, String description, List<String> examples) {

    public CallReasonDefinition {
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    /** The key as words ("replace_card" -> "replace card"). */
    public String keyWords() {
        return key.replace('_', ' ').strip();
    }
}
