package io.verbatim.analysis.internal.config;

import io.verbatim.analysis.Condition;
import io.verbatim.analysis.QaConfig;
import io.verbatim.analysis.Scope;
import io.verbatim.analysis.Scorecard;
import io.verbatim.analysis.ScorecardItem;
import io.verbatim.analysis.ScorecardSection;
import io.verbatim.analysis.ScorecardSelector;
import io.verbatim.analysis.SpeakerScope;
import io.verbatim.analysis.Tracker;
import io.verbatim.analysis.Window;
import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import io.verbatim.platform.ProblemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code qa-config.json} tree into a {@link QaConfig}, collecting every error with its JSON
 * path instead of stopping at the first. Strict: unknown fields are errors (a typo must not silently
 * disable a rule).
 */
public final class QaConfigReader {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    static final Set<String> TYPES = Set.of("phrase", "regex", "semantic", "question", "interruption", "agent_name",
            "attribute", "any_of", "all_of", "not", "before", "count", "ref");
    private static final Set<String> SCOPE_FIELDS = Set.of("speaker", "window", "exclude", "languages");

    private final List<ConfigError> errors = new ArrayList<>();
    private Set<String> libraryNames = Set.of();

    public static Result read(JsonNode root) {
        QaConfigReader reader = new QaConfigReader();
        QaConfig config = reader.config(root);
        if (reader.errors.isEmpty()) {
            reader.checkCycles(config);
        }
        return new Result(reader.errors.isEmpty() ? config : null, List.copyOf(reader.errors));
    }

    public record Result(QaConfig config, List<ConfigError> errors) {
    }

