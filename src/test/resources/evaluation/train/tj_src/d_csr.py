call(id="tj_csr_01", agent=("Priya Raman","KR-12"), customer=("Brent Lindqvist","+16085550117"), at="2026-11-03T14:10:00Z",
turns="""
A: Good morning, Oak and Anvil Kitchens, this is {N:Priya}. How can I help?
C: Morning. Yeah, we're looking to redo our kitchen. Cabinets, counters, probably the floor. We just closed on the house so we want to get going before the holidays if that's even possible.
A: Congratulations on the house! Okay, so a full remodel. Is it a gut job, or are you keeping the layout?
C: Keeping the layout mostly. Maybe moving the sink to an island. My wife has a whole Pinterest board, believe me.
A: Ha, those help a lot actually. Roughly how big is the kitchen?
C: Like twelve by fifteen.
A: Okay. And do you have a budget range in mind, or still figuring that out?
C: We were thinking forty, forty-five thousand. Is that realistic for what I just said?
A: For cabinets, quartz, and an island with plumbing in that size, forty to fifty is right in the zone. The designer will give you exact numbers.
C: Okay good. How does the estimate work, do you charge for it?
A: The first in-home design consult is free. Our designer measures, looks at the plumbing, and brings samples. Can I get you on the calendar this week?
C: Yeah, sooner the better. Both of us need to be there though.
A: Of course. I have Thursday at five-thirty or Saturday at ten.
C{competitor}: Saturday at ten. Just so you know, my wife's cousin does cabinets too, so we'll probably get a number from him as well.
A: That's totally fine, it's good to compare. We'll make sure you have everything in writing.
A: Great. Can I get the address?
C: {AD:Two-nineteen Vilas Avenue, Madison}.
A: And your name and best number?
C: {N:Brent Lindqvist}. {N:L-I-N-D-Q-V-I-S-T}. The number I'm calling from is fine.
A: Perfect. So that's Saturday at ten with {N:Hector}, our senior designer. He'll text you the morning of. If you can, email him a few of those Pinterest pictures beforehand, it saves time.
C: Will do. Thanks, this was quick.
A: Thanks {N:Brent}, and welcome to the neighborhood. Have a great day!
""", sent="positive/steady", reason="kitchen_remodel_estimate",
summary="New homeowner wants a full kitchen remodel with an island before the holidays, budget $40-45k; the CSR booked a free in-home design consult with the senior designer for Saturday at 10 with both spouses present.",
qa="1 1 - 1 1 1 1 1 1 1", actions=[("a","Hector to text the customer the morning of the Saturday 10 a.m. design consult"),("c","Email the designer inspiration photos before the visit")],
booking="booked", qual="hot", effort=1, res="resolved")

call(id="tj_csr_02", agent=("Dustin Reyes","WN-77"), customer=("Carla Moretti","+12155550148"), at="2026-11-04T19:26:00Z",
turns="""
A: BrightView Windows, {N:Dustin} speaking.
C: Hi, I'm just trying to get a rough price on replacing windows. I have fourteen windows, regular double hung, nothing fancy.
A~: Sure thing, we'd love to help. The best way is to get one of our design consultants out to—
C~: Yeah, I know, but I'm just looking for a ballpark. Like per window, what am I—
A: So every house is different, that's why the consultant measures everything and walks you through the options.
C{trust}: I understand that. But I'd rather not have someone sit in my living room for two hours. I just want a number.
A: It's usually about an hour and a half. And he can give you the number right there.
C: Okay. The other company I called gave me a range over the phone, so it's not impossible.
A: Totally. I just don't want to quote you something that's way off. Most customers land somewhere between eight hundred and fourteen hundred per window installed.
C{price}: Fourteen hundred a window. So that's, like, twenty thousand dollars. Wow.
A: Could be less. We also have a buy four get one free this month. When's a good time for the consultant, evenings or weekends?
C{timing}: I'm not booking anything today.
A: It's free and there's no obligation.
C{competitor}: I heard you. I'm going to compare a couple more places first.
A: Okay, can I at least get your email to send the promo?
C: Fine. {E:carla moretti at example dot com}.
A: Got it. I'll send it over tonight.
C: Okay. Thanks.
A: Yep, bye.
""", sent="negative/worsening", reason="window_replacement_pricing",
summary="Caller wanted a per-window price for replacing fourteen windows; the CSR kept pushing an in-home consult before giving an $800-$1,400 range, and the caller declined to book and will compare other companies.",
qa="0 1 - 0 1 1 1 0 1 1", actions=[("a","Email the customer the buy-four-get-one promotion tonight"),("c","Compare quotes from other window companies")],
booking="not_booked", qual="warm", effort=4, res="unresolved", expect_int=True)

