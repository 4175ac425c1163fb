package io.verbatim.analysis.internal.insights;

import io.verbatim.analysis.ActionItem;
import io.verbatim.analysis.Owner;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Normalizer;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Turn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Action items: follow-ups still open when the conversation ends, never what was done during it.
 * <ul>
 *   <li>Business commitments (owner agent): "I'll email/text/send...", "I'm going to waive...",
 *   "someone/he/they will call you" and any named third party ("scheduling will call you", "Marcus from our
 *   survey team will be at the house"), "I'll have Robin call you", "I'm sending you...", "you'll get a text
 *   confirmation", "... will come to / be in your email", "... is scheduled for ...", and an offer the customer
 *   accepts ("I can mail you our brochure" / "What I can do is email you..." / "I have a technician who can be
 *   there between one and three. Does that work?" / "Yes").</li>
 *   <li>Customer commitments: "I'll check / let me talk to my husband / I'm going to get another quote /
 *   voy a..., traigo...", and the agent's instructions for after the call: imperatives
 *   ("Keep that valve off until...", "Call Clearwater first", "please avoid...", "you can add...",
 *   "you'll want to...", "if you can, text us a photo of the label", "le recomiendo que...").</li>
 * </ul>
 * A booked slot ("you're booked for Tuesday") is the booking result,
 * not an item: the training writers do not label it.
 * Conditional sentences ("if he's running late, you'll hear from me") and present actions
 * ("let me check", "I'm marking it now") are not items. Near-duplicates (same owner, most content
 * words shared) are merged, keeping the first.
 */
public final class ActionItemFinder {

    private static final String AGENT_VERBS = "give you a (?:call|ring)|check back|circle back|touch base|have (?!to\\b)\\w+|ask (?:\\w+ ){1,3}to|let (?:\\w+ ){1,3}know|pass (?:\\w+ ){0,3}along|put you (?:on|down)|add you|send|email|e-mail|text|call|mail|ship|follow up|reach out|get back|schedule|book|set up|put in|submit|process|waive|flag|credit|refund|have someone|have a|dispatch|arrange|forward|look into|check on|escalate|contact|confirm|order|expedite|note|update|request|file|open a ticket";
    private static final Pattern AGENT_SELF = Pattern.compile(
            "\\b(i|we)(?:'ll| will|'m| am|'re| are)(?: also| just| then| now| personally| definitely| still| go ahead and)?(?: going to| gonna)? (?:go ahead and )?(" + AGENT_VERBS + ")\\b");
    private static final Pattern AGENT_SENDING = Pattern.compile(
            "\\b(i|we)(?:'m| am|'re| are)(?: also| just)? (sending|emailing|texting|mailing|shipping|forwarding|putting in|submitting|escalating)\\b");
    /** Anyone but I, we or you who will do something for the customer: "scheduling will call you", "Marcus from our survey team will be at the house". */
    private static final Pattern ANY_THIRD_PARTY = Pattern.compile(
            "^(?:(?:so|and|then|now|okay|next|also)[, ]+)*(?!(?:i|we|you|it|that|this|there)\\b)((?:[\\w-]+,? ){1,6})(?:will|'ll|is going to|are going to|'s going to)(?: also| just| then| personally)? "
            + "(call|text|email|send|contact|reach out|come|be (?:there|out|at|by|over)|arrive|follow up|get back|confirm|visit|meet|bring|drop off|deliver|install|stop by|swing by|give you)\\b");
    /** Something that will reach the customer: "it'll be in your email", "you'll get a text confirmation". */
    private static final Pattern DELIVERABLE = Pattern.compile(
            "\\b(will|'ll) (be in your (email|inbox|mail|mailbox|account)|show up in your (email|inbox|account))\\b"
            + "|\\byou(?:'ll| will)(?: also)? (?:get|receive) (?:a |an |the |your )?(?:[\\w-]+ ){0,2}(text|email|e-mail|call|confirmation|link|letter|bill|refund|credit|invite|invitation|notice|message|receipt|package|card|quote|estimate|reminder|voucher|check|kit|box|code)\\b");
    private static final Pattern THIRD_PARTY = Pattern.compile(
            "\\b(someone|somebody|they|he|she|the (technician|tech|crew|crew lead|team|supervisor|front desk|office|billing team|nurse|doctor|manager|specialist|installer))(?:'ll| will| is going to| are going to|'s going to)(?: also| just| then| personally)? (call|text|email|send|contact|reach out|come|be there|be out|arrive|follow up|get back|check|review|start|install)\\b");
    private static final Pattern CUSTOMER_RECEIVES = Pattern.compile(
            "\\byou(?:'ll| will)(?: also)? (get (?!it\\b)|receive|have (?!to\\b)|see (?!it\\b)|hear from)");
    private static final Pattern PASSIVE = Pattern.compile(
            "\\b(will|'ll|would) (come to your|arrive|be (sent|mailed|shipped|emailed|delivered|processed|credited|refunded|applied|posted))\\b"
            + "|\\b(is|are|has been|have been) scheduled for\\b|\\ble (llegara|enviaremos|enviamos|llamaremos|vamos a (llamar|enviar))\\b");
    private static final Pattern ACCEPTABLE_OFFER = Pattern.compile(
            "\\b(we can|i can|i have|we have|can be there|could be there|i've got|can i (follow up|call|check in|come back|send|stop by))\\b");
    private static final Pattern PRONOUN_DELIVERY = Pattern.compile("^you(?:'ll| will) (have|get|receive) (it|that|them|those)\\b");
    private static final Pattern OFFER_QUESTION = Pattern.compile(
            "\\b(would it help if i|want me to|would you like me to|can i|shall i|should i)(?: \\w+){0,2}? (send|email|e-mail|text|mail|forward|follow up|call)\\b|\\bif i (emailed|sent|texted|mailed) you\\b");
    private static final Pattern STATED_OFFER = Pattern.compile("\\b(?:(i|we) (can|could)(?: also| just)?|(?:what|one thing) (?:i|we) can do(?: is|,)(?: (?:i|we) can)?) (send|email|e-mail|text|mail|forward|call|put you on|add you|set up|book|schedule)\\b");
    /** A polite request, not a condition: "if you can text us a photo of the label", "in the meantime, if you can, take photos". */
    private static final Pattern IF_YOU_CAN = Pattern.compile("\\bif you (?:can|could)(?:,)? (?!not\\b|do\\b|make it\\b|come\\b)[a-z]+");
    private static final Pattern SO_I_CAN = Pattern.compile("\\bso (that )?(i|we) can (send|email|text|mail|call|follow up|get)\\b");
    private static final Pattern CALL_US = Pattern.compile("\\b(give us a call|call us back|give us a call back|just reply|reply to (the|that|my) email|llamenos)\\b");

    private static final String CUSTOMER_VERBS = "do (?:that|it|this|those)|talk|ask|check|call|get|bring|discuss|look into|send|email|find out|come back|review|consult|compare|be there|reply|pay|sign|fill out|decide|hablar|preguntar|llamar|traer|revisar|buscar|volver|pasar";
    private static final Pattern CUSTOMER_SELF = Pattern.compile(
            "\\b(i'll|i will|i'm going to|i am going to|i'm gonna|let me|i have to|i'd have to|i need to|i should|i've got to|i gotta|we'll|we need to|we will|voy a|tengo que|vamos a)( just| probably| definitely| first)? (" + CUSTOMER_VERBS + ")\\b"
            + "|\\b(traigo|le traigo|paso por|vuelvo)\\b");
    private static final Pattern INSTRUCTION = Pattern.compile(
            "^(?:(?:so|and|just|also|okay|ok|yeah|then|now|first|perfect|great|in the meantime|meanwhile|for now|please|y|entonces|tambien)[, ]+)*"
            + "(call|keep|bring|avoid|add|check|reply|give us|make sure|remember|don't forget|set up|turn off|turn on|shut off|leave|send us|email us|text us|stop by|come in|bring in|fill out|sign|llame|traiga|programe|guarde|recuerde|revise|pase)\\b"
            + "|\\bplease (avoid|bring|keep|call|send|check|make sure|remember|arrive|come|fill|sign|reply|don't)\\b"
            + "|\\byou (can|could|may|will need to|'ll need to|need to|should) (add|bring|call|send|email|e-mail|text|upload|apply|book|fill out|drop off|stop by|submit|return|mail|reply|check|set up|pick up|download|activate|log in)\\b"
            + "|^(?:\\w+ ){0,2}you(?:'ll| will|'d| would)? (?:need to|want to|might want to|may want to) (?!be\\b|have\\b|get a\\b)\\w+"
            + "|^(?:\\w+ ){0,2}(?:try to|be sure to) \\w+"
            + "|\\b(le recomiendo que|recuerde|no olvide|favor de|debe|tiene que)\\b");
    private static final List<String> NOT_ITEMS = List.of("keep an eye", "let me check", "let me see", "let me look",
            "let me take", "let me confirm", "let me leave", "let me get", "check the recent", "i'll throw in",
            "anything else", "any other questions");
    private static final Pattern CONDITIONAL = Pattern.compile("^(and |so |but )?(if|when|in case|unless|si) |\\bif (he|she|they|you)('s|'re| is| are) ");
    private static final Set<String> STOP = new HashSet<>(Arrays.asList(("a an the to of for and or in on at by with from "
            + "your you i we he she they it is are be will i'll you'll we'll this that as so just also then can get "
            + "have has had who there what which would could should was were been not yes okay yeah think let first going "
            + "gonna one more some any about into out up well really maybe "
            + "me my our us his her their el la los las de del que y en un una su se lo le desde para por con").split(" ")));

    private ActionItemFinder() {
    }

    /** An item stated by sentence {@code s} (a trained judge chose it), cleaned and with its due hint as the rules write them. */
    public static ActionItem item(Owner owner, Sentence s) {
        return new ActionItem(owner, Text.limitWords(Text.clean(s.text()), 25), DueHints.find(s.folded()), s.evidence());
    }

    public static List<ActionItem> find(ConversationText text) {
        List<ActionItem> out = new ArrayList<>();
        for (Sentence s : text.sentences()) {
            boolean question = s.questionMark();
            if (question && !((isOfferWithTime(s) || OFFER_QUESTION.matcher(s.folded()).find()) && acceptedNext(text, s.turn()))) {
                continue;
            }
            List<String> clauses = clauses(s.folded());
            for (int ci = 0; ci < clauses.size(); ci++) {
                String clause = clauses.get(ci);
                Candidate c = classify(text, s, clause, question, ci == 0);
                if (c == null) {
                    continue;
                }
                ActionItem item = new ActionItem(c.owner(), Text.limitWords(Text.clean(c.text()), 25), DueHints.find(clause),
                        s.evidence());
                if (c.owner() == Owner.AGENT && PRONOUN_DELIVERY.matcher(clause).find() && !out.isEmpty()
                        && out.get(out.size() - 1).owner() == Owner.AGENT && out.get(out.size() - 1).dueHint() == null) {
                    ActionItem prev = out.get(out.size() - 1);
                    out.set(out.size() - 1, new ActionItem(prev.owner(), prev.text(), item.dueHint(), prev.evidence()));
                    continue;
                }
                int dup = -1;
                for (int i = 0; i < out.size(); i++) {
                    if (out.get(i).owner() == item.owner() && similar(out.get(i).text(), item.text())) {
                        dup = i;
                    }
                }
                if (dup < 0) {
                    out.add(item);
                } else if (content(item.text()).size() > content(out.get(dup).text()).size()) {
                    out.set(dup, item);
                }
            }
        }
        return out;
    }

    private record Candidate(Owner owner, String text) {
    }

    private static Candidate classify(ConversationText text, Sentence s, String clause, boolean question, boolean firstClause) {
        if (s.speaker() == Speaker.AGENT) {
            if (question) {
                boolean offer = OFFER_QUESTION.matcher(clause).find()
                        || ACCEPTABLE_OFFER.matcher(clause).find() && DueHints.find(clause) != null;
                return offer ? new Candidate(Owner.AGENT, fromCue(s.text(), clause, 0)) : null;
            }
            boolean conditional = CONDITIONAL.matcher(clause).find();
            Matcher m;
            if (!conditional) {
                for (Pattern p : List.of(AGENT_SELF, AGENT_SENDING, THIRD_PARTY, ANY_THIRD_PARTY, PASSIVE, SO_I_CAN, DELIVERABLE)) {
                    m = p.matcher(clause);
                    if (m.find()) {
                        return new Candidate(Owner.AGENT, fromCue(s.text(), clause, p == PASSIVE ? 0 : m.start()));
                    }
                }
                m = CUSTOMER_RECEIVES.matcher(clause);
                if (m.find() && DueHints.find(clause) != null) {
                    return new Candidate(Owner.AGENT, fromCue(s.text(), clause, 0));
                }
                if (STATED_OFFER.matcher(clause).find() && acceptedNext(text, s.turn())) {
                    return new Candidate(Owner.AGENT, fromCue(s.text(), clause, 0));
                }
                if (isOfferWithTime(s) && acceptedNext(text, s.turn()) && ACCEPTABLE_OFFER.matcher(clause).find()) {
                    return new Candidate(Owner.AGENT, fromCue(s.text(), clause, 0));
                }
            }
            if (Text.any(Normalizer.words(clause), NOT_ITEMS) || clause.startsWith("let ")) {
                return null;
            }
            if (IF_YOU_CAN.matcher(clause).find()) {
                return new Candidate(Owner.CUSTOMER, fromCue(s.text(), clause, 0));
            }
            String lead = stripLead(clause.replaceFirst("^(if|when|once|si) [^,]*, ", ""));
            m = INSTRUCTION.matcher(lead);
            if (m.find() && (firstClause || m.start() > 0 || lead.startsWith("please"))) {
                return new Candidate(Owner.CUSTOMER, fromCue(s.text(), clause, 0));
            }
            m = CALL_US.matcher(clause);
            if (m.find()) {
                return new Candidate(Owner.CUSTOMER, fromCue(s.text(), clause, 0));
            }
            return null;
        }
        if (s.speaker() == Speaker.CUSTOMER && !Text.any(Normalizer.words(clause), NOT_ITEMS)) {
            Matcher m = CUSTOMER_SELF.matcher(clause);
            if (m.find()) {
                return new Candidate(Owner.CUSTOMER, fromCue(s.text(), clause, m.start()));
            }
        }
        return null;
    }

    /** Clauses of a folded sentence: split at ", and", ", but", ", so", "; " (a commitment and an instruction can share a sentence). */
    static List<String> clauses(String folded) {
        List<String> out = new ArrayList<>();
        for (String c : folded.split(",\\s+(?=(and|but|so|y|pero)\\b)|;\\s+")) {
            String t = c.strip().replaceFirst("^(and|but|so|y|pero)\\s+", "");
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** The original text of the clause from the cue on (folded and original texts have the same length when ASCII). */
    private static String fromCue(String original, String clause, int offsetInClause) {
        String folded = Normalizer.fold(original);
        int at = folded.indexOf(clause);
        if (at < 0 || folded.length() != original.length()) {
            return clause.substring(offsetInClause);
        }
        return original.substring(at + offsetInClause, at + clause.length());
    }

    private static String stripLead(String folded) {
        return folded.replaceAll("^[\\p{Punct}\\s]+", "");
    }

    private static boolean isOfferWithTime(Sentence s) {
        return s.speaker() == Speaker.AGENT && ACCEPTABLE_OFFER.matcher(s.folded()).find() && DueHints.find(s.folded()) != null;
    }

    /** The next customer turn accepts: an affirmative word and no refusal or deferral. */
    static boolean acceptedNext(ConversationText text, int turn) {
        for (int j = turn + 1; j < text.turns().size(); j++) {
            Turn t = text.turn(j);
            if (t.speaker() == Speaker.CUSTOMER) {
                String w = Normalizer.words(t.text());
                boolean yes = Text.any(w, List.of("yes", "yeah", "yep", "sure", "perfect", "great", "works", "good",
                        "okay", "ok", "sounds good", "let's do it", "please", "fine", "si", "dale", "claro", "perfecto"));
                boolean no = Text.any(w, List.of("no", "not", "don't", "can't", "let me", "i think", "maybe", "rather",
                        "wait", "hold on", "no puedo"));
                return yes && !no;
            }
        }
        return false;
    }

    static boolean similar(String a, String b) {
        Set<String> x = content(a);
        Set<String> y = content(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        return common.size() >= 0.6 * Math.min(x.size(), y.size());
    }

    static Set<String> content(String text) {
        Set<String> out = new HashSet<>();
        for (String w : Normalizer.words(text).strip().split(" ")) {
            if (w.length() > 2 && !STOP.contains(w)) {
                out.add(w.replaceAll("(ing|ed|es|s)$", ""));
            }
        }
        return out;
    }
}
