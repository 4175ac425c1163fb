package io.verbatim.web.internal;

import io.verbatim.insights.Period;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links from a dashboard figure to the Calls Explorer showing exactly the calls behind it. */
final class Drilldown {

    private Drilldown() {
    }

    /** {@code /calls?from=..&to=..[&team=..]} plus extra {@code name, value} pairs. */
    static String calls(Period period, String... filters) {
        StringBuilder url = new StringBuilder("/calls?from=").append(period.from()).append("&to=").append(period.to());
        if (period.team() != null) {
            url.append("&team=").append(period.team());
        }
        for (int i = 0; i + 1 < filters.length; i += 2) {
            if (filters[i + 1] != null) {
                url.append('&').append(filters[i]).append('=').append(URLEncoder.encode(filters[i + 1], StandardCharsets.UTF_8));
            }
        }
        return url.toString();
    }

    /** The period's query string, for links between dashboards. */
    static String query(Period period) {
        return "from=" + period.from() + "&to=" + period.to() + (period.team() == null ? "" : "&team=" + period.team());
    }
}
