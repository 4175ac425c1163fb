package io.verbatim.speech.remote;

import io.verbatim.speech.Word;
import io.verbatim.speech.internal.Utterance;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads OpenAI's {@code verbose_json} transcription response (also produced by vLLM, LocalAI,
 * faster-whisper-server, whisper.cpp's server): {@code segments[]} with text and
 * {@code avg_logprob}, and {@code words[]} with times, both optional. Each segment becomes an
 * utterance holding the words whose midpoint falls in it; without segments the whole text is one
 * utterance. Segments whisper itself judges silent ({@code no_speech_prob > 0.6} with
 * {@code avg_logprob < -1}, whisper's own rule) are dropped: they are usually invented text.
 */
final class VerboseJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VerboseJson() {
    }

    /**
     * @param toConversation maps a time in the sent file to conversation time
     * @param fileDuration   the sent file's duration: times beyond it are clamped
     */
    static List<Utterance> parse(String body, int channel, DoubleUnaryOperator toConversation, double fileDuration) {
        JsonNode root = JSON.readTree(body);
        List<Word> words = new ArrayList<>();
        List<Double> mids = new ArrayList<>();
        for (JsonNode w : root.path("words").values()) {
            String text = w.path("word").asString("").strip();
            if (text.isEmpty()) {
                continue;
            }
            double s = clamp(w.path("start").asDouble(0), fileDuration);
            double e = Math.max(s, clamp(w.path("end").asDouble(s), fileDuration));
            mids.add((s + e) / 2);
            double cs = toConversation.applyAsDouble(s);
            words.add(new Word(text, cs, Math.max(cs, toConversation.applyAsDouble(e)), confidence(w.path("probability"))));
        }
        List<Utterance> out = new ArrayList<>();
        JsonNode segments = root.path("segments");
        if (segments.isArray() && !segments.isEmpty()) {
            List<JsonNode> list = new ArrayList<>(segments.values());
            for (int i = 0; i < list.size(); i++) {
                JsonNode seg = list.get(i);
                double s = clamp(seg.path("start").asDouble(0), fileDuration);
                double e = Math.max(s, clamp(seg.path("end").asDouble(s), fileDuration));
                double logprob = seg.path("avg_logprob").asDouble(0);
                if (seg.path("no_speech_prob").asDouble(0) > 0.6 && logprob < -1) {
                    continue;
                }
                boolean last = i == list.size() - 1;
                List<Word> inside = new ArrayList<>();
                for (int k = 0; k < words.size(); k++) {
                    double m = mids.get(k);
                    if (m >= s && (m < e || (last && m <= e))) {
                        inside.add(words.get(k));
                    }
                }
                Double confidence = seg.has("avg_logprob") ? Math.clamp(Math.exp(logprob), 0.0, 1.0) : null;
                out.add(new Utterance(channel, toConversation.applyAsDouble(s), toConversation.applyAsDouble(e),
                        seg.path("text").asString(""), inside, confidence));
            }
            return out;
        }
        String text = root.path("text").asString("");
        if (!text.isBlank()) {
            double s = words.isEmpty() ? toConversation.applyAsDouble(0) : words.getFirst().start();
            double e = words.isEmpty() ? toConversation.applyAsDouble(clamp(root.path("duration").asDouble(fileDuration), fileDuration))
                    : words.getLast().end();
            out.add(new Utterance(channel, s, e, text, words, null));
        }
        return out;
    }

    private static Double confidence(JsonNode probability) {
        return probability.isNumber() ? Math.clamp(probability.asDouble(), 0.0, 1.0) : null;
    }

    private static double clamp(double t, double max) {
        return Math.clamp(t, 0, max);
    }
}
