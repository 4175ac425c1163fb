package io.verbatim.enrichment.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the words around a number say it is. The cue nearest before the number wins ("the card
 * number on the account is ..." reads as an account), a longer phrase beating a shorter one that ends
 * at the same place ("account number" over "number"). Patterns run on folded text (lower case, no accents).
 */
enum Cue {
    CARD("(?:(?:credit|debit|bank|visa|master ?card|amex)\\s+)?(?:card|tarjeta)(?:\\s+(?:number|no|#))?|visa|mastercard|amex|credit|debit"),
    SSN("social security(?:\\s+(?:number|no|#))?|social|ssn|seguro social"),
    NATIONAL_ID("cedula|national id(?:entity)?(?:\\s+number)?|identity card|documento de identidad|id number|dni"),
    ACCOUNT("(?:member |membership |policy |insurance )?(?:id|number) on (?:your|the|my) (?:insurance )?card"
            + "|(?:account|acct|membership|policy)(?:\\s+(?:id|number|no|#))?|(?:member|subscriber|customer|contract|patient)\\s+(?:id|number|no|#)"
            + "|cuenta|poliza|numero de cliente"),
    REFERENCE("(?:reference|confirmation|dispute|case|ticket|order|tracking|claim|invoice|incident|work order)"
            + "(?:\\s+(?:number|no|#|id))?|referencia|confirmacion|caso|pedido|reclamo|factura"),
    BUSINESS("(?:their|our|the office|the main|the store|the front desk|the company's|the business)\\s+(?:phone\\s+|main\\s+|direct\\s+)?(?:number|line)"),
    // "the phone number on the account" asks for the phone: the longer hit ends where the account cue ends and wins
    PHONE("(?:phone(?:\\s+number)?|cell(?:\\s+phone)?|mobile)\\s+(?:on|for)\\s+(?:the|your|my|this)\\s+account"
            + "|phone(?:\\s+number)?|cell(?:\\s+phone)?|mobile|number|call(?:ing)?\\s+(?:me|you|from)|call back|callback"
            + "|reach (?:me|you)|text (?:me|you)|telefono|celular|movil|numero|whatsapp"),
    ZIP("zip(?:\\s+code)?|postal code|codigo postal"),
    /** A sum of money, never personal data: "charge is 1000", "transfer 3000". */
    AMOUNT("transfer(?:red)?|charged?|amount|paid|balance|price|cost|refund|deposit(?:ed)?|withdraw(?:n|al)?"),
    DOB("date of birth|birth ?date|birthday|born|dob|d o b|fecha de nacimiento|nacimiento|cumpleanos|naci");

    private final Pattern pattern;

    Cue(String regex) {
        this.pattern = Pattern.compile("\\b(?:" + regex + ")\\b");
    }

    /** Marks a partial number: "ending in", "last four". */
    static final Pattern PARTIAL = Pattern.compile(
            "\\b(?:ending(?: (?:in|with))?|end(?:s|ed)? (?:in|with)|last (?:four|4)(?: digits)?|terminad[ao] en|termina en|ultimos (?:cuatro|4))\\b");

    record Hit(Cue cue, int start, int end) {
    }

    /** What lies between a thing asked for and the thing it belongs to: "the billing zip [for that] card". */
    private static final Pattern BELONGS_TO = Pattern.compile("\\s+(?:on|for|of|from)\\s+(?:the|that|this|your|my|his|her|their)\\s+");
    private static final Pattern BARE_NUMBER = Pattern.compile("numbers?|numero|no|#");

    /**
     * The cue nearest the end of {@code text}, or null. A cue that only says whose or where the thing is ("the zip code
     * on the order", "the phone number on the work order") gives way to the thing itself, when that is named by more
     * than a bare "number".
     */
    static Hit nearest(String folded) {
        Hit best = null;
        List<Hit> all = new ArrayList<>();
        for (Cue cue : values()) {
            Matcher m = cue.pattern.matcher(folded);
            while (m.find()) {
                Hit hit = new Hit(cue, m.start(), m.end());
                all.add(hit);
                if (best == null || m.end() > best.end()
                        || (m.end() == best.end() && m.end() - m.start() > best.end() - best.start())) {
                    best = hit;
                }
            }
        }
        if (best != null) {
            for (Hit head : all) {
                if (head.cue() != best.cue() && head.end() <= best.start()
                        && BELONGS_TO.matcher(folded.substring(head.end(), best.start())).matches()
                        && !BARE_NUMBER.matcher(folded.substring(head.start(), head.end())).matches()) {
                    return head;
                }
            }
        }
        return best;
    }

    /** Every hit of this cue. */
    List<Hit> find(String folded) {
        List<Hit> hits = new ArrayList<>();
        Matcher m = pattern.matcher(folded);
        while (m.find()) {
            hits.add(new Hit(this, m.start(), m.end()));
        }
        return hits;
    }

    boolean in(String folded) {
        return pattern.matcher(folded).find();
    }
}
