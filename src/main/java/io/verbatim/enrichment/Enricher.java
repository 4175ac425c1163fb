package io.verbatim.enrichment;

import io.verbatim.enrichment.language.LanguageIdentifier;
import io.verbatim.enrichment.phrases.KeyPhraseExtractor;
import io.verbatim.enrichment.pii.PiiDetector;
import io.verbatim.enrichment.redaction.AudioRedactor;
import io.verbatim.enrichment.redaction.Redactor;
import io.verbatim.enrichment.sentiment.SentimentAnalyzer;
import io.verbatim.enrichment.talk.TalkAnalyzer;
import io.verbatim.media.DecodedAudio;
import io.verbatim.speech.Transcript;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The {@code enriched} stage's engine: language, sentiment, talk metrics, PII with redaction, key
 * phrases, all from the transcript alone, deterministic, each finding with its evidence (turn,
 * characters, time, rule). Models (OpenNLP language, tokenizer and part-of-speech) load once at
 * construction; {@link #enrich} is thread-safe and needs no network.
 */
@Service
public class Enricher {

    private final EnrichmentProperties properties;
    private final LanguageIdentifier languages;
    private final PiiDetector pii = new PiiDetector();
    private final SentimentAnalyzer sentiment = new SentimentAnalyzer();
    private final TalkAnalyzer talk;
    private final KeyPhraseExtractor phrases;
    private final AudioRedactor audio;

    /** With the default settings (tests, command-line tools). */
    public Enricher() {
        this(EnrichmentProperties.defaults());
    }

    @Autowired
    public Enricher(EnrichmentProperties properties) {
        this.properties = properties == null ? EnrichmentProperties.defaults() : properties;
        this.languages = new LanguageIdentifier(this.properties.languageMinCharacters());
        this.talk = new TalkAnalyzer(this.properties.silenceThresholdSeconds());
        this.phrases = new KeyPhraseExtractor(this.properties.keyPhrases());
        this.audio = new AudioRedactor(this.properties.redactionPaddingSeconds());
    }

    public Enrichment enrich(Transcript transcript, EnrichmentOptions options) {
        EnrichmentOptions opts = options == null ? EnrichmentOptions.none() : options;
        String declared = transcript.language() != null ? transcript.language() : opts.languageHint();
        DetectedLanguage language = languages.identify(transcript.turns(), declared);
        TalkMetrics talkMetrics = talk.analyze(transcript.turns(), transcript.durationSeconds());
        SentimentReport sentimentReport = sentiment.analyze(transcript.turns(), talkMetrics.durationSeconds(), talkMetrics.overlaps());
        List<PiiEntity> mentions = pii.detect(transcript.turns(), language.tag(), opts.agentName(), opts.customerName());
        List<KeyPhrase> keyPhrases = phrases.extract(transcript.turns(), language.code(), mentions);
        return new Enrichment(Enrichment.VERSION, language, sentimentReport, talkMetrics, mentions,
                Redactor.turns(transcript, mentions), keyPhrases);
    }

    /**
     * The transcript as a role without PII access may see it: every mention replaced by its type tag in
     * the text, and in the word timings where the mention was timed by words.
     */
    public Transcript redact(Transcript transcript, List<PiiEntity> pii) {
        return Redactor.transcript(transcript, pii);
    }

    /**
     * Writes a playback copy of the recording with the PII spans silenced ({@code verbatim.enrichment.redaction-padding-seconds}
     * either side; more where a span's time was estimated within its turn), as a 16-bit PCM WAV file.
     *
     * @param pii the mentions (from {@link Enrichment#pii()}) whose time spans to silence
     * @param wav where to write; replaced atomically
     */
    public RedactedAudio redactAudio(DecodedAudio decoded, List<PiiEntity> pii, Path wav) throws IOException {
        return audio.redact(decoded, pii, wav);
    }

    public EnrichmentProperties properties() {
        return properties;
    }
}
