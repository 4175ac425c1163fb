package io.verbatim.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxConversations the most labelled conversations one evaluation run may hold
 * @param maxBytes         the most bytes of transcripts and labels one run may upload (zip content included)
 */
@ConfigurationProperties("verbatim.evaluation")
public record EvaluationProperties(@DefaultValue("1000") int maxConversations, @DefaultValue("209715200") long maxBytes) {
}
