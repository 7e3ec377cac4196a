"""The demo coaching content per trade (the host company's sector), in English and Dutch.

A care-home learner gets care goals, an installer safety on low voltage: each placement's plan, sessions
and agreements fit the work the learner does there.
"""

from dataclasses import dataclass

from .text import Text as T


@dataclass(frozen=True)
class Goal:
    title: T
    measure: T
    why: T


@dataclass(frozen=True)
class Session:
    activities: T
    went_well: T
    to_improve: T


@dataclass(frozen=True)
class Trade:
    goals: tuple[Goal, Goal, Goal]
    sessions: tuple[Session, Session, Session]
    reflection: T
    learner_action: T
    mentor_action: T
    energisers: T


FREQUENCY = T("Every week, 30 minutes on Friday", "Elke week, 30 minuten op vrijdag")
LEARNING_STYLE = T(
    "Learns by doing first, then talking it through.", "Leert door eerst te doen en het daarna te bespreken."
)
MILESTONE = T("Mid-term evaluation", "Tussentijdse evaluatie")

BAKERY = Trade(
    goals=(
        Goal(
            T("Work hygienically according to the HACCP rules", "Hygiënisch werken volgens de HACCP-regels"),
            T("No remarks in two internal hygiene checks", "Geen opmerkingen bij twee interne hygiënecontroles"),
            T(
                "Food safety is the first thing a customer relies on.",
                "Op voedselveiligheid rekent een klant als eerste.",
            ),
        ),
        Goal(
            T("Plan your own morning shift", "Je eigen ochtenddienst plannen"),
            T(
                "Three shifts in a row ready on time without help",
                "Drie diensten achter elkaar op tijd klaar zonder hulp",
            ),
            T("Independence is the aim of this level.", "Zelfstandigheid is het doel van dit niveau."),
        ),
        Goal(
            T("Give customers advice about products", "Klanten advies geven over producten"),
            T(
                "Mentor observes five conversations, four rated good",
                "De werkmentor observeert vijf gesprekken, vier beoordeeld als goed",
            ),
            T("Customer contact is part of the qualification.", "Klantcontact hoort bij de kwalificatie."),
        ),
    ),
    sessions=(
        Session(
            T(
                "Explained the dough schedule and the order of the morning.",
                "Het deegschema en de volgorde van de ochtend uitgelegd.",
            ),
            T("Arrived early and well prepared.", "Was vroeg en goed voorbereid."),
            T("Check the recipe card before weighing.", "Lees de receptkaart voordat je afweegt."),
        ),
        Session(
            T(
                "Worked the oven together; learner led the second batch.",
                "Samen de oven gedaan; de student leidde de tweede ovenlading.",
            ),
            T("Calm under time pressure.", "Rustig onder tijdsdruk."),
            T("Ask earlier when unsure.", "Vraag eerder als je twijfelt."),
        ),
        Session(
            T(
                "Observed two customer conversations at the counter.",
                "Twee klantgesprekken aan de toonbank geobserveerd.",
            ),
            T("Friendly, makes eye contact.", "Vriendelijk, maakt oogcontact."),
            T(
                "Explain ingredients for allergies more precisely.",
                "Leg ingrediënten bij allergieën preciezer uit.",
            ),
        ),
    ),
    reflection=T("I now read the recipe card first.", "Ik lees nu eerst de receptkaart."),
    learner_action=T(
        "Write down the allergen questions customers asked this week",
        "Schrijf de vragen over allergenen op die klanten deze week stelden",
    ),
    mentor_action=T("Arrange a tour of the flour supplier", "Een rondleiding bij de meelleverancier regelen"),
    energisers=T(
        "Making something with their hands; compliments from customers.",
        "Iets met de handen maken; complimenten van klanten.",
    ),
)

