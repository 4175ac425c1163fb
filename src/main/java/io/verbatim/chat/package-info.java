/**
 * Chat: personas (instructions, tone, language, answer length, refusal text, the collections they may use and
 * whether they may use calls; versioned) and chat sessions whose answers cite document pages and call moments,
 * found through the one retrieval engine within what the caller may read.
 */
package io.verbatim.chat;
