"""The demo coaching content of the other trades, and which trade a placement's host company is in."""

from .coaching_texts import BAKERY, CARE, INSTALLATION, Goal, Session, Trade
from .text import Text as T

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
