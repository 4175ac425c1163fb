package io.verbatim.shopping.internal;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Answers a model could give for the two views of a Spanish visit, for tests that stand in for the tenant's LLM. */
public final class LlmViewsAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LlmViewsAnswers() {
    }

    /** Rating 4, NPS 8, every Spanish section; two key quotes (one the transcript should have, one it should not). */
    public static String executive(String quoteInTranscript, String quoteNotInTranscript) {
        return JSON.writeValueAsString(Map.of("rating", 4, "nps", 8, "markdown", """
                ## Resumen
                La asesora recibió al cliente, indagó su necesidad y recomendó un producto adecuado.

                ## Citas clave
                - "%s" (01:09, asesor)
                - "%s" (00:20, cliente)

                ## Temas principales
                - Apertura de cuenta de ahorros

                ## Tono emocional
                Cordial y positivo.

                ## Buenas prácticas
                - Saludo y presentación con nombre

                ## Oportunidades de mejora
                - Ofrecer productos complementarios

                ## Recomendaciones de formación
                - Cierre con resumen de la oferta

                ## Impacto en el negocio
                Alta probabilidad de apertura.""".formatted(quoteInTranscript, quoteNotInTranscript)));
    }

    /** IOC 81; identification evidence, one positive and one critical verbatim as given. */
    public static String operative(String identification, String positive, String critical) {
        return """
                {"schema_version":"1.0","ioc":81,"ird":20,"ces":75,
                 "checks":{"greeting":{"passed":true,"evidence":null},
                   "identification":{"passed":true,"evidence":{"speaker":"agent","start":1.4,"quote":"%s"}},
                   "offer":{"passed":true,"evidence":null},
                   "closure":{"passed":false,"evidence":null},
                   "value_added":{"passed":false}},
                 "verbatims":{"positive":[{"speaker":"customer","start":0,"quote":"%s"}],"negative":[],
                   "critical":[{"speaker":"customer","start":0,"quote":"%s"}]},
                 "actions":[{"text":"Cerrar con un resumen de la oferta","source":"check","owner":"manager"}]}"""
                .formatted(identification, positive, critical);
    }
}
