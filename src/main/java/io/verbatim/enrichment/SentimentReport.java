package io.verbatim.enrichment;

import io.verbatim.speech.Speaker;
import java.util.List;

/**
 * Sentiment of a conversation, built up from cues found in each turn (scores are -1..1).
 *
 * @param customer      the customer's overall sentiment, weighted toward the end of the call
 * @param trend         opening versus close of the customer's turns
 * @param customerScore the score behind {@code customer}
 * @param openingScore  the customer's score over the opening (first third of their turns)
 * @param closingScore  the customer's score over the close (last third of their turns)
 * @param speakers      one entry per speaker present
 * @param quarters      four entries, by time: the quarter's span and each side's score (null when silent)
 * @param turns         every turn's score with the cues that produced it
 * @param customerConfidence how sure the customer label is (0..1): low near a label boundary or with little evidence
 * @param trendConfidence    likewise for the trend
 */
public record SentimentReport(SentimentLabel customer, SentimentTrend trend, double customerScore, double openingScore,
                              double closingScore, List<SpeakerSentiment> speakers, List<QuarterSentiment> quarters,
                              List<TurnSentiment> turns, double customerConfidence, double trendConfidence) {

    public SentimentReport {
        speakers = List.copyOf(speakers);
        quarters = List.copyOf(quarters);
        turns = List.copyOf(turns);
    }

    /** @param turns how many of the speaker's turns carried any cue / in all */
    public record SpeakerSentiment(Speaker speaker, double score, SentimentLabel label, int turns, int turnsWithCues) {
    }

    /** @param quarter 1..4; {@code start}/{@code end} in seconds */
    public record QuarterSentiment(int quarter, double start, double end, Double agent, Double customer,
                                   SentimentLabel customerLabel) {
    }

    public record TurnSentiment(int turn, Speaker speaker, double score, SentimentLabel label, List<Cue> cues) {

        public TurnSentiment {
            cues = List.copyOf(cues);
        }
    }

    /**
     * One piece of evidence.
     *
     * @param cue       the rule, e.g. {@code frustration:third time}, {@code politeness:thank you}, {@code negated:happy}
     * @param startChar where it is in the turn's text
     * @param endChar   end (exclusive)
     * @param weight    its signed contribution before the turn's squashing
     */
    public record Cue(String cue, int startChar, int endChar, double weight) {
    }
}
