package io.verbatim.speech.internal;

import io.verbatim.media.DecodedAudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Energy-based voice-activity detection on 10 ms frames (pocketsphinx's own frame rate), in two
 * passes: frame energies for the whole channel (4 bytes per 10 ms, 1.4 MB an hour), then
 * segmentation. Engines decode only what it keeps, which is why silence costs nothing and a
 * silent channel is never sent to a remote service.
 *
 * <p>Thresholds (see {@link Settings#DEFAULT}): a frame is voiced when its RMS level is at least
 * {@code aboveNoiseDb} over the channel's noise floor (the {@code noisePercentile} quietest frame),
 * clamped to [{@code minThresholdDbfs}, {@code maxThresholdDbfs}]: the floor keeps digital silence
 * and hiss out; the ceiling keeps speech in when a clip has almost no pauses (then the "noise
 * floor" is speech). Gaps shorter than {@code minSilence} stay inside a segment (pauses between
 * words and sentences), bursts shorter than {@code minSpeech} are dropped (clicks), segments are
 * padded by {@code padding} (word onsets and releases are quieter than the threshold), and a segment
 * longer than {@code maxSegment} is cut at its quietest frame in the second half of the window, so
 * no decoder utterance grows unbounded.
 */
public final class EnergyVad {

    /** Seconds per analysis frame. */
    public static final double FRAME = 0.010;
    private static final double SILENCE_DBFS = -100;
    private static final int WINDOW_SECONDS = 10;

    /**
     * @param aboveNoiseDb     dB over the noise floor for a voiced frame
     * @param noisePercentile  which quantile of frame levels is the noise floor
     * @param minThresholdDbfs lowest threshold (dBFS)
     * @param maxThresholdDbfs highest threshold (dBFS)
     * @param minSilence       seconds of unvoiced frames that end a segment
     * @param minSpeech        seconds of voiced frames a segment needs
     * @param padding          seconds added before and after each segment
     * @param maxSegment       longest segment, seconds
     */
    public record Settings(double aboveNoiseDb, double noisePercentile, double minThresholdDbfs, double maxThresholdDbfs,
                           double minSilence, double minSpeech, double padding, double maxSegment) {

        public static final Settings DEFAULT = new Settings(12, 0.05, -50, -32, 0.40, 0.12, 0.15, 30);
    }

    private final Settings settings;

    public EnergyVad() {
        this(Settings.DEFAULT);
    }

    public EnergyVad(Settings settings) {
        this.settings = settings;
    }

    /** Speech segments of one channel, in time order. */
    public List<SpeechSegment> detect(DecodedAudio audio, int channel) {
        int frameSize = Math.max(1, (int) Math.round(audio.sampleRate() * FRAME));
        float[] levels = levels(audio, channel, frameSize);
        return segment(levels, frameSize, audio, channel);
    }

    /**
     * Speech segments of every channel that carries its own speaker. Stereo whose two channels hold
     * the same signal (a mono recording saved as stereo, common with some recorders) is treated as
     * mono: only channel 0 is returned, so nothing is transcribed twice under two roles.
     */
    public Segmentation segmentAll(DecodedAudio audio) {
        int frameSize = Math.max(1, (int) Math.round(audio.sampleRate() * FRAME));
        List<float[]> levels = new ArrayList<>();
        for (int c = 0; c < audio.channels(); c++) {
            levels.add(levels(audio, c, frameSize));
        }
        if (audio.channels() == 2 && sameSignal(levels.get(0), levels.get(1))) {
            return new Segmentation(true, List.of(segment(levels.get(0), frameSize, audio, 0)));
        }
        List<List<SpeechSegment>> out = new ArrayList<>();
        for (int c = 0; c < audio.channels(); c++) {
            out.add(segment(levels.get(c), frameSize, audio, c));
        }
        return new Segmentation(audio.channels() == 1, out);
    }

    /**
     * Segments per channel.
     *
     * @param mono      true when there is one speaker stream (mono, or stereo with identical channels): roles must be guessed
     * @param byChannel segments of channel i at index i, each in time order
     */
    public record Segmentation(boolean mono, List<List<SpeechSegment>> byChannel) {

        public List<SpeechSegment> all() {
            return byChannel.stream().flatMap(List::stream).toList();
        }

        public int channels() {
            return byChannel.size();
        }
    }

    /** Two channels whose frame levels agree within 1 dB on 98% of the non-silent frames carry one signal. */
    private static boolean sameSignal(float[] a, float[] b) {
        int loud = 0;
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (Math.max(a[i], b[i]) > -60) {
                loud++;
                if (Math.abs(a[i] - b[i]) < 1.0) {
                    same++;
                }
            }
        }
        return loud > 0 && same >= 0.98 * loud;
    }

    /** RMS level of each frame in dBFS. */
    static float[] levels(DecodedAudio audio, int channel, int frameSize) {
        int frames = Math.toIntExact((audio.frames() + frameSize - 1) / frameSize);
        float[] levels = new float[frames];
        int window = frameSize * 100 * WINDOW_SECONDS;
        try {
            for (long from = 0, f = 0; from < audio.frames(); from += window) {
                short[] pcm = audio.readChannel(channel, from, window);
                for (int i = 0; i < pcm.length && f < frames; i += frameSize, f++) {
                    int n = Math.min(frameSize, pcm.length - i);
                    double sum = 0;
                    for (int j = i; j < i + n; j++) {
                        sum += (double) pcm[j] * pcm[j];
                    }
                    double ms = sum / n / (32768.0 * 32768.0);
                    levels[(int) f] = (float) (ms <= 0 ? SILENCE_DBFS : Math.max(SILENCE_DBFS, 10 * Math.log10(ms)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return levels;
    }

    /** The voiced-frame threshold for these levels, in dBFS. */
    double threshold(float[] levels) {
        if (levels.length == 0) {
            return settings.minThresholdDbfs();
        }
        float[] sorted = levels.clone();
        Arrays.sort(sorted);
        double noise = sorted[(int) Math.min(sorted.length - 1, Math.floor(settings.noisePercentile() * sorted.length))];
        return Math.clamp(noise + settings.aboveNoiseDb(), settings.minThresholdDbfs(), settings.maxThresholdDbfs());
    }

    private List<SpeechSegment> segment(float[] levels, int frameSize, DecodedAudio audio, int channel) {
        double threshold = threshold(levels);
        int minSilence = frames(settings.minSilence());
        int minSpeech = frames(settings.minSpeech());
        int pad = frames(settings.padding());
        int maxLen = frames(settings.maxSegment());

        // runs of voiced frames, joined across gaps shorter than minSilence: [start, end) in frames
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        int lastVoiced = -1;
        int voicedInRun = 0;
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] < threshold) {
                continue;
            }
            if (start >= 0 && i - lastVoiced - 1 >= minSilence) {
                closeRun(runs, start, lastVoiced + 1, voicedInRun, minSpeech);
                start = -1;
            }
            if (start < 0) {
                start = i;
                voicedInRun = 0;
            }
            lastVoiced = i;
            voicedInRun++;
        }
        if (start >= 0) {
            closeRun(runs, start, lastVoiced + 1, voicedInRun, minSpeech);
        }

        List<SpeechSegment> out = new ArrayList<>();
        int previousEnd = 0;
        for (int r = 0; r < runs.size(); r++) {
            int s = Math.max(previousEnd, runs.get(r)[0] - pad);
            int nextStart = r + 1 < runs.size() ? runs.get(r + 1)[0] : levels.length;
            int e = Math.min(levels.length, Math.min(runs.get(r)[1] + pad, nextStart));
            // cut over-long segments at their quietest frame between half and full length
            while (e - s > maxLen) {
                int cut = quietest(levels, s + maxLen / 2, s + maxLen);
                out.add(toSegment(channel, s, cut, frameSize, audio));
                s = cut;
            }
            out.add(toSegment(channel, s, e, frameSize, audio));
            previousEnd = e;
        }
        return out;
    }

    private static void closeRun(List<int[]> runs, int start, int end, int voiced, int minSpeech) {
        if (voiced >= minSpeech) {
            runs.add(new int[] {start, end});
        }
    }

    private static int quietest(float[] levels, int from, int to) {
        int best = from;
        for (int i = from; i < to; i++) {
            if (levels[i] < levels[best]) {
                best = i;
            }
        }
        return best;
    }

    private static SpeechSegment toSegment(int channel, int startFrame, int endFrame, int frameSize, DecodedAudio audio) {
        long s = (long) startFrame * frameSize;
        long e = Math.min(audio.frames(), (long) endFrame * frameSize);
        return new SpeechSegment(channel, s, e, audio.sampleRate());
    }

    private static int frames(double seconds) {
        return (int) Math.round(seconds / FRAME);
    }
}
