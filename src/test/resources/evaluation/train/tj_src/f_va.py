call(id="tj_va_01", agent=("Mia (AI receptionist, Sound Path Audiology)","va-soundpath-01"), customer=("Gloria Achebe","+17705550112"), at="2026-11-03T13:40:00Z",
turns="""
A: Hello, and thank you for calling Sound Path Audiology. I'm Mia, the clinic's virtual assistant. How can I help today?
C: Yes. My doctor says I need a hearing test. I'd like an appointment.
A: I can help with that. Have you been to Sound Path before?
C: No, first time.
A: Welcome. May I have your first and last name?
C: {N:Gloria Achebe}. That's {N:A-C-H-E-B-E}.
A: Thank you, {N:Gloria}. And your date of birth?
C: {D:June twelfth, nineteen fifty-eight}.
A: Got it. Is there a particular concern, like ringing in the ears, or trouble in noisy places?
C: Restaurants. The phone sometimes.
A: Thank you, that's helpful for the audiologist. We have a new patient hearing evaluation with Doctor {N:Reyes} on Monday at nine-thirty, or Wednesday at two. Which would you prefer?
C: Wednesday at two is good.
A: Wednesday, November eleventh, at two p.m. with Doctor {N:Reyes}. Does your doctor's referral need to come with you, or will they fax it?
C: I don't know.
A: No problem. Ask them to fax it ahead if they can, otherwise bring a copy. Please plan to arrive fifteen minutes early for paperwork. Shall I text the confirmation to the number you're calling from?
C: Yes.
A: And do you have insurance you'd like on file?
C: Medicare, and a supplement. The supplement member ID is {AC:M P K four four eight two one zero}.
A: Thank you, I have {AC:M P K four four eight two one zero}. Your confirmation text is on its way, and you'll also get a reminder the day before. Is there anything else I can do for you?
C: No. That's it.
A: Thank you, {N:Gloria}. We look forward to seeing you Wednesday. Goodbye!
""", sent="neutral/steady", reason="new_patient_booking",
summary="New patient referred by her doctor for trouble hearing in restaurants booked a hearing evaluation with Dr. Reyes for Wednesday, November 11 at 2 p.m.; a text confirmation was sent.",
qa="1 1 - 0 1 1 1 1 1 1", actions=[("c","Ask her doctor to fax the referral ahead or bring a copy"),("c","Arrive fifteen minutes early for paperwork"),("a","Send a reminder the day before the appointment")],
booking="booked", effort=1, res="resolved")

call(id="tj_va_02", agent=("Leo (AI intake assistant, Hartwell Family Law)","va-hartwell-02"), customer=("Derek Sloane","+18165550133"), at="2026-11-04T23:05:00Z",
turns="""
A: Thanks for calling Hartwell Family Law. This is Leo, the firm's automated intake assistant. What can I help you with?
C: Yeah, I got pulled over Saturday and they charged me with a DUI. I need somebody for court, it's on the twentieth.
A: Thank you for explaining. Hartwell Family Law handles divorce, custody, support and adoption. The firm does not take criminal cases, including DUI.
C: Oh. Okay. Your ad just said attorneys, so.
A: I understand the confusion. The Jackson County Bar Association runs a lawyer referral line that can match you with a criminal defense attorney, usually within a day. Would you like that number?
C: Yeah, go ahead.
A: The referral line is eight one six, five five five, zero one nine zero. I can also text it to you.
C: Text it, I'm driving. Well, not driving. I'm in the car.
A: Understood. I'll send it to the number you're calling from. Is that a mobile number?
C: Yeah.
A: It's sent. Since your court date is the twentieth, I'd suggest calling them tomorrow morning when they open at eight.
C: Okay.
A: Is there anything else I can help with?
C: Nah.
A: Thank you for calling. Good luck with your case.
""", sent="neutral/steady", reason="criminal_defense_inquiry",
summary="Caller charged with a DUI needed a lawyer for court on the 20th; the family-law firm does not take criminal cases, so the assistant texted him the county bar's lawyer referral line.",
qa="1 1 - 1 1 - 1 1 0 1", actions=[("c","Call the bar association referral line tomorrow at 8 to find a criminal defense attorney")],
booking="service_not_offered", effort=2, res="resolved")

