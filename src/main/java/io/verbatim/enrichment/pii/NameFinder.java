package io.verbatim.enrichment.pii;

import io.verbatim.enrichment.PiiType;
import io.verbatim.speech.Speaker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People's names without a statistical NER model, by cues that hold in conversations:
 * <ul>
 *   <li>a title before a capitalised word ("Mr. Johnson", "Doctor Helen Park", "don Ramón") — the title stays out of the span;</li>
 *   <li>an introduction ("this is Tyler", "I'm Jessica Moore", "my name is", "call me George", "mi nombre es", "pregunte por");</li>
 *   <li>a vocative ("Thanks, Maria.", "You're welcome, Stephanie.", "..., Bob?");</li>
 *   <li>the answer to "your name?" / "name on the account?" (the first capitalised words of the reply);</li>
 *   <li>a spelled name ("K-O-W-A-L-S-K-I");</li>
 *   <li>a common first name, capitalised, that is not also an ordinary word;</li>
 *   <li>the participants' names from the conversation's metadata.</li>
 * </ul>
 * Every word found this way is then a name wherever it appears capitalised in the conversation, and a
 * capitalised word right after a first name joins it as a surname. An AI persona ("I'm Nora, a virtual
 * assistant", or an agent called "Mia (AI assistant, ...)") is not a person and is never marked;
 * neither is a capitalised run containing an organisation word ("Rapid Rooter Plumbing").
 */
final class NameFinder {

    /** A capitalised word (PersonCues builds its cues from it too). */
    static final String CAP = "\\p{Lu}[\\p{L}'’-]*";
    private static final String CAPS = "(" + CAP + "(?:\\s+" + CAP + "){0,3})";
    private static final Pattern TITLE = Pattern.compile("(?U)\\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Doctor|Prof|Professor|Sr|Sra|Srta|Don|Doña|don|doña"
            + "|Señor|Señora|Señorita|señor|señora|señorita|Sir|Officer|Nurse|Pastor|Father|Sister|Captain)\\.?\\s+" + CAPS);
    static final Pattern INTRO = Pattern.compile("(?U)\\b(?i:this is|i'm|i am|my name is|my name's|name is|name's|call me"
            + "|speaking with|is this|it's|it is|soy|me llamo|mi nombre es|le habla|le atiende|habla|pregunte por|ask for|talk to"
            + "|speak to|speak with|his name is|her name is|will be)\\s+" + CAPS);
    static final Set<String> STRONG_INTRO = Set.of("this is", "i'm", "i am", "my name is", "my name's", "name is", "name's",
            "call me", "speaking with", "soy", "me llamo", "mi nombre es", "le habla", "le atiende", "pregunte por", "his name is",
            "her name is");
    private static final Pattern VOCATIVE = Pattern.compile("(?U)\\b(?i:thanks|thank you|thank|hi|hello|hey|bye|goodbye|welcome|sorry"
            + "|gracias|hola|adiós|adios|perfect|great|okay|alright|morning|afternoon|evening|night|care|day|weekend|there)"
            + "\\s*,\\s+" + CAPS + "(?=\\s*[.,!?]|\\s*$)");
    /**
     * A person named beside their role ("our scheduler, Trish, will call", "a technician, Dmitri, who", "our estimator Keisha
     * will"): a determiner, at most two lower-case words, a word for a person's job or relation, then the name.
     */
    static final Pattern ROLE_APPOSITION = Pattern.compile("(?U)\\b(?i:a|an|the|our|my|your|his|her|their)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?"
            + "(?:technician|tech|installer|scheduler|estimator|owner|manager|supervisor|banker|officer|lead|guy|coordinator"
            + "|specialist|advisor|adviser|representative|rep|dispatcher|receptionist|hygienist|dentist|therapist|trainer|coach"
            + "|instructor|designer|consultant|inspector|electrician|plumber|foreman|contractor|colleague|coworker|husband|wife"
            + "|son|daughter|mom|mother|dad|father|brother|sister|friend|neighbor|neighbour|landlord|boss|mechanic|driver"
            + "|adjuster|planner|stylist|groomer|surgeon|pharmacist|teacher|roommate|boyfriend|girlfriend|broker|realtor"
            + "|kid|child|grandson|granddaughter|nephew|niece|cousin|aunt|uncle|partner|fiance|fiancé|fiancée|grandma|grandpa)"
            + "\\s*,?\\s+(" + CAP + "(?:\\s+" + CAP + ")?)(?=\\s*[,.;:!?]|\\s+\\p{Ll}|\\s*$)");
    private static final Pattern TRAILING_VOCATIVE = Pattern.compile("(?U),\\s+(" + CAP + ")\\s*[?!.]");
    private static final Pattern NAME_QUESTION = Pattern.compile("\\b(?:your (?:full |first |last |first and last )?name"
            + "|name on the account|names? (?:on|for) (?:the|this) (?:account|reservation|appointment|booking)|who am i speaking"
            + "|who do i have the pleasure|who's calling|who is calling|may i ask who|can i get a name|get your name|spell (?:your|the|that)"
            + "|su nombre|nombre completo|a nombre de quien|con quien tengo el gusto|como se llama|name please)\\b|^name\\b");
    private static final Pattern SPELLED = Pattern.compile("\\b\\p{Lu}(?:-\\p{Lu}){2,}\\b");
    static final Pattern PERSONA_AFTER = Pattern.compile("(?i)^[^.!?]{0,60}?\\b(?:AI|A\\.I\\.|virtual|automated|digital|robot|bot"
            + "|artificial|asistente virtual)\\b");
    static final Pattern AI_AGENT = Pattern.compile("(?i)\\b(?:AI|A\\.I\\.|virtual|automated|bot|assistant|asistente|voice agent)\\b");

    private NameFinder() {
    }

    record Rule(String name, int strength) {
    }

    static List<List<Candidate>> find(List<String> texts, List<List<Tok>> toks, List<Speaker> speakers, String agentName,
                                      String customerName) {
        Set<String> lowercaseSeen = new HashSet<>();
        toks.forEach(ts -> ts.forEach(t -> {
            if (!t.capitalised() && Character.isLetter(t.text().codePointAt(0))) {
                lowercaseSeen.add(t.folded());
            }
        }));
        Set<String> personas = Personas.of(texts, agentName);
        Set<String> known = Personas.participants(personas, agentName, customerName);

        int n = texts.size();
        Rule[][] marks = new Rule[n][];
        for (int i = 0; i < n; i++) {
            marks[i] = new Rule[toks.get(i).size()];
        }
        Set<String> lexicon = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String text = texts.get(i);
            List<Tok> ts = toks.get(i);
            Rule[] m = marks[i];
            seedPattern(TITLE, text, ts, m, new Rule("title", 5), personas, lowercaseSeen, false, false);
            Matcher intro = INTRO.matcher(text);
            while (intro.find()) {
                String lead = Tok.fold(text.substring(intro.start(), intro.start(1)).strip());
                boolean strong = STRONG_INTRO.contains(lead);
                if (PERSONA_AFTER.matcher(text.substring(intro.end(1))).find() && strong) {
                    continue;
                }
                markRange(text, ts, m, intro.start(1), intro.end(1), strong ? new Rule("introduction", 4) : new Rule("name-context", 2),
                        personas, lowercaseSeen, !strong, !strong);
            }
            seedPattern(VOCATIVE, text, ts, m, new Rule("vocative", 3), personas, lowercaseSeen, false, false);
            seedPattern(TRAILING_VOCATIVE, text, ts, m, new Rule("vocative", 3), personas, lowercaseSeen, true, true);
            seedPattern(ROLE_APPOSITION, text, ts, m, new Rule("role-apposition", 3), personas, lowercaseSeen, false, true);
            for (Pattern p : PersonCues.ALL) {
                seedPattern(p, text, ts, m, new Rule("speech-verb", 2), personas, lowercaseSeen, false, true);
            }
            if (i > 0 && speakers.get(i - 1) != speakers.get(i) && NAME_QUESTION.matcher(Tok.fold(texts.get(i - 1))).find()) {
                answer(text, ts, m, personas, 0);
            }
            int question = text.indexOf('?');
            if (question > 0 && NAME_QUESTION.matcher(Tok.fold(text.substring(0, question))).find()) {
                // the question and its answer in one turn: "What's your name? Sölvi Salómonsson"
                answer(text, ts, m, personas, question + 1);
            }
            Matcher spelled = SPELLED.matcher(text);
            while (spelled.find()) {
                for (int k = 0; k < ts.size(); k++) {
                    if (ts.get(k).start() >= spelled.start() && ts.get(k).end() <= spelled.end()) {
                        m[k] = strongest(m[k], new Rule("spelled", 5));
                    }
                }
            }
            ProperNames.mark(text, ts, m, personas, lowercaseSeen);
            for (int k = 0; k < ts.size(); k++) {
                Tok t = ts.get(k);
                if (!t.capitalised() || personas.contains(t.folded()) || organisationNext(text, ts, k)) {
                    continue;
                }
                if (known.contains(t.base())) {
                    m[k] = strongest(m[k], new Rule("participant", 4));
                } else if (NameLists.clearGiven(t.base()) && !lowercaseSeen.contains(t.base())) {
                    m[k] = strongest(m[k], new Rule("first-name", 2));
                } else if (k > 0 && NameLists.surname(t.base()) && !NameLists.ordinary(t.base()) && !lowercaseSeen.contains(t.base())
                        && surname(ts.get(k - 1)) && spaceOnly(text, ts.get(k - 1), t) && !NameLists.ordinary(ts.get(k - 1).folded())) {
                    // a listed surname after a capitalised word that is no ordinary word: "Calquín Cazares"
                    m[k - 1] = strongest(m[k - 1], new Rule("surname", 2));
                    m[k] = strongest(m[k], new Rule("surname", 2));
                }
            }
            for (int k = 0; k < ts.size(); k++) {
                if (m[k] != null) {
                    lexicon.add(ts.get(k).base());
                }
            }
        }
        lexicon.removeAll(personas);

        List<List<Candidate>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = texts.get(i);
            List<Tok> ts = toks.get(i);
            Rule[] m = marks[i];
            for (int k = 0; k < ts.size(); k++) {
                if (m[k] == null && ts.get(k).capitalised() && lexicon.contains(ts.get(k).base())
                        && !Gazetteer.COMMON.contains(ts.get(k).folded())) {
                    m[k] = new Rule("repeat", 1);
                }
            }
            Coordination.extend(text, ts, m);
            out.add(spans(text, ts, m));
        }
        return out;
    }

    /** Merges marked tokens that follow each other with only spaces between; a capitalised word after a first name joins it. */
    private static List<Candidate> spans(String text, List<Tok> ts, Rule[] m) {
        List<Candidate> out = new ArrayList<>();
        int k = 0;
        while (k < ts.size()) {
            if (m[k] == null) {
                k++;
                continue;
            }
            int first = k;
            Rule best = m[k];
            while (k + 1 < ts.size() && joinable(text, ts, k)
                    && (m[k + 1] != null || surname(ts.get(k + 1)) || initial(text, ts, k + 1))) {
                k++;
                if (m[k] != null) {
                    best = strongest(best, m[k]);
                }
            }
            int end = ts.get(k).end();
            String span = text.substring(ts.get(first).start(), end);
            if (span.endsWith("'s") || span.endsWith("’s")) {
                end -= 2;
            }
            out.add(new Candidate(PiiType.NAME, ts.get(first).start(), end, best.name(), null));
            k++;
        }
        return out;
    }

    /** Next to each other with only spaces between, or an initial and its dot ("Faina D. Yefremova"). */
    private static boolean joinable(String text, List<Tok> ts, int k) {
        Tok a = ts.get(k);
        Tok b = ts.get(k + 1);
        return spaceOnly(text, a, b) || (a.spelledLetter() && text.substring(a.end(), b.start()).matches("\\.\\s+"));
    }

    /** A middle initial: one capital letter between a name and another capitalised word. */
    private static boolean initial(String text, List<Tok> ts, int k) {
        return ts.get(k).spelledLetter() && k + 1 < ts.size() && ts.get(k + 1).capitalised() && joinable(text, ts, k)
                && ts.get(k + 1).text().length() > 1;
    }

    private static boolean surname(Tok t) {
        return t.capitalised() && t.text().length() > 1 && !Gazetteer.COMMON.contains(t.folded())
                && !Gazetteer.ORGANISATION.contains(t.folded()) && Character.isLetter(t.text().codePointAt(0))
                && !t.text().contains("-");
    }

    private static void seedPattern(Pattern p, String text, List<Tok> ts, Rule[] m, Rule rule, Set<String> personas,
                                    Set<String> lowercaseSeen, boolean listedOnly, boolean rejectLowercaseSeen) {
        Matcher matcher = p.matcher(text);
        while (matcher.find()) {
            markRange(text, ts, m, matcher.start(1), matcher.end(1), rule, personas, lowercaseSeen, listedOnly, rejectLowercaseSeen);
        }
    }

    /**
     * Marks the capitalised words of a cue's capture from its start while they look like a name.
     *
     * @param listedOnly the first word must be a listed first name (weak cues)
     */
    private static void markRange(String text, List<Tok> ts, Rule[] m, int from, int to, Rule rule, Set<String> personas,
                                  Set<String> lowercaseSeen, boolean listedOnly, boolean rejectLowercaseSeen) {
        List<Integer> picked = new ArrayList<>();
        for (int k = 0; k < ts.size(); k++) {
            Tok t = ts.get(k);
            if (t.start() < from || t.end() > to) {
                continue;
            }
            String f = t.folded();
            boolean ok = t.capitalised() && !Gazetteer.COMMON.contains(f) && !personas.contains(f)
                    && !(rejectLowercaseSeen && lowercaseSeen.contains(f)) && t.text().length() > 1
                    && Character.isLetter(t.text().codePointAt(0));
            if (picked.isEmpty() && listedOnly && !(Gazetteer.FIRST_NAMES.contains(f) || Gazetteer.AMBIGUOUS.contains(f))) {
                ok = false;
            }
            if (!ok) {
                break;
            }
            if (Gazetteer.ORGANISATION.contains(f)) {
                return;
            }
            picked.add(k);
        }
        if (!picked.isEmpty() && organisationNext(text, ts, picked.getLast())) {
            return;
        }
        for (int k : picked) {
            m[k] = strongest(m[k], rule);
        }
    }

    /** The reply to "your name?": its first run of capitalised words that is not a greeting or filler. */
    private static void answer(String text, List<Tok> ts, Rule[] m, Set<String> personas, int from) {
        for (int k = 0; k < ts.size(); k++) {
            Tok t = ts.get(k);
            if (t.start() < from || text.startsWith(":", t.end()) || !t.capitalised() || Gazetteer.COMMON.contains(t.folded()) || personas.contains(t.folded())
                    || !Character.isLetter(t.text().codePointAt(0))) {
                continue;
            }
            int last = k;
            while (last + 1 < ts.size() && spaceOnly(text, ts.get(last), ts.get(last + 1)) && ts.get(last + 1).capitalised()
                    && !Gazetteer.COMMON.contains(ts.get(last + 1).folded()) && last - k < 4) {
                last++;
            }
            for (int j = k; j <= last; j++) {
                if (Gazetteer.ORGANISATION.contains(ts.get(j).folded())) {
                    return;
                }
            }
            for (int j = k; j <= last; j++) {
                m[j] = strongest(m[j], new Rule("answer-to-name-question", 4));
            }
            return;
        }
    }

    private static boolean organisationNext(String text, List<Tok> ts, int k) {
        return k + 1 < ts.size() && spaceOnly(text, ts.get(k), ts.get(k + 1)) && ts.get(k + 1).capitalised()
                && Gazetteer.ORGANISATION.contains(ts.get(k + 1).folded());
    }

    private static boolean spaceOnly(String text, Tok a, Tok b) {
        return text.substring(a.end(), b.start()).isBlank() && b.start() > a.end();
    }

    private static Rule strongest(Rule a, Rule b) {
        return a == null || b.strength() > a.strength() ? b : a;
    }
}
