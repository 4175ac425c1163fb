package io.verbatim.voiceagents.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an assistant's calls add up to.
 *
 * @param bookingRate      booked calls / analysed calls (the analysis' {@code booking_status}), null before any
 * @param costPerCall      mean cost in the provider's currency (USD) over calls with a cost
 * @param costPerBooking   total cost / booked calls, null without bookings
 * @param endedReasons     calls by ended reason, most frequent first
 */
record AssistantMetrics(long calls, long analysed, long booked, Double bookingRate, long transfers, Double totalCost,
                        Double costPerCall, Double costPerBooking, Double averageDurationSeconds, long failures,
                        Map<String, Long> endedReasons) {

    /** A call that went wrong: an error ending, or the provider's own evaluation said it failed. */
    record FailedCall(UUID conversationId, String callId, java.time.Instant startedAt, String endedReason, String reason) {
    }

    record Detail(AssistantMetrics metrics, List<FailedCall> failures) {
    }
}
