package io.verbatim.analysis.eval;

import io.verbatim.analysis.ConversationAttributes;
import io.verbatim.analysis.SentimentSignal;
import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import io.verbatim.ingest.transcripts.TranscriptImporters;
import io.verbatim.speech.Transcript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A labelled test call: the transcript read by the real importer, the attributes the platform would
 * know from its metadata (domain -> channel and tags, direction, agent name), and the gold labels.
 */
record EvalCall(String id, String domain, Transcript transcript, ConversationAttributes attributes, JsonNode labels) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TranscriptImporters IMPORTERS = new TranscriptImporters();

    static List<EvalCall> load(Path calls) {
        try (Stream<Path> files = Files.list(calls)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".labels.json")).sorted()
                    .map(EvalCall::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EvalCall read(Path labelsFile) {
        try {
            String id = labelsFile.getFileName().toString().replace(".labels.json", "");
            byte[] raw = Files.readAllBytes(labelsFile.resolveSibling(id + ".json"));
            JsonNode call = JSON.readTree(raw);
            Transcript transcript = IMPORTERS.read(raw);
            String domain = call.path("domain").asString("");
            return new EvalCall(id, domain, transcript, attributes(call, domain), JSON.readTree(Files.readAllBytes(labelsFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a tenant's metadata would say: the domain maps to a channel and tags, never to labels. */
    static ConversationAttributes attributes(JsonNode call, String domain) {
        Channel channel = switch (domain) {
            case "field_sales" -> Channel.FIELD_VISIT;
            case "mystery_shop" -> Channel.VIDEO;
            case "voice_agent" -> Channel.VOICE_AGENT;
            default -> Channel.PHONE;
        };
        Set<String> tags = domain.isEmpty() ? Set.of() : Set.of(domain);
        String dir = call.path("direction").asString(null);
        Direction direction = dir == null ? null : Direction.fromWire(dir);
        return new ConversationAttributes(channel, direction, tags, call.path("agent").path("name").asString(null));
    }

    /** The gold customer sentiment, used as the KPI input in the evaluation (the enrichment module supplies it in the product). */
    SentimentSignal goldSentiment() {
        return new SentimentSignal(SentimentSignal.Polarity.of(labels.path("customer_sentiment").asString(null)),
                SentimentSignal.Trend.of(labels.path("sentiment_trend").asString(null)));
    }
}
