/**
 * The conversation aggregate: what came in (media or transcript, metadata, agent, customer), its
 * pipeline state, its transcript, and who may see it.
 */
package io.verbatim.conversations;
