package io.verbatim.adaptation.internal;

import io.verbatim.adaptation.lm.DomainModel;
import io.verbatim.adaptation.lm.Pronunciations;
import io.verbatim.analysis.ScriptedPhrases;
import io.verbatim.analysis.TenantAnalysisConfig;
import io.verbatim.speech.SpeechEngine;
import io.verbatim.speech.SpeechEngines;
import io.verbatim.tenancy.TenantContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the current tenant's domain model when its text changed: the shipped base text, the turns of its
 * imported transcripts (written by people or by other engines; of this platform's own recognition, whose errors
 * the model would learn, only the turns a person corrected), the phrases its QA config listens for and its vocabulary. Run by the rebuild job, one tenant at a time.
 */
@Component
class LanguageModelBuilder {

    private static final Logger log = LoggerFactory.getLogger(LanguageModelBuilder.class);
    /** The newest transcripts a model learns from: bounds a build at ~10 s on one core. */
    static final int MAX_TRANSCRIPTS = 10_000;
    /** Corrected turns a model learns from (newest transcripts first). */
    static final int MAX_CORRECTED_TURNS = 100_000;
    /** Moves when what every model is built from changes (2: the QA config's scripted phrases; 3: accents folded, LmText). */
    private static final String BASE = ";base=3";
    private static final String NOTHING = "t=0:-;v=-" + BASE;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final LanguageModelStore models;
    private final VocabularyStore vocabulary;
    private final SpeechEngines engines;
    private final Supplier<Pronunciations> dictionary;
    private final TenantAnalysisConfig analysis;

    LanguageModelBuilder(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions, LanguageModelStore models,
                         VocabularyStore vocabulary, SpeechEngines engines, Supplier<Pronunciations> dictionary,
                         TenantAnalysisConfig analysis) {
        this.analysis = analysis;
        this.jdbc = jdbc;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
        this.models = models;
        this.vocabulary = vocabulary;
        this.engines = engines;
        this.dictionary = dictionary;
    }

    /** Whether a person asked for a build (the rebuild button, a vocabulary change) that has not run yet. */
    boolean requested() {
        return Boolean.TRUE.equals(tx.execute(s -> models.status().map(st -> "pending".equals(st.status())).orElse(false)));
    }

    /** Builds when needed; true when a build ran. */
    boolean buildIfNeeded() {
        String fingerprint = tx.execute(s -> fingerprint());
        // a tenant with no text, no vocabulary and no request has nothing of its own: it decodes with the base model
        if (fingerprint.equals(NOTHING) && tx.execute(s -> models.status()).isEmpty()) {
            return false;
        }
        if (!Boolean.TRUE.equals(tx.execute(s -> models.needsBuild(fingerprint)))) {
            return false;
        }
        tx.executeWithoutResult(s -> models.start());
        Path arpa = null;
        try {
            List<String> text = tx.execute(s -> tenantText());
            List<DomainModel.Phrase> phrases = tx.execute(s -> vocabulary.phrases());
            arpa = Files.createTempFile("verbatim-lm-", ".arpa");
            DomainModel.Built built = DomainModel.build(text, phrases, dictionary.get(), arpa);
            byte[] gz = gzip(arpa);
            tx.executeWithoutResult(s -> models.saveBuilt(built, gz, fingerprint));
            log.info("Domain language model of tenant {} built: {} words, {} trigrams in {} ms", TenantContext.require().value(),
                    built.words(), built.trigrams(), built.millis());
        } catch (Exception | OutOfMemoryError e) {
            log.warn("Domain language model of tenant {} failed: {}", TenantContext.require().value(), e.toString());
            tx.executeWithoutResult(s -> models.saveFailed(fingerprint, e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            if (arpa != null) {
                try {
                    Files.deleteIfExists(arpa);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
        return true;
    }

    /** What the model is built from, summarised: any import, deletion or vocabulary change moves it. */
    private String fingerprint() {
        String transcripts = jdbc.sql("""
                SELECT count(*) || ':' || coalesce(max(created_at)::text, '-') FROM transcripts
                WHERE tenant_id = ? AND NOT (source = ANY (?))""")
                .params(TenantContext.require().value(), recognisers()).query(String.class).single();
        String vocab = jdbc.sql("SELECT updated_at::text FROM speech_vocabulary WHERE tenant_id = ?")
                .param(TenantContext.require().value()).query(String.class).optional().orElse("-");
        // corrections count even where none was made: the empty case keeps the fingerprint of models built before them
        String corrected = jdbc.sql("SELECT count(*) || ':' || coalesce(max(id)::text, '-') FROM transcript_revisions WHERE tenant_id = ?")
                .param(TenantContext.require().value()).query(String.class).single();
        // the shipped scorecards' phrases are part of the base; a tenant's own QA config moves the fingerprint
        String qa = analysis.ownQaConfig().map(c -> ";qa=" + Integer.toHexString(ScriptedPhrases.of(c).hashCode())).orElse("");
        return "t=" + transcripts + ";v=" + vocab + (corrected.startsWith("0:") ? "" : ";c=" + corrected) + qa + BASE;
    }

    private String[] recognisers() {
        return engines.all().stream().map(SpeechEngine::name).toArray(String[]::new);
    }

    List<String> tenantText() {
        List<String> out = new ArrayList<>();
        jdbc.sql("""
                SELECT turns::text FROM transcripts WHERE tenant_id = ? AND NOT (source = ANY (?))
                ORDER BY created_at DESC LIMIT ?""")
                .params(TenantContext.require().value(), recognisers(), MAX_TRANSCRIPTS)
                .query((rs, n) -> rs.getString(1))
                .list()
                .forEach(turns -> {
                    for (JsonNode t : json.readTree(turns).values()) {
                        out.add(t.path("text").asString(""));
                    }
                });
        out.addAll(correctedRecognition());
        out.addAll(scriptedPhrases());
        return out;
    }

    /**
     * The phrases the tenant's scorecards and trackers listen for ("thank you for calling", "is there anything else"),
     * each once, where every word is in the recogniser's dictionary: they shift the model toward the lines agents are
     * scored on; new words (names, most phrases of other languages) come from the vocabulary, with their pronunciations.
     */
    List<String> scriptedPhrases() {
        return ScriptedPhrases.of(analysis.qaConfig()).stream().filter(dictionary.get()::knowsEvery).toList();
    }

    /**
     * The turns of recognised transcripts that a person corrected, as corrected: the one part of the platform's own
     * recognition the model learns from (the rest would teach it the recogniser's errors).
     */
    List<String> correctedRecognition() {
        return jdbc.sql("""
                SELECT t.turns -> d.turn_index ->> 'text'
                FROM (SELECT DISTINCT conversation_id, turn_index FROM transcript_revisions WHERE tenant_id = ?) d
                JOIN transcripts t ON t.conversation_id = d.conversation_id
                WHERE t.tenant_id = ? AND t.source = ANY (?) AND t.turns -> d.turn_index IS NOT NULL
                ORDER BY t.created_at DESC LIMIT ?""")
                .params(TenantContext.require().value(), TenantContext.require().value(), recognisers(), MAX_CORRECTED_TURNS)
                .query(String.class).list();
    }

    private static byte[] gzip(Path file) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            Files.copy(file, out);
        }
        return bytes.toByteArray();
    }
}
