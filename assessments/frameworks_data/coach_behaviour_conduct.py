"""Behavioural competencies of the coach profile (seed 001), part 2: integrity, quality, coaching (B9–B17)."""

from .coach_competency import competency as _competency

CONDUCT_AND_INFLUENCE = [
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
