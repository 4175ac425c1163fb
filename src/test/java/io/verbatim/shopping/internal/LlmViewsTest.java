package io.verbatim.shopping.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.analysis.LlmProvider;
import io.verbatim.analysis.LlmProviders;
import io.verbatim.analysis.LlmSettings;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.support.FakeChatCompletions;
import io.verbatim.support.PublishedSchemas;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two views by the tenant's LLM through the analysis module's real client against a local server speaking the
 * chat-completions protocol: valid answers are used (quotes checked against the transcript, each view on its own),
 * a malformed or schema-invalid answer is asked again once and then the built-in view stands, with the reason.
 */
class LlmViewsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Transcript VISIT = new Transcript("es", "test", 30, List.of(
            turn(Speaker.AGENT, 1.4, "¡Buenos días! Bienvenido a Banco Cibao Central. Mi nombre es Yokasta, ¿en qué le puedo servir?"),
            turn(Speaker.CUSTOMER, 8.8, "Yo tengo cuenta en otro banco, pero me están cobrando mucho."),
            turn(Speaker.AGENT, 14.5, "Le recomiendo nuestra Cuenta Meta, no cobra cargo por manejo."),
            turn(Speaker.CUSTOMER, 20.2, "Ah, eso me gusta. Muchas gracias.")), true);
    private final FakeChatCompletions server = new FakeChatCompletions();
    private final LlmProvider llm = LlmProviders.create(LlmSettings.of(LlmSettings.Provider.OPENAI, server.baseUrl(), "sk-test", "shop-model"));

    static Turn turn(Speaker speaker, double start, String text) {
        return new Turn(speaker, speaker.wire(), null, start, start + 5, text, List.of(), null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static boolean executiveAsk(FakeChatCompletions.Chat chat) {
        return chat.system().contains("executive view of a mystery-shopping visit");
    }

    static boolean operativeAsk(FakeChatCompletions.Chat chat) {
        return chat.system().contains("operations team");
    }

    static String executive(String keyQuote) {
        return JSON.writeValueAsString(Map.of("rating", 4, "nps", 9, "markdown", """
                ## Resumen
                La asesora recibió al cliente y le recomendó la Cuenta Meta.

                ## Citas clave
                - "Le recomiendo nuestra Cuenta Meta" (00:14, asesor)
                - "%s" (00:20, cliente)

                ## Temas principales
                - Cuenta de ahorros

                ## Tono emocional
                Cordial.

                ## Buenas prácticas
                - Saludo y presentación

                ## Oportunidades de mejora
                - Ofrecer la tarjeta

                ## Recomendaciones de formación
                - Cierre con resumen

                ## Impacto en el negocio
                Cliente probable.""".formatted(keyQuote)));
    }

    static String operative(String greetingQuote, String positive, int ioc) {
        return """
                {"schema_version":"1.0","ioc":%d,"ird":35,"ces":75,
                 "checks":{"greeting":{"passed":true,"evidence":{"speaker":"agent","turn":0,"start":1.4,"quote":"%s"}},
                   "identification":{"passed":true,"evidence":{"speaker":"agent","turn":7,"start":99,"quote":"Mi nombre es Yokasta"}},
                   "offer":{"passed":true,"evidence":{"speaker":"agent","start":14.5,"quote":"Le recomiendo nuestra Cuenta Meta"}},
                   "closure":{"passed":false,"evidence":null},
                   "value_added":{"passed":false}},
                 "verbatims":{"positive":[{"speaker":"customer","start":20,"quote":"%s"}],
                   "negative":[{"speaker":"customer","start":8,"quote":"me están cobrando mucho"}],"critical":[]},
                 "actions":[{"text":"Cerrar con un resumen de la oferta","source":"check","owner":"manager"}]}"""
                .formatted(ioc, greetingQuote, positive);
    }

    private LlmViews.Outcome run(Function<FakeChatCompletions.Chat, String> exec, Function<FakeChatCompletions.Chat, String> oper) {
        server.answer(chat -> executiveAsk(chat) ? exec.apply(chat) : oper.apply(chat));
        DualAnalysis.Views builtIn = DualAnalysis.of(JSON.readTree("{\"kpis\":{\"commercial_opportunity\":40}}"), VISIT,
                new BigDecimal("80"), "es");
        return LlmViews.of(llm, VISIT, builtIn, "es");
    }

    @Test
    void validAnswersWriteBothViewsAndQuotesNotInTheTranscriptAreDropped() {
        LlmViews.Outcome out = run(c -> executive("Me encantó todo, volveré mañana"),
                c -> operative("Bienvenida a la sucursal", "eso me gusta", 72));
        assertThat(out.executiveSource()).isEqualTo("llm");
        assertThat(out.operativeSource()).isEqualTo("llm");
        assertThat(out.llm().get("provider")).isEqualTo("openai:shop-model");

        Map<String, Object> executive = out.views().executive();
        assertThat(executive).containsEntry("rating", 4).containsEntry("nps", 9).containsEntry("language", "es");
        String markdown = executive.get("markdown").toString();
        assertThat(markdown).startsWith("# Resumen ejecutivo").contains("**NPS® inferido:** 9/10", "## Impacto en el negocio",
                "\"Le recomiendo nuestra Cuenta Meta\" (00:14");
        assertThat(markdown).doesNotContain("Me encantó todo");

        JsonNode operative = JSON.valueToTree(out.views().operative());
        assertThat(PublishedSchemas.violations("evaluation-operative-v1.schema.json", operative.toString())).isEmpty();
        assertThat(operative.get("ioc").asInt()).isEqualTo(72);
        // The greeting's evidence is not in the transcript: the built-in check (which cites turn 0 whole) stands.
        assertThat(operative.at("/checks/greeting/evidence/quote").asString()).isEqualTo(VISIT.turns().get(0).text());
        // Turn, time and speaker come from the transcript, whatever the model said.
        assertThat(operative.at("/checks/identification/evidence/turn").asInt()).isZero();
        assertThat(operative.at("/checks/identification/evidence/start").asDouble()).isEqualTo(1.4);
        assertThat(operative.at("/checks/offer/evidence/turn").asInt()).isEqualTo(2);
        assertThat(operative.at("/verbatims/positive/0/quote").asString()).isEqualTo("eso me gusta");
        assertThat(operative.at("/verbatims/positive/0/turn").asInt()).isEqualTo(3);
        assertThat(operative.at("/verbatims/negative/0/turn").asInt()).isEqualTo(1);
        assertThat(JSON.valueToTree(out.llm()).toString()).contains("\"field\":\"checks.greeting\"", "Bienvenida a la sucursal")
                .contains("Me encantó todo").doesNotContain("\"view\":\"executive\"");
        // One request per view: nothing was retried.
        assertThat(server.chats()).hasSize(2);
        assertThat(server.chats()).filteredOn(LlmViewsTest::executiveAsk).allMatch(c -> c.system().contains("Write in Spanish"));
        assertThat(server.chats()).allMatch(c -> c.user().contains("[3 00:20 customer] Ah, eso me gusta. Muchas gracias."));
    }

    @Test
    void aVerbatimNotInTheTranscriptIsDroppedAndTheRestKept() {
        LlmViews.Outcome out = run(c -> executive("eso me gusta"), c -> operative("¡Buenos días!", "Excelente atención, cinco estrellas", 50));
        JsonNode operative = JSON.valueToTree(out.views().operative());
        assertThat(operative.at("/verbatims/positive").size()).isZero();
        assertThat(operative.at("/verbatims/negative").size()).isEqualTo(1);
        assertThat(operative.at("/checks/greeting/evidence/quote").asString()).isEqualTo("¡Buenos días!");
        assertThat(out.views().executive().get("markdown").toString()).contains("\"eso me gusta\"");
        assertThat(JSON.valueToTree(out.llm()).at("/dropped_quotes/0/field").asString()).isEqualTo("verbatims.positive");
    }

    @Test
    void aMalformedExecutiveAndASchemaInvalidOperativeFallBackEachToTheBuiltInView() {
        LlmViews.Outcome out = run(c -> "Claro, aquí tiene el análisis: la visita fue buena.",
                c -> operative("¡Buenos días!", "eso me gusta", 150));
        assertThat(out.executiveSource()).isEqualTo("built_in");
        assertThat(out.operativeSource()).isEqualTo("built_in");
        assertThat(out.views().executive().get("markdown").toString()).contains("## Citas clave");
        assertThat(out.views().operative().get("ioc")).isEqualTo(40);
        String record = JSON.valueToTree(out.llm()).toString();
        assertThat(record).contains("\"view\":\"executive\"", "not valid JSON", "\"view\":\"operative\"", "$.ioc");
        // Each view was asked again once, with the problem.
        assertThat(server.chats()).hasSize(4);
        assertThat(server.chats()).filteredOn(LlmViewsTest::operativeAsk).last().extracting(FakeChatCompletions.Chat::user)
                .asString().contains("Your previous answer was invalid: $.ioc");
    }

    @Test
    void aMissingSectionIsInvalidAndOnlyThatViewFallsBack() {
        LlmViews.Outcome out = run(c -> executive("eso me gusta").replace("## Tono emocional", "## Tono"),
                c -> operative("¡Buenos días!", "eso me gusta", 60));
        assertThat(out.executiveSource()).isEqualTo("built_in");
        assertThat(out.operativeSource()).isEqualTo("llm");
        assertThat(JSON.valueToTree(out.llm()).toString()).contains("## Tono emocional");
    }

    @Test
    void anUnreachableModelLeavesBothViewsBuiltIn() {
        server.status(503);
        LlmViews.Outcome out = run(c -> "{}", c -> "{}");
        assertThat(out.executiveSource()).isEqualTo("built_in");
        assertThat(out.operativeSource()).isEqualTo("built_in");
        assertThat(JSON.valueToTree(out.llm()).at("/fallbacks").size()).isEqualTo(2);
    }

    @Test
    void theShippedOperativeSchemaIsThePublishedOne() throws Exception {
        assertThat(Files.readString(Path.of("src/main/resources/shopping/evaluation-operative-v1.schema.json")))
                .isEqualTo(Files.readString(Path.of("docs/schemas/evaluation-operative-v1.schema.json")));
    }
}
