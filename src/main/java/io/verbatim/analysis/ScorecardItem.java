package io.verbatim.analysis;

/**
 * One scored behaviour.
 *
 * @param key            stable key ({@code greeting}, {@code verified_customer}, ...)
 * @param weight         relative weight in its section (> 0)
 * @param rule           what must be found for the item to be met
 * @param applicableWhen null = always applicable; otherwise the item is {@code not_applicable} when it
 *                       does not hold (verification only when account data is involved)
 * @param mustNotOccur   the rule describes a forbidden behaviour: the result says whether it happened
 *                       ({@code met} = it happened, e.g. {@code interrupted_customer}) and the score
 *                       credits the item when it did not
 * @param autoFail       failing this item (not met, or a must-not-occur behaviour that happened)
 *                       fails the whole scorecard: overall score 0
 */
public record ScorecardItem(String key, String name, String description, double weight, Condition rule,
                            Condition applicableWhen, boolean mustNotOccur, boolean autoFail) {
}
