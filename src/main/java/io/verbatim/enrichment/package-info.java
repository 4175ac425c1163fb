/**
 * Enrichment: what the {@code enriched} stage adds to a transcript, without any external service.
 *
 * <p>API: {@link io.verbatim.enrichment.Enricher} ({@code enrich(Transcript, EnrichmentOptions) -> Enrichment},
 * {@code redact}, {@code redactAudio}), the {@link io.verbatim.enrichment.Enrichment} record and its parts
 * ({@link io.verbatim.enrichment.DetectedLanguage}, {@link io.verbatim.enrichment.SentimentReport},
 * {@link io.verbatim.enrichment.TalkMetrics}, {@link io.verbatim.enrichment.PiiEntity},
 * {@link io.verbatim.enrichment.RedactedTurn}, {@link io.verbatim.enrichment.KeyPhrase}), and
 * {@link io.verbatim.enrichment.EnrichmentProperties} ({@code verbatim.enrichment.*}).
 *
 * <p>Internals, one sub-package per concern: {@code language} (OpenNLP language model), {@code sentiment}
 * (conversational cue lexicon, English and Spanish), {@code talk} (timing metrics), {@code pii} (rule-based
 * detection of written and spoken PII; libphonenumber for phones, Luhn for cards), {@code phrases}
 * (noun-phrase chunks from the OpenNLP part-of-speech model), {@code redaction} (text tags, silenced WAV).
 */
package io.verbatim.enrichment;
