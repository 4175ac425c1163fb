package io.verbatim.enrichment;

import static io.verbatim.enrichment.Conversations.ENRICHER;
import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.media.DecodedAudio;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The redacted playback copy: the PII words are silent on every channel, everything else is untouched. */
class AudioRedactionTest {

    @TempDir
    Path dir;

    @Test
    void silencesThePhoneNumberWordsInAValidWav() throws Exception {
        int rate = 16_000;
        int seconds = 6;
        long frames = (long) rate * seconds;
        Path pcm = dir.resolve("call.pcm");
        ByteBuffer buf = ByteBuffer.allocate((int) frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            short s = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
            buf.putShort(s).putShort((short) -s);
        }
        Files.write(pcm, buf.array());
        DecodedAudio audio = new DecodedAudio(pcm, rate, 2, frames);

        String text = "Call me at five oh three five five five zero one four two please";
        String[] words = text.split(" ");
        List<Word> timed = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            timed.add(new Word(words[i], 0.5 + i * 0.4, 0.5 + i * 0.4 + 0.35, 0.9));
        }
        Turn turn = new Turn(Speaker.CUSTOMER, "ch_1", 1, 0.5, 0.5 + words.length * 0.4, text, timed, 0.9);
        Transcript t = new Transcript("en-US", "test", seconds, List.of(turn), true);
        Enrichment e = ENRICHER.enrich(t, EnrichmentOptions.none());
        PiiEntity phone = e.pii().stream().filter(p -> p.type() == PiiType.PHONE).findFirst().orElseThrow();
        assertThat(phone.timing()).isEqualTo("words");
        assertThat(phone.start()).isCloseTo(0.5 + 3 * 0.4, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(phone.end()).isCloseTo(0.5 + 12 * 0.4 + 0.35, org.assertj.core.api.Assertions.within(1e-6));

        Path wav = dir.resolve("out/redacted.wav");
        RedactedAudio r = ENRICHER.redactAudio(audio, e.pii(), wav);
        assertThat(r.silenced()).hasSize(1);
        assertThat(r.wordTimed()).isEqualTo(1);

        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            assertThat(f.getSampleRate()).isEqualTo(rate);
            assertThat(f.getChannels()).isEqualTo(2);
            assertThat(f.getSampleSizeInBits()).isEqualTo(16);
            assertThat(in.getFrameLength()).isEqualTo(frames);
            byte[] data = in.readAllBytes();
            ByteBuffer out = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            double padded = 0.15;
            assertThat(peak(out, rate, phone.start() - padded + 0.01, phone.end() + padded - 0.01)).isZero();
            assertThat(peak(out, rate, 0.1, phone.start() - padded - 0.05)).isGreaterThan(7000);
            assertThat(peak(out, rate, phone.end() + padded + 0.05, seconds - 0.1)).isGreaterThan(7000);
        }
        try (InputStream raw = Files.newInputStream(wav)) {
            assertThat(new String(raw.readNBytes(4))).isEqualTo("RIFF");
        }
        assertThat(Files.list(wav.getParent())).containsExactly(wav);
    }

    private static int peak(ByteBuffer data, int rate, double from, double to) {
        int peak = 0;
        for (long f = (long) (from * rate); f < (long) (to * rate); f++) {
            for (int ch = 0; ch < 2; ch++) {
                peak = Math.max(peak, Math.abs(data.getShort((int) (f * 4 + ch * 2))));
            }
        }
        return peak;
    }
}
