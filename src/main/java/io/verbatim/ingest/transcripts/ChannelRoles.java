package io.verbatim.ingest.transcripts;

import io.verbatim.speech.Speaker;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a transcript's channels and speaker labels map to roles.
 *
 * <ul>
 *   <li>{@code channels}: audio channel index (0 = left / {@code ch_0}) to role. Used by channel-separated
 *       outputs (AWS Transcribe channel identification, Deepgram multichannel, AssemblyAI multichannel).
 *       A role taken from this mapping counts as confident: it is the tenant's configuration, not a guess.</li>
 *   <li>{@code speakers}: a source's own speaker label ({@code spk_0}, {@code speaker_1}, {@code A},
 *       {@code John}), compared case-insensitively, to role. Labels not listed here that are not already
 *       role words ("Agent", "Customer", "AI", "User", ...) are guessed: the first to speak is the agent,
 *       the rest customers, and the transcript is marked {@code rolesConfident = false}.</li>
 * </ul>
 */
public record ChannelRoles(Map<Integer, Speaker> channels, Map<String, Speaker> speakers) {

    private static final Pattern CHANNEL_KEY = Pattern.compile("(?:ch|channel)?[_ -]?(\\d{1,2})", Pattern.CASE_INSENSITIVE);

    public ChannelRoles {
        channels = channels == null ? Map.of() : Map.copyOf(channels);
        Map<String, Speaker> normalised = new LinkedHashMap<>();
        if (speakers != null) {
            speakers.forEach((label, role) -> normalised.put(key(label), role));
        }
        speakers = Map.copyOf(normalised);
    }

    /** Channel 0 (left) is the agent, channel 1 (right) the customer; no speaker-label mapping. */
    public static ChannelRoles defaults() {
        return new ChannelRoles(Map.of(0, Speaker.AGENT, 1, Speaker.CUSTOMER), Map.of());
    }

    /** The agent is on {@code channel} (0 or 1) and the customer on the other one. */
    public static ChannelRoles agentOnChannel(int channel) {
        if (channel != 0 && channel != 1) {
            throw new IllegalArgumentException("channel must be 0 or 1");
        }
        return new ChannelRoles(Map.of(channel, Speaker.AGENT, 1 - channel, Speaker.CUSTOMER), Map.of());
    }

    /**
     * Reads a mapping such as {@code "ch_0=customer,ch_1=agent"} or {@code "spk_1=agent"} or
     * {@code "A=customer;B=agent"}. Keys {@code ch_N}, {@code channel_N} or a bare number are channels,
     * anything else a speaker label. When no channel is named the default channel mapping stays; when
     * only one of channels 0 and 1 is named the other gets the opposite role. Null or blank gives
     * {@link #defaults()}.
     *
     * @throws TranscriptImportException (invalid-channel-roles, 400) on a malformed entry or unknown role
     */
    public static ChannelRoles parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return defaults();
        }
        Map<Integer, Speaker> channels = new LinkedHashMap<>();
        Map<String, Speaker> speakers = new LinkedHashMap<>();
        for (String entry : spec.split("[,;]")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=') >= 0 ? entry.indexOf('=') : entry.indexOf(':');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw invalidSpec("'" + entry.strip() + "' is not label=role");
            }
            String label = entry.substring(0, eq).strip();
            String roleText = entry.substring(eq + 1).strip();
            Speaker role = Speaker.fromWire(roleText);
            if (role == Speaker.UNKNOWN && !roleText.equalsIgnoreCase("unknown")) {
                throw invalidSpec("'" + roleText + "' is not a role (agent, customer or unknown)");
            }
            Matcher m = CHANNEL_KEY.matcher(label);
            if (m.matches()) {
                channels.put(Integer.parseInt(m.group(1)), role);
            } else {
                speakers.put(label, role);
            }
        }
        if (channels.isEmpty()) {
            channels.putAll(defaults().channels());
        } else if (channels.containsKey(0) != channels.containsKey(1)) {
            int named = channels.containsKey(0) ? 0 : 1;
            Speaker other = channels.get(named).other();
            if (other != Speaker.UNKNOWN) {
                channels.put(1 - named, other);
            }
        }
        return new ChannelRoles(channels, speakers);
    }

    public ChannelRoles withChannel(int channel, Speaker role) {
        Map<Integer, Speaker> copy = new LinkedHashMap<>(channels);
        copy.put(channel, role);
        return new ChannelRoles(copy, speakers);
    }

    public ChannelRoles withSpeaker(String label, Speaker role) {
        Map<String, Speaker> copy = new LinkedHashMap<>(speakers);
        copy.put(key(label), role);
        return new ChannelRoles(channels, copy);
    }

    /** The role of a channel; {@link Speaker#UNKNOWN} for a channel the mapping does not name. */
    public Speaker roleOfChannel(int channel) {
        return channels.getOrDefault(channel, Speaker.UNKNOWN);
    }

    /** The role the mapping gives a speaker label, if any. */
    public Optional<Speaker> roleOfSpeaker(String label) {
        return label == null ? Optional.empty() : Optional.ofNullable(speakers.get(key(label)));
    }

    private static String key(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }

    private static TranscriptImportException invalidSpec(String detail) {
        return new TranscriptImportException(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-channel-roles",
                "Invalid channel roles", "Invalid channel-roles mapping: " + detail, Map.of());
    }
}
