"""Behavioural competencies of the coach profile (seed 001), part 1: contact, communication, drive (B1–B8).

Part 2 is in coach_behaviour_conduct.py; together they are the profile's behavioural competencies.
"""

from .coach_competency import competency as _competency

CONTACT_AND_COMMUNICATION = [
    _competency(
        "B1",
        "Sensitivity",
        "Gevoelig zijn",
        "Is aware of what others feel and want, and takes it into account.",
        [
            (
                "Shows respect for other norms and values",
                "Laat merken dat andere normen en waarden gerespecteerd worden",
            ),
            (
                "Shows understanding for others' ethical or moral problems",
                "Toont begrip voor ethische of morele problemen van anderen",
            ),
            (
                "Takes others' attitude and wishes into account",
                "Houdt rekening met de instelling en de wensen van anderen",
            ),
            (
                "Sticks to the point and avoids irrelevant personal questions",
                "Houdt zich bij de kern en vermijdt overbodige persoonlijke vragen",
            ),
            ("Shows appreciation and expresses confidence", "Toont waardering en spreekt vertrouwen uit"),
            (
                "Shows respect in the face of resistance and incomprehension",
                "Toont bij weerstand en onbegrip respect voor de ander",
            ),
            (
                "Leaves others room to decide and choose their own way",
                "Geeft anderen ruimte om zelf te beslissen en eigen wegen te kiezen",
            ),
        ],
    ),
    _competency(
        "B2",
        "Building relationships",
        "Relaties tot stand brengen",
        "Moves easily among people and approaches others naturally.",
        [
            ("Makes contact with others easily and naturally", "Komt gemakkelijk en natuurlijk in contact met anderen"),
            (
                "Approaches people rather than waiting to be approached",
                "Stapt op mensen af en wacht niet tot men wordt aangesproken",
            ),
            ("Looks for shared interests", "Zoekt naar gemeenschappelijke belangstellingsgebieden"),
            ("Raises topics that matter to the other", "Brengt onderwerpen in die van belang zijn voor de ander"),
            ("Builds networks", "Bouwt netwerken op"),
            ("Brings people into contact with each other", "Brengt mensen met elkaar in contact"),
            (
                "Speaks to several people in a short time, for example during breaks",
                "Spreekt in korte tijd een aantal mensen aan, bijvoorbeeld in pauzes",
            ),
        ],
    ),
    _competency(
        "B3",
        "Looking and listening",
        "Kijken en luisteren",
        "Takes in what matters in conversations and observations and checks mutual understanding.",
        [
            ("Lets the other finish speaking", "Laat de ander uitspreken"),
            ("Keeps contact with everyone present", "Houdt bewust contact met de aanwezigen"),
            (
                "Pauses so that others can express themselves fully",
                "Last pauzes in zodat anderen zich volledig kunnen uiten",
            ),
            (
                "Shows interest through behaviour and posture",
                "Toont met gedrag en houding interesse voor wat de ander inbrengt",
            ),
            (
                "Responds with questions to body language and small signals",
                "Reageert met vragen op lichaamstaal en kleine signalen",
            ),
            (
                "Checks regularly whether the other has been understood",
                "Toetst regelmatig of begrepen is wat de ander wilde zeggen",
            ),
            (
                "Reflects back what was seen and heard and has it confirmed",
                "Geeft in woorden terug wat men ziet en hoort en laat dit bevestigen",
            ),
            (
                "Gives a clear summary of what everyone said",
                "Geeft een heldere samenvatting van wat iedereen heeft gezegd",
            ),
            (
                "Returns to points raised earlier and not yet followed up",
                "Komt terug op eerder aangeroerde punten die nog niet zijn vervolgd",
            ),
            ("Asks for clarification for a fuller picture", "Vraagt om opheldering voor een vollediger beeld"),
            (
                "Keeps asking while the other seems not to have said everything",
                "Blijft vragen stellen als de ander nog niet alles lijkt te hebben gezegd",
            ),
        ],
    ),
    _competency(
        "B4",
        "Use of language",
        "Gebruik van het voertuig taal",
        "Makes ideas clear in plain spoken and written language suited to the audience.",
        [
            ("Uses clear, short sentences", "Gebruikt heldere, korte zinnen"),
            ("Avoids jargon and explains technical terms", "Gebruikt geen jargon en legt vaktermen uit"),
            (
                "Body language, posture and gestures match the content",
                "Lichaamstaal, houding en gebaren sluiten aan bij de inhoud",
            ),
            (
                "Expressions and language suit the listeners' world",
                "Spreekwijzen en taalvormen passen bij de wereld van de toehoorders",
            ),
            (
                "Speaks correct, simple language to people still learning it and uses concrete examples",
                "Spreekt correct en eenvoudig tegen anderstaligen en illustreert met concrete voorbeelden",
            ),
            ("Writes clear notes and project proposals", "Schrijft duidelijke notities en heldere projectvoorstellen"),
        ],
    ),
    _competency(
        "B5",
        "Presenting",
        "Presenteren",
        "Offers information and services professionally, as the profession wants to be seen.",
        [
            (
                "Acts according to the professional code and social norms",
                "Gedraagt zich volgens de beroepscode en de geldende maatschappelijke normen",
            ),
            (
                "Treats clients and employers appropriately and correctly",
                "Bejegent cliënten en opdrachtgevers passend en correct",
            ),
            (
                "Adapts language and style to the client or situation",
                "Past taal en stijl aan bij de cliënt of de situatie",
            ),
            (
                "Conveys the core of a matter clearly and briefly",
                "Brengt de kern van een zaak duidelijk, kort en bondig over",
            ),
            (
                "Stays calm and correct when others react tensely or angrily",
                "Blijft kalm en correct, ook bij gespannen of boze reacties",
            ),
        ],
    ),
    _competency(
        "B6",
        "Cooperating",
        "Samenwerken",
        "Contributes to a shared result, also where there is no personal interest.",
        [
            ("Exchanges knowledge and techniques with colleagues", "Wisselt kennis en technieken uit met collega's"),
            ("Helps others reach their goals", "Helpt anderen om eigen doelen te bereiken"),
            (
                "Supports and builds on others' proposals towards a common goal",
                "Steunt voorstellen van anderen en bouwt daarop voort naar een gemeenschappelijk doel",
            ),
            (
                "Thinks along and contributes without personal interest",
                "Denkt mee en levert bijdragen zonder persoonlijk belang",
            ),
            (
                "Shows appreciation for others' efforts and help",
                "Laat merken dat inspanningen en hulp van anderen gewaardeerd worden",
            ),
            ("Offers help and actually helps", "Biedt zelf hulp aan en helpt daadwerkelijk"),
            ("Reduces tensions between people", "Vermindert onderlinge spanningen"),
            ("Solves problems and conflicts", "Lost problemen en conflicten op"),
        ],
    ),
    _competency(
        "B7",
        "Initiative",
        "Initiatief",
        "Spots problems and chances early and acts before they pass.",
        [
            ("Anticipates and acts quickly rather than waiting", "Anticipeert, komt snel in actie en wacht niet af"),
            (
                "Thinks ahead and looks for additional information unprompted",
                "Denkt vooruit en zoekt uit zichzelf aanvullende informatie",
            ),
            (
                "Comes up with plans for new projects unasked",
                "Komt ongevraagd met plannen voor nieuwe projecten en wegen",
            ),
            ("Uses sudden openings to make proposals", "Gebruikt plotselinge openingen om met voorstellen te komen"),
        ],
    ),
    _competency(
        "B8",
        "Commitment",
        "Inzet",
        "Sets high standards for themself and the results, and keeps developing.",
        [
            ("Works hard", "Werkt hard"),
            (
                "Speaks enthusiastically about the work, clients and employers",
                "Spreekt enthousiast over het werk, de cliënten en de opdrachtgevers",
            ),
            ("Sets challenging goals for themself", "Formuleert uitdagende doelen voor zichzelf"),
            (
                "Acts responsibly and independently and encourages this in others",
                "Gedraagt zich verantwoordelijk en zelfstandig en bevordert dit bij anderen",
            ),
            (
                "Seizes chances and creates possibilities for development",
                "Grijpt kansen en creëert mogelijkheden voor verdere ontwikkeling",
            ),
            (
                "Takes responsibility for the quality of the service",
                "Stelt zich verantwoordelijk voor de kwaliteit van de dienstverlening",
            ),
            ("Reserves time and energy for own development", "Reserveert tijd en energie voor eigen ontwikkeling"),
        ],
    ),
]
