package io.verbatim.enrichment.pii;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/** Who is not a person (an AI persona) and the name words of a participant's metadata name, for {@link NameFinder}. */
final class Personas {

    private Personas() {
    }

    /** AI persona names: from an agent called "Mia (AI assistant, ...)", or an introduction followed by "virtual assistant". */
    static Set<String> of(List<String> texts, String agentName) {
        Set<String> personas = new HashSet<>();
        if (agentName != null && NameFinder.AI_AGENT.matcher(agentName).find()) {
            String head = agentName.split("[(,]")[0].strip();
            personas.addAll(nameWords(head));
        }
        for (String text : texts) {
            Matcher intro = NameFinder.INTRO.matcher(text);
            while (intro.find()) {
                String lead = Tok.fold(text.substring(intro.start(), intro.start(1)).strip());
                if (NameFinder.STRONG_INTRO.contains(lead) && NameFinder.PERSONA_AFTER.matcher(text.substring(intro.end(1))).find()) {
                    personas.add(Tok.fold(intro.group(1).split("\\s+")[0]));
                }
            }
        }
        return personas;
    }

    static Set<String> nameWords(String name) {
        Set<String> words = new HashSet<>();
        for (Tok t : Tok.of(name.replaceAll("\\(.*?\\)", " "))) {
            if (t.text().length() > 1 && !Gazetteer.COMMON.contains(t.folded()) && !Gazetteer.ORGANISATION.contains(t.folded())) {
                words.add(t.folded());
            }
        }
        return words;
    }

    /** The name words of the agent (unless an AI persona or unknown) and of the customer, from the metadata. */
    static Set<String> participants(Set<String> personas, String agentName, String customerName) {
        Set<String> known = new HashSet<>();
        if (agentName != null && !NameFinder.AI_AGENT.matcher(agentName).find() && !agentName.toLowerCase().contains("unknown")) {
            known.addAll(nameWords(agentName));
        }
        if (customerName != null) {
            known.addAll(nameWords(customerName));
        }
        known.removeAll(personas);
        return known;
    }
}
