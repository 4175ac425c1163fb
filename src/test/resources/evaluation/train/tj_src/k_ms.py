call(id="tj_ms_01", dir="in_person", agent=("Rochelle Ames","MS-ASSOC-HW"), customer=("Shopper: Dana Whitcomb","+18015550126"), at="2026-11-03T18:10:00Z",
turns="""
A: Hi, welcome to Hollis and Wren! I'm {N:Rochelle}. Are you looking for anything in particular today, or just browsing?
C: A sofa, I think. Ours is, um, it's seen better days.
A: Ha, I know the feeling. Tell me a little about the room. How big is it, and who's using the sofa?
C: It's a smallish living room. Me, my partner, and a very large dog.
A: Okay, a big dog. Does the dog get on the furniture?
C: Officially no.
A: Ha, so yes. Alright, I'd steer you to these two. This one's a performance fabric, it wipes clean and the cushions are removable covers you can wash. And it's eighty-four inches, so it won't swallow a small room.
C: Oh, that's nice. And that's, what, the price on that one?
A: Nineteen ninety-nine. And this one, the leather, is twenty-six fifty. Leather's actually great with dogs as long as they don't scratch.
C: Hmm. I kind of like the fabric one better. The color.
A: It comes in six colors, let me grab the swatch book. And if you want, you can take swatches home, free, to see it in your light.
C: Oh, I'd like that. Can I take this green one and the gray?
A: Absolutely. And we also do a free room planner, where you send us your measurements and a photo and we mock it up.
C{decision_maker}: Okay, that's cool. I'd want my partner to sit on it first, though, before we buy anything.
A: Of course. Would you like me to hold this one in the green for forty-eight hours, so you two can come back this weekend?
C: Sure, that'd be great.
A: I just need a first name and phone number for the hold.
C: {N:Dana}. {P:Eight oh one, five five five, oh one two six}.
A: Got it, held until Sunday at close. Here's my card. Ask for me when you come in.
C: Thanks, {N:Rochelle}. This was really easy.
A: My pleasure. Have a great afternoon!
""", sent="positive/steady", reason="sofa_purchase_inquiry",
summary="Mystery shopper looking for a sofa for a small room and a large dog was shown two fitting options by a warm associate, given free swatches, and had the green fabric sofa held 48 hours so her partner can try it.",
qa="1 1 - 1 1 1 1 1 1 1", actions=[("c","Come back with her partner this weekend to try the sofa")],
effort=1, res="resolved")

call(id="tj_ms_02", dir="in_person", agent=("Unknown sales associate","MS-ASSOC-SD"), customer=("Shopper: Kyle Brennan", None), at="2026-11-04T20:30:00Z",
turns="""
A: You wanna lie down on a few? This one's our bestseller.
C~: Uh, sure. I'm looking for something for back pain, I wake up stiff every—
A: Oh then you need the Cloudform Elite. Best one for backs. Hop on.
C: Okay.
A: See? Feels like a hug, right? Normally forty-two hundred, but today it's twenty-nine ninety-nine.
C~: It's, um, it's really soft. I think I sleep on my stomach, so I was reading that firmer is—
A: Nah, that's a myth. Everybody says firm, and then they sleep on it and they hate it.
C: Okay. Do you have something more firm I could compare?
A: We have the Ortho line over there, but it's old stock. Honestly the Elite is the one. I can do free delivery if you take it today.
C{price}: Three grand, hmm. I had, like, fifteen hundred in my head.
A: We have financing. Zero percent for forty-eight months, it's like sixty bucks a month.
C{timing}: I think I'd rather think about it. I just started looking.
A: Sale ends Sunday. After that it's back to forty-two.
C: Right. Do you have like a sheet with the specs? Firmness, stuff like that?
A: It's all on the website.
C{competitor}: Okay. I'm going to look at a couple other stores too.
A: Sure. Just don't wait too long.
C: Yep. Thanks.
""", sent="negative/worsening", reason="mattress_purchase_inquiry",
summary="Mystery shopper with back pain who sleeps on his stomach was steered to a soft $2,999 bestseller by an associate who never greeted, talked over him, dismissed firmness and pushed a same-day deal; he left to look elsewhere.",
qa="0 0 - 0 1 1 0 0 0 0", actions=[("c","Compare mattresses at other stores")],
effort=4, res="unresolved", expect_int=True)

call(id="tj_ms_03", dir="in_person", agent=("Benedict Okafor","MS-HC-2"), customer=("Shopper: Margaret Lindell","+19195550109"), at="2026-11-05T14:20:00Z",
turns="""
A: Good afternoon, welcome to Crestview Hearing. Have a seat. My name is {N:Ben}. What brings you in?
C{timing}: Hello. Well, I'm not sure I'm even in the right place. I think my hearing's going, but I'm not sure, and I don't want to be sold anything today.
A: That's perfectly fine. Nobody's buying anything today. Can I ask what made you think about it?
C: Church, mostly. The pastor, I can't make out half of it. And my kids say I say "what" a lot.
A: That's really common, big rooms with echo are the hardest. Have you ever had a hearing test?
C: Not since I was a girl.
A: Okay. So what we do first is a free hearing screening, it takes about thirty minutes, and the audiologist shows you the results right there. If your hearing's fine, you walk out knowing that.
C{trust}: And if it's not fine, then you try to sell me something.
A: Then she explains the options, and you take the information home. Many people wait a while, and that's okay.
C: Hmm. Alright. That's fair. How much is it, the test?
A: The screening is free. A full diagnostic exam, if needed, is billed to Medicare.
C: Oh, well then. I suppose there's no harm in it.
A: Would you like to set up the screening? Dr. {N:Patel} has Thursday at ten or Friday at one-thirty.
C: Thursday at ten.
A: Lovely. Can I get your name and phone number?
C: {N:Margaret Lindell}. {P:Nine one nine, five five five, zero one oh nine}.
A: Thank you, {N:Margaret}. Thursday at ten with Dr. {N:Patel}. Bring your Medicare card and a list of your medications. And here's a little card with tips on church and restaurant listening, just in case.
C: Oh, how thoughtful. You've made this less scary than I thought, young man.
A: That's what I like to hear. See you Thursday. Have a lovely day.
""", sent="positive/improving", reason="hearing_test_inquiry",
summary="Hesitant mystery shopper worried about hearing at church and about a sales pitch was reassured by the associate, who explained the free screening and booked her with Dr. Patel for Thursday at 10.",
qa="1 1 - 1 1 1 1 1 1 1", actions=[("c","Bring her Medicare card and medication list to the Thursday 10 a.m. screening")],
booking="booked", effort=1, res="resolved")
