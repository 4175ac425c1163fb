call(id="tj_fs_05", dir="in_person", agent=("Wes Albright","FS-POOL-2"), customer=("Nadine Corrigan","+16025550188"), at="2026-11-07T17:15:00Z",
turns="""
A: Morning! {N:Wes}, from Desert Blue Pool and Spa. You called about the pump?
C: Yeah. It's out back. It sounds like a leaf blower and the electric bill in summer was, I don't even want to say.
A: Okay, let me go listen to it. How many hours a day does it run?
C: I have no idea. Whatever the timer is set to. My husband set it up years ago.
A[gap 42.0]: Okay, so the timer's set for twelve hours, and that's a single speed pump, one and a half horsepower, the bearings are going, that's the screaming noise.
C: Is it about to die?
A: Probably this season. What I'd recommend is a variable speed pump. It runs slow and quiet most of the day and uses a lot less power. Most folks in this area save sixty, seventy a month in summer.
C: And what does that cost?
A: Installed, with the new timer and the rebate paperwork, it's twenty-one fifty. The utility gives a three hundred dollar rebate, so about eighteen fifty after.
C{price}: Hmm. I was sort of hoping you'd say you could just replace the bearings.
A: I can. That's about four twenty, and it'll quiet down. But you'd still have the old motor pulling all that power.
C: So four twenty to keep the old one limping, or eighteen fifty for the new one that pays itself off.
A: In about three summers, yeah. I'm happy to write up both.
C{timing}: Okay. Write up both. I'm not deciding on the spot. I'll talk it over.
A: Sounds good. I'll email you both quotes this afternoon with the rebate form, and I'll check back in on Thursday.
C: Thursday's fine.
A: Alright. I'll leave this card by the gate box, that's my direct line.
""", sent="neutral/steady", reason="pool_pump_replacement",
summary="Technician found a failing single-speed pool pump and recommended a variable-speed pump at $2,150 installed (about $1,850 after the utility rebate) versus a $420 bearing repair; the homeowner will decide after getting both quotes.",
qa="1 1 - 0 1 0 1 0 1 1", actions=[("a","Email both quotes and the rebate form this afternoon"),("a","Follow up with the homeowner on Thursday"),("c","Decide between the bearing repair and the new variable-speed pump")],
outcome="open", effort=1, res="unresolved")

call(id="tj_fs_06", dir="in_person", agent=("Joanne Thibodeaux","FS-SL-5"), customer=("Bernard Kowalczyk","+14125550197"), at="2026-11-08T19:00:00Z",
turns="""
A: And this is the one bedroom I mentioned. It gets the morning sun, and the window looks out on the garden.
C: Hm. It's smaller than my living room.
A: It is smaller. Most of our residents say they like having less to take care of, but I know it's a big change from a house.
C: Forty-one years in that house. My wife and I raised three kids there.
A: That's a lot of life. Would you want to bring some of your own furniture? Lots of people bring their favorite chair, pictures, that sort of thing.
C: The recliner, for sure. That's not negotiable.
A: Then it's coming. Let me show you the dining room, it's just down here. Lunch is going on.
C[gap 3.2]: Smells better than my cooking, I'll tell you that.
A: Ha. Chef {N:Luis} is very proud. Do you see the gentleman by the window in the blue sweater? That's {N:Gene}, he was an engineer at the steel mill too.
C: No kidding. At Homestead?
A: I think so. You should ask him. Would you like to join for lunch today? You're welcome to.
C: Well. Okay, sure. Why not.
A: And, just so you have it, the one bedroom is thirty-eight fifty a month, meals and housekeeping included. There's a community fee of twenty-five hundred.
C{timing}: I'm not ready to sign anything. I need to sell the house first. That's going to take a while.
A: Of course. We can hold the apartment for two weeks with a refundable deposit, or just keep you posted on availability.
C{decision_maker}: My daughter handles all the money stuff. She'd want to see it.
A: Would she like to come by? I could do a Saturday.
C: I'll ask her. She's in Pittsburgh, it's not far.
A: Wonderful. I'll give you my card and a folder with the floor plan. Call me when you two have a day.
C: I will. You know, this wasn't as bad as I thought it would be.
""", sent="positive/improving", reason="senior_living_tour",
summary="Widower toured a one-bedroom independent living apartment at $3,850 a month, warmed up over lunch with a fellow resident, but needs to sell his house and involve his daughter before deciding.",
qa="0 0 - 1 1 1 0 0 1 1", actions=[("c","Ask his daughter to come see the apartment and call to set up a Saturday visit")],
outcome="open", effort=1, res="unresolved")
