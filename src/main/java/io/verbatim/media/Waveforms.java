package io.verbatim.media;

/** Computes player waveforms from decoded audio, reading the PCM file once. */
public interface Waveforms {

    /** Peaks with at most {@code buckets} buckets over the whole audio (the player scales them to its width). */
    WaveformPeaks peaks(DecodedAudio audio, int buckets, int bits);

    /** Peaks at a fixed zoom: {@code pixelsPerSecond} buckets per second of audio. */
    WaveformPeaks peaksPerSecond(DecodedAudio audio, int pixelsPerSecond, int bits);

    /** 1,000 buckets of 8-bit peaks: enough for a call-detail player, a few KB of JSON. */
    default WaveformPeaks peaks(DecodedAudio audio) {
        return peaks(audio, 1_000, 8);
    }
}