CARE = Trade(
    goals=(
        Goal(
            T("Give personal care according to the care plan", "Persoonlijke zorg verlenen volgens het zorgplan"),
            T(
                "Mentor observes three morning care rounds without remarks on hygiene or respect",
                "De werkmentor observeert drie ochtendzorgrondes zonder opmerkingen over hygiëne of bejegening",
            ),
            T(
                "Residents rely on care that is safe and respects their wishes.",
                "Bewoners rekenen op zorg die veilig is en hun wensen respecteert.",
            ),
        ),
        Goal(
            T("Report observations in the care file", "Observaties rapporteren in het zorgdossier"),
            T(
                "Ten reports in a row that are factual and complete",
                "Tien rapportages achter elkaar die feitelijk en volledig zijn",
            ),
            T(
                "Colleagues on the next shift act on what you write down.",
                "Collega's van de volgende dienst handelen op wat jij opschrijft.",
            ),
        ),
        Goal(
            T("Hand out medication under supervision", "Medicatie uitzetten en aftekenen onder toezicht"),
            T(
                "Twenty medication rounds without errors, checked by the mentor",
                "Twintig medicatierondes zonder fouten, gecontroleerd door de werkmentor",
            ),
            T(
                "Medication is part of the Verzorgende IG qualification.",
                "Medicatie hoort bij de kwalificatie Verzorgende IG.",
            ),
        ),
    ),
    sessions=(
        Session(
            T(
                "Went through the care plans of the residents on the east wing.",
                "De zorgplannen van de bewoners op de oostvleugel doorgenomen.",
            ),
            T("Takes time to listen to residents.", "Neemt de tijd om naar bewoners te luisteren."),
            T("Ask the resident before helping, every time.", "Vraag de bewoner elke keer eerst of je mag helpen."),
        ),
        Session(
            T(
                "Wrote the shift reports together; the learner wrote two alone.",
                "Samen de dienstrapportages geschreven; de student schreef er twee zelf.",
            ),
            T("Reports are factual and clear.", "Rapporteert feitelijk en duidelijk."),
            T(
                "Report changes in eating and drinking straight away.",
                "Rapporteer veranderingen in eten en drinken meteen.",
            ),
        ),
        Session(
            T("Observed the medication round on the ward.", "De medicatieronde op de afdeling geobserveerd."),
            T("Checks name and date of birth every time.", "Controleert elke keer naam en geboortedatum."),
            T("Sign off directly after handing out.", "Teken direct na het uitdelen af."),
        ),
    ),
    reflection=T(
        "I now ask residents what they would like before I start.",
        "Ik vraag bewoners nu eerst wat ze willen voordat ik begin.",
    ),
    learner_action=T("Read the protocol on preventing falls", "Lees het protocol valpreventie"),
    mentor_action=T(
        "Plan a shadow shift with the nurse on the night shift",
        "Een meeloopdienst met de verpleegkundige van de nachtdienst plannen",
    ),
    energisers=T(
        "Contact with residents; a thank-you from a family.", "Contact met bewoners; een bedankje van familie."
    ),
)

INSTALLATION = Trade(
    goals=(
        Goal(
            T(
                "Work safely on low-voltage installations (NEN 3140)",
                "Veilig werken aan laagspanningsinstallaties (NEN 3140)",
            ),
            T(
                "Three jobs with a correct last-minute risk analysis, observed by the mentor",
                "Drie klussen met een juiste LMRA, geobserveerd door de werkmentor",
            ),
            T("Safety comes first on every site.", "Veiligheid gaat op elke bouwplaats voor."),
        ),
        Goal(
            T("Connect a distribution board from the drawing", "Een groepenkast aansluiten volgens tekening"),
            T(
                "Two boards connected and measured without rework",
                "Twee groepenkasten aangesloten en doorgemeten zonder herstelwerk",
            ),
            T(
                "Reading drawings and working independently is the core of this level.",
                "Tekening lezen en zelfstandig werken is de kern van dit niveau.",
            ),
        ),
        Goal(
            T("Hand over the work to the customer", "Het werk opleveren aan de klant"),
            T(
                "Three handovers with a completed test report",
                "Drie opleveringen met een ingevuld meetrapport",
            ),
            T(
                "A first installer is the face of the company on site.",
                "Een eerste monteur is op locatie het gezicht van het bedrijf.",
            ),
        ),
    ),
    sessions=(
        Session(
            T(
                "Went through the risk analysis card and the isolation steps before the first job.",
                "De LMRA-kaart en de stappen voor spanningsloos maken doorgenomen voor de eerste klus.",
            ),
            T("Asks good questions about safety.", "Stelt goede vragen over veiligheid."),
            T(
                "Check the voltage tester on a known live source first.",
                "Test de spanningzoeker eerst op een bekende spanningsbron.",
            ),
        ),
        Session(
            T(
                "Connected a distribution board in a new-build home together.",
                "Samen een groepenkast aangesloten in een nieuwbouwwoning.",
            ),
            T("Neat wiring, every circuit labelled.", "Nette bedrading, elke groep gelabeld."),
            T("Plan the order of work before starting.", "Bepaal de volgorde van het werk voordat je begint."),
        ),
        Session(
            T(
                "Measured the installation and filled in the test report.",
                "De installatie doorgemeten en het meetrapport ingevuld.",
            ),
            T("Careful with the measurements.", "Zorgvuldig met de metingen."),
            T(
                "Explain to the customer in plain words what has been done.",
                "Leg de klant in gewone woorden uit wat er gedaan is.",
            ),
        ),
    ),
    reflection=T(
        "I now test the voltage tester before every job.", "Ik test nu voor elke klus eerst de spanningzoeker."
    ),
    learner_action=T("Learn the symbols on the installation drawing", "Leer de symbolen op de installatietekening"),
    mentor_action=T("Arrange the NEN 3140 instruction at the office", "De NEN 3140-instructie op kantoor regelen"),
    energisers=T(
        "Seeing a job finished and working; solving a fault.", "Een klus af en werkend zien; een storing oplossen."
    ),
)

