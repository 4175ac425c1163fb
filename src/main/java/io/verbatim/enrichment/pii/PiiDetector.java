package io.verbatim.enrichment.pii;

import io.verbatim.enrichment.PiiEntity;
import io.verbatim.enrichment.PiiType;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Turn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds PII mentions in a conversation's turns, written or spoken, in English and Spanish. Turns are
 * read in order because a mention's meaning often depends on the question before it. Overlapping finds
 * are resolved in favour of the more specific type (an e-mail over the name inside it). Deterministic
 * and thread-safe.
 */
public final class PiiDetector {

    private static final List<String> SPANISH_REGIONS = List.of("DO", "CO", "MX");

    /**
     * @param languageTag the conversation's BCP-47 tag (its region picks the default phone region), may be null
     * @param agentName   the agent's name from metadata, may be null
     * @param customerName the customer's name from metadata, may be null
     */
    public List<PiiEntity> detect(List<Turn> turns, String languageTag, String agentName, String customerName) {
        List<String> texts = turns.stream().map(Turn::text).toList();
        List<List<Tok>> toks = texts.stream().map(Tok::of).toList();
        List<Speaker> speakers = turns.stream().map(Turn::speaker).toList();
        boolean caseless = SpokenNameFinder.caseless(toks);
        List<String> regions = regions(languageTag);

        // one side only (a chat log of the customer's turns): earlier turns hold no question, only the speaker's own words
        boolean oneSide = speakers.stream().distinct().count() == 1 && turns.size() > 1;
        Set<String> ids = new HashSet<>();
        boolean idTalk = Context.idTalk(texts);
        Cue thing = null;
        List<List<Candidate>> found = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            String text = texts.get(i);
            thing = Things.last(text, thing);
            Context context = new Context(text, i > 0 ? earlier(texts.get(i - 1), toks.get(i - 1), found.get(i - 1), oneSide) : null,
                    i > 1 ? earlier(texts.get(i - 2), toks.get(i - 2), found.get(i - 2), oneSide) : null, Set.copyOf(ids), thing, idTalk);
            List<Candidate> here = new ArrayList<>(EmailFinder.find(text, toks.get(i)));
            here.addAll(ChatEmailFinder.find(toks.get(i)));
            here.addAll(WrittenAddressFinder.find(text, caseless));
            here.addAll(AddressFinder.find(text));
            here.addAll(CuedAddressFinder.find(text, toks.get(i)));
            here.addAll(DateFinder.find(text, context, birthMonths(found, texts, i)));
            boolean phoneNearby = recent(found, i, PiiType.PHONE);
            List<Candidate> numbers = List.of();
            for (String region : regions) {
                numbers = NumberFinder.find(text, toks.get(i), context, phoneNearby, region);
                if (numbers.stream().anyMatch(c -> c.type() == PiiType.PHONE) || regions.size() == 1) {
                    break;
                }
            }
            here.addAll(numbers);
            // after the region-aware numbers, so that their normalised E.164 form wins a tie
            here.addAll(CuedNumberFinder.find(text));
            List<Candidate> settled = resolve(Addresses.settle(text, here));
            settled.stream().filter(c -> c.type() == PiiType.NATIONAL_ID && c.normalized() != null).forEach(c -> ids.add(c.normalized()));
            found.add(settled);
        }
        // Without capitals the capitalisation cues say nothing: lower-case speech and chat get their own name finder.
        List<List<Candidate>> names = caseless ? SpokenNameFinder.find(texts, toks, Personas.participants(Personas.of(texts, agentName), agentName, customerName))
                : NameFinder.find(texts, toks, speakers, agentName, customerName);
        boolean[] caselessTurn = new boolean[turns.size()];
        boolean anyCaseless = false;
        for (int i = 0; i < turns.size(); i++) {
            caselessTurn[i] = !caseless && toks.get(i).size() > 1 && SpokenNameFinder.caseless(List.of(toks.get(i)));
            anyCaseless |= caselessTurn[i];
        }
        if (anyCaseless) {
            // a turn typed without capitals in an otherwise written conversation ("follow up with patricia desrosiers")
            List<List<Candidate>> spoken = SpokenNameFinder.find(texts, toks);
            for (int i = 0; i < turns.size(); i++) {
                if (caselessTurn[i]) {
                    List<Candidate> merged = new ArrayList<>(names.get(i));
                    merged.addAll(spoken.get(i));
                    names.set(i, resolve(merged));
                }
            }
        }

        List<PiiEntity> out = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            List<Candidate> all = Addresses.afterNames(turns.get(i).text(), found.get(i), names.get(i));
            all.addAll(names.get(i));
            Turn turn = turns.get(i);
            for (Candidate c : resolve(all)) {
                WordTimes.Interval at = WordTimes.of(turn, c.start(), c.end());
                out.add(new PiiEntity(c.type(), i, c.start(), c.end(), turn.text().substring(c.start(), c.end()), turn.speaker(),
                        round(at.start()), round(at.end()), at.exact() ? "words" : "estimated", c.rule(), c.normalized()));
            }
        }
        return out;
    }

    /** Keeps, among overlapping candidates, the most specific (then the longest); sorted by position. */
    static List<Candidate> resolve(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt(Candidate::priority).reversed()
                .thenComparing(Comparator.comparingInt((Candidate c) -> c.end() - c.start()).reversed()));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : sorted) {
            if (kept.stream().noneMatch(k -> k.overlaps(c))) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        return kept;
    }

    /**
     * An earlier turn as the context of this one. In a one-sided conversation only a turn that ends on its cue
     * ("my card number is"), or on a number that was not yet a whole value ("my cell is 555 201"), carries over;
     * otherwise its cue was the speaker's own and already used.
     */
    private static String earlier(String text, List<Tok> toks, List<Candidate> found, boolean oneSide) {
        if (!oneSide || Things.endsOnCue(text)) {
            return text;
        }
        Tok last = toks.isEmpty() ? null : toks.getLast();
        boolean open = last != null && last.digitsOnly() && found.stream().noneMatch(c -> c.start() <= last.start() && last.end() <= c.end());
        return open ? text : null;
    }

    private static boolean recent(List<List<Candidate>> found, int i, PiiType type) {
        for (int j = Math.max(0, i - 2); j < i; j++) {
            if (found.get(j).stream().anyMatch(c -> c.type() == type)) {
                return true;
            }
        }
        return false;
    }

    /** Months of the dates of birth said in the last three turns. */
    private static Set<String> birthMonths(List<List<Candidate>> found, List<String> texts, int i) {
        Set<String> months = new HashSet<>();
        for (int j = Math.max(0, i - 3); j < i; j++) {
            for (Candidate c : found.get(j)) {
                if (c.type() == PiiType.DATE_OF_BIRTH) {
                    months.add(DateFinder.month(texts.get(j).substring(c.start(), c.end())));
                }
            }
        }
        months.remove("");
        return months;
    }

    private static List<String> regions(String tag) {
        List<String> regions = new ArrayList<>();
        if (tag != null) {
            String[] parts = tag.split("[-_]");
            if (parts.length > 1 && parts[1].length() == 2) {
                regions.add(parts[1].toUpperCase(Locale.ROOT));
            }
        }
        if (!regions.contains("US")) {
            regions.add("US");
        }
        if (tag != null && tag.toLowerCase(Locale.ROOT).startsWith("es")) {
            SPANISH_REGIONS.stream().filter(r -> !regions.contains(r)).forEach(regions::add);
        }
        return regions;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
