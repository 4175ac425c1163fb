package io.verbatim.ask.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retrieval engine's one embedding model for calls and documents ({@code verbatim.retrieval.embedding-model}). */
@Configuration(proxyBeanMethods = false)
class EmbedderConfiguration {

    @Bean
    Embedder embedder(RetrievalProperties properties) {
        return properties.embeddingModel().equals("static") ? new StaticEmbedder() : new MiniLmEmbedder();
    }
}
