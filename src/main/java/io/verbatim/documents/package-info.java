/**
 * Documents: the tenant's library of documents in collections with read permissions (roles, teams, users),
 * enforced by PostgreSQL row-level security and passed to retrieval as filters applied before ranking.
 * Uploads are stored under {@code input/<tenant>/documents/} and processed by a durable scan
 * (extracting, chunking, embedding, indexed; or failed with a reason) into the one retrieval engine.
 */
package io.verbatim.documents;
