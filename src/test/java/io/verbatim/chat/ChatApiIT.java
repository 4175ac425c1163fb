package io.verbatim.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.FakeChatCompletions;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.Uploads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Personas and chat over real documents through the real retrieval engine: citations with pages, permissions
 * applied before ranking, refusals listed for admins, streaming, feedback, the tenant's LLM, roles and tenants.
 */
class ChatApiIT extends PlatformTest {

    private String admin;
    private String shared;
    private String managers;
    private String policyId;
    private String secretId;
    private String persona;

    @BeforeEach
    void library() {
        admin = api.token("admin@demo.local");
        long n = System.nanoTime();
        shared = api.post("/api/v1/collections", admin, "{\"name\":\"Chat shared " + n
                + "\",\"permissions\":{\"roles\":[\"manager\",\"agent\"]}}").body().get("id").asString();
        managers = api.post("/api/v1/collections", admin, "{\"name\":\"Chat managers " + n
                + "\",\"permissions\":{\"roles\":[\"manager\"]}}").body().get("id").asString();
        policyId = upload(shared, "policy.pdf", "application/pdf", io.verbatim.documents.TestDocuments.pdf(List.of(
                "Service policy\nOur technicians arrive within four hours for emergency repairs.",
                "Refunds\nCustomers may ask for a refund within 30 days of the repair.")));
        upload(shared, "prices.md", "text/markdown",
                "# Price list\n\nA standard boiler service costs 120 dollars.\n".getBytes(StandardCharsets.UTF_8));
        secretId = upload(managers, "margins.md", "text/markdown",
                "# Margins\n\nThe discount ceiling for boiler service deals is 18 percent.\n".getBytes(StandardCharsets.UTF_8));
        persona = api.post("/api/v1/personas", admin, """
                {"name":"Support AI %d","instructions":"You help support agents.","tone":"friendly","language":"en",
                 "answer_length":"short","refusal":"Sorry, my documents don't cover that.","collection_ids":["%s","%s"],"use_calls":false}"""
                .formatted(n, shared, managers)).body().get("id").asString();
    }

