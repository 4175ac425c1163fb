package io.verbatim.webhooks.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings → Webhooks: the delivery log, inbound (what providers sent and what became of it) and outbound
 * (what we sent to the tenant's endpoints, attempt by attempt), each with its payload and a replay button
 * (settings-webhooks.js calls the replay endpoints). Admins only: payloads hold customers' calls.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class WebhookLogPage {

    private static final int SHOWN = 100;

    private final Inbox inbox;
    private final Deliveries deliveries;
    private final JsonMapper pretty;

    WebhookLogPage(Inbox inbox, Deliveries deliveries, JsonMapper json) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.pretty = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    @GetMapping("/settings/webhooks")
    String log(@RequestParam(required = false) String status, Model model) {
        String filter = status == null || status.isBlank() ? null : status;
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("status", filter);
        model.addAttribute("inbound", inbox.list(filter, null, null, SHOWN).items());
        model.addAttribute("outbound", deliveries.recent(filter == null ? null : outboundStatus(filter), SHOWN));
        return "settings/webhooks";
    }

    @GetMapping("/settings/webhooks/inbound/{id}")
    String inbound(@PathVariable UUID id, Model model) {
        InboxEvent event = inbox.find(id).orElseThrow(() -> ProblemException.notFound("Inbound event " + id));
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("event", event);
        model.addAttribute("payload", readable(event.payload()));
        return "settings/webhook-inbound";
    }

    @GetMapping("/settings/webhooks/outbound/{endpointId}/{deliveryId}")
    String outbound(@PathVariable UUID endpointId, @PathVariable UUID deliveryId, Model model) {
        Deliveries.Delivery delivery = deliveries.find(endpointId, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("Delivery " + deliveryId));
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("delivery", delivery);
        model.addAttribute("attempts", deliveries.attempts(deliveryId));
        model.addAttribute("payload", readable(delivery.payload().getBytes(StandardCharsets.UTF_8)));
        return "settings/webhook-outbound";
    }

    /** The inbound filter's names mapped onto the outbound states (done = succeeded). */
    private static String outboundStatus(String status) {
        return switch (status) {
            case "done" -> "succeeded";
            case "processing" -> "sending";
            default -> status;
        };
    }

    /** JSON indented for reading; anything else as text. */
    private String readable(byte[] payload) {
        try {
            return pretty.writeValueAsString(pretty.readTree(payload));
        } catch (RuntimeException notJson) {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }
}
