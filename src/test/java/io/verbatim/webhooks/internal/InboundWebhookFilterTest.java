package io.verbatim.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.webhooks.internal.InboundWebhookFilter.Route;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Which requests the webhook route answers, and that its preformatted answer is the JSON the API always sent. */
class InboundWebhookFilterTest {

    @Test
    void routesOnlyPostsToTheProviderPaths() {
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/vapi")).isEqualTo(new Route("acme", "vapi", null));
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/retell")).isEqualTo(new Route("acme", "retell", null));
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/twilio")).isEqualTo(new Route("acme", "twilio", null));
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/callrail")).isEqualTo(new Route("acme", "callrail", null));
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/generic/crm")).isEqualTo(new Route("acme", "generic", "crm"));
        // Left to the rest of the chain: other methods, other paths (the messages module's Twilio status callback).
        assertThat(Route.of("GET", "/api/v1/webhooks/acme/vapi")).isNull();
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/twilio-messages")).isNull();
        // the messages module's inbound SMS webhook answers TwiML itself, through the normal chain
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/twilio-sms")).isNull();
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/vapi/")).isNull();
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/generic/")).isNull();
        assertThat(Route.of("POST", "/api/v1/webhooks/acme/generic/a/b")).isNull();
        assertThat(Route.of("POST", "/api/v1/webhooks//vapi")).isNull();
        assertThat(Route.of("POST", "/api/v1/webhooks/acme")).isNull();
        assertThat(Route.of("POST", "/api/v1/endpoints")).isNull();
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
