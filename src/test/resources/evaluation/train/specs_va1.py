CALLS = [
dict(id="tc_va_01", domain="voice_agent", agent=("Remy (AI receptionist, Maple Grove Dental)", "va-maplegrove-01"),
     customer=("Denise Akintola", "+17205550112"), started_at="2026-11-03T15:12:00Z",
     turns="""
A: Good morning, thanks for calling Maple Grove Dental. I'm Remy, the practice's virtual assistant. What can I do for you today?
C: Oh hi, hi. Um, I'm looking to get set up as a new patient? I just moved here and I'm, uh, way overdue for a cleaning.
A: Welcome to the area! I can get you scheduled. Is this for a routine cleaning and exam, or is anything bothering you, like pain or sensitivity?
C: No, no pain, thankfully. Just the regular cleaning. It's been like, two years, which, yeah, I know.
A: No judgment at all, that happens a lot after a move. Can I get your first and last name?
C: Sure, it's Denise Akintola. That's A-K-I-N-T-O-L-A.
A: Thank you, Denise. And your date of birth?
C: March ninth, nineteen ninety-one.
A: Got it, March ninth, nineteen ninety-one. Do you have dental insurance you'd like us to keep on file?
C: Yes, through my work, it's, um, Delta. Do you guys take that? I just wanna make sure before I come in.
A: We're in network with Delta Dental PPO plans. Our front desk will double-check your specific plan before the visit. For a new patient exam and cleaning, I have next Tuesday at eight a.m. or Thursday at two thirty p.m. Which would you prefer?
C: Oh, Tuesday at eight is perfect, before work.
A: You're all set for Tuesday, November tenth, at eight a.m. with our hygienist. Please plan to arrive about fifteen minutes early for new patient forms. Should I text the forms to the number you're calling from?
C: Yes please, that'd be great.
A: Perfect. I'll text a link to seven two zero, five five five, zero one one two. If you fill them out ahead of time you can skip the clipboard. Can I help with anything else?
C: Nope, that's it. That was really easy, thank you.
A: My pleasure, Denise. We look forward to meeting you Tuesday. Have a great day!
""",
     pii=["Denise Akintola|NAME", "A-K-I-N-T-O-L-A|NAME", "Denise|NAME", "March ninth, nineteen ninety-one|DATE_OF_BIRTH",
          "seven two zero, five five five, zero one one two|PHONE"],
     sent="positive", trend="steady", reason="new_patient_booking",
     summary="A newly relocated caller booked a new-patient exam and cleaning; the assistant confirmed Delta Dental PPO is in network and booked Tuesday at 8 a.m., texting new-patient forms to her phone.",
     qa="g1 s1 v- e1 o1 a1 n1 c1 d1 x1",
     actions=[("c", "Fill out the new-patient forms from the text link before the visit"),
              ("a", "Front desk to verify the caller's Delta Dental plan before the Tuesday visit")],
     booking="booked", effort=1, res="resolved"),

dict(id="tc_va_02", domain="voice_agent", agent=("Juniper (AI assistant, Cedar Creek Animal Hospital)", "va-cedarcreek-02"),
     customer=("Marcus Bellweather", "+15035550164"), started_at="2026-11-04T22:41:00Z",
     turns="""
A: Hello, you've reached Cedar Creek Animal Hospital. This is Juniper, the hospital's automated assistant. Is your pet sick or injured, or are you calling about something else?
C: Yeah hi, my dog, she's been throwing up since like last night, and she won't eat, and I'm, I'm kind of freaking out a little.
A: I'm sorry, that sounds really stressful. Let me ask a couple of quick questions so I can get her seen at the right time. Is she able to stand and walk, and is she drinking water?
C: She's walking, yeah. She drank a little this morning. She's just, she's really quiet, she's not herself.
A: Thank you. Has she gotten into anything unusual, like trash, bones, toys, or any medications, that you know of?
C: I, I don't think so. Maybe the trash? I honestly don't know. Ugh.
A: That's okay. Based on what you've told me, she should be seen today. I have a same-day sick visit at four fifteen this afternoon with Doctor Halvorsen. Would you like me to book that?
C: Today? Oh thank god. Yes. Yes please book it.
A: Done. Can I have your name and your dog's name?
C: Marcus Bellweather. And she's Pepper.
A: Thank you, Marcus. Pepper is booked for four fifteen today with Doctor Halvorsen. If she starts vomiting blood, seems bloated, or can't stand before then, please come straight in, our emergency side is open. Is this the best number to reach you?
C: Uh, yeah, this one's fine. How much is a sick visit, roughly? Just so I know.
A: A sick visit exam is eighty-five dollars. Any tests or medications the doctor recommends would be quoted to you before they're done.
C: Okay, that's fine. Okay. Wow, I feel so much better just having a time.
A: I'm glad. Please bring a list of anything she's eaten recently if you can. Do you have any other questions?
C: No, that's, no. Thank you so much, seriously.
A: You're welcome, Marcus. We'll see you and Pepper at four fifteen. Take care.
""",
     pii=["Halvorsen|NAME", "Marcus Bellweather|NAME", "Marcus|NAME"],
     sent="positive", trend="improving", reason="sick_visit_request",
     summary="An anxious owner whose dog had been vomiting and not eating got a same-day 4:15 sick visit with Dr. Halvorsen; the assistant gave warning signs for coming straight to the emergency side and quoted the $85 exam fee.",
     qa="g1 s1 v- e1 o1 a1 n1 c1 d1 x1",
     actions=[("c", "Bring Pepper in at 4:15 today with a list of anything she may have eaten"),
              ("c", "Go straight to the emergency side if Pepper vomits blood, bloats or can't stand")],
     booking="booked", effort=1, res="resolved"),

dict(id="tc_va_03", domain="voice_agent", agent=("Sol (virtual receptionist, Gilded Strand Hair Studio)", "va-gildedstrand-01"),
     customer=("Kaylee Drummond", "+14805550129"), started_at="2026-11-05T17:05:00Z",
     turns="""
A: Gilded Strand Hair Studio, you're speaking with Sol, the studio's virtual receptionist. What would you like to book or ask about?
C: Hi. How much is balayage? Like for shoulder length.
A: Balayage starts at two hundred and ten dollars for shoulder-length hair, and it includes a toner and blowout. The final price depends on your hair's thickness and your current color. Have you had color done recently?
C: Um, about four months ago. Box dye, kind of a dark brown.
A: Thanks. With previous box dye, our stylists usually recommend a color consultation first, which is free and takes about fifteen minutes, because lifting box dye can take extra time.
C[price]: Okay. Two ten though, that's a lot more than I figured, honestly.
A: I understand. We also have a partial balayage starting at one sixty-five, which does just the face-frame and top layer.
C[price,competitor]: Hmm. My old stylist back in Tucson did the full thing for like one twenty.
A: Prices do vary by area and stylist. Would you like to book the free consultation so a stylist can give you an exact quote for your hair?
C: How far out are you booking? Like is there anything this week?
A: For consultations, I have Friday at eleven a.m. or Saturday at nine thirty a.m.
C[competitor]: I'm gonna hold off. I'm gonna look around a bit first.
A: No problem. You can call back or book online anytime at our website.
C: Okay.
A: Thanks for calling Gilded Strand. Bye now.
""",
     pii=[],
     sent="neutral", trend="steady", reason="service_pricing_inquiry",
     summary="Caller asked the price of shoulder-length balayage; the assistant quoted $210 (partial from $165) and offered a free color consultation, but she found it pricier than her old stylist and decided to shop around.",
     qa="g0 s1 v- e1 o1 a1 n0 c1 d1 x0",
     actions=[],
     booking="not_booked", effort=2, res="unresolved"),

dict(id="tc_va_04", domain="voice_agent", agent=("Max (AI assistant, Ridgeline Auto Care)", "va-ridgeline-01"),
     customer=("Trevor Stankiewicz", "+16145550151"), started_at="2026-11-05T13:22:00Z",
     turns="""
A: Hi there! Thanks for calling Ridgeline Auto Care. I'm Max, an AI assistant. What can I help you with?
C: Yeah, I dropped my truck off Monday for a check engine light and nobody's called me, and I was told it'd be done Tuesday, so I'm just trying to find out—
A!: I can help you schedule a service appointment. What type of service do you need?
C: No. I don't need an appointment. It's already there. It's been there since Monday.
A: I understand. To look up an existing repair order, could you tell me the phone number on the account?
C: Six one four, five five five, zero one five one.
A: I heard six one four, five five five, zero one five seven. Is that correct?
C: No. Zero one five one. One. This is, honestly, this is the third time I've called this week.
A: Thank you. Six one four, five five five, zero one five one. One moment while I look that up.
A+3.6: Thanks. I found a repair order for a twenty eighteen Ford F-one-fifty under Trevor. The status shows waiting on parts. Is there anything else you need today?
C: Waiting on what parts? Nobody told me anything about parts. When's it gonna be done?
A: I don't have an estimated completion date for that order. Would you like to schedule a service appointment for—
C!: Oh my god. No. Stop. I need a human. Can I talk to the service advisor, Rick or whoever?
A: I can have a service advisor call you back. Our advisors are currently with customers. Is six one four, five five five, zero one five one the best number?
C: Yes. That's literally the number I just gave you.
A: Thank you. A service advisor will return your call within two business hours. Is there anything else?
C: Two hours. Great. Just great. No, that's it.
A: Okay. Goodbye.
""",
     pii=["Six one four, five five five, zero one five one|PHONE", "six one four, five five five, zero one five one|PHONE", "six one four, five five five, zero one five seven|PHONE", "Zero one five one|PHONE",
          "Trevor|NAME", "Rick|NAME"],
     sent="negative", trend="worsening", reason="repair_status_inquiry",
     summary="Customer whose truck had been in the shop since Monday called for a status update; the assistant talked over him, kept offering to book service, only found a 'waiting on parts' status with no date, and he demanded a human, so an advisor callback within two business hours was set.",
     qa="g1 s1 v0 e0 o1 a1 n1 c0 d0 x0",
     actions=[("a", "Service advisor to call the customer back within two business hours about the truck's parts and completion date")],
     booking="not_booked", effort=5, res="escalated"),

dict(id="tc_va_05", domain="voice_agent", agent=("Bea (AI host, Osteria Lucca)", "va-osterialucca-01"),
     customer=("Priya Raghunathan", "+13125550187"), started_at="2026-11-06T19:30:00Z",
     turns="""
A: Buonasera and thank you for calling Osteria Lucca! I'm Bea, the restaurant's virtual host. Are you calling about a reservation?
C: Hi Bea! Yes, I'd love to book a table for Saturday. It's for my parents' anniversary, so there'll be eight of us.
A: Oh, how lovely, congratulations to them! For a party of eight on Saturday, I have six p.m. or eight fifteen p.m. in our back room, which is a bit quieter.
C: Ooh, the back room at six sounds perfect. Um, is there like a set menu for groups, or do we order off the regular menu?
A: Parties of eight or more can choose the regular menu or our family-style tasting menu at fifty-eight dollars a person, which is four courses. You can decide on the night.
C: Okay good to know, we'll probably just see how everyone feels.
A: Sounds good. May I have a name for the reservation?
C: Priya Raghunathan. P-R-I-Y-A, and then Raghunathan is R-A-G-H-U-N-A-T-H-A-N.
A: Thank you, Priya. And an email for the confirmation?
C: It's priya dot r dot eats at example dot com.
A: Got it, priya.r.eats@example.com. Since it's an anniversary, would you like us to bring out a complimentary tiramisu with a candle for your parents?
C: Oh my gosh, yes, they would love that. That's so sweet.
A: I've added it to the booking. You're confirmed for Saturday, November fourteenth, at six p.m., party of eight, in the back room. Groups of eight or more have a twenty-minute grace period, so we'll hold the room until six twenty.
C: Perfect. You've been super helpful, thank you.
A: It's my pleasure. We can't wait to celebrate with your family. Have a wonderful evening!
""",
     pii=["Priya Raghunathan|NAME", "P-R-I-Y-A|NAME", "R-A-G-H-U-N-A-T-H-A-N|NAME", "Priya|NAME",
          "priya dot r dot eats at example dot com|EMAIL", "priya.r.eats@example.com|EMAIL"],
     sent="positive", trend="steady", reason="group_booking",
     summary="Caller booked an anniversary dinner for eight on Saturday at 6 p.m. in the back room; the assistant explained the $58 family-style tasting menu option and added a complimentary anniversary tiramisu.",
     qa="g1 s1 v- e1 o1 a1 n1 c1 d1 x1",
     actions=[("a", "Bring out a complimentary tiramisu with a candle for the parents' anniversary on Saturday")],
     booking="booked", effort=1, res="resolved"),

dict(id="tc_va_06", domain="voice_agent", agent=("Aria (AI receptionist, Northbank Physiotherapy)", "va-northbank-01"),
     customer=("Gordon Whitfield", "+12065550173"), started_at="2026-11-09T16:48:00Z",
     turns="""
A: Northbank Physiotherapy, this is Aria, an automated assistant. How may I help you?
C: Yes, hello. I was wondering whether you do the, uh, dry needling? My chiropractor mentioned it for my shoulder.
A: Thanks for asking. Our physiotherapists don't offer dry needling at this clinic. We do offer manual therapy, exercise programs, and shockwave therapy for shoulder problems.
C: I see. No, it was specifically the needling he suggested.
A: Understood. Some patients in your area go to Harbor Integrative Health on Fourth Avenue for dry needling. Would you like their phone number?
C: Yes, that would be useful.
A: Their number is two zero six, five five five, zero one nine eight.
C: Two oh six, five five five, oh one nine eight. Okay. Got it.
A: That's right. If you'd also like a physiotherapy assessment for your shoulder, I can book one for you.
C: No, I think I'll try the needling first, thank you.
A: Of course. I hope the shoulder feels better soon.
C: Actually, do you know if they take Medicare over there?
A: I'm sorry, I don't have information about another clinic's insurance. Harbor Integrative Health can confirm that when you call.
C: Right, fair enough.
A: Anything else for you today?
C: No, that's all.
A: Thank you for calling Northbank Physiotherapy. Goodbye.
""",
     pii=[],
     sent="neutral", trend="steady", reason="service_inquiry",
     summary="Caller asked whether the clinic offers dry needling for his shoulder; it does not, so the assistant referred him to Harbor Integrative Health with their number and offered a physiotherapy assessment, which he declined.",
     qa="g0 s1 v- e1 o1 a1 n0 c1 d0 x0",
     actions=[("c", "Call Harbor Integrative Health about dry needling")],
     booking="service_not_offered", effort=1, res="resolved"),
]
