/**
 * AI voice agents: the assistants a tenant's voice platform (Vapi, Retell) runs, created on first sight from
 * a call report, with each call linked to its assistant and dashboards per assistant (calls, booking rate,
 * ended reasons, transfers to a human, cost per call and per booking, duration, failed calls to review).
 * It listens to the conversations module's {@link io.verbatim.conversations.AnalysisUpdated} and reads the
 * report fields the webhooks module keeps in the conversation's attributes; nothing calls into it.
 */
package io.verbatim.voiceagents;
