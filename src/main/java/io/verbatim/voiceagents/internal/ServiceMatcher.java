package io.verbatim.voiceagents.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the tenant's service an agent booked from the words it used ("an estimate", "new patient visit"): the name or
 * one of the service's synonyms exactly, else a built-in synonym of a default service, else the one service whose name
 * or synonym shares all its words with the request (or all the request's words with it). Anything less sure is no match:
 * a wrong service is worse than a flagged unknown one.
 */
final class ServiceMatcher {

    /** Common words callers and agents use for the seven default services (lower-case, normalised). */
    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("consult", "consultation"), Map.entry("initial consultation", "consultation"),
            Map.entry("free consultation", "consultation"),
            Map.entry("new patient", "new client appointment"), Map.entry("new patient appointment", "new client appointment"),
            Map.entry("new client", "new client appointment"), Map.entry("first visit", "new client appointment"),
            Map.entry("first appointment", "new client appointment"),
            Map.entry("follow up", "follow-up appointment"), Map.entry("followup", "follow-up appointment"),
            Map.entry("check up", "follow-up appointment"), Map.entry("checkup", "follow-up appointment"),
            Map.entry("quote", "estimate visit"), Map.entry("estimate", "estimate visit"), Map.entry("site visit", "estimate visit"),
            Map.entry("callback", "call back"), Map.entry("call me back", "call back"), Map.entry("phone call", "call back"));
    private static final Set<String> FILLER = Set.of("a", "an", "the", "for", "my", "me", "appointment", "visit", "service",
            "session", "please", "book", "booking", "to", "of", "with");

    private ServiceMatcher() {
    }

    static Optional<Service> match(List<Service> services, String requested) {
        String want = normal(requested);
        if (want.isEmpty()) {
            return Optional.empty();
        }
        List<Service> active = services.stream().filter(Service::active).toList();
        for (Service s : active) {
            if (names(s).contains(want)) {
                return Optional.of(s);
            }
        }
        String spaced = want.replace('-', ' ');
        String bare = Arrays.stream(spaced.split(" ")).filter(w -> !FILLER.contains(w)).collect(Collectors.joining(" "));
        String builtIn = BUILT_IN.getOrDefault(want, BUILT_IN.getOrDefault(spaced, BUILT_IN.get(bare)));
        if (builtIn != null) {
            for (Service s : active) {
                if (normal(s.name()).equals(builtIn)) {
                    return Optional.of(s);
                }
            }
        }
        Set<String> wanted = words(want);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        List<Service> candidates = new ArrayList<>();
        for (Service s : active) {
            for (String name : names(s)) {
                Set<String> have = words(name);
                if (!have.isEmpty() && (have.containsAll(wanted) || wanted.containsAll(have))) {
                    candidates.add(s);
                    break;
                }
            }
        }
        return candidates.size() == 1 ? Optional.of(candidates.getFirst()) : Optional.empty();
    }

    private static Set<String> names(Service s) {
        Set<String> names = new java.util.HashSet<>();
        names.add(normal(s.name()));
        s.synonyms().forEach(n -> names.add(normal(n)));
        return names;
    }

    private static Set<String> words(String normal) {
        return Arrays.stream(normal.split("[ -]+")).filter(w -> !w.isBlank() && !FILLER.contains(w))
                .map(w -> w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w).collect(Collectors.toSet());
    }

    /** Lower case, accents and punctuation gone (hyphens kept), single spaces. */
    static String normal(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", " ").replaceAll("\\s+", " ").strip();
    }
}
