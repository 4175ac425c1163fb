package io.verbatim.speech;

import java.util.List;

/**
 * What to transcribe and who speaks where.
 *
 * @param language     BCP-47 tag ("en-US", "es-419"); null = the engine's default language
 * @param channelRoles the speaker on each channel of stereo audio, index = channel (0 = left); empty = left agent, right customer
 * @param firstSpeaker for mono audio: who speaks first (the agent on inbound calls, usually the customer on outbound
 *                     ones, where they answer); null = agent
 * @param adaptation   the tenant's vocabulary and domain language model; null = the engine's general model
 */
public record SpeechRequest(String language, List<Speaker> channelRoles, Speaker firstSpeaker, SpeechAdaptation adaptation) {

    private static final List<Speaker> DEFAULT_ROLES = List.of(Speaker.AGENT, Speaker.CUSTOMER);

    public SpeechRequest {
        channelRoles = channelRoles == null || channelRoles.isEmpty() ? DEFAULT_ROLES : List.copyOf(channelRoles);
        firstSpeaker = firstSpeaker == null ? Speaker.AGENT : firstSpeaker;
    }

    public SpeechRequest(String language, List<Speaker> channelRoles, Speaker firstSpeaker) {
        this(language, channelRoles, firstSpeaker, null);
    }

    /** Default language, left = agent, right = customer, agent first on mono. */
    public static SpeechRequest defaults() {
        return new SpeechRequest(null, null, null);
    }

    public static SpeechRequest language(String language) {
        return new SpeechRequest(language, null, null);
    }

    public SpeechRequest withChannelRoles(Speaker... roles) {
        return new SpeechRequest(language, List.of(roles), firstSpeaker, adaptation);
    }

    public SpeechRequest withFirstSpeaker(Speaker speaker) {
        return new SpeechRequest(language, channelRoles, speaker, adaptation);
    }

    public SpeechRequest withAdaptation(SpeechAdaptation adaptation) {
        return new SpeechRequest(language, channelRoles, firstSpeaker, adaptation);
    }

    /** The speaker on {@code channel}; channels beyond the mapping are {@link Speaker#UNKNOWN}. */
    public Speaker roleOf(int channel) {
        return channel < channelRoles.size() ? channelRoles.get(channel) : Speaker.UNKNOWN;
    }
}
