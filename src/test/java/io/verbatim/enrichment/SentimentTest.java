package io.verbatim.enrichment;

import static io.verbatim.enrichment.Conversations.ENRICHER;
import static io.verbatim.enrichment.Conversations.en;
import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.speech.Transcript;
import org.junit.jupiter.api.Test;

/** Sentiment of conversational sentences written for these tests. */
class SentimentTest {

    private static SentimentReport.TurnSentiment turn(String line) {
        return ENRICHER.enrich(en("c: " + line), EnrichmentOptions.none()).sentiment().turns().getFirst();
    }

    private static double score(String line) {
        return turn(line).score();
    }

    @Test
    void aDemandAboutLastTimeIsNotPositive() {
        assertThat(score("Okay, but make sure someone actually calls me this time.")).isLessThan(-0.15);
        assertThat(score("This is the third time I've called about this, it's ridiculous.")).isLessThan(-0.5);
        assertThat(score("I want to cancel my service.")).isLessThan(-0.15);
        assertThat(score("Can I just talk to a real person?")).isLessThan(-0.15);
    }

    @Test
    void genuinePraiseOutweighsPoliteness() {
        double praise = score("Thank you so much, you've been super helpful.");
        double polite = score("Okay, thanks.");
        assertThat(praise).isGreaterThan(0.5);
        assertThat(polite).isBetween(0.0, 0.15);
        assertThat(score("Great, thanks, and what about the invoice?")).isLessThan(score("Oh, great, that's wonderful news."));
    }

    @Test
    void negationFlipsAndIntensifiersStrengthen() {
        assertThat(score("I'm not happy with how this went.")).isLessThan(-0.15);
        assertThat(score("Honestly I'm not thrilled.")).isLessThan(0);
        assertThat(score("That's really great.")).isGreaterThan(score("That's great."));
        SentimentReport.TurnSentiment t = turn("I'm not happy with how this went.");
        assertThat(t.cues()).anySatisfy(c -> assertThat(c.cue()).startsWith("negated:"));
        assertThat(t.cues().getFirst().startChar()).isGreaterThan(0);
    }

    @Test
    void whatComesAfterButCountsMore() {
        assertThat(score("The technician was nice, but the bill is ridiculous.")).isLessThan(-0.3);
        assertThat(score("It took a while, but honestly you've been super helpful.")).isGreaterThan(0.3);
    }

    @Test
    void sarcasticGreatIsNegative() {
        assertThat(score("Oh great, so nobody told me about the fee again.")).isLessThan(-0.5);
    }

    @Test
    void spanish() {
        Transcript t = Conversations.of("es-419", "c: Muchas gracias, muy amable, me atendió súper bien.", "c: Esto es ridículo, otra vez lo mismo.");
        SentimentReport r = ENRICHER.enrich(t, EnrichmentOptions.none()).sentiment();
        assertThat(r.turns().get(0).label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(r.turns().get(1).label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void anAnxiousCallerWhoEndsGratefulIsPositiveAndImproving() {
        Transcript t = en(
                "a: Good morning, how can I help?",
                "c: Hi, I think my wallet was stolen and I'm really worried about my card.",
                "a: I'm sorry, let's lock it right away.",
                "c: Okay.",
                "a: Done, the card is blocked and the charge is disputed.",
                "c: Oh wow, okay. That's a relief.",
                "a: Anything else?",
                "c: No, you've been super helpful, thank you so much.");
        SentimentReport r = ENRICHER.enrich(t, EnrichmentOptions.none()).sentiment();
        assertThat(r.customer()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(r.trend()).isEqualTo(SentimentTrend.IMPROVING);
        assertThat(r.quarters()).hasSize(4);
        assertThat(r.speakers()).extracting(SentimentReport.SpeakerSentiment::speaker).contains(io.verbatim.speech.Speaker.CUSTOMER);
    }

    @Test
    void anEscalatingCallerIsNegativeAndWorsening() {
        Transcript t = en(
                "a: Billing.",
                "c: Hi, my bill is higher than usual this month.",
                "a: Usage is usage.",
                "c: But nobody read the meter.",
                "a: I don't know what to tell you.",
                "c: That's ridiculous. I want to speak to a supervisor.",
                "a: Nobody is available.",
                "c: Unbelievable.");
        SentimentReport r = ENRICHER.enrich(t, EnrichmentOptions.none()).sentiment();
        assertThat(r.customer()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(r.trend()).isEqualTo(SentimentTrend.WORSENING);
    }
}
