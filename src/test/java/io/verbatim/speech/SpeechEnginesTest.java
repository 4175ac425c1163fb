package io.verbatim.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.media.DecodedAudio;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeechEnginesTest {

    /** A minimal engine with fixed availability: selection is about names and availability only. */
    private record Fixed(String name, boolean up) implements SpeechEngine {
        @Override
        public EngineAvailability availability() {
            return up ? EngineAvailability.ready("ok") : EngineAvailability.unavailable(name + " is not set up");
        }

        @Override
        public Transcript transcribe(DecodedAudio audio, SpeechRequest request) {
            return new Transcript(null, name, audio.durationSeconds(), List.of(), false);
        }
    }

    private final SpeechEngine whisper = new Fixed("whisper", false);
    private final SpeechEngine remote = new Fixed("remote", true);
    private final SpeechEngine pocketsphinx = new Fixed("pocketsphinx", true);

    @Test
    void autoTakesTheFirstAvailableInPreferenceOrder() {
        var engines = new SpeechEngines(List.of(whisper, remote, pocketsphinx), "auto");
        assertThat(engines.defaultEngine()).isSameAs(remote);
        assertThat(engines.select(" AUTO ")).isSameAs(remote);
        assertThat(new SpeechEngines(List.of(whisper, new Fixed("remote", false), pocketsphinx), null).defaultEngine())
                .isSameAs(pocketsphinx);
    }

    @Test
    void aTenantOrNodeMayNameAnEngine() {
        var engines = new SpeechEngines(List.of(whisper, remote, pocketsphinx), "pocketsphinx");
        assertThat(engines.defaultEngine()).isSameAs(pocketsphinx);
        assertThat(engines.select("remote")).isSameAs(remote);
        assertThat(engines.select("")).isSameAs(pocketsphinx);
        assertThat(engines.find("Remote")).containsSame(remote);
        assertThat(engines.status()).containsOnlyKeys("whisper", "remote", "pocketsphinx");
    }

    @Test
    void unavailableOrUnknownNamesAndNoEngineAtAllAreClearErrors() {
        var engines = new SpeechEngines(List.of(whisper, remote, pocketsphinx), "auto");
        assertThatThrownBy(() -> engines.select("whisper")).isInstanceOf(NoSpeechEngineException.class)
                .hasMessageContaining("whisper is not set up");
        assertThatThrownBy(() -> engines.select("vosk")).isInstanceOf(NoSpeechEngineException.class)
                .hasMessageContaining("unknown speech engine 'vosk'").hasMessageContaining("pocketsphinx");
        var none = new SpeechEngines(List.of(whisper, new Fixed("pocketsphinx", false)), "auto");
        assertThatThrownBy(none::defaultEngine).isInstanceOf(NoSpeechEngineException.class)
                .hasMessageContaining("whisper (whisper is not set up)").hasMessageContaining("pocketsphinx (pocketsphinx is not set up)")
                .satisfies(e -> {
                    assertThat(((NoSpeechEngineException) e).type()).isEqualTo("no-speech-engine");
                    assertThat(((NoSpeechEngineException) e).status().value()).isEqualTo(503);
                });
    }

    @Test
    void requestDefaults() {
        SpeechRequest r = SpeechRequest.defaults();
        assertThat(r.roleOf(0)).isEqualTo(Speaker.AGENT);
        assertThat(r.roleOf(1)).isEqualTo(Speaker.CUSTOMER);
        assertThat(r.roleOf(2)).isEqualTo(Speaker.UNKNOWN);
        assertThat(r.firstSpeaker()).isEqualTo(Speaker.AGENT);
        assertThat(r.withChannelRoles(Speaker.CUSTOMER, Speaker.AGENT).roleOf(0)).isEqualTo(Speaker.CUSTOMER);
    }
}
