package io.verbatim.voiceagents.internal;

import io.verbatim.contacts.ContactsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Follows a contact merge: one caller, one score, from all their voice-agent calls. */
@Component
class LeadScoresOnMerge {

    private final LeadScores scores;

    LeadScoresOnMerge(LeadScores scores) {
        this.scores = scores;
    }

    @EventListener
    void on(ContactsMerged merged) {
        scores.merged(merged.survivor(), merged.merged());
    }
}
