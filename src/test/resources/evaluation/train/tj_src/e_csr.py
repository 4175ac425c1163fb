call(id="tj_csr_05", agent=("Helena Voss","LI-6"), customer=("Jamal Whitaker","+13135550186"), at="2026-11-07T20:11:00Z",
turns="""
A: Hi, Carver and Lutz Law, intake. My name is {N:Helena}. Who am I speaking with?
C: Uh, hi. My name's {N:Jamal}. I, um. I got rear-ended on Friday and I don't really know if I need a lawyer or what. The other guy's insurance keeps calling me.
A: Okay, {N:Jamal}. First, are you alright? Were you hurt?
C: My neck's been stiff. I went to urgent care Saturday. They said whiplash, maybe. I've never done this before, I don't know what I'm supposed to say to these people.
A: That's a lot to deal with in a few days. You don't have to talk to the other insurance at all right now. Have you given them a recorded statement?
C: No. They asked. I said I'd call back.
A: Good. Don't, until you've talked with one of our attorneys. Can I ask a few quick questions so I can set that up?
C: Yeah. Yeah, go ahead.
A: Was a police report made at the scene?
C: Yes. The officer gave me a card with a number on it.
A: Perfect, keep that. And what's your full last name and a good number?
C{price}: {N:Whitaker}. {N:W-H-I-T-A-K-E-R}. And {P:(313) 555-0186}. And, uh, I should say, I can't really afford a lawyer right now. I'm already missing shifts.
A: Thank you. Good news on that: the consultation is free and there's no fee unless we recover something for you. Mr. {N:Lutz} has an opening tomorrow at eleven, by phone or in the office. Would you like that?
C: Tomorrow. Okay. By phone, I work.
A: Done. Tomorrow at eleven, Mr. {N:Lutz} will call you at {P:three one three, five five five, zero one eight six}. Could you have the police report number and the urgent care paperwork nearby?
C: Yeah, I can do that.
A: And I'll email you a short intake form tonight. What's the email?
C: {E:jwhitaker86 at example dot com}.
A: Got it. And for the file, your date of birth?
C: {D:Nine, fourteen, nineteen ninety-one}.
A: Thank you. Anything else on your mind?
C: No. Honestly, that helps a lot. I was kind of spinning.
A: Totally understandable. Take it easy on that neck, and we'll talk tomorrow.
""", sent="positive/improving", reason="personal_injury_intake",
summary="Caller rear-ended on Friday with possible whiplash was unsure whether he needed a lawyer; intake advised him not to give the other insurer a statement and booked a free phone consultation with the attorney for tomorrow at 11.",
qa="1 1 - 1 1 1 1 1 1 1", actions=[("a","Mr. Lutz to call the client tomorrow at 11 for the consultation"),("a","Email the client the intake form tonight"),("c","Have the police report number and urgent care paperwork ready for the call")],
booking="booked", qual="hot", effort=2, res="resolved")

call(id="tj_csr_06", agent=("Raymond Iwu","FH-21"), customer=("Colleen Bancroft","+14145550160"), at="2026-11-08T16:35:00Z",
turns="""
A: Good afternoon, Greenlawn Funeral Home and Cremation. This is {N:Raymond}, how may I help you?
C: Hi. I'm, this is a bit of an odd call. My parents are both in their eighties and healthy, but I was reading about pre-planning and I wondered how it works. Just in general.
A: It's not odd at all, lots of families call exactly this way. Are you thinking about planning for your parents, or for yourself?
C: For them, I guess. Although they'd have to be involved. I haven't brought it up with them.
A: That's usually the way it goes. So basically you pick the services ahead of time, burial or cremation, the service, the casket or urn, and you can lock in today's prices with a payment plan.
C: And roughly what are we talking about? Just so I have an idea.
A: A simple cremation with a memorial service would be around four to five thousand. A traditional funeral with burial is more like nine to twelve, not including the cemetery plot.
C: Okay. That's helpful.
A: We do a no-cost planning meeting here, about an hour. Would you like to set one up, with or without your parents?
C{timing,decision_maker}: Not yet. I really need to talk to them first, and it might be a while. We're all going to be together at Christmas so maybe then.
A: That's a good time for it. I can mail you our planning guide, it has a worksheet that makes the conversation easier.
C: Sure, that would be nice.
A: What's the mailing address?
C: {AD:Five-oh-two North Prospect Avenue, Milwaukee, five three two oh two}.
A: And your name?
C: {N:Colleen Bancroft}.
A: Thank you, {N:Colleen}. It'll go out Monday. Whenever you're ready, just call and ask for me.
C: Will do. Thank you.
A: Take care, and enjoy the holidays with them.
""", sent="neutral/steady", reason="preneed_planning_inquiry",
summary="Caller asked in general how funeral pre-planning works for her healthy parents; the director explained options and rough prices, she declined a planning meeting until she talks with her parents at Christmas, and a planning guide will be mailed.",
qa="1 1 - 1 1 1 1 1 1 1", actions=[("a","Mail the planning guide to the caller on Monday"),("c","Talk to her parents at Christmas and call back to set up a planning meeting if they want one")],
booking="not_booked", qual="cold", effort=1, res="resolved")

