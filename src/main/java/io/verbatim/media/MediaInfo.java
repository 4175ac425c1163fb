package io.verbatim.media;

import java.time.Duration;

/**
 * What a media file is, read from its headers without decoding it all.
 *
 * @param container  FFmpeg's demuxer name, e.g. {@code wav}, {@code ogg}, {@code matroska,webm},
 *                   {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param codec      the audio codec of the track that would be decoded, e.g. {@code pcm_mulaw}, {@code opus}
 * @param duration   the duration the container declares; {@code null} when it declares none
 * @param sampleRate the audio track's sample rate (before resampling to 16 kHz)
 * @param channels   the audio track's channel count (before any downmix)
 * @param hasVideo   whether there is a real video track (cover art in an MP3 does not count)
 * @param bitRate    bits per second the container reports, 0 when unknown
 * @param sizeBytes  the file's size, -1 when read from a stream
 */
public record MediaInfo(String container, String codec, Duration duration, int sampleRate, int channels,
                        boolean hasVideo, long bitRate, long sizeBytes) {
}
