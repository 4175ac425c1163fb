CALLS = [
dict(id="tc_sup_01", domain="support", agent=("Corinne Baptiste", "SUP-710"),
     customer=("Wendell Haraway", "+13365550161"), started_at="2026-11-10T15:02:00Z",
     turns="""
A: Oak Hollow Veterinary billing, this is Corinne. How can I help?
C: Yeah. I was charged twice for my cat's dental. Four hundred and sixty-two dollars, twice. That's over nine hundred bucks out of my checking account, and I've got rent coming out Friday.
A: Oh no, I'm really sorry, that's a scary thing to see on your statement. Let me look right now. Can I get the name on the account?
C: Wendell Haraway. H-A-R-A-W-A-Y.
A: Thank you. For security, can you confirm the last four of the card you paid with and your billing ZIP?
C: Card ends in two nine zero six. ZIP is two seven four one zero.
A: Thank you, Mr. Haraway, you're verified. Okay, I see the dental for Mochi on November sixth, and yes, I see two charges of four sixty-two, about ninety seconds apart. That looks like the terminal double-ran it.
C: Yeah, no kidding. I called Saturday and whoever answered said someone would call me back, and nobody did. So.
A: I'm sorry, that shouldn't have happened. I'm processing the refund for the duplicate charge right now, while we're on the phone.
C: How long does that take?
A: The refund is submitted now. Your bank usually posts it within three to five business days. I'm also emailing you a refund receipt so you have proof if you need to show your bank. Is the email on file still w haraway at example dot com?
C: Yeah. Three to five days. So not before Friday.
A: Probably not by Friday, I'm sorry. If it helps, the receipt has the transaction number, and some banks will release the hold faster if you call them with it.
C: Okay. Fine. I'll call them. It is what it is.
A: I'll also leave a note on the account about the missed callback so our manager sees it. What else can I look at for you?
C: No. Just make sure it actually goes through.
A: It will. You'll get the receipt in a few minutes. Thanks for your patience, Mr. Haraway, and give Mochi a scratch for us.
C: Yeah. Bye.
""",
     pii=["Corinne|NAME", "Wendell Haraway|NAME", "H-A-R-A-W-A-Y|NAME", "two nine zero six|CARD_NUMBER", "two seven four one zero|ADDRESS",
          "Haraway|NAME", "w haraway at example dot com|EMAIL"],
     sent="negative", trend="improving", reason="billing_dispute",
     summary="Customer was charged twice ($462 each) for his cat's dental and an earlier promised callback never came; after verifying him the agent refunded the duplicate during the call, emailed a receipt and noted the missed callback, though the money won't post before his rent is due.",
     qa="g0 s1 v1 e1 o1 a- n1 c1 d0 x1",
     actions=[("a", "Email the refund receipt to the customer"),
              ("c", "Call his bank with the transaction number to speed up the refund"),
              ("a", "Manager to review the note about the missed callback")],
     effort=3, res="resolved"),

dict(id="tc_sup_02", domain="support", agent=("Felix Arbuckle", "SUP-224"),
     customer=("Mei-Ling Zhao", "+14155550135"), started_at="2026-11-11T18:44:00Z",
     turns="""
A: Hi, you've reached Lumen Salon Group client support, how can I help you today?
C: Hi. I'm trying to use a gift card in the app and it says the balance is zero, but I haven't used it.
A: Let's take a look. Can I have the email address on your client profile?
C: It's meiling dot zhao at example dot com.
A: Thanks. And can you read me the gift card number on the back?
C: Okay, it's, um, G C, four four eight one, two two zero nine, six six three.
A: Thank you. So this card shows a balance of one hundred twenty-five dollars. It was purchased at our Hayes Valley location on October twelfth. It looks like it was never linked to your app profile, so the app shows zero.
C: Oh. Okay. So the money's there.
A: It is. I can link it to your profile now, if you'd like.
C: Yes, please.
A: Done. If you close and reopen the app, it should show the one twenty-five.
C: Hold on. Let me check.
C+5.5: Yeah. Okay. It shows now.
A: Great. For future gift cards, there's an add card button under Wallet, in case it happens again.
C: Okay, good to know.
A: Did you need anything else from us?
C: No, that was it.
A: Alright, thanks for calling, have a good day.
""",
     pii=["meiling dot zhao at example dot com|EMAIL"],
     sent="neutral", trend="steady", reason="gift_card_balance",
     summary="Client's gift card showed a zero balance in the salon app; after verifying her profile email the agent found $125 on the card, which had never been linked, linked it and showed her where to add cards in future.",
     qa="g1 s0 v1 e0 o1 a- n0 c1 d1 x1",
     actions=[],
     effort=1, res="resolved"),

dict(id="tc_sup_03", domain="support", agent=("Luis Paredes", "SUP-388"),
     customer=("Ingrid Solberg", "+16515550148"), started_at="2026-11-12T16:30:00Z",
     turns="""
A: Good afternoon, Riverbend Family Dental billing office, this is Luis speaking.
C: Hi Luis. Um, I got a letter saying my insurance denied the crown I had done in September and I owe eleven hundred dollars? And I just, I was told it was covered, so I'm kind of panicking a little.
A: Okay, take a breath, we'll figure this out together. Can I get the patient's name and date of birth?
C: Ingrid Solberg. October fourth, nineteen eighty-four.
A: And the last four of your social, just to confirm it's you?
C: Six one two seven.
A: Thank you, Ingrid, you're verified. And your insurance member ID, the one on the card?
C: It's M P, four zero nine, seven seven one, two three.
A: Perfect. Give me just a moment to pull up the claim.
A+6.2: Okay. So the denial reason is missing X-ray. Your insurance needs the pre-op X-ray with the claim, and it looks like it wasn't attached when we sent it. That's on our end, not yours.
C: Oh. So, so I don't owe eleven hundred dollars?
A: You shouldn't, no. I'm resubmitting the claim with the X-ray today, and I'm putting your balance on hold, so you won't get any more bills while it's reprocessed. Reprocessing usually takes two to three weeks.
C: Oh my gosh. Okay. Oh, that's such a relief.
A: I'm sorry for the scare. I'll call you once the insurance responds, and the reference for this resubmission is R B seven seven four two, if you ever need it.
C: R B seven seven four two. Got it. Thank you, Luis, really.
A: Of course. Is there anything more I can look into while I have you, Ingrid?
C: No, that was it. You made my day, honestly.
A: Glad to hear it. Take care!
""",
     pii=["Luis|NAME", "Ingrid Solberg|NAME", "October fourth, nineteen eighty-four|DATE_OF_BIRTH", "Six one two seven|NATIONAL_ID",
          "Ingrid|NAME", "M P, four zero nine, seven seven one, two three|ACCOUNT_NUMBER"],
     sent="positive", trend="improving", reason="claim_denial",
     summary="Patient panicked over an $1,100 bill after her crown claim was denied; the agent verified her, found the claim was missing the pre-op X-ray on the office's side, resubmitted it, put her balance on hold and promised a call when insurance responds.",
     qa="g1 s1 v1 e1 o1 a- n1 c1 d1 x1",
     actions=[("a", "Resubmit the crown claim with the pre-op X-ray today"),
              ("a", "Call the patient once the insurance reprocesses the claim")],
     effort=2, res="resolved"),

dict(id="tc_sup_04", domain="support", agent=("Dawn Kessler", "SUP-502"),
     customer=("Raymond Tolliver", "+18015550177"), started_at="2026-11-13T20:05:00Z",
     turns="""
A: ShineRight Cleaning, customer care, this is Dawn. What can I do for you?
C: Yeah, I want to cancel the biweekly service. Just cancel it.
A: I can help with that. Can you verify the service address and the phone number on the account?
C: Seventy-seven Kestrel Court, Sandy. And it's 801-555-0177. The account number's on the invoice if you need it, S R four four zero nine one.
A: The address and phone are enough, but thank you, I see account S R four four zero nine one. Mr. Tolliver, can I ask what's prompting the cancellation?
C[need]: My mother-in-law moved in and honestly she cleans more than your people did, so we just, we don't need it. Plus the last time they came—
A!: Oh, I totally understand, a lot of families go monthly instead of cancelling. We could move you to monthly at one-forty per visit and—
C![need,price]: No. I don't want monthly. I'm paying a hundred and sixty every two weeks for something I don't need.
A: Understood. What were you going to say about the last visit?
C[trust]: They broke the glass on a picture frame in the hallway and didn't say anything, we just found it. So, no, I'm done.
A: I'm really sorry about that, they should've reported it. I'll file a damage report so the frame gets reimbursed.
C: Okay. And the cancellation.
A: Yes. The last scheduled visit is next Tuesday. We need seven days' notice, so that visit is still on the books, or I could—
C!: I'm not paying for Tuesday. Cancel Tuesday.
A: Let me see what I can do.
A+4.1: Okay, I've waived the notice period. Tuesday is cancelled and there are no further charges. The damage report is filed, and someone from our claims team will call you within three business days about the frame.
C: Fine. Thank you.
A: You'll get a confirmation email today. Anything else?
C: No.
A: Okay. Thanks for being a customer.
""",
     pii=["Dawn|NAME", "Seventy-seven Kestrel Court, Sandy|ADDRESS", "801-555-0177|PHONE", "S R four four zero nine one|ACCOUNT_NUMBER", "Tolliver|NAME"],
     sent="negative", trend="steady", reason="cancellation_request",
     summary="Customer cancelled his biweekly cleaning because his mother-in-law now cleans and a team broke a picture frame; the agent pushed a monthly plan over him, then waived the seven-day notice, cancelled next Tuesday's visit and filed a damage claim.",
     qa="g0 s1 v1 e1 o1 a1 n1 c1 d1 x1",
     actions=[("a", "Claims team to call the customer within three business days about reimbursing the frame"),
              ("a", "Send the cancellation confirmation email today")],
     effort=4, res="resolved"),
]
