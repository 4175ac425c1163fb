package io.verbatim.enrichment;

import static io.verbatim.enrichment.Conversations.ENRICHER;
import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.speech.Transcript;
import org.junit.jupiter.api.Test;

class LanguageAndPhrasesTest {

    @Test
    void detectsEnglishAndSpanishAndKeepsTheDeclaredRegion() {
        Transcript es = Conversations.of("es-419",
                "a: Buenas tardes, bienvenido al banco. ¿En qué le puedo ayudar hoy?",
                "c: Quería información sobre las cuentas de ahorro y las tarjetas de crédito, por favor.",
                "a: Con mucho gusto. Tenemos una cuenta de ahorro sin cargo por manejo y una tarjeta que acumula millas.",
                "c: Perfecto, me interesa la tarjeta. ¿Cuánto cuesta la anualidad y qué necesito para solicitarla?");
        DetectedLanguage d = ENRICHER.enrich(es, EnrichmentOptions.none()).language();
        assertThat(d.code()).isEqualTo("es");
        assertThat(d.tag()).isEqualTo("es-419");

        Transcript undeclared = Conversations.of(null,
                "a: Thanks for calling, how can I help you today?",
                "c: My water heater is leaking all over the garage floor and I need someone to come out and look at it.");
        assertThat(ENRICHER.enrich(undeclared, EnrichmentOptions.none()).language().code()).isEqualTo("en");
    }

    @Test
    void aShortConversationKeepsTheDeclaredLanguage() {
        Transcript t = Conversations.of("es-419", "a: Okey.", "c: Sí.");
        DetectedLanguage d = ENRICHER.enrich(t, EnrichmentOptions.none()).language();
        assertThat(d.tag()).isEqualTo("es-419");
        assertThat(d.method()).isIn("transcript", "detected");
    }

    @Test
    void keyPhrasesAreTheRecurringNounPhrases() {
        Transcript t = Conversations.en(
                "c: My water heater is leaking in the garage.",
                "a: How old is the water heater?",
                "c: About twelve years. The water heater is gas.",
                "a: We can replace the water heater tomorrow, or send a technician for a diagnostic visit.",
                "c: A diagnostic visit sounds good.");
        var phrases = ENRICHER.enrich(t, EnrichmentOptions.none()).keyPhrases();
        assertThat(phrases).isNotEmpty();
        assertThat(phrases.getFirst().phrase()).isEqualTo("water heater");
        assertThat(phrases.getFirst().count()).isEqualTo(4);
        assertThat(phrases).extracting(KeyPhrase::phrase).contains("diagnostic visit");
    }
}
