package io.verbatim.ingest.transcripts;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Collects the pieces an importer reads (turns, utterances or single words), checks their times,
 * resolves speaker roles, sorts by start, optionally joins one speaker's consecutive pieces into
 * turns, and builds the {@link Transcript}. Shared by every format so that they all follow the same
 * rules:
 *
 * <ul>
 *   <li>times must be finite and non-negative, and a piece must not end before it starts;</li>
 *   <li>pieces without text and words are dropped; none left is an error;</li>
 *   <li>a piece added with a role keeps it; a piece added with a null role is resolved by its label:
 *       the {@link ChannelRoles} speaker mapping, then a role word ("Agent", "Customer", "AI",
 *       "User"...), then a guess (the first unresolved label to speak is the agent if no one is yet,
 *       every later one a customer), and a guess makes the transcript {@code rolesConfident = false};</li>
 *   <li>with {@link #mergeSameSpeaker()}, consecutive pieces of one label and channel become one turn
 *       unless a pause of {@link #MAX_PAUSE_SECONDS} or more separates them.</li>
 * </ul>
 */
final class TranscriptDraft {

    /** A same-speaker pause at least this long starts a new turn when pieces are joined. */
    static final double MAX_PAUSE_SECONDS = 3.0;
    /** Speaking rate used to synthesise timings for formats that have none (plain text, Vapi without times). */
    static final double WORDS_PER_SECOND = 2.5;
    /** Gap placed between turns with synthesised timings. */
    static final double SYNTHETIC_GAP_SECONDS = 0.3;
    /** Rounding slack: a piece may end up to this much before it starts (float noise) and is clamped. */
    private static final double EPSILON = 0.0015;

    private final String format;
    private final ChannelRoles roles;
    private final List<Piece> pieces = new ArrayList<>();
    private String language;
    private Double durationSeconds;
    private boolean merge;
    private boolean rolesGuessed;

    private record Piece(int order, Speaker role, String label, Integer channel, double start, double end, String text,
                         List<Word> words, Double confidence) {
    }

    TranscriptDraft(String format, ChannelRoles roles) {
        this.format = format;
        this.roles = roles == null ? ChannelRoles.defaults() : roles;
    }

    ChannelRoles roles() {
        return roles;
    }

    TranscriptDraft language(String raw) {
        this.language = Languages.normalize(raw);
        return this;
    }

    TranscriptDraft duration(Double seconds) {
        if (seconds != null && Double.isFinite(seconds) && seconds > 0) {
            this.durationSeconds = seconds;
        }
        return this;
    }

    /** Join consecutive pieces of one speaker into turns (for word- or utterance-level input). */
    TranscriptDraft mergeSameSpeaker() {
        this.merge = true;
        return this;
    }

    /** The roles are not known (mono, no diarization): the transcript is marked rolesConfident = false. */
    TranscriptDraft rolesGuessed() {
        this.rolesGuessed = true;
        return this;
    }

    boolean isEmpty() {
        return pieces.isEmpty();
    }

    /**
     * Adds a piece.
     *
     * @param role  the known role, or null to resolve it from the label
     * @param label the source's own speaker label (kept on the turn)
     * @param path  where the piece is in the input, for error messages ("turns[3]")
     */
    void add(Speaker role, String label, Integer channel, double start, double end, String text, List<Word> words,
             Double confidence, String path) {
        checkTime(start, path, "start");
        checkTime(end, path, "end");
        if (end < start) {
            if (start - end > EPSILON) {
                throw TranscriptImportException.invalid(format, path + " ends (" + end + " s) before it starts (" + start + " s)");
            }
            end = start;
        }
        List<Word> checked = words == null ? List.of() : words;
        for (int i = 0; i < checked.size(); i++) {
            Word w = checked.get(i);
            checkTime(w.start(), path + ".words[" + i + "]", "start");
            checkTime(w.end(), path + ".words[" + i + "]", "end");
            if (w.start() - w.end() > EPSILON) {
                throw TranscriptImportException.invalid(format, path + ".words[" + i + "] ends before it starts");
            }
        }
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty() && checked.isEmpty()) {
            return;
        }
        if (confidence != null && (!Double.isFinite(confidence) || confidence < 0 || confidence > 1)) {
            confidence = null;
        }
        pieces.add(new Piece(pieces.size(), role, label == null || label.isBlank() ? "unknown" : label.strip(), channel,
                start, end, clean, checked, confidence));
    }

    private void checkTime(double seconds, String path, String what) {
        if (!Double.isFinite(seconds)) {
            throw TranscriptImportException.invalid(format, path + " has no valid " + what + " time");
        }
        if (seconds < 0) {
            throw TranscriptImportException.invalid(format, path + " has a negative " + what + " time (" + seconds + " s)");
        }
    }

    Transcript build() {
        if (pieces.isEmpty()) {
            throw TranscriptImportException.invalid(format, "it has no turns");
        }
        List<Piece> sorted = new ArrayList<>(pieces);
        sorted.sort(Comparator.comparingDouble(Piece::start).thenComparingInt(Piece::order));

        Map<String, Speaker> resolved = new HashMap<>();
        boolean guessed = resolveLabels(sorted, resolved);

        List<Turn> turns = new ArrayList<>();
        TurnBuilder current = null;
        for (Piece piece : sorted) {
            Speaker role = piece.role() != null ? piece.role() : resolved.get(piece.label());
            if (current != null && merge && current.accepts(piece, role)) {
                current.append(piece);
                continue;
            }
            if (current != null) {
                turns.add(current.build());
            }
            current = new TurnBuilder(role, piece);
        }
        turns.add(current.build());

        double lastEnd = turns.stream().mapToDouble(Turn::end).max().orElse(0);
        double duration = durationSeconds == null ? lastEnd : Math.max(durationSeconds, lastEnd);
        return new Transcript(language, format, duration, turns, !rolesGuessed && !guessed);
    }

    /** Resolves labels of pieces without a role; returns true when any role had to be guessed. */
    private boolean resolveLabels(List<Piece> sorted, Map<String, Speaker> resolved) {
        Set<Speaker> assigned = EnumSet.noneOf(Speaker.class);
        Set<String> unresolved = new LinkedHashSet<>();
        for (Piece piece : sorted) {
            if (piece.role() != null) {
                assigned.add(piece.role());
                continue;
            }
            if (resolved.containsKey(piece.label()) || unresolved.contains(piece.label())) {
                continue;
            }
            Speaker known = roles.roleOfSpeaker(piece.label()).orElse(Speaker.fromWire(piece.label()));
            if (known != Speaker.UNKNOWN || roles.roleOfSpeaker(piece.label()).isPresent()) {
                resolved.put(piece.label(), known);
                assigned.add(known);
            } else {
                unresolved.add(piece.label());
            }
        }
        for (String label : unresolved) {
            Speaker guess = assigned.contains(Speaker.AGENT) ? Speaker.CUSTOMER : Speaker.AGENT;
            resolved.put(label, guess);
            assigned.add(guess);
        }
        return !unresolved.isEmpty();
    }

    private static final class TurnBuilder {
        private final Speaker role;
        private final String label;
        private final Integer channel;
        private final double start;
        private double end;
        private final StringBuilder text = new StringBuilder();
        private final List<Word> words = new ArrayList<>();
        private double confidenceSum;
        private int confidenceWeight;

        TurnBuilder(Speaker role, Piece first) {
            this.role = role;
            this.label = first.label();
            this.channel = first.channel();
            this.start = first.start();
            this.end = first.end();
            append(first);
        }

        boolean accepts(Piece piece, Speaker pieceRole) {
            return Objects.equals(label, piece.label()) && Objects.equals(channel, piece.channel()) && role == pieceRole
                    && piece.start() - end < MAX_PAUSE_SECONDS;
        }

        void append(Piece piece) {
            if (!piece.text().isEmpty()) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(piece.text());
            }
            words.addAll(piece.words());
            end = Math.max(end, piece.end());
            if (piece.confidence() != null) {
                int weight = Math.max(1, piece.words().size());
                confidenceSum += piece.confidence() * weight;
                confidenceWeight += weight;
            }
        }

        Turn build() {
            String turnText = text.isEmpty()
                    ? String.join(" ", words.stream().map(Word::text).toList())
                    : text.toString();
            Double confidence = confidenceWeight == 0 ? null : confidenceSum / confidenceWeight;
            return new Turn(role, label, channel, start, end, turnText, words, confidence);
        }
    }

    /** Seconds a text takes to say at {@link #WORDS_PER_SECOND} (at least one word's worth). */
    static double spokenSeconds(String text) {
        return Math.max(1, wordCount(text)) / WORDS_PER_SECOND;
    }

    static int wordCount(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return text.strip().split("\\s+").length;
    }

}
