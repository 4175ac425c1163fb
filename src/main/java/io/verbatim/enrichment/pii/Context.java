package io.verbatim.enrichment.pii;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The words around a mention: its own turn and the two turns before it (an answer's meaning is in the
 * question: "And the last four of your social?" / "Eight two zero six.").
 */
final class Context {

    private final String text;
    private final String previous;
    private final String beforePrevious;
    private final Set<String> idsBefore;
    private final Cue thing;
    private final boolean idTalk;

    Context(String text, String previous, String beforePrevious) {
        this(text, previous, beforePrevious, Set.of(), null, true);
    }

    /**
     * @param idsBefore the national IDs given in earlier turns (digits)
     * @param thing     CARD or ACCOUNT, whichever of the two the conversation named last, or null
     * @param idTalk    some turn of the conversation names an SSN, national ID, account or card
     */
    Context(String text, String previous, String beforePrevious, Set<String> idsBefore, Cue thing, boolean idTalk) {
        this.text = text;
        this.previous = previous == null ? "" : Tok.fold(previous);
        this.beforePrevious = beforePrevious == null ? "" : Tok.fold(beforePrevious);
        this.idsBefore = idsBefore;
        this.thing = thing;
        this.idTalk = idTalk;
    }

    /** Some turn of the conversation names an SSN, national ID, account or card: a long bare number may be one of them. */
    boolean idTalk() {
        return idTalk;
    }

    /** The span is the turn's only number. */
    boolean onlyNumber(int start, int end) {
        return (text.substring(0, start) + " " + text.substring(end)).chars().noneMatch(Character::isDigit);
    }

    /** Whether any of the turns names an SSN, national ID, account or card. */
    static boolean idTalk(List<String> texts) {
        for (String text : texts) {
            String folded = Tok.fold(text);
            if (Cue.SSN.in(folded) || Cue.NATIONAL_ID.in(folded) || Cue.ACCOUNT.in(folded) || Cue.CARD.in(folded)) {
                return true;
            }
        }
        return false;
    }

    Set<String> idsBefore() {
        return idsBefore;
    }

    Cue thing() {
        return thing;
    }

    /** The nearest cue before {@code position} in this turn; else the last one in the previous turns; else one just after. */
    Cue.Hit cueBefore(int position) {
        Cue.Hit here = Cue.nearest(Tok.fold(text.substring(0, position)));
        if (here != null) {
            return here;
        }
        Cue.Hit earlier = Cue.nearest(beforePrevious + " \n " + previous);
        if (earlier != null) {
            return earlier;
        }
        String after = Tok.fold(text.substring(position));
        Cue.Hit next = Cue.nearest(after.substring(0, Math.min(after.length(), 40)));
        return next;
    }

    /** The cue in the 40 characters after {@code position} in this turn, or null: "transfer 3000 to 7788998877 this account". */
    Cue.Hit cueAfter(int position) {
        String after = Tok.fold(text.substring(position));
        return Cue.nearest(after.substring(0, Math.min(after.length(), 40)));
    }

    /** A cue of this turn stands right before {@code position}: nothing but "is", "of" or a colon between ("charge is 1000"). */
    boolean rightBefore(Cue.Hit hit, int position) {
        String folded = Tok.fold(text.substring(0, position));
        return hit.end() <= folded.length() && RIGHT_BEFORE.matcher(folded.substring(hit.end())).matches();
    }

    private static final java.util.regex.Pattern RIGHT_BEFORE = java.util.regex.Pattern.compile("[\\s:$]*(?:(?:is|was|of)\\s+)?[\\s$]*");

    /** "ending in" / "last four" just before the position, or in the question before. */
    boolean partialBefore(int position) {
        String here = Tok.fold(text.substring(Math.max(0, position - 40), position));
        return Cue.PARTIAL.matcher(here).find() || Cue.PARTIAL.matcher(previous).find();
    }

    /** The cue appears in this turn or the one before. */
    boolean near(Cue cue) {
        return cue.in(Tok.fold(text)) || cue.in(previous);
    }

    /** The cue appears in this turn before the position, or in the turn before. */
    boolean nearBefore(Cue cue, int position) {
        return cue.in(Tok.fold(text.substring(0, position))) || cue.in(previous);
    }

    /** The span is the turn's only number, with at most three words around it ("arun 4795", "its 5598"). */
    boolean bareAnswer(int start, int end) {
        String rest = text.substring(0, start) + " " + text.substring(end);
        if (rest.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        return Tok.of(rest).size() <= 3;
    }

    /**
     * The span is one of at most two numbers of the turn, with at most three words besides "and" around them
     * ("5874 and 3658", "kavi and 6451 and 9995").
     */
    boolean fewNumbers(int start, int end) {
        String rest = text.substring(0, start) + " " + text.substring(end);
        int numbers = 0;
        int words = 0;
        for (Tok t : Tok.of(rest)) {
            if (Character.isDigit(t.text().charAt(0))) {
                numbers++;
            } else if (!t.folded().equals("and")) {
                words++;
            }
        }
        return numbers <= 1 && words <= 3;
    }

    String previousFolded() {
        return previous;
    }

    static boolean matches(java.util.regex.Pattern p, String folded) {
        Matcher m = p.matcher(folded);
        return m.find();
    }
}
