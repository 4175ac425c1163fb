package io.verbatim.ingest.transcripts;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Word;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Verbatim's own transcript JSON ({@code testdata/calls/*.json}):
 * {@code {"language": "en-US", "turns": [{"speaker": "agent|customer", "start": 0.0, "end": 4.2, "text": "..."}]}}.
 * Also reads a serialised {@link Transcript} (extra turn fields {@code speakerLabel}, {@code channel},
 * {@code words}, {@code confidence}; {@code durationSeconds}, {@code rolesConfident}) and a bare array of
 * turns. A turn without times is placed after the previous one at
 * {@value TranscriptDraft#WORDS_PER_SECOND} words per second.
 */
final class VerbatimFormat implements TranscriptFormat {

    static final String NAME = "verbatim";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean detects(Content content) {
        JsonNode turns = turns(content.json());
        if (turns == null) {
            return false;
        }
        if (turns.isEmpty()) {
            return !content.json().isArray();
        }
        JsonNode first = turns.get(0);
        return first.isObject() && (first.has("speaker") || first.has("speakerLabel") || first.has("text"));
    }

    private static JsonNode turns(JsonNode root) {
        if (root == null) {
            return null;
        }
        return root.isArray() ? root : Json.array(root, "turns");
    }

    @Override
    public Transcript read(Content content, ChannelRoles roles) {
        JsonNode root = content.json();
        JsonNode turns = turns(root);
        if (turns == null) {
            throw TranscriptImportException.invalid(NAME, "it has no 'turns' array");
        }
        TranscriptDraft draft = new TranscriptDraft(NAME, roles).language(Json.string(root, "language"));
        Double duration = Json.number(root, "durationSeconds", NAME, "$");
        if (duration == null) {
            duration = Json.number(root, "duration", NAME, "$");
        }
        if (duration == null) {
            duration = Json.number(Json.object(root, "audio"), "duration_s", NAME, "audio");
        }
        draft.duration(duration);
        JsonNode confident = Json.field(root, "rolesConfident");
        if (confident != null && confident.isBoolean() && !confident.booleanValue()) {
            draft.rolesGuessed();
        }

        double cursor = 0;
        for (int i = 0; i < turns.size(); i++) {
            JsonNode turn = turns.get(i);
            String path = "turns[" + i + "]";
            if (!turn.isObject()) {
                throw TranscriptImportException.invalid(NAME, path + " is not an object");
            }
            String text = Json.string(turn, "text");
            List<Word> words = Json.words(Json.array(turn, "words"), path, NAME, "text", "word");
            if (text == null && words.isEmpty()) {
                throw TranscriptImportException.invalid(NAME, path + ".text is missing");
            }
            String speaker = Json.string(turn, "speaker");
            String label = Json.string(turn, "speakerLabel");
            if (label == null || label.isBlank()) {
                label = speaker;
            }
            Speaker role = null;
            if (speaker != null && speaker.strip().equalsIgnoreCase("unknown")) {
                role = Speaker.UNKNOWN;
                draft.rolesGuessed();
            } else if (speaker != null && Speaker.fromWire(speaker) != Speaker.UNKNOWN) {
                role = Speaker.fromWire(speaker);
            }
            Double start = Json.number(turn, "start", NAME, path);
            Double end = Json.number(turn, "end", NAME, path);
            if (start == null) {
                start = i == 0 ? 0 : cursor + TranscriptDraft.SYNTHETIC_GAP_SECONDS;
            }
            if (end == null) {
                end = start + TranscriptDraft.spokenSeconds(text);
            }
            Double confidence = Json.number(turn, "confidence", NAME, path);
            draft.add(role, label, Json.integer(turn, "channel", NAME, path), start, end, text, words,
                    confidence != null ? confidence : Word.meanConfidence(words), path);
            cursor = Math.max(cursor, end);
        }
        return draft.build();
    }

}
