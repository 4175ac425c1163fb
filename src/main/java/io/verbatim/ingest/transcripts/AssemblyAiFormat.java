package io.verbatim.ingest.transcripts;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Word;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * AssemblyAI transcript ({@code GET /v2/transcript/{id}}): times in milliseconds,
 * {@code language_code} such as {@code en_us}, {@code audio_duration} in seconds.
 *
 * <ul>
 *   <li>{@code utterances[]} (speaker labels "A", "B"...) when present, else {@code words[]} grouped by speaker.</li>
 *   <li>Multichannel ({@code multichannel} or the older {@code dual_channel}): the 1-based {@code channel}
 *       decides the role through the {@link ChannelRoles} channel mapping (channel "1" is index 0); labels {@code ch_N}.</li>
 *   <li>Speaker letters: the speaker mapping decides, else the first to speak is the agent
 *       ({@code rolesConfident = false}). Words without speaker: {@code unknown}.</li>
 * </ul>
 */
final class AssemblyAiFormat implements TranscriptFormat {

    static final String NAME = "assemblyai";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean detects(Content content) {
        JsonNode root = content.json();
        if (root == null || !root.isObject() || root.has("results")) {
            return false;
        }
        boolean envelope = root.has("audio_url") || root.has("speech_model") || root.has("acoustic_model")
                || root.has("language_model") || root.has("speaker_labels");
        return envelope && (Json.array(root, "utterances") != null || Json.array(root, "words") != null);
    }

    @Override
    public Transcript read(Content content, ChannelRoles roles) {
        JsonNode root = content.json();
        String status = Json.string(root, "status");
        if (status != null && !status.equalsIgnoreCase("completed")) {
            throw TranscriptImportException.invalid(NAME, "the transcript status is " + status + ", not completed");
        }
        boolean multichannel = Json.bool(root, "multichannel") || Json.bool(root, "dual_channel");
        TranscriptDraft draft = new TranscriptDraft(NAME, roles)
                .language(Json.string(root, "language_code"))
                .duration(Json.number(root, "audio_duration", NAME, "$"))
                .mergeSameSpeaker();

        JsonNode utterances = Json.array(root, "utterances");
        JsonNode wordArray = Json.array(root, "words");
        if (utterances != null && !utterances.isEmpty()) {
            for (int i = 0; i < utterances.size(); i++) {
                JsonNode u = utterances.get(i);
                String path = "utterances[" + i + "]";
                add(draft, multichannel, u, Json.requireNumber(u, "start", NAME, path) / 1000,
                        Json.requireNumber(u, "end", NAME, path) / 1000, Json.string(u, "text"),
                        words(Json.array(u, "words"), path), Json.number(u, "confidence", NAME, path), path);
            }
        } else if (wordArray != null && !wordArray.isEmpty()) {
            List<Word> words = words(wordArray, "");
            for (int i = 0; i < words.size(); i++) {
                Word w = words.get(i);
                add(draft, multichannel, wordArray.get(i), w.start(), w.end(), w.text(), List.of(w), w.confidence(),
                        "words[" + i + "]");
            }
        } else {
            throw TranscriptImportException.invalid(NAME, "it has neither utterances nor words");
        }
        return draft.build();
    }

    private static void add(TranscriptDraft draft, boolean multichannel, JsonNode node, double start, double end,
                            String text, List<Word> words, Double confidence, String path) {
        String speaker = Json.string(node, "speaker");
        String channelText = Json.string(node, "channel");
        if (multichannel && (channelText != null || speaker != null)) {
            int channel = channelIndex(channelText != null ? channelText : speaker, path);
            draft.add(draft.roles().roleOfChannel(channel), "ch_" + channel, channel, start, end, text, words, confidence, path);
        } else if (speaker != null && !speaker.isBlank()) {
            draft.add(null, speaker, null, start, end, text, words, confidence, path);
        } else {
            draft.rolesGuessed();
            draft.add(Speaker.UNKNOWN, "unknown", null, start, end, text, words, confidence, path);
        }
    }

    /** AssemblyAI numbers channels from 1; Verbatim from 0. */
    private static int channelIndex(String value, String path) {
        try {
            int oneBased = Integer.parseInt(value.strip());
            if (oneBased < 1) {
                throw TranscriptImportException.invalid(NAME, path + ".channel must be 1 or more");
            }
            return oneBased - 1;
        } catch (NumberFormatException e) {
            throw TranscriptImportException.invalid(NAME, path + ".channel is not a channel number: '" + Json.abbreviate(value) + "'");
        }
    }

    private static List<Word> words(JsonNode array, String path) {
        if (array == null) {
            return List.of();
        }
        List<Word> words = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode w = array.get(i);
            String wpath = (path.isEmpty() ? "" : path + ".") + "words[" + i + "]";
            String text = Json.string(w, "text");
            if (text == null) {
                throw TranscriptImportException.invalid(NAME, wpath + ".text is missing");
            }
            words.add(new Word(text, Json.requireNumber(w, "start", NAME, wpath) / 1000,
                    Json.requireNumber(w, "end", NAME, wpath) / 1000, Json.number(w, "confidence", NAME, wpath)));
        }
        return words;
    }
}
