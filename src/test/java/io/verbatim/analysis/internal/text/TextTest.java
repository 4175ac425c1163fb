package io.verbatim.analysis.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void spokenAndWrittenAmounts() {
        assertThat(values("it's nine thousand eight hundred.")).containsExactly(9800.0);
        assertThat(values("a hundred and nineteen a month")).containsExactly(119.0);
        assertThat(values("Everything is twenty-one thousand four hundred.")).containsExactly(21400.0);
        assertThat(values("fifteen hundred dollar rebate")).containsExactly(1500.0);
        assertThat(values("The package is $18,450 with a 3% pay-in-full discount")).containsExactly(18450.0, 3.0);
        assertThat(values("seven point nine percent")).containsExactly(7.9);
        assertThat(values("five five five, zero one four four")).containsExactly(5.0, 5.0, 5.0, 0.0, 1.0, 4.0, 4.0);
        assertThat(values("between nine and sixteen thousand")).containsExactly(9.0, 16000.0);
        assertThat(Amounts.find("$18,450").get(0).currency()).isTrue();
        assertThat(Amounts.find("three percent").get(0).percent()).isTrue();
    }

    @Test
    void sentencesSplitAtEndsButNotAtAbbreviations() {
        assertThat(split("Thank you, Mr. Johnson. I see your last visit in June.")).containsExactly(
                "Thank you, Mr. Johnson.", "I see your last visit in June.");
        assertThat(split("It's at two forty p.m. Have a great evening!")).containsExactly(
                "It's at two forty p.m.", "Have a great evening!");
        assertThat(split("It's at 5 p.m. tomorrow.")).containsExactly("It's at 5 p.m. tomorrow.");
        assertThat(split("¡Buenos días! ¿En qué le puedo servir?")).containsExactly("¡Buenos días!", "¿En qué le puedo servir?");
        assertThat(split("We lose power a lot out—")).containsExactly("We lose power a lot out—");
    }

    @Test
    void foldingAndPhrases() {
        assertThat(Normalizer.words("¿Qué tipo de TARJETA está buscando?")).isEqualTo(" que tipo de tarjeta esta buscando ");
        assertThat(Normalizer.containsPhrase(Normalizer.words("I\u2019m so sorry."), "i'm so sorry")).isTrue();
        assertThat(Normalizer.containsPhrase(Normalizer.words("This is it"), "hi")).isFalse();
    }

    private static List<Double> values(String text) {
        return Amounts.find(text).stream().map(Amounts.Amount::value).toList();
    }

    private static List<String> split(String text) {
        return SentenceSplitter.split(text).stream().map(s -> text.substring(s[0], s[1])).toList();
    }
}
