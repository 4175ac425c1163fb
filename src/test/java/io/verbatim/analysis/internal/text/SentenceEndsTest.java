package io.verbatim.analysis.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SentenceEndsTest {

    /** The trainer decoded these three turns with the weights it wrote; the product must decode them the same way. */
    @Test
    void decodesTheTrainersCheckTurnsAsTheTrainerDid() throws Exception {
        JsonNode model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("analysis/models/sentence-ends.json")) {
            model = JsonMapper.builder().build().readTree(in);
        }
        assertThat(model.get("checks").size()).isEqualTo(3);
        for (JsonNode check : model.get("checks")) {
            List<String> words = SentenceEnds.tokens(check.get("text").asString()).stream().map(t -> t.word()).toList();
            List<Integer> expected = new ArrayList<>();
            check.get("labels").forEach(l -> expected.add(l.asInt()));
            int[] got = SentenceEnds.decode(words);
            assertThat(java.util.Arrays.stream(got).boxed().toList()).as(check.get("text").asString()).isEqualTo(expected);
        }
    }

    @Test
    void findsTheQuestionAtTheEndOfARecognisedTurnAndKeepsTheWordsVerbatim() {
        String text = "thanks for calling this is dana how can i help you today";
        List<SentenceEnds.Span> spans = SentenceEnds.split(text);
        assertThat(spans).isNotEmpty();
        assertThat(spans.getLast().question()).isTrue();
        assertThat(spans.getLast().end()).isEqualTo(text.length());
        assertThat(spans.getFirst().start()).isZero();
    }

    @Test
    void wordsAreSplitAtSpacesAndHyphensAndNumbersFold() {
        assertThat(SentenceEnds.tokens("It's forty-one  $189 ok").stream().map(t -> t.word()).toList())
                .containsExactly("it's", "forty", "one", "0", "ok");
    }

    @Test
    void aTranscriptWithoutPunctuationIsSplitAndAskedQuestionsAreMarked() {
        ConversationText recognised = new ConversationText(transcript(
                "good morning thanks for calling this is sam how can i help you",
                "hi my heater stopped working last night"));
        List<Sentence> agent = recognised.sentencesOf(0);
        assertThat(agent.size()).isGreaterThan(1);
        assertThat(agent.getLast().questionMark()).isTrue();
        assertThat(agent.getLast().punctuated()).endsWith("?");
        assertThat(agent.getLast().text()).doesNotContain("?");
        assertThat(String.join(" ", agent.stream().map(Sentence::text).toList()))
                .isEqualTo("good morning thanks for calling this is sam how can i help you");
    }

    @Test
    void aWrittenTranscriptKeepsItsOwnSentences() {
        ConversationText typed = new ConversationText(transcript("Good morning, this is Sam. How can I help you?",
                "hi my heater stopped working last night"));
        assertThat(typed.sentencesOf(0)).extracting(Sentence::text).containsExactly("Good morning, this is Sam.", "How can I help you?");
        assertThat(typed.sentencesOf(1)).extracting(Sentence::restoredEnd).containsExactly("");
        assertThat(typed.sentencesOf(1).getFirst().questionMark()).isFalse();
    }

    @Test
    void spanishTranscriptsAreLeftAsWritten() {
        Transcript t = transcript("buenos dias gracias por llamar en que le puedo ayudar", "hola");
        ConversationText spanish = new ConversationText(new Transcript("es-MX", t.source(), t.durationSeconds(), t.turns(), true));
        assertThat(spanish.sentencesOf(0)).hasSize(1);
    }

    private static Transcript transcript(String agent, String customer) {
        return new Transcript("en-US", "test", 10, List.of(
                new Turn(Speaker.AGENT, "a", null, 0, 4, agent, List.of(), null),
                new Turn(Speaker.CUSTOMER, "c", null, 4, 8, customer, List.of(), null)), true);
    }
}
