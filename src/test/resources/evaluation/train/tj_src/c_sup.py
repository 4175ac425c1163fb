call(id="tj_sup_08", agent=("Jolene Marsh","PS-19"), customer=("Curtis Ambrose","+14805550156"), at="2026-11-11T17:44:00Z",
turns="""
A: Hi there, Blue Mesa Pool Care, {N:Jolene} speaking.
C: Yeah hi. I'm looking at my statement and you charged me for a service visit on the twenty-eighth. Nobody came on the twenty-eighth. I was home all day.
A: Oh, okay. Let's take a look. Can I get the account number?
C: It's {AC:B M three three zero seven}.
A: And can you confirm the service address for me?
C: {AD:Sixty-two forty East Saguaro Drive}.
A: Thanks, Mr. {N:Ambrose}. So I see the visit logged by our tech {N:Rudy}, but, hmm, there's no chemical reading on it, which there always is.
C: Right. Because he didn't come.
A: That does look like it was logged by mistake. I'm really sorry, that's frustrating to find on a bill.
C: It's fine, I just, you know, I pay attention.
A: I'm reversing the forty-five dollar charge now, it'll go back on the card ending in {CC:four four one zero}, and I'm adding a free filter cleaning to your next visit for the trouble.
C: Oh. Well hey, that's nice of you. I didn't expect that.
A: Of course. And I'll let {N:Rudy}'s supervisor know so it gets checked. Your regular Tuesday visit is still on for the eighteenth.
C: Perfect. Yeah, the pool looks good, so no complaints there.
A: Glad to hear. Anything else I can do today?
C: Nope, that's it. Thanks {N:Jolene}, you made that easy.
A: Anytime. Have a good one.
""", sent="positive/improving", reason="billing_dispute",
summary="Customer was billed $45 for a pool service visit that never happened; the agent confirmed it was logged in error, reversed the charge and added a free filter cleaning to the next visit.",
qa="1 1 1 1 1 - 1 1 1 1", actions=[("a","Notify the technician's supervisor about the mistaken visit log")],
effort=1, res="resolved")

call(id="tj_sup_09", agent=("Grace Holloway","SL-88"), customer=("Martin Osei","+19525550140"), at="2026-11-12T15:20:00Z",
turns="""
A: Good afternoon, Willow Bend Senior Living business office. This is {N:Grace}.
C: Hi {N:Grace}. I'm calling about my mother's November invoice. She's in assisted living, {N:Abena Osei}, apartment two-oh-nine.
A: Sure. Do you have her resident account number?
C: It's {AC:W B dash two zero nine one four}.
A: Thanks. And are you listed on her file as a financial contact?
C: Yes, I'm her son, {N:Martin}. I have power of attorney.
A: Thank you. I just need the security word on the file for financial contacts.
C: It's "Kumasi".
A: Got it, thank you. What's your question on the invoice?
C: There's a line that says level of care adjustment, three hundred and fifty dollars. I don't remember anyone talking to us about that.
A: Let me look. So, the nursing team did a reassessment on October twentieth, and she moved from level two to level three because she's now getting help with her medications twice a day.
C: Okay. I knew about the medication help. I didn't know it changed the price.
A: There should have been a letter sent. I'm showing it went to the mailing address on file, which is, um, {AD:fourteen ten Birchwood Avenue}.
C: That's my old address. I moved in the spring.
A: Ah, okay. I'll update that. What's the new one?
C: {AD:Eighty-eight Holcomb Lane, Eden Prairie, five five three four six}.
A: Thank you. I'll also email you a copy of the reassessment letter, what's the email?
C: {E:martin.osei@example.org}.
A: Got it. And if you'd like to go over the care plan itself, {N:Paula}, our wellness director, can set up a time with you.
C: Yeah, probably. I'll call her next week.
A: Sounds good. Anything else?
C: No, that clears it up. Thanks.
A: Thank you, {N:Martin}. Take care.
""", sent="neutral/steady", reason="invoice_question",
summary="Son with power of attorney asked about a $350 level-of-care charge on his mother's invoice; the office explained the October reassessment, updated his outdated mailing address and will email him the letter.",
qa="1 1 1 0 1 - 1 1 1 1", actions=[("a","Email the son a copy of the reassessment letter"),("c","Call Paula, the wellness director, next week to review the care plan")],
effort=2, res="resolved")

call(id="tj_sup_10", agent=("Keith Brauer","WD-215"), customer=("Anne-Marie Sousa","+15035550192"), at="2026-11-13T16:48:00Z",
turns="""
A: Hello, thanks for calling Cascadia Window and Door, my name's {N:Keith}. How can I help you?
C: Hi {N:Keith}! So, we had you guys put in a slider about four years ago and it's been great, really. But now the glass is all foggy between the panes.
A: Ah, okay, so that's usually a failed seal. Do you have the, the install address or your customer number?
C: It's under {N:Sousa}, {AD:thirty-three twelve Northeast Fremont}.
A: Got you. And the phone on the account ends in?
C: {P:zero one nine two}.
A: Perfect. Yep, patio door, installed twenty twenty-two. So the glass unit is covered for ten years, so you're good on the glass.
C: Oh good, okay.
A: The labor to swap it isn't covered after year two though, so that would be a service fee of two sixty-five.
C: Wait. Two sixty-five to put in glass that's under warranty?
A: Yes, the warranty covers the part, labor is separate after two years.
C{price}: That's, hmm. That's kind of a lot for something that failed on its own.
A: I understand. It's in the warranty terms, section four.
C: Right. Nobody mentioned that part when we bought it, I can tell you that.
A: Would you like to schedule the service visit?
C{timing}: Not right now. I'll, I'll have to think about whether it's worth it.
A: Sure. You can call back whenever.
C: Okay.
A: Mm-hm.
""", sent="negative/worsening", reason="warranty_claim",
summary="Customer reported a fogged patio door pane; the agent confirmed the glass is under warranty but labor costs a $265 service fee after two years, and the customer declined to book for now.",
qa="1 1 1 0 1 1 0 0 0 0", actions=[("c","Decide whether to pay the $265 labor fee and call back to schedule the glass replacement")],
effort=2, res="unresolved")
