package io.verbatim.bench;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Plausible call text for synthetic conversations: what customers say per call reason, what agents
 * answer, and the phrases behind trackers and objections, so that full-text search has realistic
 * selectivity ("cancel" a little over a tenth of calls, "refund" a few percent, "competitor" a few percent).
 */
final class PhraseBank {

    private PhraseBank() {
    }

    /** A call reason: the category stored in analyses.call_reason, what the customer opens with, and follow-ups. */
    record Reason(String key, String topic, String summary, List<String> opening, List<String> customer, List<String> agent) {
    }

    static final String[] COMPANIES = {"Brightline Home Services", "Northwind Utilities", "Summit Dental Group", "Harbor Bank",
        "Evergreen Solar", "Metro Broadband", "Pinnacle Insurance", "Cedar Plumbing and Heating"};

    static final String[] FIRST = {"Avery", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Quinn", "Parker", "Reese",
        "Drew", "Skyler", "Cameron", "Rowan", "Emerson", "Finley", "Hayden", "Kendall", "Logan", "Peyton", "Sawyer", "Blake",
        "Dakota", "Elliot", "Harper", "Jesse", "Kai", "Lane", "Marley", "Noel", "Oakley", "Remy", "Sage", "Tatum", "Wren",
        "Maria", "Jose", "Luis", "Ana", "Carmen", "David", "Sarah", "Michael", "Jennifer", "Robert", "Linda", "James", "Patricia"};