HOSPITALITY = Trade(
    goals=(
        Goal(
            T(
                "Welcome guests and take orders in two languages",
                "Gasten ontvangen en bestellingen opnemen in twee talen",
            ),
            T(
                "Mentor observes five tables, four rated good",
                "De werkmentor observeert vijf tafels, vier beoordeeld als goed",
            ),
            T("The hotel's guests come from all over Europe.", "De gasten van het hotel komen uit heel Europa."),
        ),
        Goal(
            T("Set up the breakfast buffet on your own", "Zelfstandig het ontbijtbuffet klaarzetten"),
            T(
                "Buffet ready at 7:00 three days in a row without help",
                "Drie dagen achter elkaar om 7.00 uur klaar zonder hulp",
            ),
            T("Independence is the aim of this level.", "Zelfstandigheid is het doel van dit niveau."),
        ),
        Goal(
            T("Handle a guest's complaint calmly", "Rustig omgaan met een klacht van een gast"),
            T(
                "Two complaints handled, the guest leaves satisfied",
                "Twee klachten afgehandeld, de gast vertrekt tevreden",
            ),
            T(
                "How you handle a complaint decides whether a guest comes back.",
                "Hoe je een klacht afhandelt, bepaalt of een gast terugkomt.",
            ),
        ),
    ),
    sessions=(
        Session(
            T(
                "Went through the breakfast service and the buffet layout.",
                "De ontbijtservice en de opstelling van het buffet doorgenomen.",
            ),
            T("Friendly and quick.", "Vriendelijk en snel."),
            T("Check the buffet every fifteen minutes.", "Controleer het buffet elk kwartier."),
        ),
        Session(
            T(
                "Served the terrace together; the learner took orders alone.",
                "Samen het terras bediend; de student nam zelf bestellingen op.",
            ),
            T("Switches easily between English and Spanish.", "Schakelt makkelijk tussen Engels en Spaans."),
            T("Repeat the order back to the guest.", "Herhaal de bestelling voor de gast."),
        ),
        Session(
            T("Practised a complaint in a role play.", "Een klachtgesprek geoefend in een rollenspel."),
            T("Stays calm and listens.", "Blijft rustig en luistert."),
            T(
                "Offer a solution before calling the manager.",
                "Bied een oplossing aan voordat je de leidinggevende erbij haalt.",
            ),
        ),
    ),
    reflection=T("I now repeat every order back to the guest.", "Ik herhaal nu elke bestelling voor de gast."),
    learner_action=T(
        "Learn the ten Spanish phrases asked most in the restaurant",
        "Leer de tien Spaanse zinnen die in het restaurant het meest nodig zijn",
    ),
    mentor_action=T("Schedule a day at the reception desk", "Een dag meedraaien op de receptie inplannen"),
    energisers=T("Happy guests; working in a busy team.", "Tevreden gasten; werken in een druk team."),
)

