package io.verbatim.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A demo call as its voice platform reports it: Vapi's {@code end-of-call-report} and Retell's {@code call_analyzed},
 * with the fields those platforms send (docs.vapi.ai/server-url/end-of-call-report, docs.retellai.com/features/webhook).
 * The booking tool call, when the call has one, goes just before the agent's confirmation.
 */
final class DemoCallReports {

    private static final String CLINIC_NUMBER = "+16305550100";
    private static final String SALON_NUMBER = "+16465550100";

    private DemoCallReports() {
    }

    static ObjectNode vapi(JsonMapper json, JsonNode call, ArrayNode turns, Instant now) {
        Instant started = now.minus(Duration.ofHours(call.get("hours_ago").asLong()));
        double length = turns.get(turns.size() - 1).get(3).asDouble() + 1.0;
        ObjectNode root = json.createObjectNode();
        ObjectNode m = root.putObject("message");
        m.put("type", "end-of-call-report").put("endedReason", call.get("ended_reason").asString())
                .put("cost", call.get("cost").asDouble()).put("startedAt", started.toString())
                .put("endedAt", started.plusMillis((long) (length * 1000)).toString());
        m.putObject("assistant").put("id", call.get("assistant_id").asString()).put("name", call.get("assistant_name").asString());
        m.putObject("customer").put("number", call.get("customer").get("phone").asString())
                .put("name", call.get("customer").get("name").asString());
        m.putObject("phoneNumber").put("number", CLINIC_NUMBER);
        m.putObject("call").put("id", call.get("call_id").asString()).put("type", "inboundPhoneCall")
                .put("assistantId", call.get("assistant_id").asString());
        ObjectNode analysis = m.putObject("analysis");
        analysis.put("summary", call.get("summary").asString()).set("structuredData", call.get("structured_data"));
        analysis.put("successEvaluation", call.get("success").asString());
        ArrayNode messages = m.putObject("artifact").putArray("messages");
        long t0 = started.toEpochMilli();
        int toolAt = toolPosition(call, turns);
        for (int i = 0; i < turns.size(); i++) {
            JsonNode t = turns.get(i);
            if (i == toolAt) {
                double at = turns.get(i - 1).get(3).asDouble() + 0.2;
                ObjectNode tool = messages.addObject().put("role", "tool_calls").put("time", t0 + (long) (at * 1000))
                        .put("secondsFromStart", at);
                ObjectNode function = tool.putArray("toolCalls").addObject().put("id", "tool-" + call.get("call_id").asString())
                        .put("type", "function").putObject("function");
                function.put("name", call.get("tool").get("name").asString()).put("arguments", arguments(json, call, now));
                messages.addObject().put("role", "tool_call_result").put("toolCallId", "tool-" + call.get("call_id").asString())
                        .put("name", call.get("tool").get("name").asString()).put("result", "{\"booked\":true}")
                        .put("time", t0 + (long) ((at + 0.4) * 1000)).put("secondsFromStart", at + 0.4);
            }
            double start = t.get(2).asDouble();
            double end = t.get(3).asDouble();
            messages.addObject().put("role", "agent".equals(t.get(0).asString()) ? "bot" : "user").put("message", t.get(1).asString())
                    .put("time", t0 + (long) (start * 1000)).put("endTime", t0 + (long) (end * 1000)).put("secondsFromStart", start);
        }
        return root;
    }

