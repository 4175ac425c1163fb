CALLS = [
dict(id="tc_csr_01", domain="csr", agent=("Nadia Castellanos", "CSR-311"),
     customer=("Bernard Oyelaran", "+14045550133"), started_at="2026-11-02T15:47:00Z",
     turns="""
A: Good morning, Peachtree Movers, this is Nadia speaking.
C: Morning. Yeah, we're moving out of our house in about three weeks and I need somebody to come look at it and give us a real number. Not one of those online guesses.
A: Absolutely, we do free in-home surveys for that. Where are you moving from and to?
C: From Decatur up to Marietta. Four bedroom, plus a garage that's, uh, honestly a disaster.
A: Ha, garages always are. Do you have a firm move date yet?
C: Closing is December fourth, so we need to be out by the third. That part's not moving, no pun intended.
A: Okay, that's a Thursday. Are you the homeowner, and will you be the one making the call on the mover?
C: Yeah, me and my wife, but she's already said just pick somebody good, so, it's me.
A: Perfect. I'd love to get a surveyor out this week so we can lock in the third before it fills up. I have Wednesday at five thirty or Friday at nine a.m.
C: Wednesday at five thirty. I'm home by five.
A: Great. What's the address in Decatur?
C: It's two fourteen Glenhaven Drive, Decatur, three zero zero three zero.
A: Two fourteen Glenhaven Drive. And the best phone number is the one you're calling from?
C: Yep, 404-555-0133.
A: And your name and an email for the written estimate?
C: Bernard Oyelaran. Email is b.oyelaran@example.org.
A: Got it, Bernard. So Marcus from our survey team will be at the house Wednesday at five thirty, takes about forty-five minutes, and you'll have the written binding estimate by email within a day. I'm also going to pencil in December third on our calendar so nobody else grabs the crew.
C: Oh nice, that's great. I didn't know you could do that.
A: Sure thing. Anything else I can do for you?
C: No, that's perfect. Appreciate it, Nadia.
A: Thanks for calling Peachtree, Bernard. Talk soon.
""",
     pii=["Nadia|NAME", "two fourteen Glenhaven Drive, Decatur, three zero zero three zero|ADDRESS", "Two fourteen Glenhaven Drive|ADDRESS",
          "404-555-0133|PHONE", "Bernard Oyelaran|NAME", "b.oyelaran@example.org|EMAIL", "Bernard|NAME", "Marcus|NAME"],
     sent="positive", trend="steady", reason="moving_estimate_request",
     summary="Homeowner moving from Decatur to Marietta by December 3 booked a free in-home survey for Wednesday at 5:30; the CSR also pencilled in the December 3 crew date and promised a binding estimate by email within a day.",
     qa="g1 s1 v- e0 o1 a1 n1 c1 d1 x1",
     actions=[("a", "Surveyor Marcus to visit Wednesday at 5:30 p.m."),
              ("a", "Email the written binding estimate within a day of the survey")],
     booking="booked", qual="hot", effort=1, res="resolved"),

dict(id="tc_csr_02", domain="csr", agent=("Dolores Fairbanks", "CSR-118"),
     customer=("Quentin Ashby", "+13035550152"), started_at="2026-11-02T19:11:00Z",
     turns="""
A: Brightway Home Cleaning, Dolores.
C: Hi, um, hi. Question. Do you guys do mold? Like, cleaning up mold? We've got it coming up behind the washer, like a patch on the drywall.
A: How big of a patch are we talking?
C: Maybe, like, two feet by three feet? It smells kind of musty in there too.
A: Yeah, so, we're a regular housekeeping service. We don't do mold removal, that's a remediation job, you need people who are certified for it.
C: Oh. Okay. I figured you'd just, like, scrub it.
A: Not something that size, no. If it's behind the drywall it usually means there's a leak somewhere, and if you scrub it you can spread the spores.
C: Huh. Okay, I didn't know that. Who would I call then?
A: I don't really have anybody I'd send you to. Just look up mold remediation, there's a bunch of them.
C: Okay. And, sorry, is that expensive, do you know?
A: No idea, sorry. You'd have to ask them.
C: Okay, fair. Thanks.
A: Yep. And keep the laundry room door closed and run a fan in there till they come out.
C: Oh, okay, will do. Thanks for the tip.
A: Mm-hm. Bye.
""",
     pii=["Dolores|NAME"],
     sent="neutral", trend="steady", reason="mold_remediation_inquiry",
     summary="Caller asked a housekeeping service to clean a two-by-three-foot mold patch behind the washer; the CSR explained they don't do mold remediation and told him to look up a certified remediation company, advising him to keep the room closed with a fan running.",
     qa="g0 s1 v- e0 o0 a- n0 c0 d1 x1",
     actions=[("c", "Find a certified mold remediation company to test and remove the mold")],
     booking="service_not_offered", qual="unqualified", effort=2, res="resolved"),

dict(id="tc_csr_03", domain="csr", agent=("Reggie Oduya", "CSR-042"),
     customer=("Lorna Beckwith", "+18165550119"), started_at="2026-11-03T13:36:00Z",
     turns="""
A: Thanks for calling Blue Valley Auto Service, this is Reggie. What's going on with the vehicle?
C: My brakes are grinding. Like metal-on-metal grinding. And before you ask, yes, I already had them looked at, I went to a place on Ward Parkway two weeks ago and they charged me three hundred and eighty dollars and now it's worse.
A: Oh man, I'm sorry. That's the last thing you want after you just paid for it.
C: Yeah, well. This is the third time I've had to deal with this car this month, so I'm not exactly in a great mood.
A: I completely get it. Grinding like that usually means the pads are down to the metal or something's not seated right. I wouldn't drive it much more than you have to. Can you bring it in today?
C[trust]: Today, sure, but how do I know you're not just gonna tell me the same thing and charge me again? No offense.
A: None taken. Here's what we do: our brake inspection is free, and our tech, Dimitri, will show you the parts and take photos before we touch anything. If it's something the other shop did wrong, we'll tell you that too, so you can take it back to them.
C[price]: Okay. And if it does need something, what am I looking at? Because I am not paying another four hundred bucks.
A: If it's just pads on one axle, we're usually around one eighty to two twenty. Rotors would add more, but you'll get a written quote first, and nothing happens without your okay.
C: Fine. Okay. What time?
A: I can take it at one p.m. today, and it should be about an hour for the inspection. What's the vehicle?
C: Twenty sixteen Honda CR-V. Silver.
A: And roughly how many miles on it?
C: Um, like ninety-four thousand? Ninety-five maybe.
A: Okay. Is the grinding front or back, can you tell? And does the steering wheel shake when you brake?
C: Front, I think. Driver's side. No shaking, it's just the noise. It's like, ugh, it makes my teeth hurt.
A: Yeah, that sounds like a pad issue. One more thing, did the other shop replace rotors too, or just pads?
C: I don't even know. The receipt says, hold on, I have it in my purse somewhere.
C+5.8: It says, uh, front brake service, pads, resurface rotors. Three eighty.
A: Okay, that's helpful. If they resurfaced instead of replacing, and the rotors were already thin, that can cause exactly this. We'll measure them.
C: See, that's, nobody explained any of that to me last time. They just handed me the keys.
A: That's not how it should go. You should always know what was done and why.
C: Okay. Well. Okay.
A: And your name and the best number?
C: Lorna Beckwith. Eight one six, five five five, zero one one nine.
A: Got it, Lorna. Silver twenty sixteen CR-V at one o'clock today, free brake inspection, Dimitri will walk you through the photos before any work. And keep the receipt from the other shop, you'll want it if it's their install.
C: Yeah. Okay. I'll be there. Thanks, I guess. Sorry for being short with you.
A: No apology needed, it's been a rough month for you. See you at one, drive easy.
""",
     pii=["Reggie|NAME", "Dimitri|NAME", "Lorna Beckwith|NAME", "Eight one six, five five five, zero one one nine|PHONE", "Lorna|NAME"],
     sent="negative", trend="improving", reason="brake_repair",
     summary="Frustrated customer whose brakes are grinding after a $380 repair elsewhere booked a free brake inspection for 1 p.m. today; the CSR promised photos and a written quote before any work and quoted $180-$220 for pads on one axle.",
     qa="g1 s1 v- e1 o1 a1 n1 c1 d1 x1",
     actions=[("c", "Bring the CR-V in at 1 p.m. today with the other shop's receipt"),
              ("a", "Inspect the brakes, photograph the parts and give a written quote before any work")],
     booking="booked", qual="hot", effort=2, res="resolved"),

dict(id="tc_csr_04", domain="csr", agent=("Vivian Mercado", "CSR-207"),
     customer=("Harriet Lindqvist", "+16175550190"), started_at="2026-11-03T17:55:00Z",
     turns="""
A: Hello, thank you for calling Tidy Nest Cleaning Co., my name is Vivian. What are you looking for today?
C: Hi, yes, I'm getting prices for a biweekly cleaning. It's a three bedroom, two bath, about eighteen hundred square feet.
A: Sure. Do you have any pets, and are you looking for a deep clean to start, or just the regular biweekly?
C: One cat. And, um, I guess the regular? The house isn't terrible.
A: Okay. For that size, our biweekly service is one fifty-five per visit, and we do recommend a first-time deep clean at two ninety so the team can get everything to a baseline.
C[price]: Hmm. Two ninety for the first one. That adds up.
A: It does. The good news is that after the first visit, most biweekly homes stay right at the regular rate, and we include inside the microwave and baseboards every time.
C[competitor]: Right. I got a quote from another company yesterday for one thirty-five biweekly, and they didn't say anything about a deep clean.
A: That's fair to compare. I'd just ask whether they're insured and whether it's the same team every time. Ours are employees, not contractors, and you get the same two people every visit. Would you like me to get you on the schedule? I have a first visit next Thursday.
C[timing,competitor]: I think I'm gonna wait and see. I have one more company coming to look on Monday.
A: Totally understandable. Can I send you our checklist and pricing by email so you have it side by side?
C: Sure, it's h lindqvist at example dot com. L-I-N-D-Q-V-I-S-T.
A: Thank you, Harriet. I'll send that over this afternoon, and if you decide on us, just mention this call and I'll knock twenty dollars off the deep clean.
C: Oh. Okay, that's nice. Thank you.
A: You're welcome. Good luck with the search, and have a nice day.
C: You too.
""",
     pii=["Vivian|NAME", "h lindqvist at example dot com|EMAIL", "L-I-N-D-Q-V-I-S-T|NAME", "Harriet|NAME"],
     sent="neutral", trend="steady", reason="recurring_cleaning_quote",
     summary="Caller price-shopping biweekly cleaning for an 1,800 sq ft house was quoted $155 per visit plus a $290 first deep clean; she compared it with a $135 quote and another company visiting Monday, so the CSR emailed the pricing and offered $20 off the deep clean.",
     qa="g1 s1 v- e1 o1 a1 n1 c1 d1 x1",
     actions=[("a", "Email the cleaning checklist and pricing this afternoon"),
              ("c", "Compare after Monday's other estimate and mention this call to get $20 off the deep clean")],
     booking="not_booked", qual="warm", effort=1, res="unresolved"),

dict(id="tc_csr_05", domain="csr", agent=("Owen Pruitt", "CSR-019"),
     customer=("Genevieve Marchetti", "+15055550171"), started_at="2026-11-04T16:03:00Z",
     turns="""
A: Hi, Sandia Tree and Yard, Owen here.
C: Hi Owen! Oh, I'm so glad someone picked up, I figured I'd get a machine. I have kind of a, a vague question.
A: Vague's fine, go for it.
C: So we've got this big old cottonwood in the backyard, it's gorgeous, but it drops branches every time the wind picks up. I'm not doing anything about it this year, but I'm trying to get a sense of, you know, what trimming one of those even costs. For, like, next spring maybe.
A: Sure. How tall would you say, and is it near the house or power lines?
C: Ooh. Taller than the house, so, fifty feet? It's more over the back fence than the house.
A: Okay. A crown thinning on a cottonwood that size usually runs somewhere between eight hundred and fourteen hundred, depending on access. If it's not hanging over the roof, that's good news.
C[timing]: Okay. Yeah. That's about what I thought. Honestly, we just did the fence this year, so the budget's kind of tapped till spring.
A: Totally makes sense. Late winter's actually the best time to prune cottonwoods anyway, before the leaves come out.
C[need]: Oh really? That's good to know. And honestly, my husband keeps saying the branches are fine, it's only little ones, so who knows, maybe we'll just leave it.
A: Could be. If any of the bigger limbs start cracking, though, I'd have someone look sooner. Falling cottonwood limbs are no joke.
C: Noted. You've been really helpful, I appreciate you not pushing anything on me.
A: No problem at all. If you want, I can put you on our reminder list and we'll give you a call in February when we start scheduling spring pruning.
C: Oh sure, that'd be nice. It's Genevieve Marchetti, and the number's five oh five, five five five, zero one seven one.
A: Got it, Genevieve. I'll put you down for a February call. Have a great rest of your week.
C: You too! Bye-bye.
""",
     pii=["Owen|NAME", "Genevieve Marchetti|NAME", "five oh five, five five five, zero one seven one|PHONE", "Genevieve|NAME"],
     sent="positive", trend="steady", reason="tree_trimming_inquiry",
     summary="Homeowner asked what trimming a large cottonwood might cost for next spring; the CSR estimated $800-$1,400, advised late winter as the best pruning time and added her to a February reminder call list.",
     qa="g1 s1 v- e1 o1 a0 n1 c1 d1 x1",
     actions=[("a", "Call the customer in February when spring pruning scheduling opens")],
     booking="not_booked", qual="cold", effort=1, res="resolved"),

dict(id="tc_csr_06", domain="csr", agent=("Tamsin Greer", "CSR-330"),
     customer=("Desmond Okafor-Reyes", "+12535550108"), started_at="2026-11-05T23:18:00Z",
     turns="""
A: Evening, Puget Paws Veterinary, this is Tamsin, what's going on?
C: Hi, hey. Sorry, I know it's late. Um, I'm leaving for my mom's on the twentieth, my, she had surgery, and I need somewhere to board my dog for like, ten days? And I just, I'm kind of scrambling.
A: Oh, I'm sorry about your mom, that's a lot to juggle. I wish I had better news, but we're a clinic only, we don't do boarding here.
C: Oh. Okay. Crap. Sorry. I just, every place I've called is full for Thanksgiving.
A: Yeah, this week's brutal for boarding. Is your pup one of our patients? I can at least check his vaccines are current, because every kennel's going to ask.
C: Yeah, he's, his name's Biscuit, under Desmond Okafor-Reyes.
A: Got him. Can you confirm your address on file for me?
C: Eleven oh six Alder Street, Tacoma.
A: Perfect, thank you. Biscuit's rabies and DHPP are current, but his Bordetella expired in September. Most kennels require that one.
C: Oh no. Seriously?
A: It's a quick one. Honestly, Sound Dog Lodge on Pearl Street told us Monday they still had a few holiday spots, and they're good with nervous dogs. And if you want, I can email you his records right now so you have them ready.
C: Oh my gosh, yes. Yes please. Same email, it's desmond.okr at example dot net.
A: Sent. And we can do the Bordetella without an exam, it's a five-minute tech visit. Want me to put him down for tomorrow at eight fifteen?
C[timing]: Um, can I call you in the morning? Once I know where he's actually going? I think some of these places do it when you drop off.
A: Sure, some do. We open at seven thirty, just ask for a tech visit.
C: Okay. Oh thank goodness. You've literally saved my whole week.
A: Happy to help. So call Sound Dog Lodge first thing, then us if he still needs the shot, and give your mom our best.
C: I will. Thank you so much, Tamsin.
A: Take care, Desmond. Good night.
""",
     pii=["Tamsin|NAME", "Desmond Okafor-Reyes|NAME", "Eleven oh six Alder Street, Tacoma|ADDRESS", "desmond.okr at example dot net|EMAIL", "Desmond|NAME"],
     sent="positive", trend="improving", reason="pet_boarding_inquiry",
     summary="Stressed owner needing ten days of holiday boarding learned the clinic doesn't board; the CSR checked his dog's vaccines, emailed the records, referred him to Sound Dog Lodge and offered a quick Bordetella booster, which he will book in the morning if the kennel can't give it.",
     qa="g1 s1 v1 e1 o1 a1 n1 c1 d1 x1",
     actions=[("c", "Call Sound Dog Lodge about holiday boarding"),
              ("c", "Call the clinic in the morning to book a Bordetella tech visit if the kennel doesn't give it")],
     booking="service_not_offered", qual="unqualified", effort=2, res="resolved"),
]
