package io.verbatim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import io.verbatim.speech.Transcript;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The default scorecards follow the item definitions of the labelled set (testdata README), on small made-up calls. */
class DefaultScorecardsTest {

    private final Analyst analyst = new Analyst();

    private ScorecardResult score(Transcript t, String agent) {
        return analyst.analyse(t, new ConversationAttributes(Channel.PHONE, Direction.INBOUND, Set.of(), agent), null, null).scorecard();
    }

    private static ItemStatus status(ScorecardResult r, String key) {
        return r.item(key).result();
    }

    @Test
    void bareCompanyOpeningIsNoGreetingButTheNameIsAnIntroduction() {
        ScorecardResult r = score(Calls.of(
                "agent", 0, 2, "ComfortPro, this is Brandon.",
                "customer", 2.5, 5, "Hi, my furnace stopped working.",
                "agent", 5.5, 8, "Okay. Bye."), "Brandon Lee");
        assertThat(status(r, "greeting")).isEqualTo(ItemStatus.NOT_MET);
        assertThat(status(r, "identified_self")).isEqualTo(ItemStatus.MET);
        assertThat(status(r, "closing")).isEqualTo(ItemStatus.NOT_MET);
    }

    @Test
    void spanishOpeningsAndClosings() {
        Transcript t = Calls.in("es-419",
                "agent", 0, 2, "Ajá, dime.",
                "customer", 2.5, 5, "Quería información sobre los préstamos.",
                "agent", 5.5, 9, "Claro. ¿Para qué lo necesita?",
                "customer", 9.5, 12, "Para un carro.",
                "agent", 12.5, 16, "Tenemos el préstamo de vehículo. ¿Algo más en lo que le pueda ayudar? Que tenga buen día.");
        ScorecardResult r = score(t, null);
        assertThat(status(r, "greeting")).isEqualTo(ItemStatus.NOT_MET);
        assertThat(status(r, "identified_self")).isEqualTo(ItemStatus.NOT_MET);
        assertThat(status(r, "closing")).isEqualTo(ItemStatus.MET);
        assertThat(status(r, "offered_solution")).isEqualTo(ItemStatus.MET);
    }

    /** The first agent turn is the opening; the rest of the call says nothing about who is speaking. */
    private ItemStatus identifiedSelf(String opening, String agentName) {
        boolean typed = !opening.equals(opening.toLowerCase(java.util.Locale.ROOT));
        ScorecardResult r = score(Calls.of(
                "agent", 0, 2, opening,
                "customer", 2.5, 5, typed ? "Hi, my furnace stopped working last night." : "hi my furnace stopped working last night",
                "agent", 5.5, 8, typed ? "Okay, let's get someone out there." : "okay let's get someone out there"), agentName);
        return status(r, "identified_self");
    }

    /** Speech-engine text has no capitals: the introduction's wording shows the name, whatever the engine heard. */
    @Test
    void recognisedOpeningsIntroduceTheAgentWithoutCapitals() {
        for (String opening : List.of("thanks for calling harbor federal bank this is korea how can i help you today",
                "hi i'm dana with brightview windows thanks for having me out", "northstar heating devon speaking",
                "hello my name is alyssa how can i help you")) {
            assertThat(identifiedSelf(opening, "Priya Raman")).as(opening).isEqualTo(ItemStatus.MET);
        }
        for (String opening : List.of("hello i'm sorry we're closed today", "hi thanks for calling how can i help you",
                "yes i'm checking that right now", "okay it's right here")) {
            assertThat(identifiedSelf(opening, "Priya Raman")).as(opening).isEqualTo(ItemStatus.NOT_MET);
        }
    }

    /** Without the agent's name in the metadata, the usual ways of giving one's name still count. */
    @Test
    void typedIntroductionsWithoutTheNameInTheMetadata() {
        for (String opening : List.of("Northstar Heating, Devon speaking.", "Good morning, ClearView, you've got Marisol. How can I help?",
                "Morning, Angela? Beau, with PureFlow Water.", "Hi Harold, it's Jenna from Evergreen Outdoor Design.",
                "Thanks for calling Keystone Roofing, my name's Tamsin.")) {
            assertThat(identifiedSelf(opening, null)).as(opening).isEqualTo(ItemStatus.MET);
        }
        for (String opening : List.of("Up here, the high sounds drop off.", "Hello, thanks for calling. How can I help?",
                "It's Tuesday, so we're busy. How can I help?")) {
            assertThat(identifiedSelf(opening, null)).as(opening).isEqualTo(ItemStatus.NOT_MET);
        }
    }

    @Test
    void aNameGivenOnlyWhenAskedDoesNotCount() {
        ScorecardResult r = score(Calls.of(
                "agent", 0, 2, "Good morning, how can I help?",
                "customer", 2.5, 5, "Do you sell gift cards?",
                "agent", 5.5, 8, "We do, at the front counter.",
                "customer", 8.5, 10, "Great. What's your name, so I can ask for you?",
                "agent", 10.5, 12, "Sure, I'm Carla.",
                "customer", 12.5, 13, "Thanks."), "Carla Diaz");
        assertThat(status(r, "greeting")).isEqualTo(ItemStatus.MET);
        assertThat(status(r, "identified_self")).isEqualTo(ItemStatus.NOT_MET);
    }

