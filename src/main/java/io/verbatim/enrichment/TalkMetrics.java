package io.verbatim.enrichment;

import io.verbatim.speech.Speaker;
import java.util.List;

/**
 * Who talked how much, when nobody talked, and who talked over whom. Times in seconds.
 *
 * @param durationSeconds          the conversation's duration
 * @param talkSeconds              time when at least one speaker talks
 * @param agentTalkRatio           agent talk / (agent + customer talk), 0..1; null without both
 * @param nonTalkSeconds           duration minus talk time
 * @param silenceThresholdSeconds  the shortest gap listed in {@code silences}
 * @param silences                 every gap with nobody talking at least the threshold long
 * @param overlaps                 every turn that starts before the other speaker's previous turn ends
 * @param speakers                 per speaker
 */
public record TalkMetrics(double durationSeconds, double talkSeconds, Double agentTalkRatio, double nonTalkSeconds,
                          double silenceThresholdSeconds, List<Silence> silences, List<Overlap> overlaps,
                          List<SpeakerTalk> speakers) {

    public TalkMetrics {
        silences = List.copyOf(silences);
        overlaps = List.copyOf(overlaps);
        speakers = List.copyOf(speakers);
    }

    /**
     * @param talkRatio        the speaker's share of all speakers' talk time
     * @param words            words spoken
     * @param wordsPerMinute   speaking rate over the speaker's talk time; null when they did not talk
     * @param questions        questions asked (sentences ending in a question mark, or opening with a question word
     *                         when the engine gave no punctuation)
     * @param interruptions    how often this speaker started talking over the other
     * @param longestMonologue the speaker's longest stretch without the other speaking (consecutive own turns merge
     *                         when the gap between them is under the silence threshold)
     */
    public record SpeakerTalk(Speaker speaker, double talkSeconds, double talkRatio, int turns, int words,
                              Double wordsPerMinute, int questions, int interruptions, Monologue longestMonologue) {
    }

    /** @param firstTurn/lastTurn the 0-based turns it spans */
    public record Monologue(int firstTurn, int lastTurn, double start, double end, double seconds) {
    }

    /** @param afterTurn the turn the silence follows (-1 before the first turn) */
    public record Silence(int afterTurn, double start, double end, double seconds) {
    }

    /**
     * @param turn              the turn that started early
     * @param by                its speaker (the one who interrupted)
     * @param interruptedTurn   the other speaker's turn that was still going
     * @param interrupted       that turn's speaker
     * @param start             when the overlap began
     * @param seconds           how long both talked at once
     */
    public record Overlap(int turn, Speaker by, int interruptedTurn, Speaker interrupted, double start, double seconds) {
    }
}
