CALLS = [
dict(id="tc_fs_01", domain="field_sales", direction="in_person", agent=("Gus Petrakis", "FS-TR-07"),
     customer=("Naomi and Franklin Adeyemi", "+15135550157"), started_at="2026-11-18T23:00:00Z",
     turns="""
A: Hi folks, Gus Petrakis with Tri-State Van Lines, thanks for having me. You must be Naomi?
C: That's me, come in, come in. Sorry about the boxes, we started early. This is my husband, Franklin.
A: Nice to meet you both. So the plan is Cincinnati to Columbus, December nineteenth, is that still right?
C: Nineteenth, yep. The new house is on Maplecrest in Columbus, we close on the sixteenth.
A: Congratulations. Let me walk through room by room, and then I'll sit down with you and put a real number together. Anything that needs special care? Pianos, art, anything antique?
C: There's my grandmother's china cabinet in the dining room. That, that has to get there in one piece, honestly, that's my biggest worry.
A: Understood. We'll crate the glass and blanket-wrap the cabinet, and I'll note it as a high-value item.
A+412.0: Okay. So, I've got about eleven thousand pounds, three-person crew and a twenty-six foot truck. Full packing of the kitchen and the china, everything else you pack yourselves. The binding price is four thousand two hundred eighty dollars. That includes the crate for the china cabinet and full-value protection up to fifty thousand.
C[price]: Oh wow. Okay. That's, hm, more than the online calculator said. It said like three thousand.
A: Those calculators don't see the stairs to the basement or the china. This is binding, so it won't go up on move day, even if the truck weighs more.
C[decision_maker]: Franklin, what do you think? I don't want to sign something you're not okay with.
C: I mean, honestly, the binding part is what sells me. The last move, the price went up like a thousand bucks on the day.
A: That happens a lot, sadly. And one more thing: if you book today I can take five percent off, since December nineteenth is still open for us.
C: Five percent off of forty-two eighty? So, like, four thousand and, um?
A: Four thousand sixty-six dollars even, with the china crate and full-value protection.
C: Okay. Yeah. Let's do it. Oh, I feel so much better having this settled.
A: Great. I just need a signature here, and here, and the deposit is two hundred on a card.
C: Here. The Amex, it ends in one zero zero five.
A: Card ending in one zero zero five, two hundred dollar deposit. You'll get the signed contract by email tonight, and your move coordinator, Shelby, will call you the week before to confirm arrival times.
C: Perfect. Thank you, Gus, really. This was so much easier than I thought.
A: My pleasure. Enjoy the new house, and I'll see the china cabinet safely to Columbus.
""",
     pii=["Gus Petrakis|NAME", "Naomi|NAME", "Franklin|NAME", "Maplecrest in Columbus|ADDRESS", "one zero zero five|CARD_NUMBER", "Shelby|NAME", "Gus|NAME"],
     sent="positive", trend="improving", reason="moving_estimate_visit",
     summary="After an in-home survey for a December 19 Cincinnati-to-Columbus move, the rep quoted a $4,280 binding price with a crated china cabinet; the couple hesitated at the price but signed after a 5% same-day discount to $4,066 and paid a $200 deposit.",
     qa="g1 s1 v- e1 o1 a1 n1 c1 d1 x1",
     actions=[("a", "Email the signed moving contract tonight"),
              ("a", "Move coordinator Shelby to call the week before the move to confirm arrival times")],
     outcome="closed_won", value=4066, effort=2, res="resolved"),

dict(id="tc_fs_02", domain="field_sales", direction="in_person", agent=("Trent Wexler", "FS-GS-12"),
     customer=("Lucille Abernathy", "+17275550189"), started_at="2026-11-19T15:30:00Z",
     turns="""
A: Morning! Trent, Greenscape Lawn and Landscape. You're Lucille?
C: Yes. You're late. You said nine.
A: Yeah, traffic on Ulmerton was nuts, sorry about that. So, you wanted to talk about the backyard?
C: I wanted a price to take out the dead hedges along the fence and put in something that doesn't need watering every day. That's all.
A: Gotcha. Honestly, with a yard this size, what I'd really recommend is our full Florida-friendly redesign. Pavers, drip irrigation, new beds, lighting, the whole—
C![need]: No. No, I don't need pavers. I need the hedges, that's—
A!: Totally hear you, but if we're out here anyway, doing it all at once saves you a ton in the long run. The full package comes to eighteen thousand nine hundred, and we have financing at—
C![price]: Eighteen thousand? For hedges? Are you kidding me?
A: It's not just hedges, it's a whole outdoor living—
C![trust]: I didn't ask for an outdoor living anything. This is exactly what my neighbor warned me about with you people.
A: Okay, okay. Just the hedge replacement, removal and about forty feet of, say, Simpson's stopper with drip line, you're looking at around thirty-four hundred.
C[competitor]: Thirty-four hundred. Hm. The man who does the Hendersons' yard quoted them half that for the same thing.
A: I can't speak to his work, but we're licensed and insured, and our plants have a one-year guarantee. If you sign today I can do thirty-one fifty.
C: No. I don't think so. I think I'll call him.
A: You sure? That price is only good today.
C: I'm sure. Thank you for coming out.
A: Alright. Have a good one.
""",
     pii=["Trent|NAME", "Lucille|NAME", "Hendersons|NAME"],
     sent="negative", trend="worsening", reason="landscaping_quote",
     summary="Homeowner wanted a quote to replace dead hedges with drought-tolerant plants; the late rep pushed an $18,900 full redesign and talked over her, then quoted $3,400 (or $3,150 if signed today), and she declined in favour of a cheaper local landscaper.",
     qa="g1 s1 v- e0 o1 a1 n0 c0 d0 x0",
     actions=[],
     outcome="closed_lost", effort=4, res="unresolved"),

dict(id="tc_fs_03", domain="field_sales", direction="in_person", agent=("Anjali Deshmukh", "FS-KL-03"),
     customer=("Howard Pinkney", "+14125550116"), started_at="2026-11-20T18:45:00Z",
     turns="""
A: Good afternoon, Mr. Pinkney? I'm Anjali from Keystone Lock and Safe. Thanks for having me over.
C: Sure, come on in. Watch the step.
A: Thank you. So on the phone you mentioned you'd just bought the place and wanted the locks changed?
C: Yeah. We closed two weeks ago, and who knows how many keys the last owners handed out. Contractors, dog walkers, whoever.
A: That's really common, and smart of you to think about. How many exterior doors do we have?
C: Front, back, and the side door from the garage. Plus the garage keypad.
A: Okay, let me take a look at each one.
A+96.0: Alright. All three doors take a standard deadbolt, good shape. Option one is rekeying all three to a single new key. That's one sixty-five, done today. Option two is smart deadbolts on the front and garage doors with a keypad, so you can give codes to the dog walker and delete them later, plus a rekey of the back. That comes to seven hundred and forty installed.
C: Hm. I like the code thing, actually. The keys thing drives me nuts.
A: Most people end up loving that part. Would you like me to go ahead with the smart lock option today?
C[other]: Those ones in the picture, though, they look kinda bulky? The house is older, I don't know if a big plastic box on the door goes with it.
A: Fair point. There's also a slimmer bronze model that looks more traditional, it adds about sixty dollars per lock.
C[decision_maker]: Okay. Honestly I'd want my wife to see them, she's the design person. She's at work till six.
C[timing]: And we've kind of spent a lot this month, with the move. Maybe after the holidays for the fancy stuff.
A: Totally fair. What I'd suggest is we at least do the rekey now, so the old keys stop working, and I'll text you photos of the two smart lock styles to show your wife. The one sixty-five for the rekey counts toward the smart locks if you upgrade by January.
C[decision_maker]: Hmm. Let me, let me just talk to her tonight about the whole thing, and I'll call you tomorrow.
A: Sounds good. I'll text you the photos and the quote this evening at four one two, five five five, zero one one six, right?
C: That's it.
A: Great. And if you decide on the rekey, I can usually come back the same or next day. Thanks so much, Mr. Pinkney, and congrats again on the house.
C: Thanks. Talk tomorrow.
""",
     pii=["Pinkney|NAME", "Anjali|NAME", "four one two, five five five, zero one one six|PHONE"],
     sent="neutral", trend="steady", reason="lock_rekey_consultation",
     summary="New homeowner asked for his locks to be changed; the locksmith offered a $165 rekey or $740 smart-lock package, but he wanted his wife to see the smart-lock styles and to hold off on spending, so she will text photos and a quote and he will call tomorrow.",
     qa="g1 s1 v- e1 o1 a1 n1 c1 d1 x1",
     actions=[("a", "Text photos of both smart lock styles and the quote this evening"),
              ("c", "Discuss the options with his wife and call back tomorrow")],
     outcome="open", effort=1, res="unresolved"),
]
