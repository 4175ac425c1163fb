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
import java.util.regex.Pattern;

/**
 * Action items: follow-ups still open when the conversation ends, never what was done during it.
 * <ul>
 *   <li>Business commitments (owner agent): "I'll email/text/send...", "I'm going to waive...",
 *   "someone/he/they will call you", "you'll get/receive...", "... will come to your email",
 *   "... is scheduled for ...", and an agent offer with a time that the customer accepts
 *   ("I have a technician who can be there between one and three. Does that work?" / "Yes").</li>
 *   <li>Customer commitments: "I'll check / let me talk to my husband / I'm going to get another quote /
 *   voy a..., traigo...", and the agent's instructions for after the call: imperatives
 *   ("Keep that valve off until...", "Call Clearwater first", "please avoid...", "you can add...",
 *   "le recomiendo que...").</li>
 * </ul>
 * Conditional sentences ("if he's running late, you'll hear from me") and present actions
 * ("let me check", "I'm marking it now") are not items. Near-duplicates (same owner, most content
 * words shared) are merged, keeping the first.
 */
public final class ActionItemFinder {

    private static final String AGENT_VERBS = "send|email|e-mail|text|call|mail|ship|follow up|reach out|get back|schedule|book|set up|put in|submit|process|waive|flag|credit|refund|have someone|have a|dispatch|arrange|forward|look into|check on|escalate|contact|confirm|order|expedite|note|update|request|file|open a ticket";
    private static final Pattern AGENT_SELF = Pattern.compile(
            "\\b(i|we)(?:'ll| will|'m| am|'re| are)(?: also| just| then| now| personally| definitely| still| go ahead and)?(?: going to| gonna)? (?:go ahead and )?(" + AGENT_VERBS + ")\\b");
    private static final Pattern THIRD_PARTY = Pattern.compile(
            "\\b(someone|somebody|they|he|she|the (technician|tech|crew|crew lead|team|supervisor|front desk|office|billing team|nurse|doctor|manager|specialist|installer))(?:'ll| will| is going to| are going to|'s going to)(?: also| just| then| personally)? (call|text|email|send|contact|reach out|come|be there|be out|arrive|follow up|get back|check|review|start|install)\\b");
    private static final Pattern CUSTOMER_RECEIVES = Pattern.compile(
            "\\byou(?:'ll| will)(?: also)? (get (?!it\\b)|receive|have (?!to\\b)|see (?!it\\b)|hear from)");
    private static final Pattern PASSIVE = Pattern.compile(
            "\\b(will|'ll|would) (come to your|arrive|be (sent|mailed|shipped|emailed|delivered|processed|credited|refunded|applied|posted))\\b"
            + "|\\b(is|are|has been|have been) scheduled for\\b|\\ble (llegara|enviaremos|enviamos|llamaremos|vamos a (llamar|enviar))\\b");
    private static final Pattern ACCEPTABLE_OFFER = Pattern.compile(
            "\\b(we can|i can|i have|we have|can be there|could be there|i've got)\\b");

    private static final String CUSTOMER_VERBS = "talk|ask|check|call|get|bring|think|discuss|look|send|email|find|come back|review|consult|compare|be there|reply|pay|sign|fill out|decide|pensar|pensarlo|hablar|preguntar|llamar|traer|revisar|buscar|volver|pasar";
    private static final Pattern CUSTOMER_SELF = Pattern.compile(
            "\\b(i'll|i will|i'm going to|i am going to|i'm gonna|let me|i have to|i'd have to|i need to|i should|i've got to|i gotta|we'll|we need to|we will|voy a|tengo que|vamos a)( just| probably| definitely| first)? (" + CUSTOMER_VERBS + ")\\b"
            + "|\\b(traigo|le traigo|paso|vuelvo)\\b");
    private static final Pattern INSTRUCTION = Pattern.compile(
            "^(?:(?:so|and|just|also|okay|ok|yeah|then|now|first|perfect|great|in the meantime|meanwhile|for now|please|y|entonces|tambien)[, ]+)*"
            + "(call|keep|bring|avoid|add|check|reply|give us|make sure|remember|don't forget|set up|turn off|turn on|shut off|leave|send us|email us|text us|stop by|come in|bring in|fill out|sign|llame|traiga|programe|guarde|recuerde|revise|pase)\\b"
            + "|\\bplease (avoid|bring|keep|call|send|check|make sure|remember|arrive|come|fill|sign|reply|don't)\\b"
            + "|\\byou (can|could|may|will need to|'ll need to|need to|should) (add|bring|call|send|reply|check|set up|pick up|download|activate|log in)\\b"
            + "|\\b(le recomiendo que|recuerde|no olvide|favor de|debe|tiene que)\\b");
    private static final List<String> NOT_ITEMS = List.of("keep an eye", "let me check", "let me see", "let me look",
            "let me take", "let me confirm", "let me leave", "let me get", "check the recent", "i'll throw in",
            "anything else", "any other questions");
    private static final Pattern CONDITIONAL = Pattern.compile("^(and |so |but )?(if|when|in case|unless|si) ");
    private static final Set<String> STOP = new HashSet<>(Arrays.asList(("a an the to of for and or in on at by with from "
            + "your you i we he she they it is are be will i'll you'll we'll this that as so just also then can get "
            + "me my our us his her their el la los las de del que y en un una su se lo le").split(" ")));

    private ActionItemFinder() {
    }

    public static List<ActionItem> find(ConversationText text) {
        List<ActionItem> out = new ArrayList<>();
        List<Turn> turns = text.turns();
        for (Sentence s : text.sentences()) {
            if (s.hasAny(NOT_ITEMS) || s.text().strip().endsWith("?") && !isOfferWithTime(s)) {
                continue;
            }
            String f = s.folded();
            Owner owner = null;
            if (s.speaker() == Speaker.AGENT) {
                boolean conditional = CONDITIONAL.matcher(f).find() || f.contains(", if ") || f.contains(" and if ");
                if (!conditional && (AGENT_SELF.matcher(f).find() || THIRD_PARTY.matcher(f).find()
                        || CUSTOMER_RECEIVES.matcher(f).find() || PASSIVE.matcher(f).find())) {
                    owner = Owner.AGENT;
                } else if (isOfferWithTime(s) && acceptedNext(text, s.turn())) {
                    owner = Owner.AGENT;
                } else if (INSTRUCTION.matcher(stripLead(f)).find() && !f.startsWith("let ")) {
                    owner = Owner.CUSTOMER;
                }
            } else if (s.speaker() == Speaker.CUSTOMER && CUSTOMER_SELF.matcher(f).find()) {
                owner = Owner.CUSTOMER;
            }
            if (owner == null) {
                continue;
            }
            String clean = Text.limitWords(Text.clean(s.text()), 30);
            ActionItem item = new ActionItem(owner, clean, DueHints.find(f), s.evidence());
            if (out.stream().noneMatch(o -> o.owner() == item.owner() && similar(o.text(), item.text()))) {
                out.add(item);
            }
        }
        return out;
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
                        "okay", "ok", "sounds good", "let's do it", "please", "si", "dale", "claro", "perfecto"));
                boolean no = Text.any(w, List.of("no", "not", "don't", "can't", "let me", "think", "maybe", "rather",
                        "wait", "hold on"));
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