    private QaConfig config(JsonNode root) {
        if (root == null || !root.isObject()) {
            error("$", "must be a JSON object");
            return null;
        }
        fields(root, "$", Set.of("version", "conditions", "scorecards", "trackers", "call_reasons", "$schema", "description"));
        int version = integer(root, "version", "$", QaConfig.CURRENT_VERSION, 1, QaConfig.CURRENT_VERSION);
        JsonNode library = root.get("conditions");
        Map<String, Condition> conditions = new LinkedHashMap<>();
        if (library != null && !library.isNull()) {
            if (!library.isObject()) {
                error("$.conditions", "must be an object of named conditions");
            } else {
                libraryNames = new HashSet<>(library.propertyNames());
                for (String name : library.propertyNames()) {
                    String path = "$.conditions." + name;
                    if (!KEY.matcher(name).matches()) {
                        error(path, "condition names are snake_case (a-z, 0-9, _), starting with a letter");
                    }
                    Condition c = condition(library.get(name), path);
                    if (c != null) {
                        conditions.put(name, c);
                    }
                }
            }
        }
        List<Scorecard> scorecards = list(root, "scorecards", "$", true, this::scorecard);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < scorecards.size(); i++) {
            if (scorecards.get(i) != null && !keys.add(scorecards.get(i).key())) {
                error("$.scorecards[" + i + "].key", "duplicate scorecard key '" + scorecards.get(i).key() + "'");
            }
        }
        List<Tracker> trackers = list(root, "trackers", "$", false, this::tracker);
        Set<String> trackerKeys = new HashSet<>();
        for (int i = 0; i < trackers.size(); i++) {
            if (trackers.get(i) != null && !trackerKeys.add(trackers.get(i).key())) {
                error("$.trackers[" + i + "].key", "duplicate tracker key '" + trackers.get(i).key() + "'");
            }
        }
        return new QaConfig(version, conditions, scorecards, trackers, new CallReasonsReader(errors).read(root.get("call_reasons")));
    }

    private Scorecard scorecard(JsonNode node, String path) {
        if (!object(node, path)) {
            return null;
        }
        fields(node, path, Set.of("key", "name", "description", "applies_to", "priority", "pass_threshold", "sections"));
        String key = key(node, path);
        String name = string(node, "name", path, key);
        List<ScorecardSection> sections = list(node, "sections", path, true, this::section);
        Set<String> sectionKeys = new HashSet<>();
        Set<String> itemKeys = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            ScorecardSection s = sections.get(i);
            if (s == null) {
                continue;
            }
            if (!sectionKeys.add(s.key())) {
                error(path + ".sections[" + i + "].key", "duplicate section key '" + s.key() + "'");
            }
            for (int j = 0; j < s.items().size(); j++) {
                if (s.items().get(j) != null && !itemKeys.add(s.items().get(j).key())) {
                    error(path + ".sections[" + i + "].items[" + j + "].key",
                            "duplicate item key '" + s.items().get(j).key() + "' in this scorecard");
                }
            }
        }
        return new Scorecard(key, name, string(node, "description", path, null), selector(node.get("applies_to"), path + ".applies_to"),
                integer(node, "priority", path, 0, -1000, 1000), number(node, "pass_threshold", path, 70.0, 0, 100, true),
                sections);
    }

    private ScorecardSelector selector(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return ScorecardSelector.ALL;
        }
        if (!object(node, path)) {
            return ScorecardSelector.ALL;
        }
        fields(node, path, Set.of("channels", "directions", "tags_any", "tags_none", "languages"));
        return new ScorecardSelector(channels(node, path), directions(node, path), lowerSet(node, "tags_any", path),
                lowerSet(node, "tags_none", path), strings(node, "languages", path, false));
    }

    private ScorecardSection section(JsonNode node, String path) {
        if (!object(node, path)) {
            return null;
        }
        fields(node, path, Set.of("key", "name", "weight", "items"));
        String key = key(node, path);
        return new ScorecardSection(key, string(node, "name", path, key), number(node, "weight", path, 1.0, 0, 1000, false),
                list(node, "items", path, true, this::item));
    }

    private ScorecardItem item(JsonNode node, String path) {
        if (!object(node, path)) {
            return null;
        }
        fields(node, path, Set.of("key", "name", "description", "weight", "rule", "applicable_when", "must_not_occur",
                "auto_fail"));
        String key = key(node, path);
        Condition rule = required(node, "rule", path);
        JsonNode when = node.get("applicable_when");
        Condition applicable = when == null || when.isNull() ? null : condition(when, path + ".applicable_when");
        return new ScorecardItem(key, string(node, "name", path, key), string(node, "description", path, null),
                number(node, "weight", path, 1.0, 0, 1000, false), rule, applicable, bool(node, "must_not_occur", path),
                bool(node, "auto_fail", path));
    }

    private Tracker tracker(JsonNode node, String path) {
        if (!object(node, path)) {
            return null;
        }
        fields(node, path, Set.of("key", "name", "description", "rule"));
        String key = key(node, path);
        return new Tracker(key, string(node, "name", path, key), string(node, "description", path, null),
                required(node, "rule", path));
    }

    private Condition required(JsonNode node, String field, String path) {
        JsonNode c = node.get(field);
        if (c == null || c.isNull()) {
            error(path + "." + field, "is required");
            return null;
        }
        return condition(c, path + "." + field);
    }

    // ---- conditions --------------------------------------------------------------------------

    Condition condition(JsonNode node, String path) {
        if (!object(node, path)) {
            return null;
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isString()) {
            error(path + ".type", "is required: one of " + String.join(", ", TYPES.stream().sorted().toList()));
            return null;
        }
        String type = typeNode.stringValue();
        return switch (type) {
            case "phrase" -> {
                fields(node, path, scoped("any", "all"));
                List<String> any = strings(node, "any", path, false);
                List<String> all = strings(node, "all", path, false);
                if (any.isEmpty() && all.isEmpty()) {
                    error(path, "a phrase rule needs a non-empty 'any' or 'all' list");
                }
                checkPhrases(any, path + ".any");
                checkPhrases(all, path + ".all");
                yield new Condition.Phrase(any, all, scope(node, path, SpeakerScope.ANY));
            }
            case "regex" -> {
                fields(node, path, scoped("pattern", "case_sensitive"));
                String pattern = string(node, "pattern", path, null);
                if (pattern == null || pattern.isEmpty()) {
                    error(path + ".pattern", "is required");
                } else {
                    try {
                        Pattern.compile(pattern);
                    } catch (PatternSyntaxException e) {
                        error(path + ".pattern", "is not a valid regular expression: " + e.getDescription()
                                + " near index " + e.getIndex());
                    }
                }
                yield new Condition.Regex(pattern, bool(node, "case_sensitive", path), scope(node, path, SpeakerScope.ANY));
            }
            case "semantic" -> {
                fields(node, path, scoped("examples", "threshold"));
                List<String> examples = strings(node, "examples", path, true);
                checkPhrases(examples, path + ".examples");
                double threshold = number(node, "threshold", path, 0.6, 0, 1, false);
                yield new Condition.Semantic(examples, threshold, scope(node, path, SpeakerScope.ANY));
            }
            case "question" -> {
                fields(node, path, scoped());
                yield new Condition.Question(scope(node, path, SpeakerScope.ANY));
            }
            case "interruption" -> {
                fields(node, path, Set.of("type", "by"));
                yield new Condition.Interruption(speaker(node, "by", path, SpeakerScope.AGENT));
            }
            case "agent_name" -> {
                fields(node, path, scoped());
                yield new Condition.AgentName(scope(node, path, SpeakerScope.AGENT));
            }
            case "attribute" -> {
                fields(node, path, Set.of("type", "channels", "directions", "tags_any", "languages"));
                yield new Condition.Attribute(channels(node, path), directions(node, path), lowerSet(node, "tags_any", path),
                        strings(node, "languages", path, false));
            }
            case "any_of", "all_of" -> {
                fields(node, path, Set.of("type", "conditions"));
                List<Condition> parts = list(node, "conditions", path, true, this::condition);
                yield type.equals("any_of") ? new Condition.AnyOf(parts) : new Condition.AllOf(parts);
            }
            case "not" -> {
                fields(node, path, Set.of("type", "condition"));
                yield new Condition.Not(required(node, "condition", path));
            }
            case "before" -> {
                fields(node, path, Set.of("type", "first", "then"));
                yield new Condition.Before(required(node, "first", path), required(node, "then", path));
            }
            case "count" -> {
                fields(node, path, Set.of("type", "min", "condition"));
                yield new Condition.Count(integer(node, "min", path, 1, 1, 10_000), required(node, "condition", path));
            }
            case "ref" -> {
                fields(node, path, Set.of("type", "name"));
                String name = string(node, "name", path, null);
                if (name == null) {
                    error(path + ".name", "is required");
                } else if (!libraryNames.contains(name)) {
                    error(path + ".name", "no condition named '" + name + "' in $.conditions");
                }
                yield new Condition.Ref(name);
            }
            default -> {
                error(path + ".type", "unknown type '" + type + "': one of "
                        + String.join(", ", TYPES.stream().sorted().toList()));
                yield null;
            }
        };
    }

    private static Set<String> scoped(String... own) {
        Set<String> s = new HashSet<>(SCOPE_FIELDS);
        s.add("type");
        s.addAll(List.of(own));
        return s;
    }

    private Scope scope(JsonNode node, String path, SpeakerScope fallback) {
        return new Scope(speaker(node, "speaker", path, fallback), window(node.get("window"), path + ".window"),
                strings(node, "exclude", path, false), strings(node, "languages", path, false));
    }

    private Window window(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!object(node, path)) {
            return null;
        }
        fields(node, path, Set.of("first_turns", "last_turns", "first_seconds", "last_seconds"));
        int set = 0;
        for (String f : List.of("first_turns", "last_turns", "first_seconds", "last_seconds")) {
            set += node.has(f) ? 1 : 0;
        }
        if (set != 1) {
            error(path, "set exactly one of first_turns, last_turns, first_seconds, last_seconds");
            return null;
        }
        if (node.has("first_turns")) {
            return Window.firstTurns(integer(node, "first_turns", path, 1, 1, 100_000));
        }
        if (node.has("last_turns")) {
            return Window.lastTurns(integer(node, "last_turns", path, 1, 1, 100_000));
        }
        if (node.has("first_seconds")) {
            return Window.firstSeconds(number(node, "first_seconds", path, 1.0, 0, 1e6, false));
        }
        return Window.lastSeconds(number(node, "last_seconds", path, 1.0, 0, 1e6, false));
    }

    private SpeakerScope speaker(JsonNode node, String field, String path, SpeakerScope fallback) {
        String value = string(node, field, path, null);
        if (value == null) {
            return fallback;
        }
        try {
            return SpeakerScope.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(path + "." + field, "must be agent, customer or any, not '" + value + "'");
            return fallback;
        }
    }

    private void checkPhrases(List<String> phrases, String path) {
        for (int i = 0; i < phrases.size(); i++) {
            if (io.verbatim.analysis.internal.text.Normalizer.words(phrases.get(i)).isBlank()) {
                error(path + "[" + i + "]", "has no words");
            }
        }
    }

    private Set<Channel> channels(JsonNode node, String path) {
        Set<Channel> out = new LinkedHashSet<>();
        List<String> values = strings(node, "channels", path, false);
        for (int i = 0; i < values.size(); i++) {
            try {
                out.add(Channel.fromWire(values.get(i)));
            } catch (ProblemException e) {
                error(path + ".channels[" + i + "]", e.getMessage());
            }
        }
        return out;
    }

    private Set<Direction> directions(JsonNode node, String path) {
        Set<Direction> out = new LinkedHashSet<>();
        List<String> values = strings(node, "directions", path, false);
        for (int i = 0; i < values.size(); i++) {
            try {
                out.add(Direction.fromWire(values.get(i)));
            } catch (ProblemException e) {
                error(path + ".directions[" + i + "]", e.getMessage());
            }
        }
        return out;
    }

    // ---- references --------------------------------------------------------------------------

    private void checkCycles(QaConfig config) {
        for (String name : config.conditions().keySet()) {
            Set<String> visiting = new LinkedHashSet<>();
            if (cyclic(name, config.conditions(), visiting)) {
                error("$.conditions." + name, "refers to itself: " + String.join(" -> ", visiting) + " -> " + name);
                return;
            }
        }
    }

    private boolean cyclic(String name, Map<String, Condition> library, Set<String> visiting) {
        if (!visiting.add(name)) {
            return true;
        }
        for (String ref : refs(library.get(name))) {
            if (cyclic(ref, library, visiting)) {
                return true;
            }
        }
        visiting.remove(name);
        return false;
    }

    static List<String> refs(Condition c) {
        List<String> out = new ArrayList<>();
        collect(c, out);
        return out;
    }

    private static void collect(Condition c, List<String> out) {
        switch (c) {
            case null -> { }
            case Condition.Ref r -> out.add(r.name());
            case Condition.AnyOf a -> a.conditions().forEach(x -> collect(x, out));
            case Condition.AllOf a -> a.conditions().forEach(x -> collect(x, out));
            case Condition.Not n -> collect(n.condition(), out);
            case Condition.Before b -> {
                collect(b.first(), out);
                collect(b.then(), out);
            }
            case Condition.Count n -> collect(n.condition(), out);
            default -> { }
        }
    }

    // ---- primitives --------------------------------------------------------------------------

    private void error(String path, String message) {
        errors.add(new ConfigError(path, message));
    }

    private boolean object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            error(path, "must be an object");
            return false;
        }
        return true;
    }

    private void fields(JsonNode node, String path, Set<String> allowed) {
        for (String f : node.propertyNames()) {
            if (!allowed.contains(f)) {
                error(path + "." + f, "unknown field (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private String key(JsonNode node, String path) {
        String key = string(node, "key", path, null);
        if (key == null) {
            error(path + ".key", "is required");
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            error(path + ".key", "must be snake_case (a-z, 0-9, _), starting with a letter, at most 64 characters");
        }
        return key;
    }

    private String string(JsonNode node, String field, String path, String fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isString()) {
            error(path + "." + field, "must be a string");
            return fallback;
        }
        return v.stringValue();
    }

    private boolean bool(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            error(path + "." + field, "must be true or false");
            return false;
        }
        return v.booleanValue();
    }

    private int integer(JsonNode node, String field, String path, int fallback, int min, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || v.longValue() < min || v.longValue() > max) {
            error(path + "." + field, "must be a whole number between " + min + " and " + max);
            return fallback;
        }
        return v.intValue();
    }

    private double number(JsonNode node, String field, String path, double fallback, double min, double max,
                          boolean minInclusive) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        double d = v.isNumber() ? v.doubleValue() : Double.NaN;
        boolean ok = !Double.isNaN(d) && d <= max && (minInclusive ? d >= min : d > min);
        if (!ok) {
            error(path + "." + field, "must be a number " + (minInclusive ? ">= " : "> ") + fmt(min) + " and <= " + fmt(max));
            return fallback;
        }
        return d;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private List<String> strings(JsonNode node, String field, String path, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                error(path + "." + field, "is required");
            }
            return List.of();
        }
        if (!v.isArray()) {
            error(path + "." + field, "must be an array of strings");
            return List.of();
        }
        if (required && v.isEmpty()) {
            error(path + "." + field, "must not be empty");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isString() || e.stringValue().isBlank()) {
                error(path + "." + field + "[" + i + "]", "must be a non-empty string");
            } else {
                out.add(e.stringValue());
            }
        }
        return out;
    }

    private Set<String> lowerSet(JsonNode node, String field, String path) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : strings(node, field, path, false)) {
            out.add(s.strip().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private <T> List<T> list(JsonNode node, String field, String path, boolean required, Function2<T> reader) {
        JsonNode v = node.get(field);
        String p = path + "." + field;
        if (v == null || v.isNull()) {
            if (required) {
                error(p, "is required");
            }
            return List.of();
        }
        if (!v.isArray()) {
            error(p, "must be an array");
            return List.of();
        }
        if (required && v.isEmpty()) {
            error(p, "must not be empty");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            T t = reader.read(v.get(i), p + "[" + i + "]");
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Function2<T> {
        T read(JsonNode node, String path);
    }
}
