package io.verbatim.analysis.internal.insights;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds when something is due, as said: "today between one and three", "Tuesday", "within forty-eight hours". */
final class DueHints {

    private static final String DAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo)";
    private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october|november|december)";
    private static final Pattern DUE = Pattern.compile(
            "\\b(within[, ]+(the next |about |around |typically |roughly |usually )?[\\w-]+( to [\\w-]+)? (business |working )?(minutes|hours|days|weeks)"
            + "|[\\w-]+ (to|or) [\\w-]+ (business |working )?(days|hours|weeks)"
            + "|in the next (few )?(minutes|hours|days)|in [\\w-]+ (business )?(days|hours|minutes)"
            + "|(by|before|on|this|next|until)( the)? " + DAY + "( (morning|afternoon|evening))?"
            + "|(as soon as )?next " + DAY
            + "|(first thing )?(this|tomorrow) (morning|afternoon|evening)|today|tonight|tomorrow|next week|this week|end of (the )?(day|week)"
            + "|" + DAY + "( (morning|afternoon|evening))?"
            + "|" + MONTH + " [\\w-]+( at [\\w -]+ (a m|p m|a\\.m\\.|p\\.m\\.))?"
            + "|between [\\w-]+ and [\\w-]+( (a m|p m|a\\.m\\.|p\\.m\\.))?( (this|tomorrow) (morning|afternoon|evening))?"
            + "|before [\\w-]+ (a m|p m|a\\.m\\.|p\\.m\\.|o'clock)|before the visit|before (he|she|they) (gets?|arrives?)"
            + "|until (he|she|they) (gets?|arrives?) there|the [\\w-]+(st|nd|rd|th)"
            + "|hoy( mismo)?|manana|esta semana|la proxima semana)\\b");

    private DueHints() {
    }

    static String find(String folded) {
        Matcher m = DUE.matcher(folded);
        String best = null;
        while (m.find()) {
            String hit = m.group().strip();
            if (best == null || hit.length() > best.length()) {
                best = hit;
            }
        }
        return best;
    }
}