call(id="tj_csr_03", agent=("Shauna Briggs","PL-03"), customer=("Vikram Desai","+19725550125"), at="2026-11-05T15:50:00Z",
turns="""
A: Thank you for calling Lone Star Pool Service, this is {N:Shauna}, how can I help?
C: Yeah, hi. Do you guys do plaster resurfacing? My pool's got rough spots all over, it's tearing up my kids' feet.
A: Oh, ouch. No, I'm sorry, we only do weekly cleaning, chemicals, and equipment repair. We don't do any plaster or tile work.
C: Ugh. You're the third place I've called today.
A: I'm sorry. Can I ask how old the plaster is?
C: Probably twenty years. We bought the house that way.
A: Yeah, twenty years is about when plaster gives out. The company I'd point you to is Gulf Coast Pool Plastering, they're in Plano, we send everybody there and people are happy.
C: Gulf Coast. Okay. Do they do quotes on the phone?
A: I think they come out for a free look. I can text you their number if you want.
C: Sure. This number's fine, {P:nine seven two five five five zero one two five}.
A: Okay, sending it now. And in the meantime, if you keep the chlorine and pH balanced it'll slow down the rough spots a bit.
C: Yeah, we do. It's just old.
A: Understood. Okay.
C: Yep. Thanks.
""", sent="negative/steady", reason="pool_resurfacing_inquiry",
summary="Caller asked about plaster resurfacing for a 20-year-old pool; the company only does cleaning and equipment repair, so the CSR referred him to a plastering company and texted him their number.",
qa="1 1 - 1 1 - 0 0 1 1", actions=[("c","Call Gulf Coast Pool Plastering for a resurfacing quote")],
booking="service_not_offered", qual="unqualified", effort=3, res="resolved")

call(id="tj_csr_04", agent=("Nathaniel Brooks","HS-451"), customer=("Tamsin Greaves","+16175550103"), at="2026-11-06T13:05:00Z",
turns="""
A: Hi, you've reached Bayside Home Security, I'm {N:Nate}. Are you calling about a new system?
C: Yes. Hi. I wanted to see about getting cameras and a door alarm for my apartment.
A~: Great. Is it a house, or a condo, or—
C: It's an apartment. I rent. Second floor.
A: Okay. So our installed systems are hardwired and we do drill into the walls and doors, so we'd need the property owner to sign off and be on the contract.
C{other}: Oh. I don't think my landlord would do that. He barely fixes the heat.
A: Yeah, I get it. Unfortunately the monitored plans are only for owners. But a lot of renters go with the plug-in cameras and stick-on sensors you can get at any hardware store, no drilling.
C: Do those call the police?
A: Some of them have a self-monitoring app, and a couple have paid monitoring. Just something to look into.
C: Okay. So there's nothing you can do for me.
A: Not unless your landlord signs. If you ever buy a place, give us a call though.
C: Sure. Alright.
A: Thanks for calling Bayside. Have a good one.
C: You too.
""", sent="neutral/steady", reason="security_system_inquiry",
summary="Renter asked about installing cameras and a door alarm in her apartment; the company only installs for property owners, so the CSR suggested renter-friendly plug-in cameras and sensors.",
qa="1 1 - 1 1 - 0 1 1 1", actions=[],
booking="not_booked", qual="unqualified", effort=2, res="resolved")
