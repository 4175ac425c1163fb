package io.verbatim.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.verbatim.platform.ProblemException;
import java.util.Locale;

/** What kind of front-line person an agent is. */
public enum AgentKind {
    CSR, SALES_REP, SHOPPER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AgentKind fromWire(String value) {
        for (AgentKind kind : values()) {
            if (kind.wire().equals(value)) {
                return kind;
            }
        }
        throw ProblemException.badRequest("invalid-agent-kind", "Unknown agent kind '" + value + "'; use csr, sales_rep or shopper");
    }
}
