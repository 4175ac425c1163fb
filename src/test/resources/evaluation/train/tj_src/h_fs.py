call(id="tj_fs_01", dir="in_person", agent=("Gavin Tremblay","FS-WIN-08"), customer=("Lucille Harker","+13305550121"), at="2026-11-03T23:00:00Z",
turns="""
A: So that's all eleven measured. The two in the back bedroom are the worst, you can actually see daylight around the sash on the left one.
C: Yeah, that's the room that's freezing in January. We put towels on the sill.
A: Those are original, probably nineteen sixty-eight. Alright, so for eleven windows in our Series four hundred, double pane, argon, full tear-out, the package comes to sixteen thousand eight hundred.
C{price}: Oof. Okay. That's, that's more than we were figuring.
A: What were you figuring, if you don't mind me asking?
C{competitor}: The other fella, from Midwest Exteriors, he said around twelve. But that was vinyl inserts, not tear-out, I think.
A: Right, inserts leave the old frame in. On these rotten sills you'd be putting a new window into old wood. I'll show you, here, push on that.
C: Oh. Oh, that's soft.
A: Yeah. So tear-out is what I'd recommend on at least these two. Now, if we write it up tonight, there's fifteen percent off, which gets you to fourteen two eighty.
C: Fourteen two eighty. And does that include the, the trim outside? The capping?
A: Aluminum capping on all eleven, included. Lifetime warranty on the glass and the labor.
C: Hmm. {N:Dale}? Come here a sec. What do you think?
C: I think if the sills are rotting we're not going with inserts. Do it.
A: Alright. So I'll write it up at fourteen thousand two hundred eighty, and you'd put ten percent down today, the rest at install.
C: That's fine. I'll write a check.
A: Perfect. Installation is usually five to six weeks out. Our scheduler, {N:Becky}, will call you by Friday with the date.
C: Well, that'll be nice for Christmas. Warmer, anyway.
A: You'll feel it. Thanks for having me, folks, and I'll get this copy signed for you.
C: Thank you, {N:Gavin}. Glad we waited for you to come out, honestly.
""", sent="positive/improving", reason="window_replacement",
summary="Rep measured eleven original windows with rotten sills and quoted $16,800; after comparing with a cheaper insert quote, the couple signed for full tear-out at $14,280 with a 15% same-day discount and 10% down.",
qa="0 0 - 0 1 1 1 1 1 1", actions=[("a","Becky to call the customers by Friday with the installation date")],
outcome="closed_won", deal=14280, effort=2, res="resolved")

call(id="tj_fs_02", dir="in_person", agent=("Curtis Langford","FS-SEC-31"), customer=("Miriam Szabo","+18645550139"), at="2026-11-04T22:30:00Z",
turns="""
A: Hi there, I'm {N:Curtis} with Vigilant Home. We've got a few installs going in your neighborhood this week and I'm showing homeowners what we do. Is this a good minute?
C: I guess. I didn't request anything, though.
A: No, no, you're fine. Have you had any break-ins around here lately? There were two on Alder last month.
C: I heard about one. We've lived here twenty years and never had a problem.
A~: That's great. A lot of our customers say the same, right until it happens. For fifty-four ninety-nine a month we put in cameras, door sensors, a panel, and twenty-four seven monitoring. Install is free if—
C: Fifty-four a month. For how long?
A~: It's a sixty month agreement, but honestly most people never—
C~: Sixty months. That's five years. I'm sixty-eight years—
A: And that's exactly who we protect most, ma'am, seniors are targeted more than anybody.
C{trust}: Okay, see, now you're trying to scare me. I don't love that.
A: Not at all, I'm just telling you the facts. I can knock the install fee and give you the first month free if you sign today.
C{need}: We have a dog and a neighbor who's home all day. We really don't need it.
A: Dogs can't call the police though, right?
C{trust}: Is there a card or something I can look up? Because I'd want to check you out online before anything.
A: I can leave a brochure. But the free install is only today.
C: Then I guess I'll pass on the free install.
A: Alright. Here's the brochure.
C: Thanks. Have a good day.
""", sent="negative/worsening", reason="home_security_door_to_door",
summary="Door-to-door rep pitched a $54.99/month monitored security system on a 60-month agreement; he talked over the homeowner and used fear tactics, and she declined, saying she doesn't need it and doesn't trust the pressure.",
qa="1 1 - 0 1 1 0 0 0 1", actions=[],
outcome="closed_lost", effort=4, res="unresolved", expect_int=True)