call(id="tj_va_03", agent=("Sky (virtual assistant, Ridgeline Property Management)","va-ridgeline-01"), customer=("Kwame Mensah","+16155550171"), at="2026-11-05T12:15:00Z",
turns="""
A: Hi, you've reached Ridgeline Property Management. I'm Sky, the virtual assistant. Are you calling about maintenance, rent, or something else?
C: Maintenance. Again. There's water coming through my kitchen ceiling. From upstairs, same as last time.
A: I'm sorry to hear that. Is water actively dripping right now?
C: Dripping, yeah. I've got a pot under it. This is the second time. It happened in August too.
A: Thank you. Is there any water near electrical outlets or light fixtures?
C: No, it's by the sink. Not near the light.
A: Okay. Please tell me your name and unit.
C: {N:Kwame Mensah}, {AD:unit three B, forty Harding Place}.
A: Thank you, {N:Kwame}. I've marked this urgent. A maintenance technician can come today between one and four p.m. Does that work?
C: I mean, does it have to be that late? It's dripping now.
A: I understand. One p.m. is the earliest available. I'm also notifying the on-site manager, who can check the unit above you this morning.
C: Okay. That's, okay. At least somebody's going upstairs.
A: Do we have permission to enter if you're not home?
C: Yes. I'll be here though.
A: Great. Confirmed: technician today between one and four, and the on-site manager will check unit four B this morning. You'll get a text when the technician is on the way.
C: Alright. Whatever gets it fixed.
A: Thank you for letting us know. Is there anything else?
C: No, that's it.
A: Okay. Take care, {N:Kwame}.
""", sent="negative/improving", reason="maintenance_request",
summary="Tenant reported water dripping through his kitchen ceiling from the unit above, for the second time; the assistant booked an urgent technician visit today from 1 to 4 p.m. and alerted the on-site manager to check the unit upstairs.",
qa="1 1 - 1 1 1 1 1 1 1", actions=[("a","Technician to repair the leak today between 1 and 4 p.m."),("a","On-site manager to check unit 4B this morning"),("a","Text the tenant when the technician is on the way")],
booking="booked", effort=2, res="resolved")

call(id="tj_va_04", agent=("Nova (AI assistant, Crystal Cove Pools)","va-crystalcove-01"), customer=("Brenda Oakes","+19545550107"), at="2026-11-06T14:55:00Z",
turns="""
A: Crystal Cove Pools. How can I help you?
C~: I need to move my service day. You have me on Thursdays but my, we're having the yard fenced and the gate's going to be locked Thursday and—
A: I can help you reschedule an appointment. What is the service address?
C: {AD:Eleven forty-two Coral Way}.
A: Thank you. I found a weekly service on Thursday at {AD:eleven forty-two Coral Way}. Would you like to cancel this appointment?
C: No. Not cancel. Move. Just this week, to Friday or whatever.
A: I can move this week's visit. Available days are Friday, November thirteenth, or Monday, November sixteenth.
C: Friday.
A: Your pool service is now Friday, November thirteenth. Will the technician have gate access?
C~: Yes, Friday the fence guys are done, the gate code is the same. Four four—
A: Thank you. Please do not share codes over the phone. You can update your gate code in the customer app.
C: Okay, well, it's the same code, so.
A: Understood. Your regular Thursday service will resume on November nineteenth. Is there anything else?
C: No.
A: Thank you for calling Crystal Cove Pools. Goodbye.
""", sent="negative/worsening", reason="reschedule_appointment",
summary="Customer needed this week's Thursday pool service moved because the gate will be locked during fencing; the assistant moved it to Friday, November 13, with regular Thursdays resuming on the 19th.",
qa="0 0 0 0 1 1 1 1 0 0", actions=[("a","Technician to service the pool Friday, November 13")],
booking="booked", effort=3, res="resolved", expect_int=True)
