package io.verbatim.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.webhooks.internal.InboundWebhookFilter.Route;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Which requests the webhook route answers, and that its preformatted answer is the JSON the API always sent. */
class InboundWebhookFilterTest {

    /** What {@link WebhookReception#paths()} gives for the provider beans of this release. */
    private static final Map<String, Boolean> PATHS = Map.of("twilio", false, "vapi", false,
            "retell", false, "callrail", false, "generic", true);

    @Test
    void routesOnlyPostsToTheProviderPaths() {
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/vapi", PATHS)).isEqualTo(new Route("acme", "vapi", null));
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/retell", PATHS)).isEqualTo(new Route("acme", "retell", null));
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/twilio", PATHS)).isEqualTo(new Route("acme", "twilio", null));
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/callrail", PATHS)).isEqualTo(new Route("acme", "callrail", null));
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/generic/crm", PATHS)).isEqualTo(new Route("acme", "generic", "crm"));
        // Left to the rest of the chain: other methods, other paths (the messages module's Twilio status callback).
        assertThat(Route.of("GET", "/api/v1/webhooks/acme/vapi", PATHS)).isNull();
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/twilio-messages", PATHS)).isNull();
        // the messages module's inbound SMS webhook answers TwiML itself, through the normal chain
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/twilio-sms", PATHS)).isNull();
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/vapi/", PATHS)).isNull();
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/generic/", PATHS)).isNull();
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/generic/a/b", PATHS)).isNull();
        assertThat(Route.of("POST", "/api/v1/webhooks//vapi", PATHS)).isNull();
        assertThat(Route.of("POST", "/api/v1/webhooks/acme", PATHS)).isNull();
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/generic", PATHS)).isNull();
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/twilio/crm", PATHS)).isNull();
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/unknown", PATHS)).isNull();
        assertThat(Route.of("POST", "/api/v1/endpoints", PATHS)).isNull();
    }

    @Test
    void theAnswerIsWhatJacksonWroteForTheRecord() {
        JsonMapper snake = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
                .build();
        for (var a : new WebhookReception.Acknowledged[] {
                new WebhookReception.Acknowledged(true, false, UUID.randomUUID(), "call-1", "pending", null),
                new WebhookReception.Acknowledged(true, true, UUID.randomUUID(), "sid:\"q\"\\\n\u0001é", "ignored", "in-progress"),
                new WebhookReception.Acknowledged(true, false, null, null, "dropped", "event type 'status-update' is not processed")}) {
            JsonNode ours = snake.readTree(new String(InboundWebhookFilter.answer(a), StandardCharsets.UTF_8));
            assertThat(ours).isEqualTo(snake.readTree(snake.writeValueAsString(a)));
        }
    }
}
