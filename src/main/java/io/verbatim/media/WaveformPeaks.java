package io.verbatim.media;

/**
 * Min/max peaks for drawing a waveform, in the JSON shape of BBC's {@code audiowaveform} (format
 * version 2) so that players such as peaks.js and wavesurfer.js read it as is; with the project's
 * snake_case JSON the fields come out as {@code sample_rate}, {@code samples_per_pixel}, ...
 *
 * @param version         always 2
 * @param channels        channels in {@link #data}
 * @param sampleRate      the sample rate of the audio the peaks came from
 * @param samplesPerPixel audio frames summarised by one bucket
 * @param bits            8 (values -128..127) or 16 (values -32768..32767)
 * @param length          number of buckets
 * @param data            per bucket, per channel: min then max; {@code length * channels * 2} values
 */
public record WaveformPeaks(int version, int channels, int sampleRate, int samplesPerPixel, int bits,
                            int length, short[] data) {

    public WaveformPeaks {
        if (data.length != length * channels * 2) {
            throw new IllegalArgumentException("data has " + data.length + " values, expected " + length * channels * 2);
        }
    }

    public short min(int channel, int bucket) {
        return data[(bucket * channels + channel) * 2];
    }

    public short max(int channel, int bucket) {
        return data[(bucket * channels + channel) * 2 + 1];
    }
}
