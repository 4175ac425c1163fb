package io.verbatim.speech.pocketsphinx;

import io.verbatim.speech.*;
import io.verbatim.speech.internal.EnergyVad;
import org.junit.jupiter.api.Test;

class PocketSphinxSmokeTest {
    @Test
    void smoke() throws Exception {
        var p = new SpeechProperties.Pocketsphinx("libpocketsphinx.so.3", "libsphinxbase.so.3",
                java.nio.file.Path.of("/usr/share/pocketsphinx/model/en-us/en-us"),
                java.nio.file.Path.of("/usr/share/pocketsphinx/model/en-us/en-us.lm.bin"),
                java.nio.file.Path.of("/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"), "en");
        try (var e = new PocketSphinxEngine(p, 2, new EnergyVad())) {
            System.out.println(e.availability());
            for (String f : new String[]{"speech/jfk.wav", "calls/va_008.stereo.wav"}) {
                var audio = TestAudio.wav(f);
                long t = System.nanoTime();
                var tr = e.transcribe(audio, SpeechRequest.defaults());
                System.out.printf("%s %.1fs took %.2fs%n", f, audio.durationSeconds(), (System.nanoTime() - t) / 1e9);
                for (var turn : tr.turns()) System.out.printf("%s %.2f-%.2f %.2f %s%n", turn.speaker(), turn.start(), turn.end(), turn.confidence(), turn.text());
            }
        }
    }
}
