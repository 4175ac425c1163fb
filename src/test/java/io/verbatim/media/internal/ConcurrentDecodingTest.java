package io.verbatim.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.media.DecodedAudio;
import io.verbatim.media.EmptyMediaException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One decoder serves many threads. The FFmpeg read/seek callbacks are process-wide singletons
 * that route by the opaque pointer, so crossed wires would show up here as mixed-up audio.
 */
class ConcurrentDecodingTest {

    @TempDir
    Path work;

    @Test
    void parallelDecodesMatchSequentialOnes() throws Exception {
        FfmpegMediaDecoder decoder = Decoders.unlimited(work);
        List<Path> inputs = new ArrayList<>();
        for (String call : TestData.RENDERED_CALLS) {
            inputs.add(TestData.call(call + ".ogg"));
            inputs.add(TestData.call(call + ".8k_ulaw.wav"));
        }
        List<DecodedAudio> sequential = new ArrayList<>();
        for (Path input : inputs) {
            sequential.add(decoder.decode(input));
        }

        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < 3; round++) {
                List<Future<DecodedAudio>> parallel = new ArrayList<>();
                for (int i = 0; i < inputs.size(); i++) {
                    Path input = inputs.get(i);
                    Path target = work.resolve("parallel-" + round + "-" + i + ".pcm");
                    // half from paths, half from streams: both kinds of source at once
                    parallel.add(pool.submit(() -> {
                        if (target.toString().hashCode() % 2 == 0) {
                            return decoder.decode(input, target);
                        }
                        try (InputStream in = Files.newInputStream(input)) {
                            return decoder.decode(in, input.getFileName().toString(), target);
                        }
                    }));
                    // and a failing decode in between, whose cleanup must not disturb the others
                    pool.submit(() -> {
                        try (InputStream in = InputStream.nullInputStream()) {
                            decoder.decode(in, "nothing.wav", work.resolve("never.pcm"));
                        } catch (EmptyMediaException expected) {
                            // the point is that it runs concurrently
                        }
                        return null;
                    });
                }
                for (int i = 0; i < inputs.size(); i++) {
                    DecodedAudio audio = parallel.get(i).get();
                    assertThat(audio.frames()).as(inputs.get(i).toString()).isEqualTo(sequential.get(i).frames());
                    assertThat(Files.mismatch(audio.pcmFile(), sequential.get(i).pcmFile())).as(inputs.get(i).toString())
                            .isEqualTo(-1L);
                    audio.delete();
                }
            }
        }
    }
}