    static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
        "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Moore", "Jackson", "Martin", "Lee",
        "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen"};

    static final String[] STREETS = {"Maple Avenue", "Oak Street", "Pine Road", "Cedar Lane", "Elm Drive", "Lakeview Court",
        "Sunset Boulevard", "Hillcrest Way"};

    static final String[] GREETINGS = {
        "Thank you for calling %s, this is %s, how can I help you today?",
        "Good morning, %s, my name is %s. What can I do for you?",
        "Hi, thanks for calling %s. This is %s speaking, how may I help?",
        "Good afternoon and welcome to %s, I'm %s. How can I help you?"};

    static final String[] OUTBOUND_GREETINGS = {
        "Hi, this is %2$s calling from %1$s. Is this a good time to talk for a couple of minutes?",
        "Hello, my name is %2$s with %1$s, I'm following up on your recent request.",
        "Good afternoon, this is %2$s from %1$s. I'm calling about the quote we sent over last week."};

    static final String[] VISIT_GREETINGS = {
        "Hi, I'm %2$s from %1$s, thanks for having me out today. Do you mind if I take a look around first?",
        "Good morning, %2$s with %1$s. Thanks for making the time, let's start with what you'd like to get done."};

    static final String[] VOICE_AGENT_GREETINGS = {
        "Hello, you've reached %s. I'm the virtual assistant and I can help you book, move or cancel a visit.",
        "Thanks for calling %s, I'm an automated assistant. How can I help you today?"};

    static final String[] VERIFICATION = {
        "Before we go further, can I verify your identity? Could you confirm your date of birth and the address on the account?",
        "For your security, can you confirm the last four digits of the phone number on file?",
        "I just need to verify a couple of details first. What's the name on the account?"};

    static final String[] VERIFICATION_ANSWERS = {
        "Sure, it's %s, and the address is %d %s.",
        "Yes, the account is under %s.",
        "Of course, my name is %s and the number ends in %04d."};

    static final String[] EMPATHY = {
        "I completely understand, and I'm sorry you had to deal with that.",
        "I'm really sorry about the trouble, let's get this sorted out for you.",
        "That sounds frustrating, I appreciate your patience while I look into it."};

    static final String[] AGENT_FILLER = {
        "Let me pull up your account, one moment please.",
        "I can see your account here, thanks for holding.",
        "Okay, I've made a note of that on your file.",
        "Is there anything else about the service I can look at while I have you?",
        "Just to make sure I have this right, you'd like me to go ahead with that today?",
        "I'll send you a confirmation by text and email in a few minutes."};

    static final String[] CUSTOMER_FILLER = {
        "Okay, that makes sense.",
        "Alright, thank you for checking.",
        "Yes, that's right.",
        "Can you send me something in writing about that?",
        "Great, that works for me.",
        "Hmm, let me think about it for a second."};

    static final String[] CLOSINGS = {
        "Is there anything else I can help you with today? Thank you for calling, have a great day.",
        "You're all set. Thanks again for choosing us, and have a wonderful rest of your day.",
        "Perfect, I've confirmed everything. Thank you and take care."};

    static final String[] CUSTOMER_CLOSINGS = {"No, that's everything, thank you.", "That's all, thanks for your help.",
        "Nope, that's it. Bye now.", "Thanks, you too."};

    /** Tracker key to the customer phrase that fires it (the default QA config's trackers). */
    static final Map<String, String[]> TRACKER_PHRASES = Map.of(
        "competitor_mention", new String[] {
            "Honestly I got another quote from a competitor and they were a lot cheaper.",
            "Your competitor down the road offered me the same thing for less.",
            "I'm comparing you with a competitor right now, so I need your best price."},
        "cancellation_intent", new String[] {
            "If this keeps happening I'm going to cancel my service.",
            "I'm thinking about cancelling the whole account to be honest.",
            "I want to cancel unless you can do something about this."},
        "escalation_request", new String[] {
            "Can I speak to a supervisor please?",
            "I'd like to talk to your manager about this.",
            "Please escalate this, I've called three times already."},
        "pricing_discussion", new String[] {
            "How much is that going to cost me in total?",
            "What's the price for that, and is there a monthly payment option?",
            "Can you walk me through the pricing and any fees?"},
        "frustration", new String[] {
            "This is ridiculous, I've been on hold for forty minutes.",
            "I'm really frustrated, nobody has called me back.",
            "This is the third time I've had to explain this, it's unacceptable."});

    /** Objection category to what the customer says. */
    static final Map<String, String[]> OBJECTION_PHRASES = Map.of(
        "price", new String[] {"That's more than I was expecting to spend.", "It's too expensive for us right now."},
        "timing", new String[] {"We're not ready to do this until next spring.", "Now is not a good time, call me in a few months."},
        "decision_maker", new String[] {"I need to talk it over with my wife before deciding.", "My business partner has to sign off on this."},
        "trust", new String[] {"I've read some bad reviews, how do I know the work will be done right?", "I'm not sure I trust these guarantees."},
        "competitor", new String[] {"I already have a quote from another company.", "We've been happy with our current provider."},
        "need", new String[] {"I'm not sure we actually need this.", "The old one still works fine for now."},
        "other", new String[] {"I'd rather not commit to anything over the phone.", "Let me see how the budget looks first."});

    static final String[] OBJECTION_ANSWERS = {
        "I hear you. We do have financing with no interest for twelve months, which brings the monthly cost down quite a bit.",
        "That's fair. What I can do is hold this price for thirty days so you have time to decide.",
        "Understood. Our work comes with a ten year warranty, and we're licensed and insured.",
        "No problem at all, would it help if I sent over a written proposal you can review together?"};

    static final String[] SALES_CLOSE_WON = {
        "Great, I'll get the paperwork started and we can schedule the installation for next week.",
        "Wonderful, I've got you down, and the deposit confirmation will come by email."};

    static final String[] SALES_CLOSE_OPEN = {
        "No pressure, I'll follow up on Thursday to see where you landed.",
        "I'll email the proposal today, and I'll check back in a few days."};

    static final String[] SALES_CLOSE_LOST = {
        "I understand, thanks for considering us. If anything changes, just give us a call.",
        "Okay, I appreciate your time today. Good luck with the project."};

    static final String[] CANCEL_ANYTIME = {
        "And just so you know, there's no contract, you can cancel anytime without a fee.",
        "You can cancel or reschedule online up to a day before the visit."};

    static final String[] REFUND_LINES = {
        "I've gone ahead and issued a refund for that charge, it should show up in three to five business days.",
        "I can process a partial refund and apply a credit to your next bill."};

    static final String[] WARRANTY_LINES = {
        "The good news is that part is still under the manufacturer's warranty.",
        "That repair would be covered under your extended warranty plan."};

    static final String[] SPANISH_GREETINGS = {
        "Gracias por llamar a %s, le habla %s, en que le puedo ayudar?",
        "Buenos dias, %s, mi nombre es %s. Como le puedo ayudar hoy?"};

    static final String[] SPANISH_CUSTOMER = {
        "Hola, llamo porque tengo una pregunta sobre mi cuenta.",
        "Necesito ayuda con mi cita de la proxima semana.",
        "Tengo un cargo en mi factura que no reconozco.",
        "Quisiera saber cuanto cuesta el servicio."};

    static final String[] SPANISH_AGENT = {
        "Claro que si, permitame verificar su informacion un momento.",
        "Entiendo perfectamente, vamos a resolver esto hoy mismo.",
        "Ya quedo registrado en su cuenta, le enviamos una confirmacion por mensaje.",
        "Hay algo mas en que le pueda ayudar?"};

    static final String[] SPANISH_CUSTOMER_FILLER = {"Si, esta bien.", "Perfecto, muchas gracias.", "De acuerdo, gracias por su ayuda."};

    private static List<String> l(String... s) {
        return List.of(s);
    }

    static final Reason APPOINTMENT_BOOKING = new Reason("appointment_booking", "appointment",
        "Customer asked to book an appointment; agent offered available times", l(
            "Hi, I'd like to book an appointment for sometime next week if you have anything.",
            "Hello, I need to schedule a visit, the earliest you've got."), l(
            "Tuesday morning would be best for me.", "Do you have anything after five in the evening?"), l(
            "I have Tuesday at nine or Wednesday at two, which works better?",
            "Let me check the schedule, I can get you in on Thursday between eight and ten."));

    static final Reason NEW_PATIENT = new Reason("new_patient_booking", "appointment",
        "New patient booking; agent collected insurance details and booked a first visit", l(
            "Hi, I'm a new patient and I'd like to make a first appointment for a cleaning.",
            "Hello, are you accepting new patients? I'd like to book a check-up."), l(
            "I have Delta Dental through my employer.", "Mornings are better for me."), l(
            "Yes, we're accepting new patients. Can I get your insurance information?",
            "We're in network with most plans, I'll verify your benefits before the visit."));

    static final Reason RESCHEDULE = new Reason("reschedule_appointment", "appointment",
        "Customer asked to reschedule an existing appointment", l(
            "Hi, I need to reschedule my appointment on Friday, something came up at work.",
            "Hello, can I move my appointment to next week?"), l(
            "Anything on Monday would be great.", "Could we do the same time but a week later?"), l(
            "No problem, I've moved your appointment to Monday at ten.", "Sure, let me find another slot for you."));

    static final Reason CANCEL_APPOINTMENT = new Reason("cancel_appointment", "appointment",
        "Customer called to cancel an upcoming appointment", l(
            "Hi, I need to cancel my appointment for tomorrow.",
            "Hello, I'm calling to cancel the booking I made for next week."), l(
            "No, I don't want to rebook right now.", "Will there be a cancellation fee?"), l(
            "I've cancelled that appointment for you. Would you like to reschedule for another day?",
            "There's no fee since it's more than twenty four hours out, you're all set."));

    static final Reason CANCELLATION = new Reason("cancellation_request", "plan",
        "Customer requested to cancel the service; agent presented retention offers", l(
            "I want to cancel my service, it's just too expensive.",
            "I'm calling to cancel my plan, I'm moving at the end of the month.",
            "Hi, I'd like to cancel. I found a better deal elsewhere."), l(
            "I'd still like to cancel, please process it.", "Okay, a discount might change my mind actually."), l(
            "I'm sorry to hear that. Before I cancel, can I offer you twenty percent off for the next six months?",
            "I can process the cancellation today; your service will stay active until the end of the billing cycle."));

    static final Reason ACCOUNT_CLOSURE = new Reason("account_closure", "checking_account",
        "Customer asked to close the account; agent explained the steps and final balance", l(
            "Hi, I want to close my checking account.", "Hello, I'd like to close my account and transfer the balance."), l(
            "Please send the remaining balance by check.", "Yes, I understand, go ahead."), l(
            "I can help with that. Any pending transactions need to clear before we close it.",
            "Your final statement will be mailed and the account will be closed within two business days."));

    static final Reason BILLING_DISPUTE = new Reason("billing_dispute", "billing",
        "Customer disputed a charge on the bill; agent reviewed the charges", l(
            "Hi, there's a charge on my bill that I don't recognize and I'd like a refund.",
            "My bill is way higher than usual this month and I think I was double charged.",
            "I was charged a late fee even though I paid on time."), l(
            "So will I get the refund back on my card?", "I just want to understand what this fee is for."), l(
            "I see the duplicate charge here, that was our error.",
            "That charge is for the equipment rental, but I can waive it this one time."));

    static final Reason PAYMENT_FAILURE = new Reason("payment_failure", "billing",
        "Customer's payment failed; agent helped update the payment method", l(
            "My payment didn't go through and I got a notice about it.",
            "I tried to pay my bill online and it keeps getting declined."), l(
            "I have a new card, can I update it now?", "Can you waive the late fee since it was a system problem?"), l(
            "I can take a new card over the phone and retry the payment.",
            "It looks like the card on file expired, let's update it."));

    static final Reason OUTAGE = new Reason("service_outage", "internet",
        "Customer reported a service outage; agent checked the area status", l(
            "My internet has been down since last night and I work from home.",
            "We've had no power since this morning, is there an outage in my area?"), l(
            "How long until it's back up?", "Will I get a credit for the days without service?"), l(
            "There is a known outage in your area, crews are working on it and expect it fixed by six tonight.",
            "Let me run a remote test on your modem."));

    static final Reason CLAIM_STATUS = new Reason("claim_status", "insurance",
        "Customer asked about the status of an open claim", l(
            "Hi, I'm calling to check on the status of my claim from last month.",
            "I filed a claim two weeks ago and haven't heard anything."), l(
            "When can I expect the payment?", "Do you need anything else from me?"), l(
            "Your claim is with the adjuster and should be decided within five business days.",
            "I see we're waiting on the repair estimate, once we have it the claim can be paid."));

    static final Reason INSURANCE_QUESTION = new Reason("insurance_acceptance_question", "insurance",
        "Customer asked whether their insurance is accepted", l(
            "Do you take Blue Cross insurance?", "I wanted to ask whether my insurance is accepted at your office."), l(
            "Great, and what would my copay be?", "Okay, good to know."), l(
            "Yes, we're in network with that plan.", "I'll verify your coverage so you know the copay before the visit."));

    static final Reason LOST_CARD = new Reason("lost_card", "debit_card",
        "Customer reported a lost card; agent blocked it and ordered a replacement", l(
            "I lost my debit card and I need to block it right away.", "I think my credit card was stolen."), l(
            "How long will the new card take?", "I don't see any charges I don't recognize."), l(
            "I've blocked the card and ordered a replacement, it will arrive in five to seven days.",
            "Let's review the recent transactions together to be safe."));

    static final Reason HVAC_REPAIR = new Reason("hvac_repair", "hvac",
        "Customer requested an HVAC repair visit; agent scheduled a technician", l(
            "My air conditioner stopped blowing cold air and it's ninety degrees in here.",
            "The furnace is making a loud banging noise, I need someone to come out."), l(
            "How much is the service call?", "Can someone come today?"), l(
            "The diagnostic visit is eighty nine dollars, and it's waived if you go ahead with the repair.",
            "I can get a technician out this afternoon between two and four."));

    static final Reason WATER_HEATER_REPAIR = new Reason("water_heater_repair", "water_heater",
        "Customer reported a water heater problem; agent booked a repair", l(
            "We have no hot water, I think the water heater is broken.", "The water heater is leaking onto the garage floor."), l(
            "Is it better to repair it or replace it?", "It's about twelve years old.", "It's about twelve years old.",
            "It's about fifteen years old.", "We're on a septic system out here, does that change anything?"), l(
            "At that age replacing it is usually the better value, but the technician will give you both options.",
            "Please turn off the water supply to the tank until we get there."));

    static final Reason INTERNET_INQUIRY = new Reason("internet_inquiry", "internet",
        "Customer asked about internet plans and speeds", l(
            "I'd like to know what internet speeds are available at my address.",
            "Hi, I'm thinking about upgrading my internet plan."), l(
            "Is there a contract?", "What about the installation fee?"), l(
            "At your address you can get up to one gigabit.", "Our fiber plan is sixty five dollars a month with no contract."));

    static final Reason PLAN_INQUIRY = new Reason("plan_inquiry", "plan",
        "Customer asked about plan options and what is included", l(
            "I have a question about what's included in my plan.", "Can you tell me about your maintenance plans?"), l(
            "Does it cover parts too?", "Is that billed monthly or yearly?"), l(
            "The premium plan covers two tune-ups a year plus parts and labor.", "You can pay monthly or save ten percent annually."));

    static final Reason SOLAR_PRICING = new Reason("solar_pricing", "solar",
        "Customer asked for solar pricing; agent discussed system size and financing", l(
            "I'm interested in solar panels and wanted to get a price.", "How much would a solar system cost for a house like mine?"), l(
            "What would the monthly payment be with financing?", "Are there still tax credits?"), l(
            "For your usage an eight kilowatt system makes sense, around twenty four thousand before incentives.",
            "The federal tax credit still applies, and our financing keeps the payment below your current electric bill."));

    static final Reason ROOF_PRICING = new Reason("roof_pricing", "roof",
        "Customer asked for a roof replacement quote", l(
            "I need a quote for a new roof, the old one is leaking in two places.",
            "How much do you charge to replace an asphalt shingle roof?"), l(
            "How long does the installation take?", "Do you handle the insurance claim?"), l(
            "Most roofs take two days, and we can work with your insurance adjuster.",
            "Based on the measurements it's about eighteen thousand for architectural shingles."));

    static final Reason HVAC_PRICING = new Reason("hvac_pricing", "hvac",
        "Customer asked for pricing on a new HVAC system", l(
            "What would it cost to replace my furnace and air conditioner?", "I'd like a quote on a heat pump."), l(
            "Is there a rebate from the utility?", "What brands do you carry?"), l(
            "A high efficiency heat pump system runs between nine and fourteen thousand installed.",
            "There's a utility rebate of up to fifteen hundred dollars right now."));

    static final Reason SOLAR_PURCHASE = new Reason("solar_purchase_inquiry", "solar",
        "Prospect discussed buying a solar system; rep presented options", l(
            "We got your flyer and we're thinking about going solar this year.",
            "My neighbor just got panels from you and I'm interested."), l(
            "What warranty comes with the panels?", "How long before it pays for itself?"), l(
            "The panels carry a twenty five year warranty and most customers break even in seven to nine years.",
            "Let me show you the production estimate for your roof."));

    static final Reason ROOF_PURCHASE = new Reason("roof_purchase_inquiry", "roof",
        "Prospect discussed a roof replacement; rep inspected and presented a proposal", l(
            "We're ready to replace the roof, we just want to pick the right company.",
            "We had some storm damage and I think it's time for a new roof."), l(
            "What colors do the shingles come in?", "Do you remove the old roof too?"), l(
            "Tear-off and disposal are included in the price.", "I found some soft spots in the decking that we'll replace as well."));

    static final Reason REMINDER = new Reason("appointment_reminder", "appointment",
        "Agent called to remind the customer of an upcoming appointment", l(
            "Oh right, thanks for the reminder.", "Yes, I remember, is it still at ten?"), l(
            "Actually, could we move it a bit later?", "Great, see you then."), l(
            "I'm calling to remind you about your appointment tomorrow at ten.",
            "Please bring your insurance card and arrive ten minutes early."));

    static final Reason COLLECTIONS = new Reason("payment_collection", "billing",
        "Agent called about a past due balance and set up a payment", l(
            "Yes, I know the payment is late, I've had a tough month.", "I thought I already paid that."), l(
            "Can I split it into two payments?", "I can pay half today."), l(
            "I'm calling about your past due balance of two hundred and forty dollars.",
            "We can set up a payment plan over two months with no extra fees."));

    /** Inbound reasons with weights (percent of inbound calls). */
    static final Object[][] INBOUND = {
        {APPOINTMENT_BOOKING, 14}, {NEW_PATIENT, 3}, {RESCHEDULE, 8}, {CANCEL_APPOINTMENT, 5}, {CANCELLATION, 6},
        {ACCOUNT_CLOSURE, 2}, {BILLING_DISPUTE, 9}, {PAYMENT_FAILURE, 5}, {OUTAGE, 6}, {CLAIM_STATUS, 4},
        {INSURANCE_QUESTION, 3}, {LOST_CARD, 3}, {HVAC_REPAIR, 5}, {WATER_HEATER_REPAIR, 3}, {INTERNET_INQUIRY, 6},
        {PLAN_INQUIRY, 5}, {HVAC_PRICING, 3}};

    /** Outbound phone calls (inside sales and reminders/collections). */
    static final Object[][] OUTBOUND = {
        {REMINDER, 18}, {COLLECTIONS, 12}, {SOLAR_PRICING, 14}, {ROOF_PRICING, 10}, {HVAC_PRICING, 12},
        {SOLAR_PURCHASE, 18}, {ROOF_PURCHASE, 16}};

    /** In-person field visits (in-home sales). */
    static final Object[][] IN_PERSON = {
        {SOLAR_PURCHASE, 30}, {ROOF_PURCHASE, 30}, {HVAC_PRICING, 20}, {ROOF_PRICING, 10}, {SOLAR_PRICING, 10}};

    /** Voice-agent calls: booking flows. */
    static final Object[][] VOICE_AGENT = {
        {APPOINTMENT_BOOKING, 45}, {RESCHEDULE, 25}, {CANCEL_APPOINTMENT, 15}, {NEW_PATIENT, 15}};

    static Reason pick(Object[][] table, RandomGenerator rng) {
        int total = 0;
        for (Object[] row : table) {
            total += (Integer) row[1];
        }
        int x = rng.nextInt(total);
        for (Object[] row : table) {
            x -= (Integer) row[1];
            if (x < 0) {
                return (Reason) row[0];
            }
        }
        return (Reason) table[0][0];
    }

    static String one(String[] options, RandomGenerator rng) {
        return options[rng.nextInt(options.length)];
    }

    static String one(List<String> options, RandomGenerator rng) {
        return options.get(rng.nextInt(options.size()));
    }
}
