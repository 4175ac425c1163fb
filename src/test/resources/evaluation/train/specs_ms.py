CALLS = [
dict(id="tc_ms_01", domain="mystery_shop", direction="in_person", agent=("Tony (service writer, Eastgate Tire & Auto)", "MS-EGT-1"),
     customer=("Shopper 4471 (alias Paula Grant)", None), started_at="2026-11-14T16:10:00Z",
     turns="""
A: Hey, welcome in! I'm Tony. What brings you by?
C: Hi. I've got a, um, tire pressure light that keeps coming on, and I think my front tires are getting kind of bald? I wanted to see what new ones would run.
A: Sure thing. What are you driving?
C: A twenty nineteen Camry.
A: Okay. Is it mostly around-town driving, or do you do a lot of highway?
C: Mostly highway, I commute like forty minutes each way.
A: Got it. Mind if I take a quick look at the tread? Takes thirty seconds.
C: Oh, sure, it's the blue one right out front.
A+14.0: Alright, so your fronts are at about three thirty-seconds, which is close to the legal limit, and the rears are at six. For all that highway driving I'd go with a touring all-season. We've got two options: the Roadmaster Tour at one forty-nine a tire, or the Continental at one ninety-two. Both include mounting, balancing and a lifetime rotation.
C: Okay. And, um, the light, is that the tires too, or something else?
A: Usually it's low pressure from the cold, but sometimes it's a sensor. When we mount the tires we check the sensors for free, so you'd know either way.
C[other]: Okay. I'd want to check if my extended warranty covers any of it before I do anything, I think it might cover the sensor part.
A: Smart. Tires usually aren't covered, but sensors sometimes are. Tell you what, I can get you in Thursday at eight, and if the warranty covers the sensor we'll bill them directly. Want me to put you down?
C: Yeah, Thursday at eight works. Let's do the Roadmasters, just the fronts for now.
A: You got it. Two Roadmaster Tours, Thursday at eight, about an hour. Here's my card, and here's a printout of the quote with the price locked for thirty days.
C: Great, thanks so much.
A: Thanks for stopping in. Drive safe, and see you Thursday!
""",
     pii=["Tony|NAME"],
     sent="positive", trend="steady", reason="tire_replacement_inquiry",
     summary="Shopper asked about replacing worn front tires on a 2019 Camry; the service writer checked the tread, compared two touring tires, explained the pressure light and booked two Roadmaster Tours for Thursday at 8 with a printed, price-locked quote.",
     qa="g1 s1 v- e0 o1 a1 n1 c1 d1 x1",
     actions=[("c", "Check whether the extended warranty covers the tire pressure sensor before Thursday"),
              ("a", "Install two Roadmaster Tour tires Thursday at 8 and check the sensors")],
     booking="booked", effort=1, res="resolved"),

dict(id="tc_ms_02", domain="mystery_shop", agent=("Unknown receptionist", "MS-SSD-1"),
     customer=("Shopper 5120 (alias Janet Moore)", "+16025550145"), started_at="2026-11-16T17:42:00Z",
     turns="""
A: Sunnyslope Dental.
C: Hi, good morning. I'm looking for a new dentist, and I wanted to ask about, um, a cleaning for a new patient and if you take Guardian insurance.
A: We take Guardian PPO. Not the HMO.
C: Okay. How would I find out which one I—
A!: It's on your card.
C: Oh, okay. I'll check. And what would a new patient cleaning cost, if, say, it's not fully covered?
A: Depends on what the dentist finds. Could be anything.
C: Right, I understand, just, roughly? Like for the exam and X-rays?
A: I'd have to look it up. Hold on.
A+7.4: New patient exam's one twenty-nine, X-rays are ninety-five, cleaning's one-ten.
C: Okay, thank you. And how soon could I get in? I'm pretty flexible on—
A!: Next opening's January.
C: January. Oh. Is there a waitlist or anything, if something opens up sooner?
A: No, we don't do a waitlist. You just have to call.
C[timing]: Okay. Well, I think I'll, um, I'll think about it and check my card. Thanks.
A: Mm-hm.
""",
     pii=[],
     sent="negative", trend="worsening", reason="new_patient_inquiry",
     summary="Phone shopper asked about a new-patient cleaning and Guardian coverage; the unnamed receptionist answered curtly, cut her off twice, gave prices only after pushing, offered nothing before January and no waitlist, and never offered to book.",
     qa="g0 s0 v- e0 o0 a0 n0 c0 d0 x0",
     actions=[("c", "Check whether her Guardian plan is PPO or HMO")],
     effort=4, res="unresolved"),

dict(id="tc_ms_03", domain="mystery_shop", direction="in_person", agent=("Marisol (front desk, Safe Lane Driving School)", "MS-SLD-1"),
     customer=("Shopper 3308 (alias Derek Lyle)", None), started_at="2026-11-17T21:15:00Z",
     turns="""
A: Hi, how are you? Come on in.
C: Good, thanks. I'm, uh, asking about lessons for my nephew. He's seventeen. He has his permit.
A: Okay! I'm Marisol. So, is he looking to do just driving lessons, or the whole package with the road test?
C: Um, I think the whole thing. He wants to take the test before he goes back to school in January.
A: Okay. Has he driven much with a parent, or is he pretty new behind the wheel?
C: Pretty new. Like, parking lots.
A: Got it. For newer drivers we usually recommend the eight-lesson package. That's six hundred and twenty, and it includes the car for the road test.
C[price]: Six twenty. Hm. That's, yeah, more than we figured.
A: There's also a four-lesson package for three forty, but for someone who's mostly done parking lots, four is tight before a road test.
C[timing]: And, uh, what's your availability like? Because if he can't start till after Christmas it might not be worth it.
A: Weekdays after school we're booked through mid-December, but Saturdays we have openings starting next week.
C[other]: Okay. I'd also need to check with his mom whether the permit has to be held for six months first, I'm not sure when he got it.
A: Yes, in this state it's six months before the road test. That's a good thing to check. Here's a brochure with the packages and the permit rules on the back.
C: Great, thanks.
A: Sure. Anything else?
C: No, that's it, thanks.
A: Yep. Okay.
""",
     pii=["Marisol|NAME"],
     sent="neutral", trend="steady", reason="driving_lesson_inquiry",
     summary="Shopper asked about lessons and a road-test package for his 17-year-old nephew; the front desk recommended the $620 eight-lesson package over the $340 four-lesson one, explained Saturday availability and the six-month permit rule, and handed over a brochure but did not ask him to enrol.",
     qa="g1 s1 v- e0 o1 a0 n0 c0 d1 x1",
     actions=[("c", "Check with the nephew's mother when he got his permit")],
     effort=2, res="unresolved"),
]