call(id="tj_csr_07", agent=("Tess Galloway","HC-14"), customer=("Eleanor Pruitt","+17175550199"), at="2026-11-09T15:00:00Z",
turns="""
A: Harmony Hearing Centers, good morning!
C: Good morning. I saw your ad in the paper, the free hearing test. Is that still going on?
A: It sure is, through the end of the month. Is the test for you?
C: No, it's for my husband. He says he hears fine. He doesn't. The television is up at forty.
A: Ha, we hear that a lot. How old is he, if you don't mind?
C: Seventy-eight. {N:Harold}. He's stubborn.
A: Has he ever had a hearing test or worn aids before?
C: Never. He'd have a fit if he knew I was calling, honestly.
A: That's alright. Would you like me to go ahead and put him down for a test? I have openings Tuesday and Wednesday.
C{decision_maker}: I'd better not book it without asking him first. He doesn't like being signed up for things.
A: Totally fair. How about I ring you Friday, once you two have talked it over?
C: That would be fine. Friday afternoon is best.
A: Great. What's the best number?
C: {P:seven one seven, five five five, zero one nine nine}. And it's {N:Eleanor}.
A: Thank you {N:Eleanor}. I'll call Friday afternoon. And if it helps, tell him the test is about twenty minutes and there's no pressure to buy anything.
C: Oh, that might help. He thinks you're going to sell him something right off.
A: Nope, just a test. Talk Friday!
C: Thank you, sweetheart. Bye bye.
""", sent="positive/steady", reason="hearing_test_inquiry",
summary="Wife called about the free hearing test for her reluctant 78-year-old husband; she would not book without asking him first, so the agent will call her back Friday afternoon.",
qa="1 0 - 1 1 1 1 0 1 1", actions=[("a","Call Eleanor back Friday afternoon to book her husband's hearing test"),("c","Talk to her husband about the free hearing test before Friday")],
booking="not_booked", qual="warm", effort=1, res="unresolved")

call(id="tj_csr_08", agent=("Andre Kaminski","SL-302"), customer=("Heather Yancey","+16165550135"), at="2026-11-10T18:20:00Z",
turns="""
A: Maplecrest Senior Living.
C: Hi. I'm just, um, I'm starting to look around at places for my dad. Is this the right number?
A: Yes. What do you want to know?
C: Well, what kind of, like, levels of care do you have?
A: Independent, assisted, and memory care.
C: Okay. He's pretty independent still. He's eighty-one and he drives. We're mostly worried about the stairs in his house.
A: Oh, okay, so independent living would fit. It's a one or two bedroom apartment, meals, housekeeping, transportation. And sorry, I didn't say, I'm {N:Andre}.
C: Hi {N:Andre}. Is there a waiting list?
A: For the one bedrooms, about four months right now. Two bedrooms we have a couple open.
C{need,timing}: Okay. I mean, honestly he's not ready. He'd say he's fine for another year at least.
A: That's really common. A lot of families start looking about a year ahead, and that's smart with the waitlist. You can put a refundable deposit down to hold a spot in line if you want.
C: Oh, that's interesting. How much is that?
A: Five hundred, fully refundable. And you're welcome to come see the place, we do tours every day.
C{timing}: Maybe after the holidays. I'll have to bring him, and that'll be a whole thing.
A: Ha, understood. Want me to send you the brochure and the pricing sheet?
C: Yes please. {E:heather.yancey@example.net}.
A: Okay, it'll come from our marketing director, {N:Rosa}. She'll follow up in January about a tour.
C: That works. Thanks, this was actually more helpful than I thought.
A: No problem. Bye.
""", sent="neutral/improving", reason="senior_living_inquiry",
summary="Daughter starting to research independent living for her 81-year-old father, who isn't ready for another year; the agent explained care levels, the four-month waitlist and a refundable $500 deposit, and will have the brochure and pricing emailed with a tour follow-up in January.",
qa="0 1 - 1 1 0 1 0 1 1", actions=[("a","Rosa to email the brochure and pricing sheet"),("a","Rosa to follow up in January about a tour")],
booking="not_booked", qual="cold", effort=2, res="resolved")
