package io.verbatim.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Per-day roll-up rows shaped into the dashboards' series (every day of the period, in order). */
final class DaySeries {

    record Slice(LocalDate day, String direction, String channel, String source, Measures measures) {
    }

    static Series volume(Period period, List<Slice> slices, Function<Slice, String> dimension) {
        Map<String, double[]> lines = new TreeMap<>();
        List<LocalDate> days = period.from().datesUntil(period.to().plusDays(1)).toList();
        for (Slice s : slices) {
            double[] line = lines.computeIfAbsent(dimension.apply(s), k -> new double[days.size()]);
            line[(int) java.time.temporal.ChronoUnit.DAYS.between(period.from(), s.day())] += s.measures().conversations();
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        lines.forEach((k, v) -> values.put(k, java.util.Arrays.stream(v).boxed().toList()));
        return new Series(days, values);
    }

    static Series sentiment(Period period, List<Slice> slices) {
        Map<LocalDate, List<Measures>> byDay = new TreeMap<>();
        slices.forEach(s -> byDay.computeIfAbsent(s.day(), d -> new ArrayList<>()).add(s.measures()));
        List<Slice> days = byDay.entrySet().stream()
                .map(e -> new Slice(e.getKey(), null, null, null, Measures.sum(e.getValue()))).toList();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        values.put("positive", perDayValues(period, days, m -> (double) m.positive()));
        values.put("neutral", perDayValues(period, days, m -> (double) m.neutral()));
        values.put("negative", perDayValues(period, days, m -> (double) m.negative()));
        values.put("net", perDayValues(period, days, Measures::sentimentScore));
        return new Series(period.from().datesUntil(period.to().plusDays(1)).toList(), values);
    }

    /** Ratios per day: days without conversations have no value. */
    static List<Double> perDayValues(Period period, List<Slice> days, Function<Measures, Double> value) {
        return perDay(period, days, value, null);
    }

    /** Counts per day: days without conversations are 0, not missing. */
    static List<Double> perDayCounts(Period period, List<Slice> days, java.util.function.ToLongFunction<Measures> count) {
        return perDay(period, days, m -> (double) count.applyAsLong(m), 0.0);
    }

    static List<Double> perDay(Period period, List<Slice> days, Function<Measures, Double> value, Double missing) {
        Double[] line = new Double[period.days()];
        java.util.Arrays.fill(line, missing);
        for (Slice s : days) {
            line[(int) java.time.temporal.ChronoUnit.DAYS.between(period.from(), s.day())] = value.apply(s.measures());
        }
        return java.util.Arrays.asList(line);
    }

    private DaySeries() {
    }
}
