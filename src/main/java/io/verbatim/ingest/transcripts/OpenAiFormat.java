package io.verbatim.ingest.transcripts;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI audio transcription responses:
 *
 * <ul>
 *   <li>Whisper {@code verbose_json} ({@code task, language: "english", duration, text, segments[], words[]}):
 *       one turn per segment, with the words that fall in it; with words only, words are grouped into
 *       turns at pauses of {@value TranscriptDraft#MAX_PAUSE_SECONDS} s and take their punctuation from
 *       {@code text}. Whisper does not diarize: the speaker is {@code unknown} ({@code rolesConfident = false}).</li>
 *   <li>{@code diarized_json} ({@code gpt-4o-transcribe-diarize}): segments with a {@code speaker}
 *       ("agent" or a letter); consecutive segments of one speaker form a turn; role words are
 *       confident, letters are guessed (first to speak = agent) unless the speaker mapping names them.</li>
 * </ul>
 */
final class OpenAiFormat implements TranscriptFormat {

    static final String NAME = "openai";

    /** How far ahead in the text a word's punctuated form is looked for. */
    private static final int ALIGN_WINDOW = 8;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean detects(Content content) {
        JsonNode root = content.json();
        if (root == null || !root.isObject() || root.has("results") || root.has("turns")) {
            return false;
        }
        boolean envelope = root.has("task") || root.has("duration") || root.has("text") || root.has("usage");
        JsonNode segments = Json.array(root, "segments");
        JsonNode words = Json.array(root, "words");
        boolean segmentShape = segments != null && !segments.isEmpty() && segments.get(0).has("start")
                && segments.get(0).has("end") && segments.get(0).has("text");
        boolean wordShape = words != null && !words.isEmpty() && words.get(0).has("word") && words.get(0).has("start");
        return envelope && (segmentShape || wordShape);
    }

    @Override
    public Transcript read(Content content, ChannelRoles roles) {
        JsonNode root = content.json();
        TranscriptDraft draft = new TranscriptDraft(NAME, roles)
                .language(Json.string(root, "language"))
                .duration(Json.number(root, "duration", NAME, "$"));
        List<Word> words = words(Json.array(root, "words"), Json.string(root, "text"));
        JsonNode segments = Json.array(root, "segments");
        if (segments != null && !segments.isEmpty()) {
            boolean diarized = segments.valueStream().anyMatch(s -> Json.string(s, "speaker") != null);
            if (diarized) {
                draft.mergeSameSpeaker();
            } else {
                draft.rolesGuessed();
            }
            int w = 0;
            for (int i = 0; i < segments.size(); i++) {
                JsonNode segment = segments.get(i);
                String path = "segments[" + i + "]";
                double start = Json.requireNumber(segment, "start", NAME, path);
                double end = Json.requireNumber(segment, "end", NAME, path);
                boolean last = i == segments.size() - 1;
                List<Word> inSegment = new ArrayList<>();
                while (w < words.size() && (last || words.get(w).start() < end)) {
                    inSegment.add(words.get(w++));
                }
                String speaker = Json.string(segment, "speaker");
                Speaker role = diarized ? null : Speaker.UNKNOWN;
                String label = diarized ? (speaker == null ? "unknown" : speaker) : "unknown";
                draft.add(role, label, null, start, end, Json.string(segment, "text"), inSegment,
                        Word.meanConfidence(inSegment), path);
            }
        } else if (!words.isEmpty()) {
            draft.rolesGuessed().mergeSameSpeaker();
            for (int i = 0; i < words.size(); i++) {
                Word word = words.get(i);
                draft.add(Speaker.UNKNOWN, "unknown", null, word.start(), word.end(), word.text(), List.of(word), null,
                        "words[" + i + "]");
            }
        } else {
            throw TranscriptImportException.invalid(NAME, "it has neither segments nor words (request verbose_json with timestamps)");
        }
        return draft.build();
    }

    /** Reads words[], taking each word's punctuated form from the full text when it can be found nearby. */
    private static List<Word> words(JsonNode array, String fullText) {
        if (array == null) {
            return List.of();
        }
        String[] tokens = fullText == null || fullText.isBlank() ? new String[0] : fullText.strip().split("\\s+");
        int cursor = 0;
        List<Word> words = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode w = array.get(i);
            String path = "words[" + i + "]";
            String text = Json.string(w, "word");
            if (text == null) {
                throw TranscriptImportException.invalid(NAME, path + ".word is missing");
            }
            text = text.strip();
            String key = bare(text);
            for (int j = cursor; j < Math.min(tokens.length, cursor + ALIGN_WINDOW); j++) {
                if (!key.isEmpty() && bare(tokens[j]).equals(key)) {
                    text = tokens[j];
                    cursor = j + 1;
                    break;
                }
            }
            words.add(new Word(text, Json.requireNumber(w, "start", NAME, path), Json.requireNumber(w, "end", NAME, path),
                    Json.number(w, "probability", NAME, path)));
        }
        return words;
    }

    private static String bare(String token) {
        return token.replaceAll("[^\\p{L}\\p{N}']", "").toLowerCase(Locale.ROOT);
    }
}