    static ObjectNode retell(JsonMapper json, JsonNode call, ArrayNode turns, Instant now) {
        Instant started = now.minus(Duration.ofHours(call.get("hours_ago").asLong()));
        long lengthMs = (long) ((turns.get(turns.size() - 1).get(3).asDouble() + 1.0) * 1000);
        ObjectNode root = json.createObjectNode().put("event", "call_analyzed");
        ObjectNode c = root.putObject("call");
        c.put("call_type", "phone_call").put("from_number", call.get("customer").get("phone").asString()).put("to_number", SALON_NUMBER)
                .put("direction", "inbound").put("call_id", call.get("call_id").asString())
                .put("agent_id", call.get("assistant_id").asString()).put("agent_name", call.get("assistant_name").asString())
                .put("call_status", "ended").put("start_timestamp", started.toEpochMilli())
                .put("end_timestamp", started.toEpochMilli() + lengthMs).put("duration_ms", lengthMs)
                .put("disconnection_reason", call.get("ended_reason").asString());
        c.putObject("retell_llm_dynamic_variables").put("customer_name", call.get("customer").get("name").asString());
        ArrayNode plain = c.putArray("transcript_object");
        ArrayNode withTools = c.putArray("transcript_with_tool_calls");
        StringBuilder transcript = new StringBuilder();
        int toolAt = toolPosition(call, turns);
        for (int i = 0; i < turns.size(); i++) {
            JsonNode t = turns.get(i);
            if (i == toolAt) {
                String id = "tool-" + call.get("call_id").asString();
                withTools.addObject().put("role", "tool_call_invocation").put("tool_call_id", id)
                        .put("name", call.get("tool").get("name").asString()).put("arguments", arguments(json, call, now));
                withTools.addObject().put("role", "tool_call_result").put("tool_call_id", id).put("content", "{\"booked\":true}");
            }
            String role = "agent".equals(t.get(0).asString()) ? "agent" : "user";
            ObjectNode utterance = plain.addObject().put("role", role).put("content", t.get(1).asString());
            words(utterance.putArray("words"), t);
            withTools.add(utterance.deepCopy());
            transcript.append(role.equals("agent") ? "Agent: " : "User: ").append(t.get(1).asString()).append('\n');
        }
        c.put("transcript", transcript.toString().strip());
        c.putObject("call_cost").put("combined_cost", call.get("cost_cents").asDouble());
        ObjectNode analysis = c.putObject("call_analysis");
        analysis.put("call_summary", call.get("summary").asString()).put("user_sentiment", call.path("sentiment").asString("Neutral"))
                .put("call_successful", call.get("success").asBoolean()).put("in_voicemail", false)
                .set("custom_analysis_data", call.get("structured_data"));
        return root;
    }

    /** Each word of the utterance, its time spread evenly over the utterance (Retell gives word times). */
    private static void words(ArrayNode words, JsonNode turn) {
        String[] tokens = turn.get(1).asString().split("\\s+");
        double start = turn.get(2).asDouble();
        double step = (turn.get(3).asDouble() - start) / tokens.length;
        for (int i = 0; i < tokens.length; i++) {
            words.addObject().put("word", tokens[i]).put("start", Math.round((start + i * step) * 1000) / 1000.0)
                    .put("end", Math.round((start + (i + 1) * step) * 1000) / 1000.0);
        }
    }

    /** Before the agent's first turn that confirms ("booked", "done", "moved", "added"), else before its last; -1 without a tool. */
    private static int toolPosition(JsonNode call, ArrayNode turns) {
        if (!call.hasNonNull("tool")) {
            return -1;
        }
        int last = -1;
        for (int i = 1; i < turns.size(); i++) {
            if ("agent".equals(turns.get(i).get(0).asString())) {
                String text = turns.get(i).get(1).asString().toLowerCase(java.util.Locale.ROOT);
                if (text.contains("booked") || text.startsWith("done") || text.contains("moved")) {
                    return i;
                }
                last = i;
            }
        }
        return last;
    }

    /** The tool's arguments as the platform sends them (a JSON string), its start {@code slot_days} ahead at {@code slot_hour} UTC. */
    private static String arguments(JsonMapper json, JsonNode call, Instant now) {
        JsonNode args = call.get("tool").get("arguments");
        ObjectNode out = json.createObjectNode().put("service", args.get("service").asString());
        Instant start = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(args.get("slot_days").asLong()))
                .plus(Duration.ofHours(args.get("slot_hour").asLong()));
        out.put("start", start.toString());
        return json.writeValueAsString(out);
    }
}
