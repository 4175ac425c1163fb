package io.verbatim.speech.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.media.DecodedAudio;
import io.verbatim.speech.TestAudio;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VoiceClustersTest {

    private static List<Utterance> segments(DecodedAudio audio) {
        List<Utterance> out = new ArrayList<>();
        for (SpeechSegment s : new EnergyVad().segmentAll(audio).all()) {
            out.add(new Utterance(0, s.start(), s.end(), "x", List.of(), null));
        }
        return out;
    }

    @Test
    void aMaleAndAFemaleVoiceInMonoAreToldApart() throws IOException {
        // ms_002: the shopper (female) speaks first, then the associate (male)
        DecodedAudio audio = TestAudio.wav("calls/ms_002.mono.wav");
        List<Utterance> utterances = segments(audio);
        int[] labels = VoiceClusters.labels(audio, utterances).orElseThrow();
        JsonNode turns = JsonMapper.builder().build()
                .readTree(Files.readString(TestAudio.testdata().resolve("calls/ms_002.rendered.json"))).path("turns");
        int agree = 0;
        int counted = 0;
        for (int i = 0; i < utterances.size(); i++) {
            double mid = (utterances.get(i).start() + utterances.get(i).end()) / 2;
            for (JsonNode t : turns.values()) {
                if (t.path("start").asDouble() <= mid && mid <= t.path("end").asDouble()) {
                    counted++;
                    agree += (labels[i] == 0) == t.path("speaker").asString().equals("customer") ? 1 : 0;
                }
            }
        }
        assertThat(labels[0]).isZero();
        assertThat(agree).isGreaterThanOrEqualTo((int) (0.9 * counted));
    }

    @Test
    void oneVoiceIsNotSplit() throws IOException {
        // the same LibriVox reader in five utterances
        List<DecodedAudio> clips = new ArrayList<>();
        for (String id : List.of("0870", "0880", "0890", "0920", "0930")) {
            clips.add(TestAudio.wav("speech/librivox/lv_" + id + ".wav"));
        }
        List<short[]> pcm = new ArrayList<>();
        int total = 0;
        for (DecodedAudio c : clips) {
            pcm.add(c.readChannel(0));
            total += pcm.getLast().length + 8000;
        }
        short[] all = new short[total];
        int at = 0;
        for (short[] p : pcm) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length + 8000;
        }
        DecodedAudio audio = TestAudio.fromSamples(all, 16000, 1);
        assertThat(VoiceClusters.labels(audio, segments(audio))).isEmpty();
    }
}
