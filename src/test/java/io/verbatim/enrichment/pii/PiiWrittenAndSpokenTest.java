package io.verbatim.enrichment.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.enrichment.PiiType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The name lists, the caseless name finder and the written-form finders, on sentences written for these tests. */
class PiiWrittenAndSpokenTest {

    private static List<String> names(String... turns) {
        List<String> texts = List.of(turns);
        List<List<Tok>> toks = texts.stream().map(Tok::of).toList();
        List<List<Candidate>> found = SpokenNameFinder.find(texts, toks);
        return java.util.stream.IntStream.range(0, texts.size()).boxed()
                .flatMap(i -> found.get(i).stream().map(c -> texts.get(i).substring(c.start(), c.end()))).toList();
    }

    @Test
    void listsTellNamesFromOrdinaryWords() {
        assertThat(NameLists.clearGiven("patricia")).isTrue();
        assertThat(NameLists.surname("garcia")).isTrue();
        assertThat(NameLists.given("will")).isTrue();
        assertThat(NameLists.clearGiven("will")).as("a name that is also a word needs a cue").isFalse();
        assertThat(NameLists.clearGiven("grant")).isFalse();
        assertThat(NameLists.ordinary("table")).isTrue();
    }

    @Test
    void caselessNamesNeedACueWhenTheyAreWords() {
        assertThat(names("good morning thanks for calling my name is grant how can i help",
                "hi grant this is susan okafor calling about my bill",
                "i will grant you that the rose garden looks great")).containsExactly("grant", "grant", "susan okafor");
        assertThat(names("can i speak with mister delacroix please")).containsExactly("delacroix");
        assertThat(names("thank you kevin have a nice day")).containsExactly("kevin");
    }

    @Test
    void caselessOrganisationsAndBareAnswers() {
        assertThat(names("thank you for calling riverside national bank")).isEmpty();
        assertThat(names("what name is the order under", "thulasi")).containsExactly("thulasi");
        assertThat(names("okay", "yes please")).isEmpty();
        assertThat(SpokenNameFinder.caseless(List.of(Tok.of("hi i'm here")))).isTrue();
        assertThat(SpokenNameFinder.caseless(List.of(Tok.of("Hi I'm here")))).isFalse();
    }

    @Test
    void chatEmailsWithoutAtSign() {
        List<Candidate> found = ChatEmailFinder.find(Tok.of("sure it is meera 77 gmailcom thanks"));
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(PiiType.EMAIL);
            assertThat(c.normalized()).isEqualTo("meera77@gmail.com");
        });
        assertThat(ChatEmailFinder.find(Tok.of("i use gmail for everything"))).isEmpty();
    }

    @Test
    void ibanOnlyWithAValidCheck() {
        // the ISO 13616 example IBAN, and the same with one digit changed
        assertThat(CuedNumberFinder.find("Please pay into GB82 WEST 1234 5698 7654 32 today"))
                .singleElement().satisfies(c -> assertThat(c.normalized()).isEqualTo("GB82WEST12345698765432"));
        assertThat(CuedNumberFinder.find("Please pay into GB82 WEST 1234 5698 7654 33 today")).isEmpty();
    }

    @Test
    void cuedCardsAndInternationalPhones() {
        String text = "Charge card # 630495060000 and call me at 0612 34 56 78 when done.";
        List<Candidate> found = CuedNumberFinder.find(text);
        assertThat(found).extracting(c -> c.type() + " " + text.substring(c.start(), c.end()))
                .containsExactly("CARD_NUMBER 630495060000", "PHONE 0612 34 56 78");
    }

    @Test
    void addressesInOtherCountriesAndWithoutCapitals() {
        String written = "Send it to Lindenstraße 14, Apt. 3, Göttingen, Germany 37073 please.";
        assertThat(WrittenAddressFinder.find(written, false)).singleElement()
                .satisfies(c -> assertThat(written.substring(c.start(), c.end())).isEqualTo("Lindenstraße 14, Apt. 3, Göttingen, Germany 37073"));
        String military = "It goes to PSC 1234, Box 5678 APO AE 09012 now.";
        assertThat(WrittenAddressFinder.find(military, false)).singleElement()
                .satisfies(c -> assertThat(military.substring(c.start(), c.end())).isEqualTo("PSC 1234, Box 5678 APO AE 09012"));
        String spoken = "deliver to 412 birch hollow rd dayton oh 45402 and call first";
        assertThat(WrittenAddressFinder.find(spoken, true)).singleElement()
                .satisfies(c -> assertThat(spoken.substring(c.start(), c.end())).isEqualTo("412 birch hollow rd dayton oh 45402"));
    }
}
