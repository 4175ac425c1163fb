call(id="tj_va_05", agent=("Clara (AI assistant, Whitfield and Sons Funeral Home)","va-whitfield-01"), customer=("Lorna Baptiste","+15045550183"), at="2026-11-08T04:20:00Z",
turns="""
A: Thank you for calling Whitfield and Sons Funeral Home. I'm Clara, the after-hours assistant. How can I help you?
C: Hi. Um. My father passed about an hour ago. At home. Hospice was here. They said to call you.
A: I'm so sorry for your loss. I'll make sure a funeral director is contacted right away. May I have your name?
C: {N:Lorna Baptiste}.
A: Thank you, {N:Lorna}. And your father's name?
C: {N:Claude}. {N:Claude Baptiste}.
A: Thank you. Is the hospice nurse still with you?
C: Yes, she's, she's in the other room doing the paperwork.
A: Good. What is the address where your father is?
C: {AD:Twenty-seven fifteen Esplanade Avenue}. In New Orleans.
A: Thank you. I'm connecting you now to Mr. {N:Whitfield}, the director on call tonight. He will arrange to bring your father into our care and talk with you about the next steps. You don't need to decide anything tonight.
C: Okay. Okay. Does it cost, for them to come tonight? I don't, I don't even know what he had set up.
A: Mr. {N:Whitfield} can go over all of that with you. There's no decision or payment needed tonight.
C: Alright.
A: Please stay on the line while I connect you. If we're disconnected, he will call you back at this number within ten minutes.
C: Thank you.
A: You're welcome. Connecting you now.
""", sent="negative/steady", reason="death_notification",
summary="Daughter called after hours to report her father had died at home under hospice; the assistant took the details and warm-transferred her to the on-call funeral director, who will arrange the transfer of her father into their care.",
qa="1 1 - 1 1 - 1 1 1 0", actions=[("a","On-call director to arrange bringing the father into the funeral home's care and discuss next steps"),("a","Director to call back within ten minutes if the call disconnects")],
booking="not_booked", effort=1, res="escalated")

call(id="tj_va_06", agent=("Ava (AI receptionist, Stonebridge Kitchen and Bath)","va-stonebridge-03"), customer=("Russell Kurtz","+14695550146"), at="2026-11-09T17:33:00Z",
turns="""
A: Hi! Thanks for calling Stonebridge Kitchen and Bath. I'm Ava, the virtual receptionist. Would you like to book a free design consultation?
C~: Maybe. I first want to know what a basic kitchen runs with you guys. Cabinets and counters, ten by twelve, nothing crazy, just—
A: Great! Our designers create custom plans for every kitchen. I can book you a free in-home consultation. What day works best?
C: No, hold on. I'm asking for a price range. Do you have a price range?
A: Pricing depends on materials, layout and finishes. Our designer will provide a detailed quote at your consultation.
C{trust}: Right, and then I've got a salesman at my kitchen table for three hours. I've done this before.
A: Consultations typically last about ninety minutes. Would Saturday morning work?
C{price}: Ninety minutes. Okay. Can you at least say if it's twenty thousand or fifty thousand? Because if it's fifty I'm out before we start.
A: I'm not able to provide quotes. I can connect you with our sales team during business hours, Monday through Friday, eight to five.
C: It's Monday. It's five thirty.
A: Our office is currently closed. Would you like to book a consultation?
C{competitor}: No. I'll call Home Depot, they'll at least tell me something.
A: I understand. Is there anything else I can help with?
C: Nope.
A: Thank you for calling Stonebridge Kitchen and Bath. Have a great evening!
""", sent="negative/worsening", reason="kitchen_remodel_pricing",
summary="Caller wanted a rough price range for basic cabinets and counters; the virtual receptionist talked over him and repeatedly pushed a consultation without giving any range, and he gave up to call a competitor.",
qa="1 1 - 0 1 1 0 1 0 0", actions=[],
booking="not_booked", effort=4, res="unresolved", expect_int=True)

call(id="tj_va_07", agent=("Skye (AI assistant, Slumber Depot)","va-slumberdepot-02"), customer=("Imani Rowe","+12705550158"), at="2026-11-10T19:48:00Z",
turns="""
A: Thanks for calling Slumber Depot! I'm Skye, the store's virtual assistant. What can I help you with?
C: Hi Skye. Quick question. Do you guys haul away old mattresses? Like if I didn't buy one from you?
A: Good question. Slumber Depot removes an old mattress only when we deliver a new one. We don't offer pickup by itself.
C: Ah. Darn. Okay.
A: If it helps, Warren County runs a free bulky item drop-off at the recycling center on Saturdays, eight to noon, and they take mattresses.
C: Oh, really? Free?
A: Yes, for county residents with a license showing their address. Some cities also have a curbside bulky pickup you can schedule. Would you like me to text you the recycling center's address?
C: Yes! That'd be great, thanks.
A: I'll send it to this number. Is there anything else I can help with? We also have a mattress sale running through Sunday, if you're shopping.
C{need}: Ha, no, I'm good. I just got a new one from my sister. I just need the old one gone.
A: Got it. The text is on its way.
C: Perfect. Honestly I thought I'd be stuck with this thing forever. Thank you!
A: You're welcome! Have a great night.
C: You too, bye.
""", sent="positive/improving", reason="mattress_disposal_inquiry",
summary="Caller asked whether the store hauls away old mattresses without a purchase; it only removes them on delivery of a new one, so the assistant suggested the county's free Saturday bulky-item drop-off and texted the address.",
qa="1 1 - 0 1 0 0 1 0 1", actions=[("c","Take the old mattress to the county recycling center drop-off on a Saturday, 8 to noon")],
booking="service_not_offered", effort=1, res="resolved")
