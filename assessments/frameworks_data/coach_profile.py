"""Competency profile of the coach / work-trajectory supervisor (seed 001).

Two areas: the result areas with their performance indicators, and the behavioural competencies with theirs.
Dutch titles follow the source's items; English titles are translations.
"""


def _competency(code, en, nl, description, indicators):
    return {"code": code, "title": (en, nl), "description": description, "indicators": indicators}


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

BEHAVIOURAL_COMPETENCIES = [
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
    _competency(
        "B9",
        "Integrity",
        "Integriteit",
        "Behaves honestly and incorruptibly according to social and professional norms.",
        [
            ("Represents reality correctly", "Geeft de werkelijkheid correct weer"),
            (
                "Is clear about the risks of proposals and plans",
                "Is helder over aan voorstellen en plannen verbonden risico's",
            ),
            (
                "Keeps to the rules of the profession and the organisation",
                "Houdt zich aan de regels van het beroep en de organisatie",
            ),
            (
                "Says clearly when a requested action goes against own or professional norms",
                "Geeft duidelijk aan wanneer een verlangde actie buiten de eigen of beroepsnormen valt",
            ),
            (
                "Holds on to norms even when that brings disadvantage or conflict",
                "Houdt vast aan gedragsnormen, ook als dat nadeel of conflict oplevert",
            ),
            (
                "Respects others' personality, norms and values",
                "Respecteert de persoonlijkheid en de normen en waarden van anderen",
            ),
            ("Takes responsibility for own actions", "Neemt verantwoordelijkheid voor het eigen handelen"),
            (
                "Reports own mistakes and limits the damage unprompted",
                "Meldt gemaakte fouten en beperkt uit eigen beweging de schade",
            ),
        ],
    ),
    _competency(
        "B10",
        "Quality awareness",
        "Kwaliteitsbesef",
        "Aims at meeting clients' wishes and needs and checks their satisfaction.",
        [
            (
                "Responds quickly and fittingly to requests for help in a crisis",
                "Reageert snel en passend op vragen om hulp in crisissituaties",
            ),
            (
                "Takes the interest of clients and employers as the starting point",
                "Neemt het belang van opdrachtgevers en cliënten als uitgangspunt",
            ),
            (
                "Probes for the real wishes of clients and employers",
                "Vraagt door en zoekt actief naar de werkelijke wensen van opdrachtgevers en cliënten",
            ),
            ("Aims to deliver work tailored to the person", "Stelt zich in op het afleveren van maatwerk"),
            (
                "Gives a clear picture of results, timeline and phases",
                "Geeft een helder beeld van resultaten, tijdpad en fasering",
            ),
            (
                "Leaves room for adjustments and later wishes",
                "Geeft ruimte voor aanpassingen en later bijkomende wensen",
            ),
            ("Accepts responsibility for mistakes made", "Aanvaardt verantwoordelijkheid voor gemaakte fouten"),
        ],
    ),
    _competency(
        "B11",
        "Loyalty",
        "Trouw",
        "Keeps to agreements, steps and intended results, and stands by others.",
        [
            (
                "Shows personal involvement in clients' well-being",
                "Komt uit voor persoonlijke betrokkenheid bij het wel en wee van de cliënten",
            ),
            (
                "Does not let colleagues, employers or clients down in front of others",
                "Valt collega's, opdrachtgevers en cliënten niet af in het bijzijn van anderen",
            ),
            (
                "Covers and supports clients and colleagues when they are attacked",
                "Geeft dekking en steun aan cliënten en collega's die worden aangevallen",
            ),
            (
                "Keeps agreements, even when not in own interest",
                "Komt afspraken na, ook als dat niet in het eigen belang is",
            ),
            (
                "Stands by decisions that help clients, even against resistance",
                "Staat achter beslissingen die nuttig zijn voor cliënten, ook bij weerstand",
            ),
            (
                "Works towards company goals even when preferring another policy",
                "Zet zich in voor bedrijfsdoelen, ook bij voorkeur voor een ander beleid",
            ),
        ],
    ),
    _competency(
        "B12",
        "Flexibility",
        "Flexibel gedrag",
        "Changes style and approach when that is needed to reach the result.",
        [
            (
                "Uses the ideas and feelings of employers and clients to reach results",
                "Benut de ideeën en gevoelens van opdrachtgevers en cliënten voor het resultaat",
            ),
            (
                "Keeps the result central rather than the route",
                "Houdt het te bereiken resultaat centraal, minder de weg ernaartoe",
            ),
            (
                "Changes approach as soon as the result is at risk",
                "Verandert van aanpak zodra het beoogde resultaat in gevaar komt",
            ),
            (
                "Responds to resistance by pausing and changing approach",
                "Reageert op weerstand met een pauze en een andere aanpak",
            ),
            (
                "Uses chance circumstances for a faster or better result",
                "Gebruikt toevallige omstandigheden voor sneller of beter resultaat",
            ),
        ],
    ),
    _competency(
        "B13",
        "Dealing with stress",
        "Omgaan met stress",
        "Stays balanced and effective under pressure, setbacks and emotional situations.",
        [
            (
                "Keeps overview and responds calmly in calamities and aggressive or emotional behaviour",
                "Houdt overzicht en reageert evenwichtig bij calamiteiten en agressief of emotioneel gedrag",
            ),
            ("Takes responsibility after a mistake", "Neemt verantwoordelijkheid nadat een fout gemaakt is"),
            (
                "Keeps working methodically and prioritises under competing demands",
                "Blijft methodisch werken en stelt prioriteiten bij gelijktijdige verzoeken",
            ),
            (
                "Does not become irritable or take unusual risks under pressure",
                "Wordt onder druk niet prikkelbaar en neemt geen ongebruikelijke risico's",
            ),
            (
                "Stays professional with clients despite their conflicts and tensions",
                "Werkt professioneel met cliënten ondanks hun conflicten en spanningen",
            ),
        ],
    ),
    _competency(
        "B14",
        "Creativity",
        "Creativiteit",
        "Finds original solutions and new ways of working.",
        [
            (
                "Looks beyond the boundaries of own profession and job",
                "Kijkt over de grenzen van eigen beroep en functie",
            ),
            (
                "Questions established methods and offers alternatives",
                "Stelt geijkte werkwijzen ter discussie en komt met alternatieven",
            ),
            (
                "Develops new applications of existing concepts",
                "Ontwikkelt nieuwe toepassingen voor bestaande concepten",
            ),
            ("Comes up with new ideas and solutions straight away", "Komt direct met nieuwe ideeën en oplossingen"),
            (
                "Sees the core of a complex problem and tackles it inventively",
                "Ziet de kern van een complex probleem en gaat daar vindingrijk mee om",
            ),
        ],
    ),
    _competency(
        "B15",
        "Awareness of effects",
        "Zich bewust zijn van effecten",
        "Sees how own decisions and behaviour affect people and organisations.",
        [
            (
                "Takes cultural differences of clients and companies into account",
                "Houdt rekening met cultuurverschillen bij cliënten en bedrijven",
            ),
            (
                "Recognises differences in word use and connotation",
                "Onderkent verschillen in woordgebruik en gevoelswaarde van woorden",
            ),
            (
                "Understands how clients perceive their power and handles it constructively",
                "Begrijpt hoe cliënten macht en mogelijkheden inschatten en gaat daar constructief mee om",
            ),
            (
                "Sees and bridges differing views and interests of clients and employers",
                "Ziet verschillen in visie en belangen van cliënten en opdrachtgevers en brengt ze samen",
            ),
            (
                "Explains the other party's problem and warns of side effects",
                "Legt het probleem van de andere partij uit en waarschuwt voor neveneffecten",
            ),
            (
                "Senses what clients need to get going and keep going",
                "Voelt aan wat cliënten nodig hebben om aan de slag te gaan en door te werken",
            ),
            (
                "Notices and resolves misunderstandings arising from differences in position",
                "Is gevoelig voor misverstanden door verschil in positie en lost ze op",
            ),
        ],
    ),
    _competency(
        "B16",
        "Influencing behaviour",
        "Gedrag van personen beïnvloeden",
        "Informs and guides clients towards functioning well at work and in society.",
        [
            (
                "Explains the situation and the ways to improve it",
                "Vertelt wat de situatie inhoudt en welke wegen tot verbetering leiden",
            ),
            (
                "Makes clear agreements about what coach and client may expect of each other",
                "Maakt duidelijke afspraken over wat coach en cliënt van elkaar mogen verwachten",
            ),
            ("Gives clear assignments", "Verstrekt duidelijke opdrachten"),
            (
                "Conveys confidence in the client through attitude and tone",
                "Brengt in houding en intonatie vertrouwen in de cliënt over",
            ),
            ("States the effort needed to reach the goal", "Geeft aan welke inzet nodig is om het doel te bereiken"),
            (
                "Explains the consequences of not following instructions",
                "Vertelt wat het gevolg kan zijn als aanwijzingen niet worden opgevolgd",
            ),
            (
                "Gives targeted feedback on the client's efforts",
                "Geeft gerichte feedback op inzet en inspanningen van de cliënt",
            ),
            (
                "Checks that both sides mean the same by the same words",
                "Controleert of over en weer met dezelfde woorden hetzelfde bedoeld wordt",
            ),
            (
                "Encourages self-reliance, responsibility and self-confidence",
                "Stimuleert zelfredzaamheid, verantwoordelijkheid en zelfvertrouwen",
            ),
            (
                "Checks from a distance whether instructions are followed and acts if not",
                "Controleert op afstand of instructies worden opgevolgd en onderneemt zo nodig actie",
            ),
        ],
    ),
    _competency(
        "B17",
        "Coaching",
        "Coachen",
        "Guides clients to the best results they can reach through feedback, analysis and practice.",
        [
            (
                "Encourages clients not to settle for mediocre performance and sets the example",
                "Spoort cliënten aan geen genoegen te nemen met middelmatige prestaties en geeft het voorbeeld",
            ),
            (
                "Investigates qualities and shortcomings with clients and helps set a feasible goal",
                "Onderzoekt samen met cliënten kwaliteiten en tekortkomingen en helpt een haalbaar doel te bepalen",
            ),
            (
                "Stimulates clients to set the highest feasible goals",
                "Stimuleert cliënten de hoogst haalbare doelen te formuleren",
            ),
            (
                "Maps out the route to those goals together with clients",
                "Stippelt samen met cliënten een weg uit naar die doelen",
            ),
            (
                "Explains why one method works and another does not",
                "Verklaart waarom de ene methode wel werkt en de andere niet",
            ),
            (
                "Gives creative suggestions to overcome barriers and use chances",
                "Geeft creatieve suggesties om barrières te overwinnen en kansen te benutten",
            ),
            (
                "Does not overestimate clients and checks effort and results regularly",
                "Overschat cliënten niet en controleert regelmatig inzet en prestaties",
            ),
            (
                "Checks whether the chosen route leads to the result and investigates causes if not",
                "Gaat na of de gekozen weg tot het resultaat leidt en onderzoekt anders de oorzaken",
            ),
            (
                "Gives constructive criticism and positive impulses with suggestions",
                "Geeft opbouwende kritiek en positieve impulsen met suggesties voor ontwikkeling",
            ),
            (
                "Comforts and encourages clients after serious setbacks",
                "Troost en bemoedigt cliënten bij ernstige tegenslag",
            ),
            (
                "Gives clients means to measure their own results objectively",
                "Geeft cliënten middelen om zelf de resultaten objectief te meten",
            ),
            (
                "Helps clients develop good strategies for their best performance",
                "Helpt cliënten goede strategieën voor de hoogst mogelijke prestaties te ontwikkelen",
            ),
        ],
    ),
]

FRAMEWORK = {
    "code": "coach-competency-profile",
    "purpose": "learners",
    "title": (
        "Competency profile of the coach / work-trajectory supervisor",
        "Competentieprofiel coach-werktrajectbegeleider",
    ),
    "description": (
        "The results a coach is accountable for and the behaviour that shows competence, each with performance "
        "indicators to observe."
    ),
    "areas": [
        {"code": "I", "title": ("Result areas", "Resultaatgebieden"), "competencies": RESULT_AREAS},
        {
            "code": "III",
            "title": ("Behavioural competencies", "Gedragscompetenties"),
            "competencies": BEHAVIOURAL_COMPETENCIES,
        },
    ],
}
