package io.verbatim.voiceagents.internal;

import io.verbatim.conversations.AnalysisUpdated;
import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.Conversations;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Links each analysed voice-agent call (a conversation whose attributes carry {@code voice_provider} and
 * {@code assistant_id}, as the webhooks module writes them) to its assistant, creating the assistant on first
 * sight. Runs inside the transaction that saves the analysis, so the link commits with it; a re-analysis
 * updates the same row.
 */
@Component
class CallReportListener {

    /** Ended reasons that mean the call went wrong (Vapi: pipeline-error-*, *-failed-*; Retell: error_*, dial_failed). */
    private static final Pattern ERROR_ENDING = Pattern.compile(".*(error|fail|fault|not-found|not_found).*");

    private final Conversations conversations;
    private final VoiceCalls calls;
    private final LeadScores scores;

    CallReportListener(Conversations conversations, VoiceCalls calls, LeadScores scores) {
        this.conversations = conversations;
        this.calls = calls;
        this.scores = scores;
    }

    /** Links the call, then rescores its caller from all their calls (the same transaction: a score never lags its call). */
    @EventListener
    void on(AnalysisUpdated event) {
        conversations.find(event.conversationId()).flatMap(CallReportListener::call).ifPresent(call -> {
            calls.record(call);
            scores.recompute(call.conversationId());
        });
    }

    static java.util.Optional<VoiceCalls.Call> call(Conversation c) {
        Map<String, Object> a = c.attributes() == null ? Map.of() : c.attributes();
        String provider = text(a.get("voice_provider"));
        String assistantId = text(a.get("assistant_id"));
        if (provider == null || assistantId == null) {
            return java.util.Optional.empty();
        }
        String endedReason = text(a.get("ended_reason"));
        String success = text(a.get("success_evaluation"));
        Double duration = number(a.get("duration_seconds"));
        return java.util.Optional.of(new VoiceCalls.Call(c.id(), provider, text(a.get("call_id")) == null ? c.externalId()
                : text(a.get("call_id")), assistantId, text(a.get("assistant_name")), c.startedAt(), endedReason,
                number(a.get("cost")), duration != null ? duration : c.durationSeconds(),
                Boolean.TRUE.equals(a.get("transferred")), success, failure(endedReason, success)));
    }

    /** Why the call needs review, or null: an error ending first, else the provider's own evaluation said it failed. */
    static String failure(String endedReason, String success) {
        if (endedReason != null && ERROR_ENDING.matcher(endedReason.toLowerCase(Locale.ROOT)).matches()) {
            return "ended with " + endedReason;
        }
        if (success != null && switch (success.strip().toLowerCase(Locale.ROOT)) {
            case "false", "fail", "failed", "failure", "unsuccessful", "no" -> true;
            default -> false;
        }) {
            return "the provider's evaluation marked it unsuccessful";
        }
        return null;
    }

    private static String text(Object value) {
        if (value == null || value instanceof Map || value instanceof java.util.Collection) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return value == null ? null : Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
