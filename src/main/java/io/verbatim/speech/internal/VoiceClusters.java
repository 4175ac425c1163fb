package io.verbatim.speech.internal;

import io.verbatim.media.DecodedAudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Tells two voices apart in mono audio by pitch, for guessing who speaks which utterance. Each
 * utterance gets its median fundamental frequency (autocorrelation on 40 ms frames of the signal
 * decimated to 8 kHz, 70-400 Hz, frames with normalised autocorrelation below
 * {@link #VOICING} skipped); the log-pitches are split in two by 1-D two-means. The split is
 * trusted only when the two groups' mean pitches differ by at least {@link #MIN_RATIO} (about
 * four semitones: typical of a male and a female voice, rarely of one voice's variation) and the
 * smaller group has at least {@link #MIN_UTTERANCES} utterances and {@link #MIN_SHARE} of the
 * voiced frames (a customer who only says "yes" and "thanks" still counts). Otherwise (one voice, or
 * two similar ones) there is no answer and the caller falls back to turn-taking by pauses.
 */
public final class VoiceClusters {

    static final double VOICING = 0.6;
    static final double MIN_RATIO = 1.25;
    static final double MIN_SHARE = 0.03;
    static final int MIN_UTTERANCES = 2;
    private static final int RATE = 8000;
    private static final int WINDOW = 320;   // 40 ms at 8 kHz
    private static final int HOP = 160;      // 20 ms
    private static final int MIN_LAG = RATE / 400;
    private static final int MAX_LAG = RATE / 70;
    private static final int MIN_VOICED_FRAMES = 5;

    private VoiceClusters() {
    }

    /**
     * @return a label (0 or 1) per utterance, 0 being the first utterance's voice; utterances without
     *         a measurable pitch take the label of the one before; empty when the voices cannot be told apart
     */
    public static Optional<int[]> labels(DecodedAudio audio, List<Utterance> utterances) {
        int n = utterances.size();
        double[] logPitch = new double[n];
        int[] weight = new int[n];
        for (int i = 0; i < n; i++) {
            double[] pitches = pitches(audio, utterances.get(i));
            weight[i] = pitches.length;
            if (pitches.length >= MIN_VOICED_FRAMES) {
                Arrays.sort(pitches);
                logPitch[i] = Math.log(pitches[pitches.length / 2]);
            } else {
                weight[i] = 0;
            }
        }
        Optional<Double> split = split(logPitch, weight);
        if (split.isEmpty()) {
            return Optional.empty();
        }
        int[] labels = new int[n];
        int first = -1;
        int previous = 0;
        for (int i = 0; i < n; i++) {
            int high = weight[i] > 0 ? (logPitch[i] > split.get() ? 1 : 0) : -1;
            if (high >= 0 && first < 0) {
                first = high;
            }
            labels[i] = high < 0 ? previous : high;
            previous = labels[i];
        }
        int firstVoice = Math.max(first, 0);
        for (int i = 0; i < n; i++) {
            labels[i] = labels[i] == firstVoice ? 0 : 1;
        }
        return Optional.of(labels);
    }

    /** The threshold between two well-separated groups of log-pitches, if there are two. */
    static Optional<Double> split(double[] values, int[] weight) {
        List<double[]> points = new ArrayList<>(); // value, weight
        for (int i = 0; i < values.length; i++) {
            if (weight[i] > 0) {
                points.add(new double[] {values[i], weight[i]});
            }
        }
        if (points.size() < 2) {
            return Optional.empty();
        }
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        double total = points.stream().mapToDouble(p -> p[1]).sum();
        double bestCost = Double.MAX_VALUE;
        int best = -1;
        for (int k = 1; k < points.size(); k++) {
            double cost = sse(points.subList(0, k)) + sse(points.subList(k, points.size()));
            if (cost < bestCost) {
                bestCost = cost;
                best = k;
            }
        }
        List<double[]> low = points.subList(0, best);
        List<double[]> high = points.subList(best, points.size());
        double lowWeight = low.stream().mapToDouble(p -> p[1]).sum();
        double highWeight = total - lowWeight;
        if (mean(high) - mean(low) < Math.log(MIN_RATIO) || Math.min(lowWeight, highWeight) < MIN_SHARE * total
                || Math.min(low.size(), high.size()) < MIN_UTTERANCES) {
            return Optional.empty();
        }
        return Optional.of((low.getLast()[0] + high.getFirst()[0]) / 2);
    }

    private static double mean(List<double[]> points) {
        double s = 0;
        double w = 0;
        for (double[] p : points) {
            s += p[0] * p[1];
            w += p[1];
        }
        return s / w;
    }

    private static double sse(List<double[]> points) {
        double m = mean(points);
        double s = 0;
        for (double[] p : points) {
            s += p[1] * (p[0] - m) * (p[0] - m);
        }
        return s;
    }

    /** Pitch (Hz) of each voiced frame of the utterance's time range. */
    static double[] pitches(DecodedAudio audio, Utterance u) {
        long from = (long) (u.start() * audio.sampleRate());
        int count = (int) Math.max(0, (u.end() - u.start()) * audio.sampleRate());
        float[] x;
        try {
            x = to8k(audio.readChannel(0, from, count), audio.sampleRate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] out = new double[Math.max(0, (x.length - WINDOW - MAX_LAG) / HOP + 1)];
        int n = 0;
        for (int start = 0; start + WINDOW + MAX_LAG <= x.length; start += HOP) {
            double energy = 0;
            for (int i = start; i < start + WINDOW; i++) {
                energy += x[i] * x[i];
            }
            if (energy / WINDOW < 1e-5) { // quieter than about -50 dBFS: no pitch to measure
                continue;
            }
            double[] r = new double[MAX_LAG + 1];
            int bestLag = -1;
            for (int lag = MIN_LAG; lag <= MAX_LAG; lag++) {
                double c = 0;
                double e2 = 0;
                for (int i = start; i < start + WINDOW; i++) {
                    c += x[i] * x[i + lag];
                    e2 += x[i + lag] * x[i + lag];
                }
                r[lag] = c / Math.sqrt(energy * e2 + 1e-12);
                if (bestLag < 0 || r[lag] > r[bestLag]) {
                    bestLag = lag;
                }
            }
            if (r[bestLag] < VOICING) {
                continue;
            }
            // the period's multiples correlate too: prefer the shortest lag that is nearly as good
            for (int divisor = 4; divisor >= 2; divisor--) {
                int lag = Math.round(bestLag / (float) divisor);
                if (lag >= MIN_LAG && r[lag] >= 0.9 * r[bestLag]) {
                    bestLag = lag;
                    break;
                }
            }
            out[n++] = RATE / (double) bestLag;
        }
        return Arrays.copyOf(out, n);
    }

    /** Decimates to 8 kHz by averaging (a crude low-pass, enough for pitch below 400 Hz). */
    private static float[] to8k(short[] pcm, int rate) {
        int factor = Math.max(1, rate / RATE);
        float[] out = new float[pcm.length / factor];
        for (int i = 0; i < out.length; i++) {
            float s = 0;
            for (int j = 0; j < factor; j++) {
                s += pcm[i * factor + j];
            }
            out[i] = s / factor / 32768f;
        }
        return out;
    }
}
