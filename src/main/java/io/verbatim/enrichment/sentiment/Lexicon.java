package io.verbatim.enrichment.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sentiment cues of customer-service conversation, not of product reviews: politeness formulas
 * ("thanks", "have a good day") count little; genuine praise ("you've been super helpful", "I appreciate
 * that") counts; frustration shows as repetition ("third time", "again", "this time"), escalation
 * ("supervisor", "talk to a person"), distrust ("how do you know", "in writing"), resignation ("Fine.",
 * "Unbelievable.") and refusal ("I've heard enough"). Patterns run on lower-cased text. A negatable cue
 * flips under "not"/"never"/"no" ("not thrilled", "no problem").
 */
final class Lexicon {

    /**
     * @param category  a short class for the evidence: praise, positive, politeness, anger, frustration,
     *                  escalation, distrust, anxiety, refusal, dismissive
     * @param negatable a negator just before flips it
     */
    record Entry(String category, String phrase, Pattern pattern, double weight, boolean negatable) {
    }

    static final List<Entry> CUSTOMER = new ArrayList<>();
    /** What an agent says that makes the customer's experience worse, whatever the customer says. */
    static final List<Entry> DISMISSIVE = new ArrayList<>();

    static {
        // genuine praise and satisfaction
        add("praise", "(?:super|so|very|really|incredibly|extremely) helpful|been (?:a (?:big |great )?)?(?:help|helpful)", 0.9, false);
        add("praise", "amazing|awesome|fantastic|wonderful|excellent|outstanding|brilliant|lifesaver|you're the best|great service", 0.7, true);
        add("praise", "(?:really |truly |so )?appreciate (?:it|that|this|you|your)|i appreciate", 0.6, false);
        add("praise", "(?:thank you|thanks)[.,!]? really|really,? thank you|thank you so much|thanks so much|thank you very much"
                + "|thanks a million|many thanks", 0.45, false);
        add("positive", "perfect|great|love (?:it|that)|i love|glad|happy|relieved|pleased|delighted|thrilled|excited", 0.45, true);
        add("positive", "good to know|that works|sounds good|works for me|that helps|helpful|that's easier|easier than|let's do it"
                + "|i (?:could|can) do that|that's fair|fair enough|oh wow|thank god|good news|nice|good", 0.35, true);
        add("positive", "i hope so|oh, good|oh good", 0.2, false);
        // "Great, thanks." / "Perfect." opening a reply acknowledges what was said more than it praises
        add("acknowledgement", "^(?:okay,? |ok,? |alright,? )?(?:great|perfect|good|awesome|excellent)[,.!](?=\\s*(?:thanks|thank you|and|so|i|uh|um)\\b)",
                0.2, false);
        // politeness formulas: expected at the close, they say little
        add("politeness", "thank you|thanks|thank|thanks a lot|you too|have a (?:good|great|nice) (?:one|day|evening|night|weekend)"
                + "|take care|no worries", 0.08, false);
        // anger, frustration, resignation
        add("anger", "ridiculous|unbelievable|unacceptable|outrageous|absurd|terrible|horrible|awful|worst|furious|angry|pissed"
                + "|sick (?:and tired )?of|fed up|(?:i've|i have) heard enough|heard enough|waste of (?:my )?time|rip[- ]?off|scam"
                + "|thanks for nothing|yeah,? right|lied to me|lying|insane|a joke", -0.85, false);
        add("frustration", "(?:second|third|fourth|fifth) time|every (?:single )?time|how many times|this time|once again|again"
                + "|still (?:not|no|haven't|hasn't|isn't|doesn't|don't|waiting)|nobody (?:told|came|called|showed|fixed|answered|read)"
                + "|no one (?:told|came|called|showed)|never (?:called|came|showed|fixed|got)|(?:hours?|days?|weeks?) late|showed up late"
                + "|didn't (?:even )?(?:fix|show|call|work)|doesn't work|not working|(?:i've|i have) been (?:on|waiting|holding|calling)"
                + "|on hold for|been waiting|so you guessed|make sure (?:someone|somebody|you|they) actually|you just told me", -0.55, false);
        add("frustration", "frustrat\\w*|annoy\\w*|upset|disappoint\\w*|irritat\\w*|unhappy|ugh|seriously"
                + "|come on(?! in| over| down| by| back| out| up| through)", -0.5, true);
        // a problem stated, not yet a feeling about it
        add("concern", "late fee|way (?:higher|more)|overcharg\\w*|higher than (?:normal|usual)|oh my (?:god|gosh)", -0.3, true);
        add("frustration", "(?:^|(?<=[.!?]\\s))fine[.,!]|^whatever|yeah,? whatever", -0.35, false);
        add("escalation", "supervisor|manager|(?:talk|speak) (?:to|with) (?:a |an actual |a real )?(?:person|human|someone|somebody)"
                + "|file a complaint|complaint|lawyer|report (?:you|this)|close (?:my|the) account"
                + "|cancel\\w* (?:my |the |our |this )?(?:service|account|subscription|plan|membership|policy|contract|line)", -0.5, false);
        add("distrust", "how do you know|in writing|i was told|don't believe|i doubt|not sure about|i don't trust|sounds like a",
                -0.4, false);
        add("anxiety", "lost (?:my|the|it)|stolen|it's gone|worried|scared|nervous|stress\\w*|afraid|panic\\w*|freaking out",
                -0.4, true);
        // declining politely is not much of a feeling
        add("refusal", "i don't want|i'd rather (?:you )?not|let me think|i'll think about it", -0.15, true);
        add("refusal", "not interested|no thanks|not signing|not going to sign|won't sign"
                + "|too expensive|expensive|that's a lot|a lot more than|more than i (?:wanted|thought|expected)|can't afford"
                + "|don't have (?:\\w+ )?(?:grand|money|the money)|not worth", -0.25, true);
        // Spanish
        add("praise", "muy amable|me atendi[oó] (?:s[uú]per |muy )?bien|excelente|de maravilla|fenomenal|genial|encantad[oa]", 0.7, false);
        add("praise", "muchas gracias|mil gracias", 0.3, false);
        add("positive", "me gusta|perfecto|qu[eé] bueno|qu[eé] bien|muy bien|s[uú]per bien|me encanta|me sirve", 0.4, true);
        add("politeness", "gracias", 0.08, false);
        add("anger", "rid[ií]culo|p[eé]simo|horrible|terrible|inaceptable|una burla|un abuso|estafa", -0.85, false);
        add("frustration", "otra vez|de nuevo|ya llam[eé]|nadie me|molest\\w*|cobrando mucho|muy caro|caro|no sirve|no funciona", -0.45, false);
        add("escalation", "supervisor|gerente|queja|cancelar|reclamo", -0.5, false);

        dismissive("whatever|i guess|i don't know what to tell you|(?:it|that) happens|usage is usage|nothing i can do|not my (?:problem|department)"
                + "|calm down|we don't really do|ask for whoever|everybody says that|can be bought|don't worry about that|nah,|it's complicated");
    }

    private Lexicon() {
    }

    private static void add(String category, String regex, double weight, boolean negatable) {
        for (String phrase : alternatives(regex)) {
            CUSTOMER.add(new Entry(category, phrase, compile(phrase), weight, negatable));
        }
    }

    private static void dismissive(String regex) {
        for (String phrase : alternatives(regex)) {
            DISMISSIVE.add(new Entry("dismissive", phrase, compile(phrase), -0.5, false));
        }
    }

    /** The top-level alternatives of a regex (each becomes its own cue, so the evidence names the phrase). */
    private static List<String> alternatives(String regex) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(regex.substring(from, i));
                from = i + 1;
            }
        }
        out.add(regex.substring(from));
        return out;
    }

    private static Pattern compile(String phrase) {
        return Pattern.compile("(?<![\\p{L}'])(?:" + phrase + ")(?![\\p{L}])");
    }

    static final Pattern NEGATOR = Pattern.compile("\\b(?:not|never|no|nobody|nothing|hardly|isn't|wasn't|aren't|don't|doesn't|didn't"
            + "|won't|can't|couldn't|wouldn't|ain't|nunca|tampoco|ni)\\b|n't\\b");
    static final Pattern INTENSIFIER = Pattern.compile("\\b(?:really|very|so|super|extremely|totally|absolutely|incredibly|truly|honestly"
            + "|muy|s[uú]per|tan|demasiado|bien)\\s*$");
    static final Pattern CONTRAST = Pattern.compile("\\b(?:but|pero|though|although|however|sin embargo)\\b");
}
