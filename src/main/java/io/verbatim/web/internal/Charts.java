package io.verbatim.web.internal;

import io.verbatim.insights.Count;
import io.verbatim.insights.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * ECharts options for the dashboards, built on the server from the figures so the browser only draws.
 * Points that drill down carry a {@code url} (see /js/app.js).
 */
@Component
class Charts {

    static final String[] PALETTE = {"#3949ab", "#26a69a", "#ffa726", "#ef5350", "#8d6e63", "#7e57c2", "#66bb6a", "#29b6f6"};
    private final JsonMapper json;

    Charts(JsonMapper json) {
        this.json = json;
    }

    String write(Map<String, Object> option) {
        // Inside <script type="application/json">: keep "</script>" from closing the element.
        return json.writeValueAsString(option).replace("</", "<\\/");
    }

    /** Bars per day, one stacked series per line of {@code series}. */
    Map<String, Object> stackedDays(Series series) {
        Map<String, Object> option = base();
        option.put("xAxis", Map.of("type", "category", "data", days(series)));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        List<Map<String, Object>> lines = new ArrayList<>();
        series.values().forEach((name, values) -> lines.add(Map.of("name", label(name), "type", "bar", "stack", "total",
                "data", values, "emphasis", Map.of("focus", "series"))));
        option.put("series", lines);
        option.put("legend", Map.of("top", 0));
        option.put("tooltip", Map.of("trigger", "axis"));
        return option;
    }

    /** Lines per day for the named keys of {@code series}; {@code percent} formats 0-1 values. */
    Map<String, Object> lines(Series series, List<String> keys, boolean area) {
        Map<String, Object> option = base();
        option.put("xAxis", Map.of("type", "category", "data", days(series)));
        option.put("yAxis", Map.of("type", "value", "scale", true));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String key : keys) {
            Map<String, Object> line = new LinkedHashMap<>(Map.of("name", label(key), "type", "line", "connectNulls", true,
                    "showSymbol", false, "data", series.values().getOrDefault(key, List.of())));
            if (area) {
                line.put("areaStyle", Map.of("opacity", 0.15));
            }
            lines.add(line);
        }
        option.put("series", lines);
        option.put("legend", Map.of("top", 0));
        option.put("tooltip", Map.of("trigger", "axis"));
        return option;
    }

    /** Sentiment per day: stacked areas of negative/neutral/positive conversations. */
    Map<String, Object> sentiment(Series series) {
        Map<String, Object> option = base();
        option.put("color", List.of("#ef5350", "#b0bec5", "#66bb6a"));
        option.put("xAxis", Map.of("type", "category", "data", days(series)));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String key : List.of("negative", "neutral", "positive")) {
            lines.add(Map.of("name", label(key), "type", "bar", "stack", "s", "data", series.values().get(key)));
        }
        option.put("series", lines);
        option.put("legend", Map.of("top", 0));
        option.put("tooltip", Map.of("trigger", "axis"));
        return option;
    }

    /** Customer sentiment mix in the colours the rest of the app uses for it. */
    Map<String, Object> sentimentPie(Map<String, Long> parts, Function<String, String> url) {
        Map<String, Object> option = pie(parts, url);
        Map<String, String> colours = Map.of("positive", "#66bb6a", "neutral", "#b0bec5", "negative", "#ef5350");
        option.put("color", parts.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> colours.get(e.getKey())).toList());
        return option;
    }

    Map<String, Object> pie(Map<String, Long> parts, Function<String, String> url) {
        Map<String, Object> option = base();
        List<Map<String, Object>> data = new ArrayList<>();
        parts.forEach((k, v) -> {
            if (v > 0) {
                data.add(point(label(k), v, url == null ? null : url.apply(k)));
            }
        });
        option.put("series", List.of(Map.of("type", "pie", "radius", List.of("45%", "72%"), "data", data,
                "label", Map.of("formatter", "{b}: {c} ({d}%)"))));
        option.put("tooltip", Map.of("trigger", "item"));
        return option;
    }

    /** Horizontal bars, largest on top, each bar a drill-down. */
    Map<String, Object> ranking(List<Count> counts, Function<String, String> url) {
        Map<String, Object> option = base();
        List<String> names = new ArrayList<>();
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = counts.size() - 1; i >= 0; i--) {
            Count c = counts.get(i);
            names.add(label(c.key()));
            data.add(point(label(c.key()), c.conversations(), url.apply(c.key())));
        }
        option.put("grid", Map.of("left", 8, "right", 24, "top", 8, "bottom", 8, "containLabel", true));
        option.put("xAxis", Map.of("type", "value", "minInterval", 1));
        option.put("yAxis", Map.of("type", "category", "data", names));
        option.put("series", List.of(Map.of("type", "bar", "data", data, "itemStyle", Map.of("borderRadius", 3),
                "label", Map.of("show", true, "position", "right"))));
        option.put("tooltip", Map.of("trigger", "item"));
        return option;
    }

    /** Vertical bars over labelled buckets (score distribution), each bar a drill-down. */
    Map<String, Object> buckets(List<String> labels, List<Long> values, List<String> urls) {
        Map<String, Object> option = base();
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            data.add(point(labels.get(i), values.get(i), urls.get(i)));
        }
        option.put("xAxis", Map.of("type", "category", "data", labels));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", List.of(Map.of("type", "bar", "data", data, "itemStyle", Map.of("borderRadius", 3))));
        option.put("tooltip", Map.of("trigger", "item"));
        return option;
    }

    private static Map<String, Object> point(String name, Object value, String url) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("name", name);
        point.put("value", value);
        if (url != null) {
            point.put("url", url);
        }
        return point;
    }

    private static Map<String, Object> base() {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("color", List.of(PALETTE));
        option.put("grid", Map.of("left", 8, "right", 16, "top", 36, "bottom", 8, "containLabel", true));
        option.put("animation", false);
        return option;
    }

    private static List<String> days(Series series) {
        return series.days().stream().map(d -> d.toString().substring(5)).toList();
    }

    /** "closed_won" → "Closed won". */
    static String label(String key) {
        if (key == null || key.isEmpty()) {
            return "—";
        }
        String words = key.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
