package io.verbatim.adaptation.internal;

import io.verbatim.adaptation.lm.DomainModel;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The caller's tenant's vocabulary: read, replaced whole (audited), and the domain model marked for rebuild. */
@Service
class VocabularyStore {

    static final int MAX_PHRASES = 2_000;
    static final int MAX_LENGTH = 100;
    private static final TypeReference<List<DomainModel.Phrase>> PHRASES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditLog audit;
    private final LanguageModelStore models;

    VocabularyStore(JdbcClient jdbc, JsonMapper json, AuditLog audit, LanguageModelStore models) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.models = models;
    }

    List<DomainModel.Phrase> phrases() {
        return jdbc.sql("SELECT phrases::text FROM speech_vocabulary WHERE tenant_id = ?")
                .param(TenantContext.require().value()).query(String.class).optional()
                .map(j -> json.readValue(j, PHRASES)).orElse(List.of());
    }

    /** Whether the current tenant entered any vocabulary (its recordings are then decoded with its model). */
    boolean any() {
        return jdbc.sql("SELECT jsonb_array_length(phrases) > 0 FROM speech_vocabulary WHERE tenant_id = ?")
                .param(TenantContext.require().value()).query(Boolean.class).optional().orElse(false);
    }

    @Transactional
    List<DomainModel.Phrase> replace(List<DomainModel.Phrase> phrases) {
        List<DomainModel.Phrase> clean = validated(phrases);
        String tenant = TenantContext.require().value();
        jdbc.sql("""
                INSERT INTO speech_vocabulary (tenant_id, phrases, updated_by) VALUES (?, ?::jsonb, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET phrases = EXCLUDED.phrases, updated_by = EXCLUDED.updated_by,
                    updated_at = now()""")
                .params(tenant, json.writeValueAsString(clean), CurrentUser.current().map(CurrentUser::email).orElse(null))
                .update();
        audit.record("speech.vocabulary_replaced", "speech_vocabulary", tenant, Map.of("phrases", clean.size()));
        models.requestRebuild();
        return clean;
    }

    /** Trimmed, de-duplicated (case-insensitively), each phrase with words a recogniser can say. */
    static List<DomainModel.Phrase> validated(List<DomainModel.Phrase> phrases) {
        if (phrases == null) {
            throw ProblemException.badRequest("invalid-vocabulary", "'phrases' is required (an empty list clears the vocabulary)");
        }
        if (phrases.size() > MAX_PHRASES) {
            throw ProblemException.badRequest("invalid-vocabulary", "At most " + MAX_PHRASES + " phrases");
        }
        List<DomainModel.Phrase> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DomainModel.Phrase p : phrases) {
            String text = p == null || p.text() == null ? "" : p.text().strip();
            if (text.isEmpty() || text.length() > MAX_LENGTH || io.verbatim.adaptation.lm.LmText.words(text).isEmpty()) {
                throw ProblemException.badRequest("invalid-vocabulary",
                        "Each phrase needs a 'text' of 1-" + MAX_LENGTH + " characters with at least one word: '" + text + "'");
            }
            List<String> soundsLike = new ArrayList<>();
            for (String s : p.soundsLike()) {
                String spelling = s == null ? "" : s.strip();
                if (spelling.isEmpty() || spelling.length() > MAX_LENGTH || soundsLike.size() >= 5) {
                    throw ProblemException.badRequest("invalid-vocabulary",
                            "'sounds_like' takes up to 5 spellings of 1-" + MAX_LENGTH + " characters ('" + text + "')");
                }
                soundsLike.add(spelling);
            }
            if (seen.add(text.toLowerCase(java.util.Locale.ROOT))) {
                out.add(new DomainModel.Phrase(text, soundsLike));
            }
        }
        return out;
    }
}
