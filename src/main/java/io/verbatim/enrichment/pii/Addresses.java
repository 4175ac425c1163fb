package io.verbatim.enrichment.pii;

import io.verbatim.enrichment.PiiType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Tidies one turn's candidates where addresses meet numbers, before overlaps are resolved. */
final class Addresses {

    private Addresses() {
    }

    /**
     * Joins address pieces separated only by spaces or commas (a street found by one finder, its town and
     * postcode by another) and drops the phone, account and ID guesses inside an address: there they are
     * house numbers, units and postcodes, and would otherwise win the overlap as the more specific type.
     */
    static List<Candidate> settle(String text, List<Candidate> candidates) {
        List<Candidate> addresses = new ArrayList<>(candidates.stream().filter(c -> c.type() == PiiType.ADDRESS)
                .sorted(Comparator.comparingInt(Candidate::start)).toList());
        if (addresses.isEmpty()) {
            return candidates;
        }
        List<Candidate> merged = new ArrayList<>();
        for (Candidate a : addresses) {
            Candidate last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && a.start() <= text.length() && (a.start() <= last.end()
                    || text.substring(last.end(), a.start()).matches("[\\s,]*"))) {
                merged.set(merged.size() - 1, new Candidate(PiiType.ADDRESS, last.start(), Math.max(last.end(), a.end()), last.rule(), null));
            } else {
                merged.add(a);
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (Candidate a : merged) {
            out.add(beforeNumber(text, a, candidates));
        }
        for (Candidate c : candidates) {
            boolean number = c.type() == PiiType.PHONE || c.type() == PiiType.ACCOUNT_NUMBER || c.type() == PiiType.NATIONAL_ID
                    || c.type() == PiiType.CARD_NUMBER && c.rule().startsWith("bare");
            boolean inside = merged.stream().anyMatch(a -> a.start() <= c.start() && c.end() <= a.end());
            if (c.type() != PiiType.ADDRESS && !(number && inside && !c.rule().startsWith("cued"))) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * An address that runs into a phone or other number starting inside it and ending after it ("... ma 2771 contact
     * no 647 728 7893") ends before that number: otherwise the number wins the overlap and the address is lost.
     */
    private static Candidate beforeNumber(String text, Candidate a, List<Candidate> candidates) {
        int end = a.end();
        for (Candidate c : candidates) {
            boolean number = c.type() != PiiType.ADDRESS && c.type() != PiiType.NAME && c.type() != PiiType.EMAIL;
            if (number && c.start() > a.start() && c.start() < end && c.end() > a.end()) {
                end = c.start();
            }
        }
        while (end > a.start() && !Character.isLetterOrDigit(text.charAt(end - 1))) {
            end--;
        }
        return end == a.end() || end <= a.start() ? a : new Candidate(PiiType.ADDRESS, a.start(), end, a.rule(), a.normalized());
    }

    /**
     * An address whose first words are a name found by the name finders ("Noelle Martinsson 1593 Pagari 18 ...",
     * a signature line) starts after the name: the address pattern alone cannot tell a person from a street.
     */
    static List<Candidate> afterNames(String text, List<Candidate> found, List<Candidate> names) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : found) {
            Candidate kept = c;
            for (Candidate n : names) {
                if (kept.type() == PiiType.ADDRESS && n.start() <= kept.start() && kept.start() < n.end() && n.end() < kept.end()) {
                    int start = n.end();
                    while (start < kept.end() && !Character.isLetterOrDigit(text.charAt(start))) {
                        start++;
                    }
                    kept = start < kept.end() ? new Candidate(PiiType.ADDRESS, start, kept.end(), kept.rule(), kept.normalized()) : kept;
                }
            }
            out.add(kept);
        }
        return out;
    }
}