    @Test
    void verificationOnlyAppliesWhenAccountDataIsInvolved() {
        ScorecardResult prospect = score(Calls.of(
                "agent", 0, 3, "Thanks for calling Sunny Solar, this is Ana.",
                "customer", 3.5, 6, "Hi, how much would panels cost for a small house?",
                "agent", 6.5, 10, "It depends on the roof; we do a free estimate. Want me to book one?",
                "customer", 10.5, 12, "Not right now, thanks."), "Ana");
        assertThat(status(prospect, "verified_customer")).isEqualTo(ItemStatus.NOT_APPLICABLE);
        assertThat(status(prospect, "asked_for_sale_or_booking")).isEqualTo(ItemStatus.MET);

        ScorecardResult unverified = score(Calls.of(
                "agent", 0, 2, "Hello, billing.",
                "customer", 2.5, 5, "My bill is too high.",
                "agent", 5.5, 9, "I see the account has a past due balance of forty dollars."), null);
        assertThat(status(unverified, "verified_customer")).isEqualTo(ItemStatus.NOT_MET);

        ScorecardResult verified = score(Calls.of(
                "agent", 0, 2, "Hello, billing.",
                "customer", 2.5, 5, "My bill is too high.",
                "agent", 5.5, 9, "Before I open the account, can you verify your date of birth?",
                "customer", 9.5, 11, "May first, nineteen ninety.",
                "agent", 11.5, 14, "Thanks. The account has a past due balance."), null);
        assertThat(status(verified, "verified_customer")).isEqualTo(ItemStatus.MET);
    }

    @Test
    void onASupportLineAskingForAnIdentifierIsTheCheck() {
        ScorecardResult r = score(Calls.of(
                "agent", 0, 2, "Claims desk, Harold speaking.",
                "customer", 2.5, 5, "Hi, I'm calling to check on a claim for my car.",
                "agent", 5.5, 7, "Sure, do you have the policy number?",
                "customer", 7.5, 9, "C M A four zero zero nine.",
                "agent", 9.5, 11, "And your date of birth?",
                "customer", 11.5, 13, "July twenty-second, eighty-four.",
                "agent", 13.5, 17, "Okay. The claim is open and assigned to an adjuster."), null);
        assertThat(status(r, "verified_customer")).isEqualTo(ItemStatus.MET);
    }

    @Test
    void aCloseMadeConditionalOnDecidingTodayIsAnAsk() {
        ScorecardResult r = analyst.analyse(Calls.of(
                "agent", 0, 3, "Hi, I'm Russell with Brightview Windows.",
                "customer", 3.5, 6, "Come on in. The windows are drafty.",
                "agent", 6.5, 10, "For all twelve windows it comes to fourteen thousand four hundred.",
                "customer", 10.5, 12, "That's more than we figured.",
                "agent", 12.5, 16, "If you decide today, I can take five percent off.",
                "customer", 16.5, 18, "Okay, let's do it."),
                new ConversationAttributes(Channel.FIELD_VISIT, Direction.OUTBOUND, Set.of(), "Russell"), null, null).scorecard();
        assertThat(status(r, "asked_for_sale_or_booking")).isEqualTo(ItemStatus.MET);
    }

    @Test
    void anAlternativeOfferedForAServiceNotOfferedIsStillAnAsk() {
        ScorecardResult r = score(Calls.of(
                "agent", 0, 2, "Good morning, Puget Paws, this is Tamsin.",
                "customer", 2.5, 5, "Do you board dogs over the holidays?",
                "agent", 5.5, 9, "We don't offer boarding, but I can check his vaccines before the kennel stay.",
                "agent", 9.5, 11, "Want me to put him down for tomorrow at eight fifteen?",
                "customer", 11.5, 13, "Yes please."), "Tamsin");
        assertThat(status(r, "asked_for_sale_or_booking")).isEqualTo(ItemStatus.MET);
    }

    @Test
    void nothingToSellOnAReminderCall() {
        ScorecardResult r = analyst.analyse(Calls.of(
                "agent", 0, 5, "Hi, this is Sky, the virtual assistant at Pine Dental, calling to remind you of your cleaning tomorrow at nine.",
                "customer", 5.5, 7, "Yes, I'll be there.",
                "agent", 7.5, 10, "Great, you're all set. Have a nice day!"),
                new ConversationAttributes(Channel.VOICE_AGENT, Direction.OUTBOUND, Set.of(), "Sky (AI assistant)"), null, null).scorecard();
        assertThat(r.scorecard()).isEqualTo("voice_agent_booking");
        assertThat(status(r, "identified_self")).isEqualTo(ItemStatus.MET);
        assertThat(status(r, "asked_for_sale_or_booking")).isEqualTo(ItemStatus.NOT_APPLICABLE);
        assertThat(status(r, "identified_needs")).isEqualTo(ItemStatus.NOT_APPLICABLE);
        assertThat(status(r, "confirmed_next_steps")).isEqualTo(ItemStatus.MET);
        assertThat(status(r, "closing")).isEqualTo(ItemStatus.MET);
    }
}
