package io.verbatim.appointments.internal;

import io.verbatim.appointments.Appointment;
import io.verbatim.contacts.ContactCard;
import io.verbatim.contacts.PropertyDetails;
import io.verbatim.conversations.ConversationAnalyses;
import io.verbatim.conversations.PiiAccess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * An appointment with what the rep needs at the door: the contact card (with its property details and the latest
 * call's summary) and the AI insights of the call that booked it. Seeing the appointment is what grants these, so a
 * rep reads the CSR's call analysis here without seeing the call itself; personal data follows the tenant's
 * redaction setting.
 */
@Component
class AppointmentDetails {

    /** The analysis fields a rep prepares a visit with. */
    private static final List<String> INSIGHTS = List.of("summary", "call_reason", "customer_sentiment", "booking_status",
            "qualification", "objections", "action_items", "key_phrases");
    private final ContactLinks contacts;
    private final ConversationAnalyses analyses;
    private final PiiAccess pii;

    AppointmentDetails(ContactLinks contacts, ConversationAnalyses analyses, PiiAccess pii) {
        this.contacts = contacts;
        this.analyses = analyses;
        this.pii = pii;
    }

    /**
     * @param lastCallSummary the contact's latest analysed call, else the summary of the call that booked it
     * @param insights        the booking call's analysis (summary, reason, sentiment, qualification, objections, action
     *                        items); null when there is none
     */
    record Detail(Appointment appointment, ContactCard contact, PropertyDetails propertyDetails, String lastCallSummary,
                  Map<String, Object> insights) {
    }

    Detail of(Appointment a) {
        ContactCard card = a.contactCardId() == null ? null : contacts.card(a.contactCardId()).orElse(null);
        Map<String, Object> insights = a.sourceConversationId() == null ? null : insights(a.sourceConversationId());
        String lastSummary = card == null || card.ai() == null ? null : card.ai().lastCallSummary();
        if (lastSummary == null && insights != null && insights.get("summary") instanceof JsonNode s && !s.isNull()) {
            lastSummary = s.asString();
        }
        return new Detail(a, card, card == null ? null : card.property(), lastSummary, insights);
    }

    private Map<String, Object> insights(UUID conversationId) {
        return analyses.find(conversationId).map(records -> {
            ConversationAnalyses.Records shown = pii.callerSeesPii() ? records : analyses.redacted(records);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("conversation_id", conversationId);
            for (String field : INSIGHTS) {
                JsonNode value = shown.call().get(field);
                if (value != null) {
                    out.put(field, value);
                }
            }
            return out;
        }).orElse(null);
    }
}