    private String upload(String collection, String name, String type, byte[] content) {
        var r = new Uploads(api).upload("/api/v1/documents", admin, Map.of(), new Uploads.Part("file", name, type, content),
                new Uploads.Part("collection_id", null, "text/plain", collection.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        String id = r.body().get("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            String status = api.get("/api/v1/documents/" + id, admin).body().get("status").asString();
            if (status.equals("indexed")) {
                return id;
            }
            assertThat(status).isNotEqualTo("failed");
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not indexed: " + name);
    }

    private String session(String token) {
        var r = api.post("/api/v1/chat/sessions", token, "{\"persona_id\":\"" + persona + "\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    private ApiClient.Response say(String token, String session, String content) {
        return api.post("/api/v1/chat/sessions/" + session + "/messages", token,
                "{\"content\":\"" + content + "\"}");
    }

    @Test
    void answers_cite_the_document_page_and_refuse_when_nothing_is_relevant() {
        String agent = api.token("csr1@demo.local");
        String s = session(agent);
        var r = say(agent, s, "How many days do customers have to ask for a refund?");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("kind").asString()).isEqualTo("extractive");
        assertThat(r.body().get("answer").asString()).contains("30 days");
        JsonNode first = r.body().get("citations").get(0);
        assertThat(first.get("document_id").asString()).isEqualTo(policyId);
        assertThat(first.get("page").asInt()).isEqualTo(2);
        assertThat(first.get("quote").asString()).contains("refund");

        var none = say(agent, s, "Which football team won the world cup in 1966?");
        assertThat(none.body().get("answer").asString()).isEqualTo("Sorry, my documents don't cover that.");
        assertThat(none.body().get("answered").asBoolean()).isFalse();
        assertThat(none.body().get("citations")).isEmpty();
        var unanswered = api.get("/api/v1/chat/unanswered", admin);
        assertThat(unanswered.raw()).contains("Which football team won the world cup in 1966?");
        assertThat(api.get("/api/v1/chat/unanswered", api.token("manager@demo.local")).status()).isEqualTo(403);

        var history = api.get("/api/v1/chat/sessions/" + s, agent).body().get("messages");
        assertThat(history).hasSize(4);
        assertThat(history.get(0).get("role").asString()).isEqualTo("user");
        assertThat(history.get(1).get("citations").get(0).get("page").asInt()).isEqualTo(2);
    }

    @Test
    void a_persona_with_documents_and_calls_leads_with_the_document_and_cites_the_call_after_it() {
        long n = System.nanoTime();
        String transcript = """
                {"language": "en-US", "turns": [
                 {"speaker": "agent", "start": 0.0, "end": 3.0, "text": "Thanks for calling, how can I help?"},
                 {"speaker": "customer", "start": 3.5, "end": 9.0,
                  "text": "How many days do customers have to ask for a refund of the repair? Customers ask me for a refund of the repair."},
                 {"speaker": "agent", "start": 9.5, "end": 14.0,
                  "text": "You can ask for a refund of the repair, I will note the leak and send a technician first."}]}""";
        var uploaded = new Uploads(api).upload(admin, new Uploads.Part("transcript", "refund-" + n + ".json", "application/json",
                transcript.getBytes(StandardCharsets.UTF_8)), Uploads.Part.json("metadata",
                "{\"external_id\":\"chat-refund-" + n + "\",\"source\":\"chat-it\",\"direction\":\"inbound\",\"channel\":\"phone\"}"));
        assertThat(uploaded.status()).as(uploaded.raw()).isIn(200, 202);
        JsonNode done = new Uploads(api).awaitStatus(admin, uploaded.body().get("id").asString(), Duration.ofSeconds(120),
                "completed", "failed");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
        String both = api.post("/api/v1/personas", admin, """
                {"name":"Support with calls %d","instructions":"You help support agents.","refusal":"Not covered.",
                 "collection_ids":["%s"],"use_calls":true}""".formatted(n, shared)).body().get("id").asString();
        String s = api.post("/api/v1/chat/sessions", admin, "{\"persona_id\":\"" + both + "\"}").body().get("id").asString();

        var r = say(admin, s, "How many days do customers have to ask for a refund of the repair?");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode citations = r.body().get("citations");
        assertThat(citations.get(0).get("document_id").asString()).as(r.raw()).isEqualTo(policyId);
        assertThat(r.body().get("answer").asString()).contains("30 days");
        // The call is cited too, after the document.
        boolean call = false;
        for (JsonNode c : citations) {
            call |= c.has("conversation_id");
        }
        assertThat(call).as(r.raw()).isTrue();
    }

    @Test
    void a_collection_the_caller_may_not_read_is_never_searched() {
        String question = "What is the discount ceiling for boiler service deals?";
        var agentAnswer = say(api.token("csr1@demo.local"), session(api.token("csr1@demo.local")), question);
        assertThat(agentAnswer.raw()).doesNotContain(secretId).doesNotContain("18 percent");
        var managerAnswer = say(api.token("manager@demo.local"), session(api.token("manager@demo.local")), question);
        assertThat(managerAnswer.body().get("citations").get(0).get("document_id").asString()).isEqualTo(secretId);
        assertThat(managerAnswer.body().get("answer").asString()).contains("18 percent");
    }

    @Test
    void a_follow_up_is_resolved_against_the_history() {
        String agent = api.token("csr1@demo.local");
        String s = session(agent);
        assertThat(say(agent, s, "How fast do technicians arrive for emergency repairs?").body().get("answer").asString())
                .contains("four hours");
        var followUp = say(agent, s, "and is that guaranteed?");
        assertThat(followUp.body().get("citations").get(0).get("document_id").asString()).isEqualTo(policyId);
        assertThat(followUp.body().get("citations").get(0).get("page").asInt()).isEqualTo(1);
    }

    @Test
    void answers_stream_as_server_sent_events_and_take_feedback() {
        String agent = api.token("csr1@demo.local");
        String s = session(agent);
        var r = api.send("POST", "/api/v1/chat/sessions/" + s + "/messages", agent, Map.of("Accept", "text/event-stream"),
                "{\"content\":\"What does a standard boiler service cost?\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).startsWith("text/event-stream");
        assertThat(r.raw()).contains("event:delta").contains("event:done").contains("120 dollars");
        String messageId = api.get("/api/v1/chat/sessions/" + s, agent).body().get("messages").get(1).get("id").asString();
        assertThat(api.post("/api/v1/chat/sessions/" + s + "/messages/" + messageId + "/feedback", agent, "{\"rating\":\"up\"}").status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/chat/sessions/" + s, agent).body().get("messages").get(1).get("feedback").asInt()).isEqualTo(1);
        assertThat(api.post("/api/v1/chat/sessions/" + s + "/messages/" + messageId + "/feedback", agent, "{\"rating\":\"meh\"}").status())
                .isEqualTo(400);
        // Someone else's session is not there for them.
        String other = api.token("csr2@demo.local");
        assertThat(api.get("/api/v1/chat/sessions/" + s, other).status()).isEqualTo(404);
        assertThat(say(other, s, "hello").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/chat/sessions/" + s + "/messages/" + messageId + "/feedback", other, "{\"rating\":\"down\"}").status())
                .isEqualTo(404);
    }

    @Test
    void the_tenants_llm_writes_the_answer_from_the_cited_passages() {
        try (FakeChatCompletions llm = new FakeChatCompletions()) {
            llm.answer(chat -> chat.user().contains("30 days")
                    ? "Customers have 30 days to ask for a refund [P1][P9]." : "Sorry, my documents don't cover that.");
            assertThat(api.send("PUT", "/api/v1/credentials/llm", admin, Map.of(), "{\"api_key\":\"sk-chat\"}").status()).isBetween(200, 201);
            assertThat(api.send("PUT", "/api/v1/analysis/ai-config", admin, Map.of(), """
                    {"llm":{"provider":"openai","base_url":"%s","model":"chat-model","credential":"llm"}}""".formatted(llm.baseUrl()))
                    .status()).isEqualTo(200);
            try {
                String agent = api.token("csr1@demo.local");
                var r = say(agent, session(agent), "How long do customers have for a refund?");
                assertThat(r.body().get("kind").asString()).isEqualTo("generated");
                assertThat(r.body().get("answer").asString()).isEqualTo("Customers have 30 days to ask for a refund [P1].");
                assertThat(r.body().get("citations")).hasSize(1);
                assertThat(llm.chats().getLast().system()).contains("You help support agents.").contains("friendly");
            } finally {
                api.send("PUT", "/api/v1/analysis/ai-config", admin, Map.of(), "{}");
            }
        }
    }

    @Test
    void personas_are_versioned_and_written_by_admins_only() {
        String manager = api.token("manager@demo.local");
        assertThat(api.post("/api/v1/personas", manager, "{\"name\":\"Mine\"}").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/personas/" + persona, manager).status()).isEqualTo(200);
        var updated = api.put("/api/v1/personas/" + persona, admin, """
                {"name":"Support AI v2 %d","instructions":"Be brief.","collection_ids":["%s"],"use_calls":true}""".formatted(System.nanoTime(), shared));
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().get("version").asInt()).isEqualTo(2);
        assertThat(updated.body().get("use_calls").asBoolean()).isTrue();
        var versions = api.get("/api/v1/personas/" + persona + "/versions", admin).body();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).get("instructions").asString()).isEqualTo("You help support agents.");
        assertThat(api.put("/api/v1/personas/" + persona, manager, "{\"name\":\"X\"}").status()).isEqualTo(403);
    }

    @Test
    void another_tenant_reaches_no_persona_session_or_collection() {
        String agent = api.token("csr1@demo.local");
        String s = session(agent);
        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/personas/" + persona, acme).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/personas?limit=500", acme).raw()).doesNotContain(persona);
        assertThat(api.put("/api/v1/personas/" + persona, acme, "{\"name\":\"Hijacked\"}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/chat/sessions", acme, "{\"persona_id\":\"" + persona + "\"}").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/chat/sessions/" + s, acme).status()).isEqualTo(404);
        assertThat(say(acme, s, "refund?").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/chat/unanswered", acme).raw()).doesNotContain(s);
        var smuggle = api.post("/api/v1/personas", acme, "{\"name\":\"Acme AI\",\"collection_ids\":[\"" + shared + "\"]}");
        assertThat(smuggle.problemType()).isEqualTo("urn:verbatim:problem:unknown-collection");
    }
}
