package io.verbatim.insights;

import java.util.List;
import java.util.UUID;

/** One agent's figures for a period (averages per analysed conversation). */
public record AgentPerformance(String agentKey, UUID userId, String name, UUID teamId, String teamName, long conversations,
                               Double averageHandleSeconds, Double averageQaScore, Double customerSentiment,
                               Double positiveShare, Double negativeShare, Double talkRatio, Double longestMonologueSeconds,
                               Double interruptionsPerCall, Double questionsPerCall, Double bookingRate, Double winRate) {

    /** An agent's page: the figures, their trend and what to coach on. */
    public record Detail(AgentPerformance agent, Series trend, List<QaOverview.ItemMisses> mostMissed, List<Count> objections,
                         List<Count> callReasons, boolean stale) {
    }

    /** The ranking. */
    public record Ranking(Period period, List<AgentPerformance> agents, boolean stale) {
    }
}
