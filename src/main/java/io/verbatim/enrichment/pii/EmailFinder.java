package io.verbatim.enrichment.pii;

import io.verbatim.enrichment.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses written ("sam.okafor79@example.net"), spoken ("sam dot okafor seventy-nine at example
 * dot net", "ramon.reyes89 arroba example punto com") or mixed ("G patterson at example dot com"). A
 * spoken one is anchored on "at"/"arroba" followed by a domain that ends in a known top-level domain;
 * the local part runs back from "at" to the start of the clause or a word that introduces it ("it's",
 * "email is").
 */
final class EmailFinder {

    private static final Pattern WRITTEN = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Set<String> AT = Set.of("at", "arroba");
    private static final Set<String> DOT = Set.of("dot", "punto");
    private static final Set<String> TLD = Set.of("com", "net", "org", "edu", "gov", "io", "co", "us", "mx", "do", "es",
            "info", "biz", "me", "uk", "ca", "de", "fr", "ai", "app", "dev", "mil", "ar", "cl", "pe", "br");
    private static final Set<String> STOP = Set.of("is", "it's", "its", "it", "email", "e-mail", "mail", "address", "my",
            "the", "to", "use", "send", "me", "your", "yes", "yeah", "sure", "that's", "correo", "electronico", "es",
            "mi", "su", "el", "a", "and", "or", "y", "o", "um", "uh", "okay", "ok", "so", "just", "try", "maybe", "at",
            "arroba", "i", "i'm", "this", "that", "be", "would", "should", "could", "have", "has", "under", "with",
            "from", "on", "of", "in", "for", "was", "by", "please", "confirm", "got", "que", "de");

    private EmailFinder() {
    }

    static List<Candidate> find(String text, List<Tok> toks) {
        List<Candidate> out = new ArrayList<>();
        Matcher m = WRITTEN.matcher(text);
        while (m.find()) {
            out.add(new Candidate(PiiType.EMAIL, m.start(), m.end(), "email-written", m.group().toLowerCase()));
        }
        for (int i = 1; i < toks.size() - 1; i++) {
            if (!AT.contains(toks.get(i).folded())) {
                continue;
            }
            int domainEnd = domainEnd(text, toks, i + 1);
            if (domainEnd < 0) {
                continue;
            }
            int localStart = localStart(text, toks, i - 1);
            if (localStart < 0) {
                continue;
            }
            int start = toks.get(localStart).start();
            int end = toks.get(domainEnd).end();
            if (out.stream().noneMatch(c -> c.start() < end && start < c.end())) {
                out.add(new Candidate(PiiType.EMAIL, start, end, "email-spoken",
                        normalise(toks.subList(localStart, i)) + "@" + normalise(toks.subList(i + 1, domainEnd + 1))));
            }
        }
        return out;
    }

    /** The index of the TLD token ending the domain that starts at {@code from}, or -1. */
    private static int domainEnd(String text, List<Tok> toks, int from) {
        int end = -1;
        boolean expectLabel = true;
        for (int j = from; j < toks.size() && j < from + 9; j++) {
            Tok t = toks.get(j);
            if (j > from && !text.substring(toks.get(j - 1).end(), t.start()).isBlank()) {
                break;
            }
            if (expectLabel) {
                if (DOT.contains(t.folded()) || STOP.contains(t.folded()) && j > from) {
                    break;
                }
                int lastDot = t.folded().lastIndexOf('.');
                if (lastDot > 0 && TLD.contains(t.folded().substring(lastDot + 1))) {
                    end = j;
                }
                if (j > from && TLD.contains(t.folded())) {
                    end = j;
                }
                expectLabel = false;
            } else {
                if (!DOT.contains(t.folded())) {
                    break;
                }
                expectLabel = true;
            }
        }
        return end;
    }

    private static int localStart(String text, List<Tok> toks, int from) {
        int start = -1;
        for (int j = from; j >= 0 && j > from - 8; j--) {
            Tok t = toks.get(j);
            if (j < from && !text.substring(t.end(), toks.get(j + 1).start()).isBlank()) {
                break;
            }
            boolean common = Gazetteer.COMMON.contains(t.folded()) && NumberWords.of(t.folded()) == null && t.text().length() > 1;
            if (STOP.contains(t.folded()) || common) {
                break;
            }
            start = j;
        }
        return start;
    }

    private static String normalise(List<Tok> toks) {
        StringBuilder sb = new StringBuilder();
        for (Tok t : toks) {
            String f = t.folded();
            NumberWords.Value v = NumberWords.of(f);
            if (DOT.contains(f)) {
                sb.append('.');
            } else if (f.equals("underscore") || f.equals("guion bajo")) {
                sb.append('_');
            } else if (f.equals("dash") || f.equals("hyphen") || f.equals("guion")) {
                sb.append('-');
            } else if (v != null && v.kind() != NumberWords.Kind.REPEAT && v.kind() != NumberWords.Kind.HUNDRED) {
                sb.append(v.value());
            } else {
                sb.append(f);
            }
        }
        return sb.toString();
    }
}
