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
