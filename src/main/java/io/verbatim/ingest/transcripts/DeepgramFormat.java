package io.verbatim.ingest.transcripts;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Word;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Deepgram pre-recorded ({@code /v1/listen}) response: {@code {"metadata", "results": {"channels": [...],
 * "utterances": [...]}}}.
 *
 * <ul>
 *   <li>Utterances when present, else the words of each channel's best alternative.</li>
 *   <li>Multichannel audio (more than one channel): the channel decides the role through the
 *       {@link ChannelRoles} channel mapping (confident); labels {@code ch_N}.</li>
 *   <li>Diarized mono ({@code speaker} on utterances or words): labels {@code speaker_N}; the speaker
 *       mapping decides, else the first to speak is the agent ({@code rolesConfident = false}).</li>
 *   <li>Neither: speaker {@code unknown}, utterances kept as they are.</li>
 * </ul>
 * Consecutive utterances or words of one speaker form one turn unless a pause of
 * {@value TranscriptDraft#MAX_PAUSE_SECONDS} s or more separates them. Words use {@code punctuated_word}.
 */
final class DeepgramFormat implements TranscriptFormat {

    static final String NAME = "deepgram";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean detects(Content content) {
        JsonNode results = Json.object(content.json(), "results");
        return results != null && Json.array(results, "channels") != null;
    }

    @Override
    public Transcript read(Content content, ChannelRoles roles) {
        JsonNode root = content.json();
        JsonNode results = Json.object(root, "results");
        JsonNode channels = Json.array(results, "channels");
        if (channels == null) {
            throw TranscriptImportException.invalid(NAME, "results.channels is missing");
        }
        JsonNode metadata = Json.object(root, "metadata");
        Integer channelCount = Json.integer(metadata, "channels", NAME, "metadata");
        boolean multichannel = channels.size() > 1 || (channelCount != null && channelCount > 1);
        TranscriptDraft draft = new TranscriptDraft(NAME, roles)
                .language(language(channels))
                .duration(Json.number(metadata, "duration", NAME, "metadata"));

        JsonNode utterances = Json.array(results, "utterances");
        if (utterances != null && !utterances.isEmpty()) {
            boolean diarized = utterances.valueStream().anyMatch(u -> Json.field(u, "speaker") != null);
            if (multichannel || diarized) {
                draft.mergeSameSpeaker();
            } else {
                draft.rolesGuessed();
            }
            for (int i = 0; i < utterances.size(); i++) {
                JsonNode u = utterances.get(i);
                String path = "results.utterances[" + i + "]";
                Integer channel = Json.integer(u, "channel", NAME, path);
                Integer speaker = Json.integer(u, "speaker", NAME, path);
                List<Word> words = Json.words(Json.array(u, "words"), path, NAME, "punctuated_word", "word");
                add(draft, multichannel, channel == null ? 0 : channel, speaker,
                        Json.requireNumber(u, "start", NAME, path), Json.requireNumber(u, "end", NAME, path),
                        Json.string(u, "transcript"), words, Json.number(u, "confidence", NAME, path), path);
            }
        } else {
            draft.mergeSameSpeaker();
            boolean anySpeaker = false;
            for (int c = 0; c < channels.size(); c++) {
                JsonNode alternatives = Json.array(channels.get(c), "alternatives");
                if (alternatives == null || alternatives.isEmpty()) {
                    continue;
                }
                String path = "results.channels[" + c + "].alternatives[0]";
                JsonNode wordArray = Json.array(alternatives.get(0), "words");
                List<Word> words = Json.words(wordArray, path, NAME, "punctuated_word", "word");
                for (int i = 0; i < words.size(); i++) {
                    Integer speaker = Json.integer(wordArray.get(i), "speaker", NAME, path + ".words[" + i + "]");
                    anySpeaker |= speaker != null;
                    Word w = words.get(i);
                    add(draft, multichannel, c, speaker, w.start(), w.end(), w.text(), List.of(w), w.confidence(),
                            path + ".words[" + i + "]");
                }
            }
            if (!multichannel && !anySpeaker) {
                draft.rolesGuessed();
            }
        }
        return draft.build();
    }

    private static void add(TranscriptDraft draft, boolean multichannel, int channel, Integer speaker, double start,
                            double end, String text, List<Word> words, Double confidence, String path) {
        if (multichannel) {
            draft.add(draft.roles().roleOfChannel(channel), "ch_" + channel, channel, start, end, text, words, confidence, path);
        } else if (speaker != null) {
            draft.add(null, "speaker_" + speaker, null, start, end, text, words, confidence, path);
        } else {
            draft.add(Speaker.UNKNOWN, "unknown", null, start, end, text, words, confidence, path);
        }
    }


    private static String language(JsonNode channels) {
        for (JsonNode channel : channels) {
            String detected = Json.string(channel, "detected_language");
            if (detected != null) {
                return detected;
            }
            JsonNode alternatives = Json.array(channel, "alternatives");
            JsonNode languages = alternatives == null || alternatives.isEmpty() ? null : Json.array(alternatives.get(0), "languages");
            if (languages != null && !languages.isEmpty() && languages.get(0).isString()) {
                return languages.get(0).stringValue();
            }
        }
        return null;
    }
}
