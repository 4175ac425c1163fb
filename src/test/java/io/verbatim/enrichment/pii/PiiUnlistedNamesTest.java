package io.verbatim.enrichment.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.enrichment.PiiEntity;
import io.verbatim.enrichment.PiiType;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Turn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names no word list holds, and numbers in chats that hold only the customer's side, on sentences written for
 * these tests (the names are made up; none is in the shipped lists).
 */
class PiiUnlistedNamesTest {

    private static List<String> found(PiiType type, Speaker[] speakers, String... texts) {
        List<Turn> turns = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < texts.length; i++) {
            Speaker s = speakers == null ? Speaker.CUSTOMER : speakers[i % speakers.length];
            turns.add(new Turn(s, s.wire(), null, t, t + 2, texts[i], List.of(), null));
            t += 3;
        }
        return new PiiDetector().detect(turns, "en-US", null, null).stream()
                .filter(e -> e.type() == type).map(PiiEntity::text).toList();
    }

    private static List<String> names(String... texts) {
        return found(PiiType.NAME, new Speaker[] {Speaker.AGENT, Speaker.CUSTOMER}, texts);
    }

    @Test
    void twoCapitalisedWordsThatAreNoEnglishWordsAreAName() {
        assertThat(names("Please send the forms to Oskarine Vrelditz by Monday.")).containsExactly("Oskarine Vrelditz");
        assertThat(names("The report was written by Tamsu K. Orvedal last year.")).containsExactly("Tamsu K. Orvedal");
        assertThat(names("Ask Jorvin van Kesteloo about it.")).containsExactly("Jorvin van Kesteloo");
        // a listed given name with an unlisted surname
        assertThat(names("I spoke with Michael Dravonsk yesterday.")).containsExactly("Michael Dravonsk");
    }

    @Test
    void aSurnameEndingOrASpeakerLabelMarksOneWord() {
        assertThat(names("The novel by Pelnikova was better.")).containsExactly("Pelnikova");
        assertThat(names("Quorvath: Where were you last night?")).containsExactly("Quorvath");
        assertThat(names("Bot: Where should we send it?")).isEmpty();
    }

    @Test
    void whoSpeaksOrIsSpokenToIsAPerson() {
        assertThat(names("Velkora shouted at the clerk: \"Stop that!\"")).containsExactly("Velkora");
        assertThat(names("I'm so sorry! said Orvedine to the clerk.")).containsExactly("Orvedine");
        assertThat(names("Please follow up with Drevan Kolt next week.")).containsExactly("Drevan Kolt");
        assertThat(names("She named him Torvik.")).containsExactly("Torvik");
        assertThat(names("Grelda had given the keys back already.")).containsExactly("Grelda");
        assertThat(names("I want to take my kid Zemirko off the plan.")).containsExactly("Zemirko");
    }

    @Test
    void speechVerbsLeavePronounsRolesAndBusinessesAlone() {
        assertThat(names("He said the price went up. The manager told us to wait.")).isEmpty();
        assertThat(names("God gave us patience, I suppose.")).isEmpty();
        assertThat(names("Mom said the roof was fine. Everyone told her otherwise.")).isEmpty();
        assertThat(names("I asked Harvolin Plumbing for a quote.")).isEmpty();
        // a word the same call uses in lower case is no name
        assertThat(names("Then Support told me to wait.", "I called support twice.")).isEmpty();
    }

    @Test
    void streetsTownsAndBusinessesAreNoNames() {
        assertThat(names("I live at 159 Velutra Marovi, near the square.")).isEmpty();
        assertThat(names("Seventy-seven Kestrel Court, please.")).isEmpty();
        assertThat(names("It's the corner of Drovkova 408 and the main road.")).isEmpty();
        assertThat(names("Thanks for calling Zentova Broadband, this is Dana.")).containsExactly("Dana");
        assertThat(names("Welcome to Harvolin Kesto, how can I help you?")).isEmpty();
        assertThat(names("We're out on Arvello Seco, past the bridge.")).isEmpty();
    }

    @Test
    void inLowerCaseChatAListedNameAfterAContentWordNeedsACue() {
        assertThat(found(PiiType.NAME, null, "one classic caesar salad please", "add 2 more")).isEmpty();
        assertThat(found(PiiType.NAME, null, "hello", "myself anita sharma")).containsExactly("anita sharma");
    }

    @Test
    void inAOneSidedChatTheSecondBareFourIsTheCardOrAccountNamedLast() {
        assertThat(found(PiiType.NATIONAL_ID, null, "i lost my debit card", "tamsin", "4821", "7730")).containsExactly("4821");
        assertThat(found(PiiType.CARD_NUMBER, null, "i lost my debit card", "tamsin", "4821", "7730")).containsExactly("7730");
        assertThat(found(PiiType.ACCOUNT_NUMBER, null, "what is my account balance", "4821", "7730")).containsExactly("7730");
        // the customer's own earlier words are no question: "account" said before does not make the SSN an account
        assertThat(found(PiiType.NATIONAL_ID, null, "what is my account balance", "4821")).containsExactly("4821");
        // a lead-in at the end of a turn still carries over
        assertThat(found(PiiType.ACCOUNT_NUMBER, null, "my account number is", "48213377")).containsExactly("48213377");
        // a round sum is no ID
        assertThat(found(PiiType.NATIONAL_ID, null, "4821", "charge is 3000")).containsExactly("4821");
        assertThat(found(PiiType.ACCOUNT_NUMBER, null, "4821", "charge is 3000")).isEmpty();
    }

    @Test
    void tenBareDigitsAreAPhoneAndFourGroupsOfFourACard() {
        assertThat(found(PiiType.PHONE, null, "ok", "1236549874")).containsExactly("1236549874");
        assertThat(found(PiiType.CARD_NUMBER, null, "ok", "1111 2222 3333 4445")).containsExactly("1111 2222 3333 4445");
        assertThat(found(PiiType.PHONE, null, "ok", "the total came to 1236549874 points")).isEmpty();
    }
}
