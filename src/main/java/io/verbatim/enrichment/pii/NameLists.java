package io.verbatim.enrichment.pii;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The large word lists shipped as resources beside this class (sources and licences in their README):
 * given names and surnames from many countries, and ordinary English words. Loaded once into hash sets;
 * every entry is folded (lower case, no accents). A name that is also an ordinary word ("rose", "will",
 * "grant", "brown") is ambiguous: in text without capitals it needs a cue before it is taken as a name.
 */
final class NameLists {

    private static final Set<String> GIVEN = load("given-names.txt");
    private static final Set<String> SURNAMES = load("surnames.txt");
    private static final Set<String> ENGLISH = load("english-words.txt");

    private NameLists() {
    }

    static boolean given(String folded) {
        return GIVEN.contains(folded) || Gazetteer.FIRST_NAMES.contains(folded) || Gazetteer.AMBIGUOUS.contains(folded);
    }

    static boolean surname(String folded) {
        return SURNAMES.contains(folded);
    }

    /** An ordinary word: an English dictionary word, a listed function word, or a name that is also a word. */
    static boolean ordinary(String folded) {
        return ENGLISH.contains(folded) || Gazetteer.COMMON.contains(folded) || Gazetteer.AMBIGUOUS.contains(folded)
                || Gazetteer.ORGANISATION.contains(folded);
    }

    /** A given name that is not an ordinary word: taken as a name on sight. */
    static boolean clearGiven(String folded) {
        return given(folded) && !ordinary(folded) && !Gazetteer.PLACES.contains(folded);
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = NameLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(Tok.fold(line.strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
