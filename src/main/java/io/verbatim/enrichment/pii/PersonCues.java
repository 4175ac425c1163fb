package io.verbatim.enrichment.pii;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a sentence makes someone a person by what they do with words: the one who says, asks or tells something, or
 * the one it is said to ("Mehrudin shouted at Todd", "said Erle to Maurice", "follow up with Jan Jílek", "she named him
 * Timmie", "had given Angel his address"). Verbs of speech and of handing over take people as subject and object in any
 * text, so a capitalised word in those places is marked as a weak cue (the usual guards: no common word, no word seen
 * in lower case, no organisation word after it).
 */
final class PersonCues {

    /** One or two capitalised words. */
    private static final String NAME = "(" + NameFinder.CAP + "(?:\\s+" + NameFinder.CAP + ")?)";
    private static final String SPEECH = "said|says|shouted|yelled|whispered|screamed|asked|told|replied|answered|explained|insisted"
            + "|promised|laughed";

    /** The speaker at the start of a clause: "Zak shouted at Scott", "Hakuba had given ...". */
    static final Pattern SPEAKER = Pattern.compile("(?U)(?:^|[.!?;:]\\s+|,\\s+|[\"“]\\s*)" + NAME
            + "\\s+(?:had\\s+|has\\s+|then\\s+)?(?:" + SPEECH + "|gave|given)\\b");

    /** The one spoken to or handed something: "shouted at Scott", "follow up with Jan Jílek", "given Angel his address". */
    static final Pattern ADDRESSEE = Pattern.compile("(?U)\\b(?i:said to|shouted at|yelled at|whispered to|screamed at|told|asked"
            + "|follow up with|followed up with|talked to|talked with|spoke to|spoke with|met with|named (?:him|her|them)|given|gave)"
            + "\\s+" + NAME);

    /** The speaker after the verb: "said Erle to Maurice". */
    static final Pattern INVERTED_SPEAKER = Pattern.compile("(?U)\\b(?i:said|asked|replied|shouted|answered)\\s+" + NAME + "\\s+to\\b");

    static final List<Pattern> ALL = List.of(SPEAKER, ADDRESSEE, INVERTED_SPEAKER);

    private PersonCues() {
    }
}
