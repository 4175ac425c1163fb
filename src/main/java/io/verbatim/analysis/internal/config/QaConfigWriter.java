package io.verbatim.analysis.internal.config;

import io.verbatim.analysis.CallReasonDefinition;
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
import io.verbatim.platform.WireNames;
import java.util.Collection;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes a {@link QaConfig} as the JSON {@link QaConfigReader} reads (defaults left out). */
public final class QaConfigWriter {

    private final JsonMapper json;

    public QaConfigWriter(JsonMapper json) {
        this.json = json;
    }

    public ObjectNode write(QaConfig config) {
        ObjectNode root = json.createObjectNode();
        root.put("version", config.version());
        if (!config.conditions().isEmpty()) {
            ObjectNode library = root.putObject("conditions");
            for (Map.Entry<String, Condition> e : config.conditions().entrySet()) {
                library.set(e.getKey(), condition(e.getValue()));
            }
        }
        ArrayNode cards = root.putArray("scorecards");
        for (Scorecard card : config.scorecards()) {
            cards.add(scorecard(card));
        }
        if (!config.trackers().isEmpty()) {
            ArrayNode trackers = root.putArray("trackers");
            for (Tracker t : config.trackers()) {
                ObjectNode n = trackers.addObject();
                n.put("key", t.key());
                putIf(n, "name", t.name());
                putIf(n, "description", t.description());
                n.set("rule", condition(t.rule()));
            }
        }
        if (!config.callReasons().isEmpty()) {
            ArrayNode reasons = root.putArray("call_reasons");
            for (CallReasonDefinition r : config.callReasons()) {
                ObjectNode n = reasons.addObject();
                n.put("key", r.key());
                putIf(n, "description", r.description());
                strings(n, "examples", r.examples());
            }
        }
        return root;
    }

    private ObjectNode scorecard(Scorecard card) {
        ObjectNode n = json.createObjectNode();
        n.put("key", card.key());
        putIf(n, "name", card.name());
        putIf(n, "description", card.description());
        ScorecardSelector sel = card.appliesTo();
        if (sel.specificity() > 0) {
            ObjectNode a = n.putObject("applies_to");
            strings(a, "channels", sel.channels().stream().map(WireNames::of).toList());
            strings(a, "directions", sel.directions().stream().map(WireNames::of).toList());
            strings(a, "tags_any", sel.tagsAny());
            strings(a, "tags_none", sel.tagsNone());
            strings(a, "languages", sel.languages());
        }
        if (card.priority() != 0) {
            n.put("priority", card.priority());
        }
        n.put("pass_threshold", card.passThreshold());
        ArrayNode sections = n.putArray("sections");
        for (ScorecardSection s : card.sections()) {
            ObjectNode sn = sections.addObject();
            sn.put("key", s.key());
            putIf(sn, "name", s.name());
            sn.put("weight", s.weight());
            ArrayNode items = sn.putArray("items");
            for (ScorecardItem item : s.items()) {
                ObjectNode in = items.addObject();
                in.put("key", item.key());
                putIf(in, "name", item.name());
                putIf(in, "description", item.description());
                in.put("weight", item.weight());
                in.set("rule", condition(item.rule()));
                if (item.applicableWhen() != null) {
                    in.set("applicable_when", condition(item.applicableWhen()));
                }
                if (item.mustNotOccur()) {
                    in.put("must_not_occur", true);
                }
                if (item.autoFail()) {
                    in.put("auto_fail", true);
                }
            }
        }
        return n;
    }

    public ObjectNode condition(Condition c) {
        ObjectNode n = json.createObjectNode();
        switch (c) {
            case Condition.Phrase p -> {
                n.put("type", "phrase");
                strings(n, "any", p.any());
                strings(n, "all", p.all());
                scope(n, p.scope(), SpeakerScope.ANY);
            }
            case Condition.Regex r -> {
                n.put("type", "regex");
                n.put("pattern", r.pattern());
                if (r.caseSensitive()) {
                    n.put("case_sensitive", true);
                }
                scope(n, r.scope(), SpeakerScope.ANY);
            }
            case Condition.Semantic s -> {
                n.put("type", "semantic");
                strings(n, "examples", s.examples());
                n.put("threshold", s.threshold());
                scope(n, s.scope(), SpeakerScope.ANY);
            }
            case Condition.Question q -> {
                n.put("type", "question");
                scope(n, q.scope(), SpeakerScope.ANY);
            }
            case Condition.Interruption i -> {
                n.put("type", "interruption");
                n.put("by", i.by().wire());
            }
            case Condition.AgentName a -> {
                n.put("type", "agent_name");
                scope(n, a.scope(), SpeakerScope.AGENT);
            }
            case Condition.Attribute a -> {
                n.put("type", "attribute");
                strings(n, "channels", a.channels().stream().map(WireNames::of).toList());
                strings(n, "directions", a.directions().stream().map(WireNames::of).toList());
                strings(n, "tags_any", a.tagsAny());
                strings(n, "languages", a.languages());
            }
            case Condition.AnyOf a -> {
                n.put("type", "any_of");
                ArrayNode arr = n.putArray("conditions");
                a.conditions().forEach(x -> arr.add(condition(x)));
            }
            case Condition.AllOf a -> {
                n.put("type", "all_of");
                ArrayNode arr = n.putArray("conditions");
                a.conditions().forEach(x -> arr.add(condition(x)));
            }
            case Condition.Not not -> {
                n.put("type", "not");
                n.set("condition", condition(not.condition()));
            }
            case Condition.Before b -> {
                n.put("type", "before");
                n.set("first", condition(b.first()));
                n.set("then", condition(b.then()));
            }
            case Condition.Count k -> {
                n.put("type", "count");
                n.put("min", k.min());
                n.set("condition", condition(k.condition()));
            }
            case Condition.Ref r -> {
                n.put("type", "ref");
                n.put("name", r.name());
            }
        }
        return n;
    }

    private void scope(ObjectNode n, Scope scope, SpeakerScope fallback) {
        if (scope.speaker() != fallback) {
            n.put("speaker", scope.speaker().wire());
        }
        Window w = scope.window();
        if (w != null) {
            ObjectNode wn = n.putObject("window");
            if (w.firstTurns() != null) {
                wn.put("first_turns", w.firstTurns());
            } else if (w.lastTurns() != null) {
                wn.put("last_turns", w.lastTurns());
            } else if (w.firstSeconds() != null) {
                wn.put("first_seconds", w.firstSeconds());
            } else {
                wn.put("last_seconds", w.lastSeconds());
            }
        }
        strings(n, "exclude", scope.exclude());
        strings(n, "languages", scope.languages());
    }

    private static void putIf(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static void strings(ObjectNode n, String field, Collection<String> values) {
        if (values != null && !values.isEmpty()) {
            ArrayNode arr = n.putArray(field);
            values.forEach(arr::add);
        }
    }
}
