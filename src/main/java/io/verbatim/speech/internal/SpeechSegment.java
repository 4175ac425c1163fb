package io.verbatim.speech.internal;

/**
 * A stretch of one channel that voice-activity detection marked as speech.
 *
 * @param channel    the audio channel
 * @param startFrame first frame (inclusive), at the audio's sample rate
 * @param endFrame   last frame (exclusive)
 * @param sampleRate frames per second, to convert to seconds
 */
public record SpeechSegment(int channel, long startFrame, long endFrame, int sampleRate) {

    public double start() {
        return startFrame / (double) sampleRate;
    }

    public double end() {
        return endFrame / (double) sampleRate;
    }

    public int frames() {
        return Math.toIntExact(endFrame - startFrame);
    }
}
