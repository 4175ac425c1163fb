/**
 * Ask: questions across conversations, answered with citations and scoped by role.
 *
 * <p>Transcripts are cut into windows of turns, embedded in-process and kept in a per-tenant Lucene
 * index (BM25 text and HNSW vectors, fused by reciprocal rank). The caller's role scope is a filter
 * clause of every index query. The index is derived data: the {@code indexed} pipeline stage keeps it
 * current, deleting a conversation removes its chunks, and {@link io.verbatim.ask.AskIndex#rebuild()}
 * recreates a tenant's index from the database. {@link io.verbatim.ask.RetrievalEngine} is the one engine for calls and documents:
 * passages live in PostgreSQL, each node's Lucene index is a replica that follows a per-tenant change sequence.
 */
package io.verbatim.ask;
