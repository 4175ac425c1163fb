package io.verbatim.documents.internal;

import io.verbatim.ask.SourcePassage;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts page text into passages of about {@code target} characters at paragraph, then sentence, then word
 * boundaries. A passage never crosses a page, so every citation has one page number.
 */
final class PageChunker {

    private PageChunker() {
    }

    static List<SourcePassage> chunk(List<TextExtractor.PageText> pages, int target) {
        List<SourcePassage> passages = new ArrayList<>();
        for (TextExtractor.PageText page : pages) {
            Integer number = page.number() > 0 ? page.number() : null;
            StringBuilder current = new StringBuilder();
            for (String piece : pieces(page.text(), target)) {
                if (!current.isEmpty() && current.length() + piece.length() + 1 > target) {
                    passages.add(new SourcePassage(current.toString(), number, null, null, java.util.Map.of()));
                    current.setLength(0);
                }
                if (!current.isEmpty()) {
                    current.append('\n');
                }
                current.append(piece);
            }
            if (!current.toString().isBlank()) {
                passages.add(new SourcePassage(current.toString(), number, null, null, java.util.Map.of()));
            }
        }
        return passages;
    }

    /** Paragraphs, with any longer than {@code target} split into sentences, and those into words. */
    private static List<String> pieces(String text, int target) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String p = paragraph.strip().replaceAll("[ \\t\\x0B\\f\\r]+", " ");
            if (p.isEmpty()) {
                continue;
            }
            if (p.length() <= target) {
                out.add(p);
                continue;
            }
            for (String sentence : p.split("(?<=[.!?])\\s+")) {
                if (sentence.length() <= target) {
                    out.add(sentence);
                    continue;
                }
                StringBuilder words = new StringBuilder();
                for (String word : sentence.split("\\s+")) {
                    if (words.length() + word.length() + 1 > target && !words.isEmpty()) {
                        out.add(words.toString());
                        words.setLength(0);
                    }
                    words.append(words.isEmpty() ? "" : " ").append(word);
                }
                if (!words.isEmpty()) {
                    out.add(words.toString());
                }
            }
        }
        return out;
    }
}
