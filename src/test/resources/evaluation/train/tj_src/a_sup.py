call(id="tj_sup_01", agent=("Marisol Fenwick","SUP-311"), customer=("Gordon Pelletier","+17635550142"), at="2026-11-03T15:12:00Z",
turns="""
A: Northloop Outfitters customer care, you're speaking with {N:Marisol}, how can I help?
C: Yeah. Okay. So. I've been through this same return with two of your people already. I sent back two jackets on, uh, October ninth and I still don't have my money.
A: Okay, let me pull that up. What's the order number or the email on the order?
C: It's {E:g pelletier at example dot net}. And the order, I don't, it's like N L something, I don't have it in front of me.
A: That's fine, the email works. And for security, what's the billing ZIP on the card you used?
C: {AD:five five four one six}.
A: Thank you, Mr. {N:Pelletier}. Okay, I see the return. Both jackets were scanned at our warehouse on the, the twenty-first.
C: The twenty-first. So it's been sitting there for two weeks. And the last person told me five to seven business days. The person before that told me the same thing.
A: I'm sorry you've had to keep calling on this, that's, that's not how it should go. It looks like the refund got stuck in a review queue because one item was marked as worn.
C: Worn. It still had the tags on it. Both of them had the tags on.
A: Right. I'm looking at the photos from the dock and I can see the tags, so I'm going to override that flag right now.
C: Mm.
A[gap 4.8]: Okay. That's done. The full amount, one eighty-four ninety, is releasing back to your card ending in {CC:two two zero eight}. Give your bank three to five days to show it.
C: Three to five days. Fine. And if it's not there?
A: Then call us back and ask for me, {N:Marisol}, extension four one one, and I'll escalate it to payments directly. I've also put a note on the account so nobody flags it again.
C: Okay. I mean, I'll believe it when I see it, but okay.
A: Completely fair. You'll also get an email confirming the refund amount within the hour.
C: Alright. That's all I needed.
A: Thanks for your patience, {N:Gordon}, and sorry again for the runaround. Take care.
C: Yep.
""", sent="negative/improving", reason="refund_status",
summary="Customer calling for the third time about a missing refund for two returned jackets; the agent found it stuck because one item was wrongly flagged as worn, overrode the flag and released the $184.90 refund to his card.",
qa="0 1 1 1 1 - 1 1 1 1", actions=[("a","Send the customer an email confirming the refund amount within the hour"),("c","Call back and ask for Marisol if the refund has not posted in three to five days")],
effort=4, res="resolved")

call(id="tj_sup_02", agent=("Devontae Hill","SEC-5521"), customer=("Ruth Abernathy","+14125550163"), at="2026-11-04T18:40:00Z",
turns="""
A: Good afternoon, Keystone Home Protection, this is {N:Devontae}. What can I do for you today?
C: Hi {N:Devontae}. I'd like to cancel my monitoring, please.
A: I can help with that. Can I get the account number, or the phone number on the account?
C: Account is {AC:K H seven seven three zero four one}.
A: And the verbal passcode on the account?
C: Oh gosh. It's, um, it's "bluebird".
A: Perfect, thank you {N:Ruth}. Before I put that through, can I ask what's prompting the cancellation?
C: Well, the, the panel keeps going off in the middle of the night. The back door sensor. Three times this month. And every time the police show up, and my neighbors are looking at me like I'm, you know.
A: Oh no, that's, at night too. That's really not what you signed up for.
C{need}: No. And honestly I live on a quiet street, I'm not sure I even need it anymore.
A: Understood. Can I ask, did anybody come out and look at that back door sensor?
C: No. Nobody offered.
A: Okay. So what I'm seeing is a sensor that's about nine years old. Those batteries get weak and they throw false alarms. What I'd like to do is send a tech out at no charge, swap the sensor, and I'll take two months of monitoring off for the trouble.
C{price}: Hmm. What's it cost me per month now? Because I was also thinking it's a lot for what it is.
A: You're at thirty-four ninety-nine. I can also move you to our basic plan at twenty-seven ninety-nine since you're not using the camera service.
C: Oh. Well, that's different. Nobody told me there was a cheaper one.
A: So, would you like me to set that up, the free sensor swap, the two months credit, and the basic plan, instead of canceling?
C: Yes. Yes, let's do that. Oh, thank goodness, I was dreading this call.
A: Happy to help. The tech can come Thursday between eight and noon, is that okay?
C: Thursday morning is fine.
A: Great. So Thursday, eight to noon, sensor swap, no charge. Your next bill will show the credit and the new rate. Anything else I can do for you?
C: No, you've been super helpful. Thank you, dear.
A: You're very welcome, {N:Ruth}. Have a good evening.
""", sent="positive/improving", reason="cancellation_request",
summary="Customer called to cancel monitoring after repeated night-time false alarms from a back door sensor; the agent offered a free sensor replacement, two months of credit and a cheaper basic plan, and she accepted and stayed.",
qa="1 1 1 1 1 1 1 1 1 1", actions=[("a","Technician to replace the back door sensor Thursday between 8 and noon at no charge")],
effort=2, res="resolved")

call(id="tj_sup_03", agent=("Kendra Oyelaran","CS-1187"), customer=("Phil Daugherty","+15135550119"), at="2026-11-05T13:22:00Z",
turns="""
A: Hi, thanks for calling Hearth and Haven Furniture, I'm {N:Kendra}.
C~: Hi. We got our sectional delivered yesterday and it's the wrong color. We ordered the, uh, the slate gray and this is more like a beige. Like an oatmeal—
A: Okay, do you have the order number handy?
C: Yeah it's H H dash four four one nine zero.
A: And the last name on the order?
C: {N:Daugherty}. {N:D-A-U-G-H-E-R-T-Y}.
A: Thanks. Okay, I see slate gray on the order. Let me check what was pulled from the warehouse.
C[gap 5.1]: Sure.
A: Yeah, so it looks like they pulled the sand color, which is right next to it in the system. That's on us.
C: Okay. So what happens now.
A: We can do an exchange. The delivery team picks up the sand one and brings the slate the same trip. No cost to you. Earliest I see is, um, next Tuesday or Wednesday.
C~: Does it have to be a weekday? We both work—
A: We have Saturday, the fifteenth, but that's a four hour window, eight to twelve.
C: Saturday works. Put us down for that.
A: Done. Saturday the fifteenth, eight to twelve. Just leave the sand sectional in the packaging if you still have it, but it's not required.
C: We already threw out the cardboard.
A: That's fine, they'll wrap it. You'll get a text the evening before with a two hour window.
C: Alright. Thanks.
A: Sure thing. Bye now.
""", sent="neutral/steady", reason="wrong_item_delivered",
summary="Customer received a sectional in the wrong color; the agent confirmed a warehouse picking error and scheduled a free exchange delivery for Saturday the 15th, 8 to 12.",
qa="1 1 1 0 1 - 1 0 0 0", actions=[("a","Delivery team to swap the sand sectional for the slate gray one on Saturday the 15th, 8 to 12"),("a","Text the customer the evening before with a two-hour window")],
effort=2, res="resolved", expect_int=True)
