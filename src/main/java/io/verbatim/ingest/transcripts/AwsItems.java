package io.verbatim.ingest.transcripts;

import io.verbatim.speech.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins AWS-style token streams (Transcribe {@code items[]}, Call Analytics {@code Items[]}) into
 * words: a punctuation token is attached to the preceding word of the same stream ("hour" + "." =
 * "hour."; a mark without a stream to the word just before it), and an opening mark ("¿", "¡", "(")
 * to the following word.
 */
final class AwsItems {

    private AwsItems() {
    }

    /** One token as read. {@code key} identifies its stream (speaker or channel label); times are null for punctuation. */
    record Token(String key, boolean punctuation, String content, Double start, Double end, Double confidence) {
    }

    /** A word with the key of its stream. */
    record KeyedWord(String key, Word word) {
    }

    static List<KeyedWord> words(List<Token> tokens) {
        List<KeyedWord> out = new ArrayList<>(tokens.size());
        Map<String, Integer> lastWordOfKey = new HashMap<>();
        Map<String, String> pendingPrefix = new HashMap<>();
        Integer lastWord = null;
        for (Token t : tokens) {
            String content = t.content() == null ? "" : t.content().strip();
            if (content.isEmpty()) {
                continue;
            }
            if (t.punctuation() || t.start() == null || t.end() == null) {
                if (isOpening(content)) {
                    pendingPrefix.merge(t.key(), content, String::concat);
                    continue;
                }
                Integer last = t.key() == null ? lastWord : lastWordOfKey.get(t.key());
                if (last != null) {
                    KeyedWord kw = out.get(last);
                    Word w = kw.word();
                    out.set(last, new KeyedWord(kw.key(), new Word(w.text() + content, w.start(), w.end(), w.confidence())));
                }
                continue;
            }
            String prefix = pendingPrefix.remove(t.key());
            String text = prefix == null ? content : prefix + content;
            out.add(new KeyedWord(t.key(), new Word(text, t.start(), t.end(), t.confidence())));
            lastWordOfKey.put(t.key(), out.size() - 1);
            lastWord = out.size() - 1;
        }
        return out;
    }

    private static boolean isOpening(String content) {
        return content.equals("\u00bf") || content.equals("\u00a1") || content.equals("(") || content.equals("[");
    }
}
