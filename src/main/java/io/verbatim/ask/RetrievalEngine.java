package io.verbatim.ask;

import io.verbatim.tenancy.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The one retrieval engine for calls and documents, answering the same on every node. PostgreSQL holds
 * every passage and its embedding (tenant-scoped, row-level security) and a change sequence per tenant;
 * each node's Lucene index is a replica that follows that sequence and is rebuilt from PostgreSQL when
 * the node starts with an empty data directory.
 *
 * <p>Writes return once PostgreSQL has committed them and this node's replica has applied them; other
 * nodes follow at once (PostgreSQL notifications; {@code verbatim.retrieval.replica-poll} as the fallback).
 * Callers need not bind the tenant themselves.
 */
public interface RetrievalEngine {

    /**
     * Replaces all passages of a source with {@code source.passages()} (embedded here), under its access keys.
     * An empty passage list removes the source's passages. Idempotent for the same version.
     *
     * @return the tenant's change sequence number of this write (0 when an older version was ignored)
     */
    long index(IndexSource source);

    /** Removes a source's passages from every node; returns the change sequence number (0 when there was nothing). */
    long remove(TenantId tenant, SourceKind kind, UUID sourceId);

    /** The best passages for a query within the filter (applied before ranking), best first. */
    List<PassageHit> search(PassageQuery query);

    /** Waits until this node's replica has applied every change the tenant has committed; false on timeout. */
    boolean awaitReplica(TenantId tenant, Duration timeout);

    /** The tenant's passages on record and this node's replica position. */
    ReplicaStatus status(TenantId tenant);

    /**
     * @param sequence the tenant's latest committed change
     * @param applied  the change this node's replica has applied up to
     * @param passages passages in PostgreSQL
     * @param indexed  passages in this node's replica
     */
    record ReplicaStatus(String tenant, long sequence, long applied, long passages, long indexed) {
    }
}
