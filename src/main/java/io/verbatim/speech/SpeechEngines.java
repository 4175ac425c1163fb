package io.verbatim.speech;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The engines configured on this node and the choice between them.
 *
 * <p>The automatic default ({@code verbatim.speech.engine=auto}) takes the first available engine in
 * preference order: whisper (a model was configured on purpose, and it is the most accurate), then
 * remote (a URL was configured on purpose), then pocketsphinx (present whenever its Debian packages
 * are installed: the embedded default). A tenant may name an engine; that name wins over the node's
 * default but must be available here.
 */
public final class SpeechEngines {

    public static final String AUTO = "auto";

    private final Map<String, SpeechEngine> engines = new LinkedHashMap<>();
    private final String configured;

    /**
     * @param inPreferenceOrder the engines, most preferred first
     * @param configured        the node's default: an engine name or {@code auto}
     */
    public SpeechEngines(List<SpeechEngine> inPreferenceOrder, String configured) {
        inPreferenceOrder.forEach(e -> engines.put(e.name(), e));
        this.configured = configured == null || configured.isBlank() ? AUTO : configured.strip().toLowerCase(Locale.ROOT);
    }

    public List<SpeechEngine> all() {
        return List.copyOf(engines.values());
    }

    public Optional<SpeechEngine> find(String name) {
        return Optional.ofNullable(name).map(n -> engines.get(n.strip().toLowerCase(Locale.ROOT)));
    }

    /** Every engine's availability, by name, for health and admin pages. */
    public Map<String, EngineAvailability> status() {
        Map<String, EngineAvailability> out = new LinkedHashMap<>();
        engines.forEach((name, e) -> out.put(name, e.availability()));
        return out;
    }

    /** The node's default engine. */
    public SpeechEngine defaultEngine() {
        return select(null);
    }

    /**
     * The engine to use.
     *
     * @param requested a tenant's engine name; null, blank or {@code auto} = the node's default
     * @throws NoSpeechEngineException when the named engine is unknown or unavailable, or none is available
     */
    public SpeechEngine select(String requested) {
        String name = requested == null || requested.isBlank() ? configured : requested.strip().toLowerCase(Locale.ROOT);
        if (!AUTO.equals(name)) {
            SpeechEngine engine = engines.get(name);
            if (engine == null) {
                throw new NoSpeechEngineException("unknown speech engine '" + name + "' (known: "
                        + String.join(", ", engines.keySet()) + ")");
            }
            EngineAvailability availability = engine.availability();
            if (!availability.available()) {
                throw new NoSpeechEngineException("speech engine '" + name + "' is not available: " + availability.reason());
            }
            return engine;
        }
        for (SpeechEngine engine : engines.values()) {
            if (engine.availability().available()) {
                return engine;
            }
        }
        throw new NoSpeechEngineException("no speech engine is available: " + status().entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue().reason() + ")").collect(Collectors.joining("; ")));
    }
}
