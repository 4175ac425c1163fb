package io.verbatim.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Operative KPIs; formulas in {@code docs/kpis.md}.
 *
 * @param factors every contribution, so each figure can be explained
 * @param sentimentInput whether the customer sentiment came from enrichment ("measured") or was assumed ("assumed_neutral")
 */
public record Kpis(@JsonProperty("customer_effort_1to5") int customerEffort1to5, int commercialOpportunity, int churnRisk, NpsBand npsBand,
                   String sentimentInput, List<Factor> factors) {

    public Kpis {
        factors = factors == null ? List.of() : List.copyOf(factors);
    }

    public record Factor(String kpi, String factor, double points, Evidence evidence) {
    }
}
