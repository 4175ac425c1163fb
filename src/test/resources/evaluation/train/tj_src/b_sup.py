call(id="tj_sup_04", agent=("Lorraine Pak","HA-207"), customer=("Walter Brandvold","+16515550174"), at="2026-11-06T16:05:00Z",
turns="""
A: Good morning, ClearTone Hearing support line, my name is {N:Lorraine}. And who's calling?
C: This is {N:Walt Brandvold}. I've got a question about my, my hearing aids. The charger.
A: Sure, {N:Walt}. Are you a patient of one of our clinics?
C: Yes, the one over on, uh, Snelling. Doctor {N:Amundsen}.
A: Lovely. I'll look you up by birthday, what's your date of birth?
C: {D:March third, nineteen forty-one}.
A: Thank you. I see you have the Vero two rechargeables, fitted in August. What's the charger doing?
C: Well, I put them in at night and the little lights blink orange, and in the morning they're only half charged. By supper they're dead.
A: Okay. Orange blinking usually means the contacts aren't touching right. Do you have a dry tissue handy?
C: I can get one. Hang on.
A[gap 6.2]: Take your time.
C: Okay. Got it.
A: Wipe the little gold contacts on the bottom of each hearing aid, and the two inside the charger cups. Sometimes earwax or skin oil builds up there.
C: Oh, there's some gunk on there alright. Okay. Wiped.
A: Now pop them back in and tell me what color the lights are.
C: Green. Both green now. Well, I'll be.
A: That's what we want. Do that wipe about once a week. I'm also going to mail you a little cleaning brush kit, no charge, it makes it easier.
C: That's very kind. My wife's been after me to call for a week.
A: If they still don't last the day by Monday, call us back and we'll get you in with Doctor {N:Amundsen} to swap the charger. Anything else today?
C: No, that's it. I appreciate it.
A: You're welcome, {N:Walt}. Enjoy your day.
""", sent="positive/steady", reason="device_troubleshooting",
summary="Patient's rechargeable hearing aids were only half charging; the agent walked him through cleaning the charging contacts, which fixed it, and is mailing him a free cleaning kit.",
qa="1 1 1 0 1 - 1 1 1 1", actions=[("a","Mail the patient a cleaning brush kit at no charge"),("c","Call back if the hearing aids still don't last the day by Monday to get the charger swapped")],
effort=1, res="resolved")

call(id="tj_sup_05", agent=("Trent Wallace","PM-042"), customer=("Yasmin Haddad","+13125550131"), at="2026-11-06T21:15:00Z",
turns="""
A: Lakeshore Residential, resident services.
C: Hi, yes, hi. I'm a tenant at the Morrow building and my rent got taken out twice this month. Like, twice, on the first and then again on the third, and I—
A: Which unit?
C: Four-twelve. {AD:Two two five West Morrow Street, unit four twelve}.
A: Name?
C: {N:Yasmin Haddad}.
A: Yeah I see two payments. The second one is the autopay. Did you also pay manually?
C: No. I mean, I logged in to check the balance and the page froze, but I didn't hit pay. I would know if I hit pay.
A: System shows a manual payment on the first. So, that's, that's what it shows.
C: Okay, but I'm telling you I didn't. That's nineteen hundred dollars sitting with you that I need for, for other bills.
A: Yeah, there's nothing I can do with that from here.
C: Okay, so who can? I need it back. I have a car payment coming out on the tenth.
A: Refunds have to be approved by the property manager. She's not in till Monday.
C: So I just wait till Monday and, what, hope. Can you at least put in a request so she calls me?
A: I guess I can do that.
C: Great. Just great. Can you at least tell me when the money would come back if she approves it?
A: Usually seven to ten business days after approval.
C~: Seven to ten days after Monday, so that's past the—
A: That's the policy, ma'am. I can't speed it up.
C: Fine. Put in the request. My number's {P:three one two, five five five, zero one three one}.
A: Okay. Request is in.
C: Okay.
A: Okay, bye.
""", sent="negative/worsening", reason="billing_dispute",
summary="Tenant was charged rent twice and asked for the duplicate $1,900 back; the agent said he could do nothing and only put in a refund request for the property manager when she pushed for one; the manager will call her after Monday.",
qa="0 0 0 0 0 - 0 0 0 0", actions=[("a","Property manager to review the refund request and call the tenant back after Monday")],
effort=5, res="escalated", expect_int=True)

