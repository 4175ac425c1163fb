CALLS = [
dict(id="tc_va_07", domain="voice_agent", agent=("Kit (AI answering service, Brassline Lock & Key)", "va-brassline-01"),
     customer=("Shonda Pettiford", "+19045550138"), started_at="2026-11-10T02:14:00Z",
     turns="""
A: Hello, Brassline Lock and Key, I'm Kit, the after-hours virtual assistant. Are you locked out, or calling about something else?
C: Locked out. Of my car. I'm in a parking garage at, like, the hospital, and my keys are sitting right there on the seat.
A: I'm sorry, that's a rough spot to be in. Just to check, is anyone or any pet inside the vehicle?
C: No. No, it's just the keys. And my phone's at eleven percent so please, can somebody come?
A: Understood. Unfortunately, Brassline only handles home and business lockouts. We don't do automotive lockouts or car keys.
C: Are you serious. It says locksmith on your, it literally says twenty-four hour locksmith.
A: I understand the frustration. Our twenty-four hour service covers residential and commercial doors only. Your car insurance or roadside assistance plan may cover a lockout. Do you have roadside coverage?
C: I don't know. Maybe? Ugh. I don't, I don't have time to dig through my insurance app right now.
A: If you don't have coverage, Duval Auto Lockout handles car lockouts around the clock. Would you like their number?
C: Fine. Yes.
A: Their number is nine zero four, five five five, zero one four four. I can also text it to you so you don't have to write it down.
C: Text it. This number.
A: I've sent it to nine zero four, five five five, zero one three eight. You should see it now.
C: Yeah. Got it. This is just, great. Just great. Okay.
A: I hope you're back in your car soon. Stay safe, and goodnight.
C: Yeah. Bye.
""",
     pii=["nine zero four, five five five, zero one three eight|PHONE"],
     sent="negative", trend="steady", reason="emergency_lockout",
     summary="Caller locked out of her car in a hospital garage learned the locksmith only handles home and business lockouts; the assistant suggested roadside assistance and texted her the number of an automotive lockout service.",
     qa="g1 s1 v- e1 o1 a- n0 c1 d1 x1",
     actions=[("c", "Call Duval Auto Lockout or her roadside assistance plan to get into the car")],
     booking="service_not_offered", effort=3, res="resolved"),

dict(id="tc_va_08", domain="voice_agent", agent=("Hal (virtual assistant, Two Rivers Moving Co.)", "va-tworivers-01"),
     customer=("Ezekiel Fontaine", "+16155550106"), started_at="2026-11-10T18:02:00Z",
     turns="""
A: Hi, thanks for calling Two Rivers Moving Company. Are you planning a move?
C: Hey, uh, yeah, I'm trying to get a rough idea what a move would cost. Two bedroom apartment, just across town.
A: Happy to help with an estimate. What date are you thinking of moving, and is there an elevator or stairs at either place?
C: End of January, maybe? Like the thirtieth or thirty-first. Second floor walk-up now, and the new place is a house, so no stairs there.
A: Thanks. Any large or specialty items, like a piano, a safe, or a pool table?
C: Um, no piano. There's a big sectional couch. That's the worst of it.
A: Got it. For a two-bedroom local move with a three-person crew, most moves take four to six hours. Our rate is one hundred sixty-five dollars an hour, so most land between six hundred sixty and nine hundred ninety dollars, plus a one-time truck fee of ninety-five.
C: Okay. Is that, like, do you charge for the drive time too?
A: Drive time between the two addresses is included in the hourly rate. There's no separate travel fee inside the city.
C[timing]: Okay. That's not bad actually. I'm just, it's way early, I'm not even sure my lease thing is final yet.
A: That's completely fine. End-of-month dates book up quickly, though. I can put a free hold on January thirtieth with no deposit, and you can release it anytime. Would you like me to do that?
C[decision_maker]: Ehh, I'd want to run it by my girlfriend first, it's her stuff too, like half of it. Can you just send me the numbers?
A: Sure. What email should I send the estimate to?
C: zeke fontaine eighty-eight at example dot net.
A: Thanks. I have zeke fontaine eighty-eight at example dot net. The estimate will arrive in a few minutes. If you'd like the hold later, just call or reply to that email.
C: Cool, thanks.
A: Thank you for calling Two Rivers. Good luck with the move!
""",
     pii=["zeke fontaine eighty-eight at example dot net|EMAIL"],
     sent="neutral", trend="steady", reason="moving_quote_request",
     summary="Caller asked what a local two-bedroom move at the end of January would cost; the assistant estimated $660-$990 plus a $95 truck fee and offered a free date hold, but he wanted to wait on his lease and check with his girlfriend, so the estimate was emailed.",
     qa="g1 s0 v- e0 o1 a1 n1 c1 d1 x1",
     actions=[("a", "Email the written moving estimate to the caller"),
              ("c", "Talk it over with his girlfriend and call or reply to request the January 30 hold")],
     booking="not_booked", effort=1, res="unresolved"),

dict(id="tc_va_09", domain="voice_agent", agent=("Ivy (AI assistant, Greenlight Driving Academy)", "va-greenlight-01"),
     customer=("Rosalind Achebe", "+17045550181"), started_at="2026-11-11T20:26:00Z",
     turns="""
A: Hello and welcome to Greenlight Driving Academy. My name is Ivy, I'm an AI assistant. How can I help?
C: Hi, um, okay, so my son just got his permit and I have, honestly no idea how any of this works. Does he need a certain number of lessons? Is there a class first?
A: That's a very common question, and you're in the right place. In North Carolina, teens need thirty hours of classroom instruction and six hours behind the wheel with a certified instructor. We offer both. Has your son already done the classroom part?
C: Oh. No, I don't think so. He has the permit, but, hm, no, no class.
A: No problem. Our teen package includes the thirty-hour online course and six hours of in-car lessons, for four hundred and forty-five dollars.
C[price]: Oof. Four forty-five. That's more than I was expecting, I'll be honest.
A: I hear you. Many families use our two-payment plan, half now and half before the first drive. And the package includes the road test prep session, which usually runs seventy-five on its own.
C: Okay. Okay, that helps. Yeah, let's do it. What do you need from me?
A: Great. What's your son's full name and date of birth?
C: Jalen Achebe. J-A-L-E-N. He was born June second, two thousand ten.
A: Thank you. Jalen Achebe, born June second, two thousand ten. And your name as the parent or guardian?
C: Rosalind Achebe.
A: Thanks, Rosalind. For the first payment of two hundred twenty-two fifty, would you like to use a card now?
C: Yeah, um, it's the Visa ending in four four one eight. Do you need the whole number?
A: For security, I'll send you a secure payment link by text rather than taking the full number by voice. I've noted the card ending in four four one eight. Once it's paid, Jalen's online course unlocks right away, and I can book his first drive. I have Saturday mornings open starting November twenty-first.
C: Saturday the twenty-first is great, he has school during the week.
A: Booked: Jalen's first drive is Saturday, November twenty-first, at nine a.m., pickup from your home. We'll confirm the address when the payment link is completed.
C: That is amazing. Thank you, I was so lost before I called.
A: You're very welcome, Rosalind. Jalen's going to do great. Have a good evening!
""",
     pii=["Jalen Achebe|NAME", "J-A-L-E-N|NAME", "June second, two thousand ten|DATE_OF_BIRTH", "Rosalind Achebe|NAME",
          "Rosalind|NAME", "four four one eight|CARD_NUMBER", "Jalen|NAME"],
     sent="positive", trend="improving", reason="lesson_package_enrollment",
     summary="A confused parent learned the teen licensing requirements and, after balking at the $445 package, signed her son up using the two-payment plan; his first drive was booked for Saturday, November 21 at 9 a.m.",
     qa="g1 s1 v- e1 o1 a1 n1 c1 d1 x0",
     actions=[("c", "Complete the first payment through the secure text link"),
              ("a", "Confirm the pickup address once the payment link is completed")],
     booking="booked", effort=2, res="resolved"),

dict(id="tc_va_10", domain="voice_agent", agent=("Automated scheduler, Sparkhouse Cleaning", "va-sparkhouse-01"),
     customer=("Hollis Varga", "+15125550115"), started_at="2026-11-12T14:09:00Z",
     turns="""
A: Sparkhouse Cleaning scheduling line. What can I do for you?
C: Yeah, I need to move my cleaning. It's supposed to be Thursday and I've, I've already tried the online thing twice and it keeps giving me an error.
A: Sorry about the trouble with the website. I can move it for you here. To pull up your booking, what's the service address?
C: Forty-one twelve Larkspur Lane, Austin, seven eight seven four five.
A: Thank you. And for security, can you confirm the name on the account?
C: Hollis Varga. V-A-R-G-A.
A: Thanks, Hollis, that matches. I see a standard clean this Thursday, November twelfth, at ten a.m. What day works better?
C: Anything next week, Monday or Tuesday, but it has to be after noon. I work from home in the mornings and the vacuum is, yeah.
A: Understood. I have Monday, November sixteenth at one p.m., or Tuesday the seventeenth at twelve thirty.
C: Monday at one.
A: Done. Your cleaning is now Monday, November sixteenth, at one p.m., same team, same checklist. Your Thursday appointment is cancelled with no fee, since it's more than twenty-four hours away.
C: Okay, good. Thanks. Should I report the website thing to someone, or?
A: I'll pass the error along to our office team so they can look into it. You'll get a text confirmation for Monday shortly.
C: Alright. That was, yeah, easier than the website. Thanks.
A: Glad I could help. Anything else today?
C: No.
A: Okay. Have a good one.
""",
     pii=["Forty-one twelve Larkspur Lane, Austin, seven eight seven four five|ADDRESS", "Hollis Varga|NAME", "V-A-R-G-A|NAME", "Hollis|NAME"],
     sent="neutral", trend="improving", reason="reschedule_appointment",
     summary="A customer frustrated that the website kept failing called to move Thursday's cleaning; after verifying the address and account name the assistant rebooked it for Monday, November 16 at 1 p.m. with no fee and said it would report the website error.",
     qa="g0 s0 v1 e1 o1 a1 n1 c1 d1 x0",
     actions=[("a", "Pass the online booking error on to the office team"),
              ("a", "Send a text confirmation for the Monday 1 p.m. cleaning")],
     booking="booked", effort=2, res="resolved"),

dict(id="tc_va_11", domain="voice_agent", agent=("Luna (AI receptionist, Petal & Polish Nail Bar)", "va-petalpolish-01"),
     customer=("Carmen Esquivel", "+17025550147"), started_at="2026-11-12T21:33:00Z",
     turns="""
A: Hi there, welcome to Petal and Polish Nail Bar! I'm Luna, the salon's AI receptionist. How can I make your day better?
C: Hi! I need to cancel my appointment for tomorrow, please. The gel fill at three.
A: I can help with that. Can I get the name on the appointment?
C: Carmen Esquivel.
A: Thanks, Carmen. I see your gel fill tomorrow at three p.m. with Bianca. Would you like to reschedule instead of cancelling? I have Saturday at eleven or Monday at four.
C[timing]: No, thank you, things are just kind of crazy right now. I'll just cancel.
A: Totally understand. Bianca also has a Wednesday evening slot next week, at six thirty. Would that work?
C[need]: No, really, just cancel it, please. I'm thinking I might let them grow out for a while anyway.
A: Of course. Did you know that if you book within the next seven days, you'll get ten percent off your next service?
C[need]: Okay. I said I don't want to book. Can you just cancel it?
A: Your gel fill tomorrow at three p.m. is cancelled. You'll receive a confirmation text shortly.
C: Okay.
A: Can I do anything else for you?
C: Nope.
A: Thank you for calling Petal and Polish. Bye!
""",
     pii=["Carmen Esquivel|NAME", "Carmen|NAME", "Bianca|NAME"],
     sent="neutral", trend="worsening", reason="cancel_appointment",
     summary="Client called to cancel tomorrow's 3 p.m. gel fill; the assistant pushed three times to rebook (other slots, a 10% discount) before cancelling, leaving the caller mildly irritated.",
     qa="g1 s1 v0 e0 o1 a1 n1 c1 d0 x0",
     actions=[("a", "Send the cancellation confirmation text")],
     booking="not_booked", effort=3, res="resolved"),

dict(id="tc_va_12", domain="voice_agent", agent=("Wren (AI concierge, Stillwater Day Spa)", "va-stillwater-01"),
     customer=("Abigail Thornbury", "+19195550122"), started_at="2026-11-13T16:20:00Z",
     turns="""
A: Good afternoon, Stillwater Day Spa. I'm Wren, your virtual concierge. How can I help you relax today?
C: Hi! So I got a gift card for my birthday, which, yay, and I'd like to book a massage with it. The ninety-minute one if you have it.
A: Happy birthday! I'd be glad to book that. Our ninety-minute signature massage is available this Sunday at ten a.m. or two p.m.
C: Oh, two p.m. Sunday would be lovely.
A: Wonderful. To hold the appointment, we require a fifty-dollar non-refundable deposit on a credit card.
C[price]: Wait, but I have a gift card, I don't, do I still have to put a card down? The gift card's for two hundred, it covers the—
A!: The deposit is required for all appointments over sixty minutes. It will be applied to your service total.
C[price,trust]: Okay but if it's applied to the total and the gift card covers the total, then, like, what's the deposit for? I don't love putting fifty dollars down that I can't get back.
A: I understand. The deposit is non-refundable if you cancel within forty-eight hours. May I take your card now?
C: You keep saying that. Is there anyone there who can just note the gift card instead?
A: Deposits cannot be waived by phone. I can take your card, or you can book in person at the front desk.
C: Ugh. Fine. It's a Mastercard ending in seven seven zero three.
A: Thank you. Card ending in seven seven zero three. What name should the appointment be under?
C: Abigail Thornbury.
A: You're booked, Abigail, for a ninety-minute signature massage this Sunday at two p.m. Please arrive fifteen minutes early and bring your gift card.
C: Yeah. Okay. Kind of killed the birthday vibe, but okay.
A: Okay. Goodbye.
""",
     pii=["seven seven zero three|CARD_NUMBER", "Abigail Thornbury|NAME", "Abigail|NAME"],
     sent="negative", trend="worsening", reason="gift_card_booking",
     summary="A caller with a $200 birthday gift card booked a 90-minute massage for Sunday at 2 p.m. but was put off by the mandatory $50 non-refundable deposit; the assistant cut her off, would not note the gift card instead and took her card anyway.",
     qa="g1 s1 v- e0 o1 a1 n1 c0 d0 x0",
     actions=[("c", "Arrive 15 minutes early on Sunday and bring the gift card")],
     booking="booked", effort=4, res="resolved"),
]
