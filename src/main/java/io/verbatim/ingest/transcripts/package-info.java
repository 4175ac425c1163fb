/**
 * Transcript importers: turn an uploaded transcript file (Verbatim's own JSON, AWS Transcribe,
 * Transcribe Call Analytics, Amazon Connect Contact Lens, OpenAI Whisper, Deepgram, AssemblyAI,
 * Vapi, plain text) into a {@link io.verbatim.speech.Transcript}.
 *
 * <p>Entry point: {@link io.verbatim.ingest.transcripts.TranscriptImporters}. Only that class,
 * {@link io.verbatim.ingest.transcripts.ChannelRoles}, {@link io.verbatim.ingest.transcripts.TranscriptImportException}
 * and {@link io.verbatim.ingest.transcripts.TranscriptImportProperties} are public; the per-format readers are internal.
 */
@org.springframework.modulith.NamedInterface("transcripts")
package io.verbatim.ingest.transcripts;
