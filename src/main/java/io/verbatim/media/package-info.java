/**
 * Media: any uploaded or fetched recording (WAV, MP3, M4A/AAC, Ogg Opus/Vorbis, FLAC, WebM,
 * MP4/MOV video, G.711, GSM, AMR, ...) in, 16 kHz 16-bit PCM out, plus what the player needs
 * (duration, channels, waveform peaks). FFmpeg runs in-process through JavaCPP's bundled LGPL
 * build; no ffmpeg executable is needed.
 *
 * <p>API: {@link io.verbatim.media.MediaDecoder}, {@link io.verbatim.media.Waveforms},
 * {@link io.verbatim.media.DecodedAudio}, {@link io.verbatim.media.MediaInfo},
 * {@link io.verbatim.media.WaveformPeaks}, the {@link io.verbatim.media.MediaException} family and
 * {@link io.verbatim.media.MediaProperties}. Everything in {@code internal} is private to the module.
 */
package io.verbatim.media;
