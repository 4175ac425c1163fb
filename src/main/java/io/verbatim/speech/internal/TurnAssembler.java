package io.verbatim.speech.internal;

import io.verbatim.media.DecodedAudio;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.SpeechRequest;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Merges engines' utterances into time-ordered turns with speaker roles.
 *
 * <p><b>Stereo</b> (one speaker per channel): the role comes from the request's channel mapping.
 * Consecutive utterances of one channel form one turn unless the other channel spoke in between
 * or the silence exceeds {@link #MAX_GAP_IN_TURN}; an interruption therefore starts a new turn, and
 * the interrupted speaker's continuation another.
 *
 * <p><b>Mono</b> (roles guessed, {@code rolesConfident=false}): when {@link VoiceClusters} can tell
 * two voices apart by pitch, each utterance goes to its voice and turns form as for stereo, the
 * first voice heard being the request's {@code firstSpeaker}. Otherwise utterances separated by less than
 * {@link #MONO_TURN_PAUSE} form one turn; the first turn belongs to the request's {@code firstSpeaker}
 * and the speaker alternates at every longer pause (the segmenter's own minimum silence is the same
 * 0.4 s, so for pocketsphinx every voice-activity segment is a turn). Turn-taking
 * pauses in calls are mostly 0.15-0.9 s, so this is right for crisp back-and-forth, and wrong when
 * one speaker pauses mid-turn (it then flips the rest of the call until the next such pause) or two
 * turns run together without a pause. Labels are "spk_0"/"spk_1" so a later diarizer can relabel.
 */
public final class TurnAssembler {

    /** Longest silence (s) inside one stereo turn; longer pauses (holds, looking things up) start a new turn. */
    public static final double MAX_GAP_IN_TURN = 3.0;
    /** Mono: a pause at least this long (s) between utterances is taken as a change of speaker. */
    public static final double MONO_TURN_PAUSE = 0.4;

    private TurnAssembler() {
    }

    /**
     * Turns from an engine's utterances; for mono, roles follow {@link VoiceClusters} when two voices
     * can be told apart by pitch, else they alternate at pauses.
     *
     * @param mono true when the audio holds one stream (mono, or stereo with identical channels)
     */
    public static Transcript assemble(String language, String source, DecodedAudio audio, boolean mono,
                                      List<Utterance> utterances, SpeechRequest request) {
        List<Utterance> sorted = sorted(utterances);
        if (!mono) {
            return new Transcript(language, source, audio.durationSeconds(), byChannel(sorted, request::roleOf, "ch_", true), true);
        }
        Optional<int[]> voices = VoiceClusters.labels(audio, sorted);
        if (voices.isEmpty()) {
            return new Transcript(language, source, audio.durationSeconds(), mono(sorted, request), false);
        }
        List<Utterance> labelled = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Utterance u = sorted.get(i);
            labelled.add(new Utterance(voices.get()[i], u.start(), u.end(), u.text(), u.words(), u.confidence()));
        }
        Speaker first = request.firstSpeaker();
        return new Transcript(language, source, audio.durationSeconds(),
                byChannel(labelled, voice -> voice == 0 ? first : first.other(), "spk_", false), false);
    }

    /**
     * Turns without access to the audio (mono roles alternate at pauses).
     *
     * @param channels audio channels (1 = mono)
     */
    public static Transcript assemble(String language, String source, double durationSeconds, int channels,
                                      List<Utterance> utterances, SpeechRequest request) {
        List<Utterance> sorted = sorted(utterances);
        List<Turn> turns = channels == 1 ? mono(sorted, request) : byChannel(sorted, request::roleOf, "ch_", true);
        return new Transcript(language, source, durationSeconds, turns, channels > 1);
    }

    private static List<Utterance> sorted(List<Utterance> utterances) {
        return utterances.stream().filter(u -> !u.isEmpty())
                .sorted(Comparator.comparingDouble(Utterance::start).thenComparingInt(Utterance::channel)).toList();
    }

    /** Consecutive utterances of one stream (channel, or voice) are one turn until the other speaks or a long pause. */
    private static List<Turn> byChannel(List<Utterance> sorted, IntFunction<Speaker> role, String labelPrefix, boolean isChannel) {
        List<Turn> turns = new ArrayList<>();
        List<Utterance> current = new ArrayList<>();
        for (Utterance u : sorted) {
            if (!current.isEmpty()) {
                Utterance last = current.getLast();
                if (last.channel() != u.channel() || u.start() - last.end() > MAX_GAP_IN_TURN) {
                    turns.add(turn(current, role.apply(last.channel()), labelPrefix + last.channel(), isChannel ? last.channel() : null));
                    current = new ArrayList<>();
                }
            }
            current.add(u);
        }
        if (!current.isEmpty()) {
            int ch = current.getLast().channel();
            turns.add(turn(current, role.apply(ch), labelPrefix + ch, isChannel ? ch : null));
        }
        turns.sort(Comparator.comparingDouble(Turn::start));
        return turns;
    }

    private static List<Turn> mono(List<Utterance> sorted, SpeechRequest request) {
        List<Turn> turns = new ArrayList<>();
        Speaker speaker = request.firstSpeaker();
        int label = 0;
        List<Utterance> current = new ArrayList<>();
        for (Utterance u : sorted) {
            if (!current.isEmpty() && u.start() - current.getLast().end() >= MONO_TURN_PAUSE) {
                turns.add(turn(current, speaker, "spk_" + label, null));
                current = new ArrayList<>();
                speaker = speaker.other();
                label = 1 - label;
            }
            current.add(u);
        }
        if (!current.isEmpty()) {
            turns.add(turn(current, speaker, "spk_" + label, null));
        }
        return turns;
    }

    private static Turn turn(List<Utterance> parts, Speaker speaker, String label, Integer channel) {
        List<Word> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        double confidenceSum = 0;
        double confidenceWeight = 0;
        for (Utterance u : parts) {
            words.addAll(u.words());
            if (!text.isEmpty() && !u.text().isEmpty()) {
                text.append(' ');
            }
            text.append(u.text());
            if (u.confidence() != null) {
                double weight = Math.max(1, u.words().size());
                confidenceSum += u.confidence() * weight;
                confidenceWeight += weight;
            }
        }
        double start = parts.getFirst().start();
        double end = parts.getLast().end();
        for (Word w : words) {
            start = Math.min(start, w.start());
            end = Math.max(end, w.end());
        }
        return new Turn(speaker, label, channel, start, end, text.toString(), words,
                confidenceWeight == 0 ? null : confidenceSum / confidenceWeight);
    }
}
