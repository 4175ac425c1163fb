package io.verbatim.pipeline.internal;

/** This node has no capacity for the stage right now; the job is put back in the queue, not counted as a failure. */
class NodeBusy extends RuntimeException {

    NodeBusy(String stage) {
        super("no capacity for " + stage + " on this node", null, false, false);
    }
}