AUTOMOTIVE = Trade(
    goals=(
        Goal(
            T(
                "Carry out a service according to the manufacturer's schedule",
                "Een onderhoudsbeurt uitvoeren volgens het schema van de fabrikant",
            ),
            T(
                "Three services within the standard time, checked by the mentor",
                "Drie beurten binnen de normtijd, gecontroleerd door de werkmentor",
            ),
            T(
                "Services are most of the work in the workshop.",
                "Onderhoudsbeurten zijn het grootste deel van het werk in de werkplaats.",
            ),
        ),
        Goal(
            T("Find a fault with the diagnostic tester", "Een storing vinden met de diagnosetester"),
            T(
                "Two faults found and explained to the mentor",
                "Twee storingen gevonden en uitgelegd aan de werkmentor",
            ),
            T(
                "A modern car is repaired by reading it out first.",
                "Een moderne auto repareer je door hem eerst uit te lezen.",
            ),
        ),
        Goal(
            T("Work safely with the lift and on hybrid cars", "Veilig werken met de brug en aan hybride auto's"),
            T(
                "Safety checklist followed on every job for four weeks",
                "Vier weken lang bij elke klus de veiligheidschecklist gevolgd",
            ),
            T(
                "High voltage and heavy cars leave no room for mistakes.",
                "Hoogspanning en zware auto's laten geen ruimte voor fouten.",
            ),
        ),
    ),
    sessions=(
        Session(
            T(
                "Went through the service schedule and the work order.",
                "Het onderhoudsschema en de werkorder doorgenomen.",
            ),
            T("Works tidily, puts tools back.", "Werkt netjes, legt gereedschap terug."),
            T("Note every finding on the work order.", "Noteer elke bevinding op de werkorder."),
        ),
        Session(
            T("Read out a car with a warning light together.", "Samen een auto met een storingslampje uitgelezen."),
            T("Thinks logically about the cause.", "Denkt logisch na over de oorzaak."),
            T(
                "Check the simple things before replacing parts.",
                "Controleer eerst de eenvoudige dingen voordat je onderdelen vervangt.",
            ),
        ),
        Session(
            T("Practised putting a car on the lift safely.", "Geoefend met het veilig op de brug zetten van een auto."),
            T("Follows the checklist.", "Volgt de checklist."),
            T("Ask before working on a hybrid.", "Vraag het eerst voordat je aan een hybride auto werkt."),
        ),
    ),
    reflection=T("I now write every finding on the work order.", "Ik schrijf nu elke bevinding op de werkorder."),
    learner_action=T("Read the manual of the diagnostic tester", "Lees de handleiding van de diagnosetester"),
    mentor_action=T(
        "Sign the learner up for the hybrid safety instruction",
        "De student aanmelden voor de veiligheidsinstructie hybride auto's",
    ),
    energisers=T(
        "Finding the cause of a fault; a car that runs well again.",
        "De oorzaak van een storing vinden; een auto die weer goed loopt.",
    ),
)

LOGISTICS = Trade(
    goals=(
        Goal(
            T("Pick orders without errors with the hand scanner", "Orders foutloos verzamelen met de handscanner"),
            T("Error rate below 0.5% over two weeks", "Foutpercentage onder 0,5% over twee weken"),
            T(
                "Customers rely on getting exactly what they ordered.",
                "Klanten rekenen erop dat ze precies krijgen wat ze bestelden.",
            ),
        ),
        Goal(
            T("Drive the reach truck safely", "Veilig rijden met de reachtruck"),
            T(
                "Reach truck certificate obtained and four weeks without incidents",
                "Reachtruckcertificaat gehaald en vier weken zonder incidenten",
            ),
            T("Safety in the warehouse comes before speed.", "Veiligheid in het magazijn gaat voor snelheid."),
        ),
        Goal(
            T("Check incoming goods against the delivery note", "Binnenkomende goederen controleren op de pakbon"),
            T(
                "Ten deliveries checked and booked in without remarks",
                "Tien leveringen gecontroleerd en ingeboekt zonder opmerkingen",
            ),
            T("Stock is only right when receiving is right.", "De voorraad klopt alleen als de ontvangst klopt."),
        ),
    ),
    sessions=(
        Session(
            T(
                "Explained the warehouse layout and the scanner.",
                "De indeling van het magazijn en de scanner uitgelegd.",
            ),
            T("Learns the locations quickly.", "Kent de locaties snel."),
            T("Scan every item, also when it is busy.", "Scan elk artikel, ook als het druk is."),
        ),
        Session(
            T(
                "Drove the reach truck together in the quiet aisle.",
                "Samen met de reachtruck gereden in het rustige gangpad.",
            ),
            T("Careful and calm.", "Voorzichtig en rustig."),
            T("Look back before reversing, every time.", "Kijk elke keer achterom voordat je achteruitrijdt."),
        ),
        Session(
            T("Checked two deliveries at the dock.", "Twee leveringen aan het dock gecontroleerd."),
            T("Spots a missing pallet.", "Ziet een ontbrekende pallet."),
            T("Report damage before signing the note.", "Meld schade voordat je de pakbon tekent."),
        ),
    ),
    reflection=T("I now scan every item, even when it is busy.", "Ik scan nu elk artikel, ook als het druk is."),
    learner_action=T("Learn the codes of the aisles in hall B", "Leer de codes van de gangpaden in hal B"),
    mentor_action=T("Book the reach truck exam", "Het reachtruckexamen inplannen"),
    energisers=T(
        "A full truck leaving on time; clear tasks.", "Een volle vrachtwagen die op tijd vertrekt; duidelijke taken."
    ),
)

TRADES = {
    "Food production": BAKERY,
    "Care and welfare": CARE,
    "Technical installation": INSTALLATION,
    "Hospitality": HOSPITALITY,
    "Automotive": AUTOMOTIVE,
    "Logistics": LOGISTICS,
}


def trade_of(placement) -> Trade:
    """The coaching content that fits the host company's sector; the bakery's for an unknown sector."""
    return TRADES.get(placement.company.sector, BAKERY)
