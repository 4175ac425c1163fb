call(id="tj_ms_04", dir="in_person", agent=("Unknown sales associate","MS-ASSOC-BB"), customer=("Shopper: Ian Petrakis", None), at="2026-11-06T19:40:00Z",
turns="""
C: Excuse me. Do you work in this department?
A: Yeah. What's up.
C: I'm looking at replacing a back door. Like a patio door, sliding. What are my options here?
A: Sliders are down this aisle. Vinyl or fiberglass. The vinyl ones are cheaper.
C: Okay. What's the difference besides price?
A: Fiberglass doesn't expand as much in the heat. Lasts longer, I guess.
C: Do you guys install, or do I need my own guy?
A: We have installation. You'd book a measure at the service desk, it's fifty bucks, and they apply it to the install.
C: And how long does that take, from measure to install? Roughly.
A: Depends. Custom sizes can be six to eight weeks. If it's a standard size, we have those in stock.
C: How do I know if it's standard?
A: Measure the opening. Seventy-two or ninety-six wide are standard.
C: Okay. And are any of these on sale?
A: Whatever has the yellow tag.
C: Alright. I'll measure at home and come back.
A: Okay.
C: Thanks.
A: Yep.
""", sent="neutral/steady", reason="patio_door_purchase_inquiry",
summary="Mystery shopper asked about replacing a sliding patio door; the associate answered basic questions on vinyl versus fiberglass, the $50 measure and lead times but gave no greeting, name or offer, and the shopper will measure at home.",
qa="0 0 - 0 0 0 0 0 0 0", actions=[("c","Measure the door opening at home and come back")],
effort=3, res="unresolved")

call(id="tj_ms_05", agent=("Yolanda Pierce","MS-SL-7"), customer=("Shopper: Renee Castillo","+14805550152"), at="2026-11-07T15:05:00Z",
turns="""
A: Good morning, thank you for calling Saguaro Springs Senior Living, this is {N:Yolanda}. How can I help you?
C: Hi. I'm, um, I'm calling about my mom. She's had a couple of falls and my brother and I are trying to figure out what to do.
A: Oh, I'm sorry, that's scary for everyone. Is she okay now?
C: She's alright. A bruised hip. But she lives alone and she's eighty-seven.
A: I understand. Can you tell me a bit about her day to day? Does she need help with bathing, dressing, medications?
C: Medications, yes, she mixes them up. Bathing, I think she's afraid of the tub now. Otherwise she's pretty sharp.
A: Okay. It sounds like assisted living would be a good fit. She'd have her own apartment, and our care staff help with the medications and bathing, and there's a call pendant in case of a fall.
C: Okay. And cost, just so I know what we're looking at?
A: Assisted living starts at fifty-two hundred a month, and it depends on her care level after our nurse does an assessment.
C: Okay. That's about what I'd heard.
A: The best next step is for you and your brother to come tour, and if your mom is up for it, bring her too. Would you like to come this week?
C: Yes, actually. Saturday? He works during the week.
A: Saturday at eleven works. Can I get your name and number?
C: {N:Renee Castillo}. {P:Four eight oh, five five five, zero one five two}. And email is {E:renee c seventy at example dot org}.
A: Thank you, {N:Renee}. I'll see you and your brother Saturday at eleven, and stay for lunch, it's on us. I'll also email you our guide on questions to ask any community, even if it's not us.
C: Oh, that's nice. Thank you. I feel a little better about this.
A: I'm glad. Take care, and I'll see you Saturday.
""", dir="inbound", sent="positive/improving", reason="senior_living_inquiry",
summary="Mystery shopper calling about her 87-year-old mother after falls was met with empathy and needs questions, told assisted living starts at $5,200 a month, and booked a Saturday 11 a.m. tour with lunch; a guide will be emailed.",
qa="1 1 - 1 1 1 1 1 1 1", actions=[("a","Email the shopper the guide on questions to ask senior living communities"),("c","Tour with her brother Saturday at 11 and stay for lunch")],
booking="booked", effort=1, res="resolved")

call(id="tj_ms_06", dir="in_person", agent=("Trevor","MS-KD-3"), customer=("Shopper: Noor Haddad", None), at="2026-11-08T17:25:00Z",
turns="""
C: Hi, hello? Is anyone helping in the design center?
A[gap 6.8]: Yeah, sorry, I'm {N:Trevor}. I was on a call. What do you need?
C: We're thinking about redoing our kitchen, I wanted to see cabinet options and, like, how your process works.
A~: Okay, the door samples are on that wall. Shaker is the most popular. You pick a door, a color, and—
C~: And is it custom? Because our kitchen has a weird corner by the—
A: Everything's semi-custom, so they make it to your size. Corners aren't a problem.
C: Okay. How does pricing work? Like per foot or—
A: Per cabinet. A typical kitchen runs twenty to thirty for cabinets alone.
C: Okay. Is that with installation?
A: Install is separate. We can give you a list of installers.
C: Oh, you don't install?
A: We sell the cabinets. Installers are independent.
C{other}: Hmm, okay. I was kind of hoping for one company doing everything, so nobody points fingers.
A: Yeah, some people want that. Anyway, if you want a design appointment you can go on the website.
C: You can't book it here?
A: The website's easier.
C: Okay. Thanks.
""", sent="negative/steady", reason="kitchen_cabinet_inquiry",
summary="Mystery shopper was left waiting, then got short answers from an associate who talked over her, quoted $20-30k for cabinets only, said installation is by independent installers and pointed her to the website instead of booking a design appointment.",
qa="0 1 - 0 1 0 0 0 0 1", actions=[("c","Book a design appointment on the website if she wants one")],
effort=4, res="unresolved", expect_int=True)

call(id="tj_ms_07", dir="in_person", agent=("Jorge Benitez","MS-SEC-KIOSK"), customer=("Shopper: Paul Whitford", None), at="2026-11-09T21:10:00Z",
turns="""
A: Hey, got a second? Do you own or rent?
C: Uh. Own, I guess. Why.
A: Because homeowners qualify for a free doorbell camera this week with Fortress monitoring.
C{trust}: Nothing's free. What's the catch.
A: Ha, fair. No catch on the camera, but it comes with a monitoring plan, thirty-nine a month, thirty-six months. I'm {N:Jorge}, by the way.
C{need}: I already have a doorbell camera. Got it off Amazon.
A: Okay, nice. Does it call anybody when something happens, or just your phone?
C: Just my phone.
A: And do you travel at all? Or are you home most of the time?
C: I travel for work. Two weeks a month sometimes.
A: That's where monitoring actually helps. If the back door opens at two a.m. while you're in Denver, someone calls the police, not just pings you while you're asleep.
C: Hm. Okay, that's a real point. My wife's alone a lot.
A: And it works with the camera you already have, so you wouldn't need ours. I'd just add door sensors and a panel. Here, I'll write down the no-camera price. It's thirty-two a month.
C{timing}: Okay. That's more reasonable than I expected. I'm not signing anything at a kiosk though.
A: Totally get that. Take this card, it's got the plan on the back. You can call or do it online, and mention my name for the waived activation.
C: Alright. Thanks, man. Appreciate you not being pushy about it.
A: Sure thing. Have a good one.
""", sent="positive/improving", reason="home_security_inquiry",
summary="Kiosk rep stopped a skeptical mystery shopper who already had a doorbell camera, asked about his travel, and pitched a $32-a-month monitoring plan that works with his existing camera; the shopper took the card to consider it.",
qa="1 1 - 1 1 0 1 1 1 1", actions=[("c","Consider the $32/month monitoring plan and call or sign up online mentioning Jorge")],
effort=2, res="unresolved")