call(id="tj_sup_06", agent=("Bianca Serrano","SEC-6140"), customer=("Leon Fairchild","+17205550128"), at="2026-11-09T14:31:00Z",
turns="""
A: Hello and thanks for calling Sentinel Peak Security. I'm {N:Bianca}, what can I help with?
C: Hey {N:Bianca}. We're moving at the end of the month and I wanted to see if I can take the alarm with me. Or, you know, what the deal is.
A: Congrats on the move! Let me pull up the account. What's the address we have you at now?
C: {AD:Forty-one eighteen Juniper Ridge Court, Aurora}.
A: And for security, the last four of the account holder's Social?
C: {S:six zero two one}.
A: Perfect, thank you {N:Leon}. So you've got about twenty months left on the agreement. The good news is we have a mover's program, we transfer the monitoring to the new place and you don't pay a cancellation fee.
C: Okay. And the equipment? Do I pull it off the walls myself?
A: We'd send a tech to install a fresh kit at the new house, and you can leave the old panel for the new owners. Where are you headed?
C: {AD:Nine oh six Larkspur Lane, Castle Rock, eight oh one zero four}.
A: Castle Rock, nice. That's in our service area. The install is normally ninety-nine, but under the mover's program it's waived.
C: Okay.
A: When do you get the keys?
C: The twenty-eighth.
A: Would you like me to book the install for the twenty-ninth or thirtieth?
C: Let's do the thirtieth, afternoon if you can.
A: Thirtieth, one to five. And I'll also add a free smoke detector since the new place is bigger, you'd just need to confirm the square footage when the tech gets there.
C: Sure.
A: So, recap: monitoring at the current address stays on through the twenty-ninth, install at {AD:Larkspur Lane} the thirtieth one to five, no fees. You'll get an email confirming it today. Anything else?
C: No, that's everything.
A: Great. Happy moving, {N:Leon}!
""", sent="neutral/steady", reason="service_transfer_move",
summary="Customer moving house asked about taking his alarm service along; the agent transferred the monitoring under the mover's program with no fees, booked the new install for the 30th and added a free smoke detector.",
qa="1 1 1 1 1 1 1 1 1 1", actions=[("a","Technician to install the new system at the Castle Rock address on the 30th, 1 to 5"),("a","Email the customer a confirmation of the transfer today"),("c","Confirm the square footage with the technician at install")],
effort=1, res="resolved")

call(id="tj_sup_07", agent=("Omar Castellanos","MT-330"), customer=("Denise Whitlock","+14045550177"), at="2026-11-10T19:02:00Z",
turns="""
A: DreamCrest Sleep warranty desk, this is {N:Omar}.
C: Hi, I filed a warranty claim on my mattress like three weeks ago and I got an email saying it was denied. I'd like to know why.
A: Sure, what's the claim number?
C: W C nine one four four two.
A: Thanks. And the name on the claim?
C: {N:Denise Whitlock}.
A: Okay, {N:Denise}. So it was denied because the photos didn't show the measurement. We need to see a ruler or tape measure in the dip, and it has to be an inch and a half or more.
C: Nobody told me that. The form just said upload photos.
A: Yeah, I hear that a lot, it's not clear on the form. I'm sorry about that.
C: So what, I start over?
A: No, I can reopen the same claim. You'd just need to send new photos with a tape measure across the mattress and a ruler going down into the low spot.
C: And if it's an inch and a quarter? Because honestly I've been sleeping in a hole for six months.
A: Then under the warranty it wouldn't qualify, unfortunately. The threshold is an inch and a half.
C: Mm-hm. So it's basically designed so nobody qualifies.
A: I get why it feels that way. If it's close, send it anyway and I'll put a note for the reviewer.
C: Where do I send them.
A: Reply to the denial email with the photos and put the claim number in the subject. I'll reopen it now.
C: Fine.
A: Anything else I can help with?
C: No.
A: Alright, have a good night.
""", sent="negative/steady", reason="warranty_claim",
summary="Customer asked why her mattress warranty claim was denied; the agent explained the photos lacked a sag measurement, reopened the claim and told her to send new photos with a tape measure, though she doubts it will qualify.",
qa="0 1 1 1 1 - 1 1 0 0", actions=[("c","Reply to the denial email with new photos showing a tape measure and ruler in the sag, claim number in the subject"),("a","Add a note for the reviewer on the reopened claim")],
effort=3, res="unresolved")
