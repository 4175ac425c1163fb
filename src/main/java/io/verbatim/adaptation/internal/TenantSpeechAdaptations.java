package io.verbatim.adaptation.internal;

import io.verbatim.adaptation.AdaptationProperties;
import io.verbatim.adaptation.lm.DomainModel;
import io.verbatim.adaptation.lm.Pronunciations;
import io.verbatim.speech.SpeechAdaptation;
import io.verbatim.speech.SpeechAdaptationSource;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each tenant's current domain model as a file on this node (the decoder reads files): fetched from the
 * database once per version, older versions of the tenant deleted (decoders keep what they loaded in memory).
 */
@Component
class TenantSpeechAdaptations implements SpeechAdaptationSource {

    private final AdaptationProperties properties;
    private final LanguageModelStore models;
    private final TransactionTemplate tx;
    private final java.util.function.Supplier<Pronunciations> dictionary;
    private final VocabularyStore vocabulary;
    /**
     * Bump when base-conversation.txt, how its text is written (LmText) or the estimator changes: decoders cache models by
     * key. 3: accents folded (2 was a reverted cut of the base text; not reused).
     */
    private static final int BASE_VERSION = 3;
    private SpeechAdaptation base;

    TenantSpeechAdaptations(AdaptationProperties properties, LanguageModelStore models, PlatformTransactionManager transactions,
                            java.util.function.Supplier<Pronunciations> dictionary, VocabularyStore vocabulary) {
        this.properties = properties;
        this.vocabulary = vocabulary;
        this.dictionary = dictionary;
        this.models = models;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setReadOnly(true);
    }

    /**
     * Every tenant's model when {@code verbatim.speech.adaptation.enabled}; otherwise only a tenant that entered a
     * vocabulary decodes with its model (it asked for its names to be recognised), the others with the general one.
     */
    @Override
    public Optional<SpeechAdaptation> forTenant(String tenantId) {
        return properties.enabled() || adapts(tenantId) ? current(tenantId) : Optional.empty();
    }

    /** Whether the tenant entered a vocabulary, so its recordings are decoded with its model whatever the setting. */
    boolean adapts(String tenantId) {
        return Boolean.TRUE.equals(TenantContext.callAs(new TenantId(tenantId), () -> tx.execute(s -> vocabulary.any())));
    }

    /** The tenant's current model (or the base model), whether or not recordings are decoded with it. */
    Optional<SpeechAdaptation> current(String tenantId) {
        return TenantContext.callAs(new TenantId(tenantId), () -> tx.execute(s -> {
            Optional<Integer> version = models.version();
            if (version.isEmpty()) {
                return properties.baseModel() ? Optional.of(base()) : Optional.<SpeechAdaptation>empty();
            }
            Path file = properties.effectiveCacheDir().resolve(tenantId + "-" + models.stamp().orElseThrow() + ".arpa");
            java.util.Map<String, String> pronunciations;
            if (Files.exists(file)) {
                pronunciations = models.stored().map(LanguageModelStore.Stored::pronunciations).orElse(java.util.Map.of());
            } else {
                LanguageModelStore.Stored stored = models.stored().orElseThrow();
                write(stored, tenantId, file);
                pronunciations = stored.pronunciations();
            }
            return Optional.of(new SpeechAdaptation(tenantId + ":" + version.get(), file, properties.weight(), pronunciations));
        }));
    }

    /** The shipped base conversation model, built on this node on first use (a fraction of a second). */
    private synchronized SpeechAdaptation base() {
        if (base == null) {
            try {
                Path file = properties.effectiveCacheDir().resolve("base-" + BASE_VERSION + ".arpa");
                Files.createDirectories(file.getParent());
                DomainModel.Built built = DomainModel.build(java.util.List.of(), java.util.List.of(), dictionary.get(), file);
                base = new SpeechAdaptation("base:" + BASE_VERSION, file, properties.weight(), built.pronunciations());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return base;
    }

    private static synchronized void write(LanguageModelStore.Stored stored, String tenantId, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), tenantId + "-", ".tmp");
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(stored.arpaGz()))) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // Only this tenant's own "<tenant>-<version>-<millis>.arpa": a glob on "<tenant>-*" would also take the
            // files of a tenant whose id begins with this one's and a dash ("demo" and "demo-east").
            java.util.regex.Pattern own = java.util.regex.Pattern.compile(
                    java.util.regex.Pattern.quote(tenantId) + "-\\d+-\\d+\\.arpa");
            try (DirectoryStream<Path> old = Files.newDirectoryStream(file.getParent(), tenantId + "-*.arpa")) {
                for (Path p : old) {
                    if (!p.equals(file) && own.matcher(p.getFileName().toString()).matches()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
