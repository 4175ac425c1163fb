call(id="tj_fs_07", dir="in_person", agent=("Marco Delgado","FS-FURN-9"), customer=("Priscilla Nakamura","+12065550105"), at="2026-11-09T20:45:00Z",
turns="""
A: Good evening. I'm {N:Marco} from Alder and Pine Home. You booked a design visit for the living room?
C: Yes, come in. It's this room. We have nothing, basically. We just moved.
A: Okay. What do you use the room for mostly? TV, reading, guests?
C: TV. And my parents visit for a month every year, so a sleeper would be good.
A: Got it. Do you have kids or pets, anything I should plan fabric around?
C: A cat. She scratches.
A: Then I'd stay away from the loose-weave linen. Our performance velvet holds up to claws. Here, feel this sample.
C: Okay. That's soft. And the sleeper, is the mattress any good? My dad has a bad back.
A: It's a memory foam sleeper, not the bar-across-the-back kind. I'd pair it with the swivel chair and a round coffee table so nobody bangs their shins.
C: Fine. What does all that come to?
A: Sleeper sofa, two swivel chairs, coffee table, and the rug, six thousand four hundred seventy. Because it's the design visit package, there's five percent off, so six thousand one forty-six fifty.
C{price}: Hm. We'd kind of budgeted five for the whole room. Is delivery included at least?
A: White glove delivery is included. Four to six weeks.
C: Alright. Let's do it. The velvet, the charcoal one.
A: Perfect. I'll write it up in charcoal. If you put the deposit on a card today, our delivery coordinator calls you when it lands in the warehouse.
C: Fine.
A: And I'll email you the room layout too, so you can see where everything goes.
C: Okay.
A: Thanks, Ms. {N:Nakamura}. Enjoy the new place.
""", sent="neutral/steady", reason="living_room_furniture",
summary="Designer planned a living room for a couple who just moved, with a cat and visiting parents, and the customer ordered a charcoal velvet sleeper sofa, two swivel chairs, a coffee table and a rug for $6,146.50 after the 5% design-visit discount.",
qa="1 1 - 0 1 1 1 1 1 1", actions=[("a","Delivery coordinator to call when the order arrives at the warehouse"),("a","Email the customer the room layout")],
outcome="closed_won", deal=6146.5, effort=1, res="resolved")

call(id="tj_fs_08", dir="in_person", agent=("Harriet Lyle","FS-PN-3"), customer=("Thomas Ferraro","+17325550162"), at="2026-11-10T16:00:00Z",
turns="""
A: Thanks for having me, Mr. {N:Ferraro}. The card you sent back said you wanted to learn about planning ahead.
C: My wife filled that out, actually. She's not here. But go ahead.
A: Sure. So, pre-planning means you choose the arrangements now, and you can pay ahead, so the family isn't making decisions at a hard time.
C: Okay.
A: Do you have a preference, burial or cremation?
C: Burial. We've got plots at Saint Anne's already. Bought them years ago.
A: Oh, that helps a lot. So it'd be the service, the casket, and the vault. Our traditional package is eight thousand nine hundred, and it can be paid over five years.
C: Mm-hm.
A: A lot of people also like that the price is locked. If you did this today, your family would never pay more than that.
C: Right.
A: Would you like to go over the casket options? I brought the catalog.
C{need}: No. I think, look, I have a life insurance policy that's supposed to cover all this. My son's the executor.
A: That's common, but a policy can take weeks to pay out, and funeral homes need payment up front.
C{decision_maker}: Then my son will handle it. That's what he's there for.
A: I understand. Would it be worth having your wife join us another time, since she sent the card?
C{need}: I don't think so. I think we're fine the way it is.
A: Alright. I'll leave the brochure.
C: Sure. Leave it on the table.
A: Okay.
C: Yep.
""", sent="neutral/worsening", reason="preneed_funeral_planning",
summary="Pre-planning counselor visited after the wife returned a reply card and presented an $8,900 traditional burial package; the husband said life insurance and his son as executor will cover it and declined.",
qa="0 0 - 0 1 1 0 0 1 0", actions=[],
outcome="closed_lost", effort=2, res="unresolved")
