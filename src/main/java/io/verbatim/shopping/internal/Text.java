package io.verbatim.shopping.internal;

import java.util.Locale;

/** The executive view's words in Spanish and English. */
final class Text {

    private Text() {
    }

    static String check(String check, boolean es) {
        return switch (check) {
            case "greeting" -> es ? "Saludo" : "Greeting";
            case "identification" -> es ? "Identificación del asesor" : "Advisor identification";
            case "offer" -> es ? "Oferta de producto o servicio" : "Product or service offer";
            case "closure" -> es ? "Cierre e invitación a volver" : "Closing and invitation to return";
            default -> es ? "Valor agregado" : "Value added";
        };
    }

    static String action(String check, boolean es) {
        return switch (check) {
            case "greeting" -> es ? "Reforzar el saludo al cliente en los primeros segundos" : "Coach greeting the customer in the first seconds";
            case "identification" -> es ? "Entrenar la presentación por nombre del asesor" : "Train advisors to introduce themselves by name";
            case "offer" -> es ? "Practicar la oferta activa de productos según la necesidad" : "Practise actively offering products that fit the need";
            case "closure" -> es ? "Cerrar preguntando si necesita algo más e invitando a volver"
                    : "Close by asking whether anything else is needed and inviting the customer back";
            default -> es ? "Aportar valor agregado: garantías, beneficios o información extra"
                    : "Add value: warranties, benefits or extra information";
        };
    }

    static String objection(String category, boolean es) {
        if (!es) {
            return "objection: " + category.replace('_', ' ');
        }
        return "objeción: " + switch (category) {
            case "price" -> "precio";
            case "timing" -> "momento";
            case "decision_maker" -> "quién decide";
            case "trust" -> "confianza";
            case "competitor" -> "competencia";
            case "need" -> "necesidad";
            default -> "otra";
        };
    }

    static String tone(String sentiment, String trend, boolean es) {
        String s = switch (sentiment) {
            case "positive" -> es ? "positivo" : "positive";
            case "negative" -> es ? "negativo" : "negative";
            default -> es ? "neutral" : "neutral";
        };
        String t = switch (trend) {
            case "improving" -> es ? "mejorando" : "improving";
            case "worsening" -> es ? "empeorando" : "worsening";
            default -> es ? "estable" : "steady";
        };
        return es ? "Tono del cliente " + s + ", " + t + " durante la visita." : "Customer tone " + s + ", " + t + " during the visit.";
    }

    static String speaker(String speaker, boolean es) {
        return switch (speaker) {
            case "agent" -> es ? "asesor" : "advisor";
            case "customer" -> es ? "cliente" : "customer";
            default -> es ? "desconocido" : "unknown";
        };
    }

    static String time(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
