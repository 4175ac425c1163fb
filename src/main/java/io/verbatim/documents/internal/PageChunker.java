package io.verbatim.documents.internal;

import io.verbatim.ask.SourcePassage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts page text into passages of about {@code target} characters at paragraph, then sentence, then word
 * boundaries. A passage never crosses a page, so every citation has one page number.
 */
final class PageChunker {

    // Compiled once: String.split / replaceAll with these would compile them for every page and paragraph.
    private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern WORDS = Pattern.compile("\\s+");

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
        for (String paragraph : PARAGRAPHS.split(text)) {
            String p = SPACES.matcher(paragraph.strip()).replaceAll(" ");
            if (p.isEmpty()) {
                continue;
            }
            if (p.length() <= target) {
                out.add(p);
                continue;
            }
            for (String sentence : SENTENCES.split(p)) {
                if (sentence.length() <= target) {
                    out.add(sentence);
                    continue;
                }
                StringBuilder words = new StringBuilder();
                for (String word : WORDS.split(sentence)) {
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
