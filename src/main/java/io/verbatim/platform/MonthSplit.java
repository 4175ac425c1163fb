package io.verbatim.platform;

import java.time.LocalDate;

/**
 * A range of whole UTC days split for roll-ups kept per day and per calendar month: the whole months
 * {@code [monthsFrom, monthsTo)} (first days of months) read from the monthly rows, the days {@code [from, monthsFrom)}
 * and {@code [monthsTo, to]} from the daily ones. Without a whole month inside, both month bounds are {@code to + 1}:
 * no month, and every day from the daily rows.
 */
public record MonthSplit(LocalDate from, LocalDate monthsFrom, LocalDate monthsTo, LocalDate to) {

    public static MonthSplit of(LocalDate from, LocalDate to) {
        LocalDate monthsFrom = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate monthsTo = to.plusDays(1).withDayOfMonth(1);
        if (!monthsFrom.isBefore(monthsTo)) {
            monthsFrom = to.plusDays(1);
            monthsTo = monthsFrom;
        }
        return new MonthSplit(from, monthsFrom, monthsTo, to);
    }
}
