/**
 * CSR metrics and missed-call recovery (issue 13): the missed-call queue with rescue attribution
 * ({@code ai_sms|ai_voice|human}, only a booking counts), per-CSR booking metrics and their executive roll-up. Reads
 * conversations, analyses and appointments in SQL; depends on no other module's internals.
 */
package io.verbatim.csr;
