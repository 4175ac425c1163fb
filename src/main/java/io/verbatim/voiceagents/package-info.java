/**
 * AI voice agents: the assistants a tenant's voice platform (Vapi, Retell) runs, created on first sight from
 * a call report, with each call linked to its assistant and dashboards per assistant (calls, booking rate,
 * ended reasons, transfers to a human, cost per call and per booking, duration, failed calls to review); each
 * caller's explainable lead score and the "call back first" list; the services catalogue, and the appointments the
 * agents booked (through the appointments module's API, referencing a service).
 * It listens to the conversations module's {@link io.verbatim.conversations.AnalysisUpdated} and the contacts
 * module's {@link io.verbatim.contacts.ContactsMerged}, and reads the report fields the webhooks module keeps in the
 * conversation's attributes; nothing calls into it.
 */
package io.verbatim.voiceagents;
