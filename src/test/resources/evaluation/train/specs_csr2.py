CALLS = [
dict(id="tc_csr_07", domain="csr", direction="outbound", agent=("Brock Halloran", "CSR-455"),
     customer=("Yvonne Castellano", "+14695550126"), started_at="2026-11-06T23:40:00Z",
     turns="""
A: Yeah hi, is this Yvonne?
C: Who's calling?
A: This is Brock with Summit Scholars Tutoring, you filled out a form on our site about math help for your son, so I'm just following up, we've got some great—
C!: That was like a month ago.
A: Right, right, and we've had a ton of demand, so I wanted to make sure we got you in before our winter—
C![competitor]: We already found someone. He's going to a tutor at the library twice a week, so we're—
A!: Okay, gotcha, but a lot of parents actually do both, because our program is aligned with the state test, and we do a free diagnostic—
C![competitor,need]: I'm sorry, I said we already have someone. It's working. His grade went up.
A: That's great, that's great. Can I ask who you're working with? Because honestly, some of those independent tutors aren't, like, certified, and—
C![trust]: Okay, no. I'm not doing this. I filled out a form, nobody called for a month, and now you're telling me my son's tutor isn't good enough? Please take me off your list.
A: Okay. Yeah, I can do that.
C: Thank you.
A: But if anything changes, we do have a holiday promo through December, so—
C!: Mm-hm. Bye.
A: Okay, bye.
""",
     pii=["Yvonne|NAME", "Brock|NAME"],
     sent="negative", trend="steady", reason="web_lead_followup",
     summary="A tutoring center rep followed up a month-old web inquiry, but the parent had already hired a library tutor; the rep talked over her and questioned her tutor's credentials, and she asked to be removed from the call list.",
     qa="g1 s0 v- e0 o1 a0 n0 c0 d0 x0",
     actions=[("a", "Remove the customer from the call list")],
     booking="not_booked", qual="cold", effort=3, res="resolved"),

dict(id="tc_csr_08", domain="csr", agent=("Imani Sutherland", "CSR-061"),
     customer=("Curtis Lamontagne", "+17575550194"), started_at="2026-11-09T14:27:00Z",
     turns="""
A: Tidewater Pest Solutions, good morning.
C: Hey. So, uh, we've been hearing scratching in the attic at night. Pretty sure it's squirrels, my neighbor had 'em last year.
A: Oh, that scratching at two a.m. is the worst. How long has it been going on?
C: Couple weeks now? And this morning I found, like, a chewed spot on the soffit by the gutter.
A: Okay, that's probably their way in. Do you own the home?
C: Yep, we own it.
A: Great. So what we'd do is an inspection, one-way exclusion doors on the entry points so they can leave but not come back, and then we seal up. That typically runs three fifty to five hundred depending on how many entry points, and the inspection itself is free.
C[price]: Three fifty to five hundred. Hmm. That's for squirrels? My brother-in-law said just put some traps up there.
A: You can trap them, for sure, but if you don't seal the soffit they'll just move back in, and in Virginia you have to release them on your own property or euthanize them, so most folks don't love that route. Our work comes with a one-year warranty on the sealed spots.
C[decision_maker]: Yeah, that, okay, that makes sense. I'd want to run it by Dana first though, she handles the budget stuff.
A: Of course. When's a good time to catch you both? I could call back this evening.
C: Uh, like after six thirty? Tomorrow's probably better actually.
A: Tomorrow after six thirty, perfect. And the best number, is it the one ending in zero one nine four?
C: That's the one. Curtis Lamontagne.
A: Got it, Curtis. I'll call you tomorrow evening. And in the meantime, don't block the hole, you don't want one stuck inside.
C: Ha, good tip. Okay. Thanks.
A: Yep, okay, bye.
""",
     pii=["zero one nine four|PHONE", "Curtis Lamontagne|NAME", "Curtis|NAME", "Dana|NAME"],
     sent="positive", trend="steady", reason="wildlife_removal_inquiry",
     summary="Homeowner hearing squirrels in the attic was quoted $350-$500 for exclusion and sealing after a free inspection; he wanted to consult his partner Dana first, so the CSR scheduled a callback for tomorrow after 6:30 p.m.",
     qa="g1 s0 v- e1 o1 a0 n1 c0 d1 x1",
     actions=[("a", "Call the customer back tomorrow after 6:30 p.m."),
              ("c", "Talk to Dana about the squirrel exclusion quote")],
     booking="not_booked", qual="warm", effort=1, res="unresolved"),
]
