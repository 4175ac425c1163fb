package io.verbatim.analysis;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.verbatim.analysis.internal.AnalysisEngine;
import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.rules.SentenceEmbedder;
import io.verbatim.speech.Transcript;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The built-in analyst. {@link #analyse} scores the conversation on the scorecard its attributes
 * select, runs the trackers, and extracts call reason, objections, action items, outcomes, KPIs and
 * an extractive summary, each with evidence. Deterministic for a given transcript, config and
 * embedding model. Thread-safe; the MiniLM model loads on first use of a semantic rule.
 */
@Component
public class Analyst {

    private final AnalysisEngine engine;

    @Autowired
    public Analyst() {
        this(lazy(MiniLmEmbedder::new));
    }

    /** An analyst whose semantic rules use the given LangChain4j embedding model. */
    public Analyst(EmbeddingModel model) {
        this(new MiniLmEmbedder(model));
    }

    Analyst(SentenceEmbedder embedder) {
        this.engine = new AnalysisEngine(embedder);
    }

    /**
     * @param attributes channel, direction, tags and agent name (null = unknown)
     * @param config     the tenant's QA config ({@link QaConfigs#defaults()} when null)
     * @param sentiment  the customer's sentiment from enrichment, or null (KPIs then assume neutral/steady)
     */
    public AnalysisResult analyse(Transcript transcript, ConversationAttributes attributes, QaConfig config,
                                  SentimentSignal sentiment) {
        return engine.analyse(transcript, attributes == null ? ConversationAttributes.unknown() : attributes,
                config == null ? QaConfigs.defaults() : config, sentiment);
    }

    private static SentenceEmbedder lazy(Supplier<SentenceEmbedder> factory) {
        return new SentenceEmbedder() {
            private volatile SentenceEmbedder delegate;

            private SentenceEmbedder get() {
                SentenceEmbedder d = delegate;
                if (d == null) {
                    synchronized (this) {
                        d = delegate;
                        if (d == null) {
                            d = factory.get();
                            delegate = d;
                        }
                    }
                }
                return d;
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return get().embedAll(texts);
            }

            @Override
            public List<float[]> embedExamples(List<String> texts) {
                return get().embedExamples(texts);
            }
        };
    }
}
