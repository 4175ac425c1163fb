package io.verbatim.ingest.transcripts;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turn-level AWS analytics outputs with a top-level {@code Transcript[]} of
 * {@code {Content, BeginOffsetMillis, EndOffsetMillis, ...}} turns:
 *
 * <ul>
 *   <li>{@value #TCA}: Amazon Transcribe Call Analytics, each turn with {@code ParticipantRole}
 *       AGENT / CUSTOMER and optional {@code Items[]} word timings;</li>
 *   <li>{@value #CONTACT_LENS}: an Amazon Connect Contact Lens analysis file, each turn with a
 *       {@code ParticipantId} that {@code Participants[]} maps to a {@code ParticipantRole}.</li>
 * </ul>
 *
 * Roles come from the participant roles, so they are confident. A role other than AGENT or CUSTOMER
 * (a supervisor, say) is {@code unknown} and makes the transcript {@code rolesConfident = false}.
 */
final class AwsCallAnalyticsFormat implements TranscriptFormat {

    static final String TCA = "aws-call-analytics";
    static final String CONTACT_LENS = "amazon-connect-contact-lens";

    private final String name;

    AwsCallAnalyticsFormat(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean detects(Content content) {
        JsonNode turns = Json.array(content.json(), "Transcript");
        if (turns == null || turns.isEmpty() || !turns.get(0).isObject()) {
            return false;
        }
        JsonNode first = turns.get(0);
        boolean contactLens = !first.has("ParticipantRole") && first.has("ParticipantId");
        return first.has("Content") && (first.has("ParticipantRole") || first.has("ParticipantId"))
                && contactLens == name.equals(CONTACT_LENS);
    }

    @Override
    public Transcript read(Content content, ChannelRoles roles) {
        JsonNode root = content.json();
        JsonNode turns = Json.array(root, "Transcript");
        if (turns == null) {
            throw TranscriptImportException.invalid(name, "it has no 'Transcript' array");
        }
        String status = Json.string(root, "JobStatus");
        if (status != null && !status.equalsIgnoreCase("COMPLETED")) {
            throw TranscriptImportException.invalid(name, "the job status is " + status + ", not COMPLETED");
        }
        Map<String, String> participantRoles = new HashMap<>();
        JsonNode participants = Json.array(root, "Participants");
        if (participants != null) {
            for (JsonNode p : participants) {
                String id = Json.string(p, "ParticipantId");
                String role = Json.string(p, "ParticipantRole");
                if (id != null && role != null) {
                    participantRoles.put(id, role);
                }
            }
        }
        TranscriptDraft draft = new TranscriptDraft(name, roles).language(Json.string(root, "LanguageCode"));
        Double durationMillis = Json.number(Json.object(root, "ConversationCharacteristics"),
                "TotalConversationDurationMillis", name, "ConversationCharacteristics");
        draft.duration(durationMillis == null ? null : durationMillis / 1000);

        for (int i = 0; i < turns.size(); i++) {
            JsonNode turn = turns.get(i);
            String path = "Transcript[" + i + "]";
            if (!turn.isObject()) {
                throw TranscriptImportException.invalid(name, path + " is not an object");
            }
            String participantRole = Json.string(turn, "ParticipantRole");
            String participantId = Json.string(turn, "ParticipantId");
            if (participantRole == null && participantId != null) {
                participantRole = participantRoles.getOrDefault(participantId, participantId);
            }
            Speaker role = switch (participantRole == null ? "" : participantRole.strip().toUpperCase(java.util.Locale.ROOT)) {
                case "AGENT" -> Speaker.AGENT;
                case "CUSTOMER" -> Speaker.CUSTOMER;
                default -> Speaker.UNKNOWN;
            };
            if (role == Speaker.UNKNOWN) {
                draft.rolesGuessed();
            }
            String label = participantRole != null ? participantRole : participantId;
            double start = Json.requireNumber(turn, "BeginOffsetMillis", name, path) / 1000;
            double end = Json.requireNumber(turn, "EndOffsetMillis", name, path) / 1000;
            List<Word> words = words(Json.array(turn, "Items"), path);
            String text = Json.string(turn, "Content");
            draft.add(role, label, null, start, end, text, words, Word.meanConfidence(words), path);
        }
        return draft.build();
    }

    private List<Word> words(JsonNode items, String path) {
        if (items == null) {
            return List.of();
        }
        List<AwsItems.Token> tokens = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String ipath = path + ".Items[" + i + "]";
            Double begin = Json.number(item, "BeginOffsetMillis", name, ipath);
            Double end = Json.number(item, "EndOffsetMillis", name, ipath);
            boolean punctuation = "punctuation".equalsIgnoreCase(Json.string(item, "Type"));
            tokens.add(new AwsItems.Token("turn", punctuation, Json.string(item, "Content"),
                    begin == null ? null : begin / 1000, end == null ? null : end / 1000,
                    punctuation ? null : Json.number(item, "Confidence", name, ipath)));
        }
        return AwsItems.words(tokens).stream().map(AwsItems.KeyedWord::word).toList();
    }
}
