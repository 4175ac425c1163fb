package io.verbatim.ask.internal;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MiniLM's (BERT uncased) word pieces without special tokens, the ids the HuggingFace tokenizer gives. Words of
 * printable ASCII are cut here (lower-cased, punctuation apart, greedy longest-first word pieces: all BERT's
 * normaliser and pre-tokeniser do to such a word); any other whitespace-separated run (accents, other scripts,
 * control characters) and any text naming a special token go through the tokenizer itself, except a word that BERT's
 * accent stripping (NFD, non-spacing marks dropped) turns into printable ASCII ("café", "señor", "información"): that is
 * cut here after the same folding, so Spanish, French or German text keeps the fast path. Why: the tokenizer
 * through DJL costs about 10 µs a word piece (JNI calls, offsets, token strings), as much as parsing the document;
 * the static embeddings need nothing but the ids. {@code WordPiecesTest} checks equality on real documents and calls.
 */
final class WordPieces {

    /** Above this many characters that do not fold to printable ASCII, the whole text goes to the tokenizer in one call. */
    private static final int OTHER_PER_TEXT = 8;
    /** Latin letters with accents that BERT's stripping turns into printable ASCII, up to Latin Extended-B. */
    private static final boolean[] FOLDS = foldable(0x250);
    private static final List<String> SPECIAL = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");
    private final Map<String, Integer> vocabulary;
    private final int unknown;
    private final int maxWordChars;
    private final String continuation;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean stripAccents;

    /** A consumer of word-piece ids. */
    interface Ids {
        void accept(int id);
    }

    private WordPieces(Map<String, Integer> vocabulary, int unknown, int maxWordChars, String continuation, HuggingFaceTokenizer tokenizer,
                       boolean stripAccents) {
        this.stripAccents = stripAccents;
        this.vocabulary = vocabulary;
        this.unknown = unknown;
        this.maxWordChars = maxWordChars;
        this.continuation = continuation;
        this.tokenizer = tokenizer;
    }

    /** From a HuggingFace {@code tokenizer.json} of a BERT uncased WordPiece model; {@code tokenizer} is the same file's. */
    static WordPieces read(InputStream tokenizerJson, HuggingFaceTokenizer tokenizer) {
        try (tokenizerJson) {
            JsonNode root = JsonMapper.builder().build().readTree(tokenizerJson);
            JsonNode model = root.path("model");
            JsonNode normalizer = root.path("normalizer");
            if (!"WordPiece".equals(model.path("type").asString()) || !"BertNormalizer".equals(normalizer.path("type").asString())
                    || !normalizer.path("lowercase").asBoolean() || !"BertPreTokenizer".equals(root.path("pre_tokenizer").path("type").asString())) {
                throw new IllegalStateException("Not a BERT uncased WordPiece tokenizer");
            }
            Map<String, Integer> vocabulary = new HashMap<>(model.path("vocab").size() * 2);
            for (Map.Entry<String, JsonNode> e : model.path("vocab").properties()) {
                vocabulary.put(e.getKey(), e.getValue().asInt());
            }
            // BERT strips accents when strip_accents is true, or when it is unset and the normaliser lower-cases
            JsonNode strip = normalizer.path("strip_accents");
            boolean stripAccents = strip.isMissingNode() || strip.isNull() || strip.asBoolean();
            return new WordPieces(vocabulary, vocabulary.get(model.path("unk_token").asString()),
                    model.path("max_input_chars_per_word").asInt(100), model.path("continuing_subword_prefix").asString("##"), tokenizer,
                    stripAccents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void ids(String text, Ids out) {
        if (text.indexOf('[') >= 0 && SPECIAL.stream().anyMatch(text::contains) || mostlyOther(text)) {
            tokenizer(text, out);
            return;
        }
        StringBuilder word = new StringBuilder(32);
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && asciiSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            boolean printable = true;
            while (i < n && !asciiSpace(text.charAt(i))) {
                char c = text.charAt(i);
                printable &= c > 0x20 && c < 0x7F;
                i++;
            }
            if (start == i) {
                break;
            }
            if (printable) {
                cut(text, start, i, word, out);
                continue;
            }
            String folded = stripAccents ? foldToAscii(text.substring(start, i)) : null;
            if (folded == null) {
                tokenizer(text.substring(start, i), out);
            } else {
                cut(folded, 0, folded.length(), word, out);
            }
        }
    }

    /** One white-space-free run of printable ASCII: lower-cased, each punctuation character a word of its own. */
    private void cut(String text, int start, int end, StringBuilder word, Ids out) {
        for (int j = start; j < end; j++) {
            char c = text.charAt(j);
            if (letterOrDigit(c)) {
                word.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                continue;
            }
            piece(word, out);
            word.setLength(0);
            word.append(c); // ASCII punctuation is a word of its own
            piece(word, out);
            word.setLength(0);
        }
        piece(word, out);
        word.setLength(0);
    }

    /** The word as BERT's accent stripping leaves it (NFD, non-spacing marks dropped), or null unless printable ASCII. */
    private static String foldToAscii(String word) {
        String nfd = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder ascii = new StringBuilder(nfd.length());
        for (int k = 0; k < nfd.length(); k++) {
            char c = nfd.charAt(k);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c <= 0x20 || c >= 0x7F) {
                return null;
            }
            ascii.append(c);
        }
        return ascii.toString();
    }

    private static boolean[] foldable(int limit) {
        boolean[] folds = new boolean[limit];
        for (char c = 0x80; c < limit; c++) {
            folds[c] = Character.isLetter(c) && foldToAscii(String.valueOf(c)) != null;
        }
        return folds;
    }

    /** Greedy longest-first word pieces of one normalised word; the whole word is unknown if any part is. */
    private void piece(StringBuilder word, Ids out) {
        int length = word.length();
        if (length == 0) {
            return;
        }
        if (length > maxWordChars) {
            out.accept(unknown);
            return;
        }
        String w = word.toString();
        Integer whole = vocabulary.get(w);
        if (whole != null) {
            out.accept(whole);
            return;
        }
        int[] found = new int[length];
        int count = 0;
        int start = 0;
        while (start < length) {
            Integer id = null;
            int end = length;
            for (; end > start; end--) {
                String part = start == 0 ? w.substring(0, end) : continuation + w.substring(start, end);
                id = vocabulary.get(part);
                if (id != null) {
                    break;
                }
            }
            if (id == null) {
                out.accept(unknown);
                return;
            }
            found[count++] = id;
            start = end;
        }
        for (int k = 0; k < count; k++) {
            out.accept(found[k]);
        }
    }

    private void tokenizer(String text, Ids out) {
        for (long id : tokenizer.encode(text, false, false).getIds()) {
            out.accept((int) id);
        }
    }

    /**
     * Whether more than a few characters are outside printable ASCII: then the words the tokenizer would get one by
     * one cost more in calls than one call for the whole text (a German or French text; the ids are the same either way).
     */
    private boolean mostlyOther(String text) {
        int other = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean folds = stripAccents && c < FOLDS.length && FOLDS[c];
            if ((c <= 0x20 || c >= 0x7F) && !asciiSpace(c) && !folds && ++other > OTHER_PER_TEXT) {
                return true;
            }
        }
        return false;
    }

    /** What the tokenizer treats as white space among ASCII characters (it drops the other control characters). */
    private static boolean asciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
