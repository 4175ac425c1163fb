package io.verbatim.insights;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Values per day for one or more named lines (every list as long as {@code days}); {@code null} = no data that day. */
public record Series(List<LocalDate> days, Map<String, List<Double>> values) {
}
