package io.verbatim.ingest.transcripts;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Amazon Transcribe batch job output ({@code {"jobName", "results": {"transcripts", "items", ...}}}),
 * with speaker diarization ({@code speaker_label: "spk_0"}), channel identification
 * ({@code channel_label: "ch_0"}) or neither.
 *
 * <p>Items become words (times and confidences arrive as strings), punctuation is attached to the
 * preceding word, and consecutive words of one speaker or channel form a turn (a pause of
 * {@value TranscriptDraft#MAX_PAUSE_SECONDS} s or more starts a new one). Channels take their role
 * from the {@link ChannelRoles} channel mapping (confident); speaker labels from its speaker mapping,
 * else the first to speak is the agent ({@code rolesConfident = false}); output with neither has
 * speaker {@code unknown}.
 *
 * <p>Older outputs that put the labels only in {@code speaker_labels.segments[].items[]} or
 * {@code channel_labels.channels[].items[]} (not on {@code results.items}) are read too.
 */
final class AwsTranscribeFormat implements TranscriptFormat {

    static final String NAME = "aws-transcribe";

    private static final Pattern CHANNEL = Pattern.compile("ch_(\\d+)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean detects(Content content) {
        JsonNode results = Json.object(content.json(), "results");
        return results != null && (Json.array(results, "items") != null || Json.array(results, "transcripts") != null)
                && Json.array(results, "channels") == null;
    }

    @Override
    public Transcript read(Content content, ChannelRoles roles) {
        JsonNode root = content.json();
        JsonNode results = Json.object(root, "results");
        if (results == null) {
            throw TranscriptImportException.invalid(NAME, "it has no 'results' object");
        }
        String status = Json.string(root, "status");
        if (status != null && !status.equalsIgnoreCase("COMPLETED")) {
            throw TranscriptImportException.invalid(NAME, "the job status is " + status + ", not COMPLETED");
        }
        List<AwsItems.Token> tokens = tokens(results);
        TranscriptDraft draft = new TranscriptDraft(NAME, roles).language(language(results)).mergeSameSpeaker();

        boolean anyLabel = tokens.stream().anyMatch(t -> t.key() != null);
        if (!anyLabel) {
            draft.rolesGuessed();
        }
        List<AwsItems.KeyedWord> words = AwsItems.words(tokens);
        for (int i = 0; i < words.size(); i++) {
            AwsItems.KeyedWord kw = words.get(i);
            Word w = kw.word();
            String key = kw.key();
            Speaker role;
            Integer channel = null;
            String label;
            Matcher ch = key == null ? null : CHANNEL.matcher(key);
            if (key == null) {
                role = Speaker.UNKNOWN;
                label = "unknown";
            } else if (ch.matches()) {
                channel = Integer.parseInt(ch.group(1));
                role = draft.roles().roleOfChannel(channel);
                label = key;
            } else {
                role = null;
                label = key;
            }
            draft.add(role, label, channel, w.start(), w.end(), w.text(), List.of(w), w.confidence(), "word " + i);
        }
        if (draft.isEmpty()) {
            throw TranscriptImportException.invalid(NAME, "results.items has no words");
        }
        return draft.build();
    }

    private static List<AwsItems.Token> tokens(JsonNode results) {
        JsonNode flat = Json.array(results, "items");
        JsonNode channelLabels = Json.object(results, "channel_labels");
        boolean flatHasChannels = flat != null && flat.valueStream().anyMatch(i -> Json.string(i, "channel_label") != null);
        if (channelLabels != null && !flatHasChannels && Json.hasNonEmptyArray(channelLabels, "channels")) {
            return channelTokens(Json.array(channelLabels, "channels"));
        }
        if (flat == null) {
            throw TranscriptImportException.invalid(NAME, "results.items is missing");
        }
        List<AwsItems.Token> tokens = new ArrayList<>(flat.size());
        for (int i = 0; i < flat.size(); i++) {
            JsonNode item = flat.get(i);
            String key = Json.string(item, "channel_label");
            if (key == null) {
                key = Json.string(item, "speaker_label");
            }
            tokens.add(token(item, key, "results.items[" + i + "]"));
        }
        JsonNode speakerLabels = Json.object(results, "speaker_labels");
        if (speakerLabels != null && tokens.stream().allMatch(t -> t.key() == null)) {
            tokens = labelFromSegments(tokens, Json.array(speakerLabels, "segments"));
        }
        return tokens;
    }

    /** Older channel-identification output: items only under each channel; merged by start time. */
    private static List<AwsItems.Token> channelTokens(JsonNode channels) {
        List<AwsItems.KeyedWord> all = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            JsonNode channel = channels.get(c);
            String key = Json.string(channel, "channel_label");
            if (key == null) {
                key = "ch_" + c;
            }
            JsonNode items = Json.array(channel, "items");
            if (items == null) {
                continue;
            }
            List<AwsItems.Token> tokens = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                tokens.add(token(items.get(i), key, "results.channel_labels.channels[" + c + "].items[" + i + "]"));
            }
            all.addAll(AwsItems.words(tokens));
        }
        all.sort(Comparator.comparingDouble(kw -> kw.word().start()));
        List<AwsItems.Token> merged = new ArrayList<>(all.size());
        for (AwsItems.KeyedWord kw : all) {
            Word w = kw.word();
            merged.add(new AwsItems.Token(kw.key(), false, w.text(), w.start(), w.end(), w.confidence()));
        }
        return merged;
    }

    /** Older diarization output: labels only in speaker_labels.segments[].items[], matched by start time. */
    private static List<AwsItems.Token> labelFromSegments(List<AwsItems.Token> tokens, JsonNode segments) {
        if (segments == null) {
            return tokens;
        }
        Map<Long, String> byStart = new HashMap<>();
        List<double[]> ranges = new ArrayList<>();
        List<String> rangeLabels = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            JsonNode segment = segments.get(s);
            String label = Json.string(segment, "speaker_label");
            String path = "results.speaker_labels.segments[" + s + "]";
            Double from = Json.number(segment, "start_time", NAME, path);
            Double to = Json.number(segment, "end_time", NAME, path);
            if (label == null) {
                continue;
            }
            if (from != null && to != null) {
                ranges.add(new double[] {from, to});
                rangeLabels.add(label);
            }
            JsonNode items = Json.array(segment, "items");
            if (items != null) {
                for (int i = 0; i < items.size(); i++) {
                    Double start = Json.number(items.get(i), "start_time", NAME, path + ".items[" + i + "]");
                    if (start != null) {
                        byStart.put(Math.round(start * 1000), label);
                    }
                }
            }
        }
        List<AwsItems.Token> out = new ArrayList<>(tokens.size());
        String previous = null;
        for (AwsItems.Token t : tokens) {
            String label = previous;
            if (t.start() != null) {
                label = byStart.get(Math.round(t.start() * 1000));
                for (int r = 0; label == null && r < ranges.size(); r++) {
                    if (t.start() >= ranges.get(r)[0] && t.start() < ranges.get(r)[1]) {
                        label = rangeLabels.get(r);
                    }
                }
                if (label == null) {
                    label = previous;
                }
            }
            previous = label;
            out.add(new AwsItems.Token(label, t.punctuation(), t.content(), t.start(), t.end(), t.confidence()));
        }
        return out;
    }

    private static AwsItems.Token token(JsonNode item, String key, String path) {
        if (item == null || !item.isObject()) {
            throw TranscriptImportException.invalid(NAME, path + " is not an object");
        }
        JsonNode alternatives = Json.array(item, "alternatives");
        JsonNode best = alternatives == null || alternatives.isEmpty() ? null : alternatives.get(0);
        String content = Json.string(best, "content");
        Double confidence = Json.number(best, "confidence", NAME, path + ".alternatives[0]");
        boolean punctuation = "punctuation".equalsIgnoreCase(Json.string(item, "type"));
        Double start = Json.number(item, "start_time", NAME, path);
        Double end = Json.number(item, "end_time", NAME, path);
        if (!punctuation && (start == null || end == null) && content != null) {
            throw TranscriptImportException.invalid(NAME, path + " is a word without start_time/end_time");
        }
        return new AwsItems.Token(key, punctuation, content, start, end, punctuation ? null : confidence);
    }

    private static String language(JsonNode results) {
        String code = Json.string(results, "language_code");
        if (code != null) {
            return code;
        }
        JsonNode identification = Json.array(results, "language_identification");
        if (identification != null && !identification.isEmpty()) {
            return Json.string(identification.get(0), "code");
        }
        String itemCode = itemLanguage(Json.array(results, "items"));
        JsonNode channels = Json.array(Json.object(results, "channel_labels"), "channels");
        for (int c = 0; itemCode == null && channels != null && c < channels.size(); c++) {
            itemCode = itemLanguage(Json.array(channels.get(c), "items"));
        }
        return itemCode;
    }

    private static String itemLanguage(JsonNode items) {
        if (items != null) {
            for (JsonNode item : items) {
                String code = Json.string(item, "language_code");
                if (code != null) {
                    return code;
                }
            }
        }
        return null;
    }
}