call(id="tj_fs_03", dir="in_person", agent=("Siobhan Mercer","FS-KIT-04"), customer=("Arturo Villanueva","+15625550114"), at="2026-11-05T18:00:00Z",
turns="""
A: Okay, I've got the measurements. So to recap what you told me, you want to open the wall to the dining room, keep the sink where it is, and do a peninsula instead of an island.
C: Right. And more drawers. Less of the lower cabinets with the doors where everything falls out.
A: Yes, deep drawers for pots. So I've mocked up two versions. This one is semi-custom maple, quartz, the peninsula with seating for three. That's fifty-two thousand, including taking the wall out.
C: And the wall is load bearing, you said?
A: It is, so there's a beam, permit and engineer's stamp in that number. The second option is stock cabinets, laminate counters, same layout, thirty-eight.
C: Okay. And how long is the whole thing, start to finish? Just curious how long we'd be without a kitchen.
A: About eight to ten weeks once we start, and we set you up a temporary sink and microwave station in the garage.
C: Okay. That's helpful.
A: Is there anything about either design you'd change?
C: I like the first one. It's, um, the number is the number, I guess.
A: Would you like to move forward on option one today? I can hold this year's pricing if we sign before the fifteenth.
C{decision_maker}: I'd want to go through it with {N:Marisol} first, she's the one who cooks. She's at her sister's till Sunday.
C{timing}: And honestly we were thinking spring, not winter.
A: That's fine. Spring would actually be a good start. I'll email you both designs tonight so she can look, and I'll come back when she's home.
C: Sure. Tuesday evening, maybe.
A: Tuesday at six-thirty. I'll put it in. Thanks, {N:Arturo}.
C: Thank you. See you Tuesday.
""", sent="neutral/steady", reason="kitchen_remodel",
summary="Designer presented two kitchen remodel options, $52,000 semi-custom and $38,000 stock, including removing a load-bearing wall; the homeowner prefers option one but wants his wife to review it and is thinking spring, so a second visit is set for Tuesday at 6:30.",
qa="0 0 - 0 1 1 1 0 1 1", actions=[("a","Email both kitchen designs to the homeowners tonight"),("a","Return Tuesday at 6:30 p.m. to review the designs with both homeowners"),("c","Review the designs with Marisol before Tuesday")],
outcome="open", effort=2, res="unresolved")

call(id="tj_fs_04", dir="in_person", agent=("Farah Nasser","FS-HA-11"), customer=("Herbert Quist","+19205550166"), at="2026-11-06T15:00:00Z",
turns="""
A: Okay, Mr. {N:Quist}, that's the end of the test. You did great. Let me show you what we found.
C: Go ahead. I'm ready for the bad news.
A: Ha, it's not bad news. See this line? You hear low sounds fine. Up here, the high sounds, like S and F and T, that's where it drops off. That's why voices sound mumbly.
C: That's it exactly. My granddaughter talks and I get every other word.
A: Right, kids' voices are high. So I'd recommend a pair of behind-the-ear aids. They're rechargeable, they stream from your phone, and they adjust in noise. Let me put a demo pair in so you can hear.
C[gap 5.5]: Well, I'll be. The clock. I can hear the clock ticking.
A: That's the one in the hall. And listen to my voice now.
C: Clearer. Much clearer. Hmm. How much are these?
A: The pair is fifty-two ninety-eight, including three years of adjustments and loss and damage coverage.
C{price}: That's a lot of money for something the size of a jellybean.
A: It is. Your insurance gives a five hundred dollar hearing benefit, which brings it to forty-seven ninety-eight. And we have twelve months with no interest.
C{other}: And folks will see them? I don't want to look like I've got, you know, a gadget sticking out.
A: Here's a mirror. They come in silver, beige, or brown. With your hair, the silver almost disappears.
C: Huh. You really can't see much. Alright. Let's do the silver. No interest, twelve months, you said?
A: Twelve months. So your total is four thousand seven hundred ninety-eight after the benefit. We'll order them today and fit you in about a week.
C: Okay. My granddaughter's going to be tickled.
A: I'll call you Monday with the fitting date, and bring your phone to the fitting so we can pair it.
C: Will do. Thank you for your patience with me.
""", sent="positive/improving", reason="hearing_aid_consultation",
summary="Audiologist tested the patient, found high-frequency loss and demoed rechargeable aids; after concerns about price and looks, he bought the silver pair for $4,798 after his insurance benefit on 12-month no-interest financing.",
qa="0 0 - 1 1 1 1 0 1 1", actions=[("a","Order the silver hearing aids and call the patient Monday with the fitting date"),("c","Bring his phone to the fitting to pair it")],
outcome="closed_won", deal=4798, effort=1, res="resolved")
