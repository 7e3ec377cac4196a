"""The result areas of the coach competency profile (seed 001), each with its performance indicators."""

from .coach_competency import competency as _competency

RESULT_AREAS = [
    _competency(
        "R1",
        "Acquisition",
        "Acquisitie",
        "Wins assignments, funding and placement opportunities with companies and agencies.",
        [
            ("Taps new sources, clients and target groups", "Nieuw aangeboorde bronnen, opdrachtgevers en doelgroepen"),
            (
                "Number of commitments obtained for work-experience places",
                "Aantal verkregen toezeggingen voor werkervaringsplaatsen",
            ),
            (
                "Number of commitments obtained for follow-up appointments or vacancies",
                "Aantal verkregen toezeggingen voor aansluitende aanstelling of vacatures",
            ),
            (
                "Size of the personal network of companies and funders",
                "Omvang van het persoonlijke netwerk van bedrijven en subsidiegevers",
            ),
            (
                "Number of designed and worked-out pilot proposals",
                "Aantal ontworpen en uitgewerkte voorstellen voor pilotprojecten",
            ),
            (
                "Clients' and funders' judgement of submitted proposals",
                "Oordeel van opdrachtgevers en subsidiegevers over ingediende voorstellen",
            ),
            (
                "Number of government grants obtained for new projects",
                "Aantal gerealiseerde overheidssubsidies voor nieuwe projecten",
            ),
            (
                "Number of new projects employers help pay for",
                "Aantal gerealiseerde nieuwe projecten waaraan werkgevers meebetalen",
            ),
            ("Obtains follow-up assignments", "Verkrijgt vervolgopdrachten"),
        ],
    ),
    _competency(
        "R2",
        "Intake and analysis",
        "Intake en analyse",
        "Establishes the capacities, interests and possibilities of clients and employers.",
        [
            (
                "Quality of the assessments and descriptions of placement opportunities",
                "Kwaliteit van de beoordelingen en beschrijvingen van plaatsingsmogelijkheden",
            ),
            (
                "Quality of the judgement of candidates' nature and possibilities",
                "Kwaliteit van het oordeel over aard en mogelijkheden van kandidaten",
            ),
            ("Numbers and types of candidates screened", "Aantallen en typen gescreende kandidaten"),
            ("Is trusted by clients and funders", "Wordt vertrouwd door opdrachtgevers en subsidiegevers"),
            (
                "Thorough knowledge of the target groups and their problems",
                "Grondige kennis van de aard en problematiek van de doelgroepen",
            ),
            (
                "Clients' judgement of the commitment to their personal situation",
                "Oordeel van cliënten over de betrokkenheid bij hun persoonlijke situatie",
            ),
            (
                "Management's and colleagues' judgement of expertise and commitment",
                "Oordeel van management en collega's over deskundigheid en inzet",
            ),
        ],
    ),
    _competency(
        "R3",
        "Trajectory supervision, placement and coaching",
        "Trajectbegeleiding, plaatsing en coaching",
        "Follows, supports and coaches clients and employers in placements and arranges workplace adjustments.",
        [
            (
                "Skill in conversation, listening and observing",
                "Vaardigheid in gespreksvoering, luisteren en observeren",
            ),
            (
                "Picks up signals from clients and employers and follows up fittingly",
                "Gevoelig voor signalen van cliënten en opdrachtgevers, met passende vervolgacties",
            ),
            ("Is trusted by clients", "Wordt vertrouwd door de cliënten"),
            ("Communicates clearly and effectively", "Communiceert helder en effectief"),
            (
                "Empathises with others' emotions and experiences and responds constructively",
                "Voelt emoties en ervaringen van gesprekspartners goed aan en reageert constructief",
            ),
            (
                "Overcomes resistance and motivates towards feasible steps",
                "Overwint weerstanden en motiveert tot haalbare stappen",
            ),
            (
                "Brings the message in an engaging, motivating way",
                "Brengt de boodschap pakkend, motiverend en inspirerend",
            ),
            (
                "Builds on clients' existing capacities and interests",
                "Bouwt voort op aanwezige capaciteiten en interesses van cliënten",
            ),
            ("Lets clients practise situations in role play", "Laat cliënten situaties oefenen in rollenspel"),
            (
                "Is clear and complete about the circumstances and pros and cons of the chosen path",
                "Is helder en volledig over omstandigheden en voor- en nadelen van de ingeslagen weg",
            ),
        ],
    ),
    _competency(
        "R4",
        "Network, organisation and communication",
        "Netwerk, organisatie en communicatie",
        "Works as a member of a team of coaches and maintains a useful network.",
        [
            (
                "Has an effective network of companies, funders and experts",
                "Beschikt over een effectief netwerk van bedrijven, subsidiegevers en deskundigen",
            ),
            (
                "Knows the routes into vocational education and training for the target groups",
                "Kent de ingangen bij opleidingen en trainingen voor de doelgroepen",
            ),
            ("Knows the labour market", "Kent de arbeidsmarkt"),
            ("Has style and presents themself professionally", "Heeft stijl en presenteert zich professioneel"),
            (
                "Works well with colleagues, other organisations and the own company",
                "Werkt uitstekend samen met collega's, andere instellingen en het eigen bedrijf",
            ),
        ],
    ),
    _competency(
        "R5",
        "Administration",
        "Administratie",
        "Keeps and passes on the information needed for the financial and legal handling of assignments.",
        [
            (
                "Provides correct information for the administrative handling of projects and placements",
                "Zorgt voor correcte informatie voor de administratieve afhandeling van projecten en plaatsingen",
            ),
            (
                "Keeps a good overview of the cases in hand",
                "Heeft goed administratief overzicht over de zaken in behandeling",
            ),
            (
                "Respects deadlines and completes matters on time and in full",
                "Houdt rekening met geldende termijnen en werkt zaken tijdig en volledig af",
            ),
        ],
    ),
]
