package io.verbatim.enrichment.pii;

/** What a conversation is about, from its words so far: the card or the account ("i lost my card", "account balance"). */
final class Things {

    private Things() {
    }

    /** CARD or ACCOUNT, whichever this turn names last; {@code before} when it names neither. */
    static Cue last(String text, Cue before) {
        String folded = Tok.fold(text);
        int card = lastEnd(Cue.CARD, folded);
        int account = lastEnd(Cue.ACCOUNT, folded);
        if (card < 0 && account < 0) {
            return before;
        }
        return card > account ? Cue.CARD : Cue.ACCOUNT;
    }

    /** The turn ends on a cue, as a lead-in to a number said in the next turn ("my ssn is", "card number:"). */
    static boolean endsOnCue(String text) {
        String folded = Tok.fold(text).strip();
        if (!LEAD_IN.matcher(folded).find()) {
            return false;
        }
        folded = folded.replaceAll("(?:\\s+(?:is|are|its|it's))?[\\s:.,-]*$", "");
        Cue.Hit hit = Cue.nearest(folded);
        return hit != null && hit.end() >= folded.length();
    }

    /** A label waiting for its value: "... number is", "... no:", "ssn -". "i lost my card" names a thing and is no lead-in. */
    private static final java.util.regex.Pattern LEAD_IN = java.util.regex.Pattern.compile(
            "(?:\\b(?:is|are|number|no|num)|[:#-])\\s*$");

    private static int lastEnd(Cue cue, String folded) {
        int end = -1;
        for (Cue.Hit h : cue.find(folded)) {
            end = Math.max(end, h.end());
        }
        return end;
    }
}
