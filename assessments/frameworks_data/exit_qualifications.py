"""Exit qualifications for job-coach training (seed 004): intake and assessment, job finding, coaching on the job.

The three parts of the exit qualifications are the competencies, their lettered items the indicators; the
method the vision asks for forms a first area of its own.
"""

FRAMEWORK = {
    "code": "job-coach-exit-qualifications",
    "purpose": "learners",
    "title": ("Exit qualifications for job coaches", "Eindtermen jobcoachopleidingen"),
    "description": (
        "What a job coach can do at the end of training: assess a client, find a fitting job with them and coach "
        "them on the job, working methodically from the client's strengths."
    ),
    "areas": [
        {
            "code": "M",
            "title": ("Vision and method", "Visie en methodiek"),
            "competencies": [
                {
                    "code": "M.1",
                    "title": ("Works methodically from the vision", "Handelt methodisch vanuit de visie"),
                    "description": "Starts from the client's strengths and lets the client lead, in a goal-directed, methodical way.",
                    "indicators": [
                        (
                            "Translates the vision into independent, goal-directed and methodical action",
                            "Vertaalt de visie naar zelfstandig, doelgericht en methodisch handelen",
                        ),
                        (
                            "Argues clearly to all involved what the client needs",
                            "Beargumenteert helder naar alle betrokkenen wat de cliënt nodig heeft",
                        ),
                        (
                            "Reflects critically on own actions towards the different clients",
                            "Reflecteert kritisch op het eigen handelen naar de verschillende klanten",
                        ),
                        (
                            "Listens from the other's perspective, asks open questions, summarises and confronts",
                            "Luistert vanuit het perspectief van de ander, stelt open vragen, vat samen en confronteert",
                        ),
                        (
                            "Manages own caseload: planning, relationships and lead times",
                            "Beheert de eigen caseload: planning, relaties en doorlooptijden",
                        ),
                    ],
                }
            ],
        },
        {
            "code": "E",
            "title": ("Exit qualifications", "Eindtermen"),
            "competencies": [
                {
                    "code": "E.1",
                    "title": ("Intake and assessment", "Intake en assessment"),
                    "description": "Finds out with the client who they are, what they want, what moves them and what they can do.",
                    "indicators": [
                        (
                            "Conducts an intake and assessment within the frame of the commissioning party and organisation",
                            "Voert een intake en assessment uit binnen de kaders van opdrachtgever en organisatie",
                        ),
                        (
                            "Explores with the client who they are, what they want, what moves them and what they can do",
                            "Kijkt samen met de cliënt wie hij is, wat hij wil, wat hem beweegt en wat hij kan",
                        ),
                        (
                            "Lets the client take the lead and responsibility during the assessment",
                            "Laat de cliënt tijdens het assessment zoveel mogelijk de regie en verantwoordelijkheid",
                        ),
                        (
                            "Coaches in line with the client's way of working and learning style",
                            "Coacht aansluitend bij de werkwijze en leerstijl van de cliënt",
                        ),
                        (
                            "Translates the findings into goals and a plan of approach",
                            "Vertaalt de gegevens naar doelen en een plan van aanpak",
                        ),
                        (
                            "Makes a profile with the client: core, qualities and points of attention",
                            "Maakt met de cliënt een profiel met kern, kwaliteiten en aandachtspunten",
                        ),
                        (
                            "Involves the client's relevant network in the assessment",
                            "Betrekt het relevante netwerk van de cliënt bij het assessment",
                        ),
                        (
                            "Connects the client's profile with the regional labour market",
                            "Verbindt het profiel van de cliënt met de regionale arbeidsmarkt",
                        ),
                        ("Reports on the intake and assessment", "Doet verslag van de intake en het assessment"),
                    ],
                },
                {
                    "code": "E.2",
                    "title": ("Job finding", "Jobfinding"),
                    "description": "Searches for a fitting job from the search profile and matches the client with an employer.",
                    "indicators": [
                        (
                            "Takes the search profile as the starting point for finding a fitting job",
                            "Neemt het zoekprofiel als uitgangspunt bij het zoeken naar een passende baan",
                        ),
                        (
                            "Involves the client's relevant network in the placement process",
                            "Betrekt het relevante netwerk van de cliënt bij het plaatsingsproces",
                        ),
                        (
                            "Gives the client as much control as possible in the placement process",
                            "Geeft de cliënt zoveel mogelijk de regie in het plaatsingsproces",
                        ),
                        (
                            "Makes an employee profile together with the client",
                            "Maakt samen met de cliënt een werknemersprofiel",
                        ),
                        (
                            "Prepares and supports the client in job interviews",
                            "Bereidt sollicitatiegesprekken met de cliënt voor en ondersteunt daarin",
                        ),
                        (
                            "Discusses the company's mission, vision and culture with the employer",
                            "Bespreekt missie, visie en bedrijfscultuur met de werkgever",
                        ),
                        (
                            "Finds out which tasks the employer could offer the client",
                            "Brengt in kaart welke werkzaamheden de werkgever de cliënt kan bieden",
                        ),
                        (
                            "Presents the client to an employer positively and realistically",
                            "Presenteert de cliënt positief en realistisch aan een werkgever",
                        ),
                        (
                            "Presents the client from the employer's perspective so that resistance gives way",
                            "Presenteert de cliënt vanuit het perspectief van de werkgever, zodat weerstanden verdwijnen",
                        ),
                        (
                            "Creates new jobs and sees growth possibilities (job carving)",
                            "Creëert nieuwe functies en ziet doorgroeimogelijkheden (jobcarving)",
                        ),
                        ("Makes a work profile", "Maakt een werkprofiel"),
                        (
                            "Judges from a work profile whether a targeted match is possible",
                            "Beoordeelt op grond van een werkprofiel of een doelgerichte match mogelijk is",
                        ),
                        (
                            "Reviews the job with the client so that they can decide on the placement",
                            "Voert een toetsingsgesprek met de cliënt over de baan, zodat hij kan besluiten",
                        ),
                        (
                            "Discusses points of attention with the employer in workable terms",
                            "Bespreekt aandachtspunten met de werkgever zodat de werkvloer ermee kan omgaan",
                        ),
                        (
                            "Holds a contract conversation with the employer",
                            "Voert een contractgesprek met de werkgever",
                        ),
                        (
                            "Summarises the agreements concisely for all parties",
                            "Geeft de afspraken kernachtig weer naar alle partijen",
                        ),
                        ("Reports on the placement process", "Doet verslag van het plaatsingsproces"),
                    ],
                },
                {
                    "code": "E.3",
                    "title": ("Coaching on the job", "Coaching on the job"),
                    "description": "Plans the induction and coaching with SMART goals and supports the client at the workplace.",
                    "indicators": [
                        (
                            "Makes an induction plan from the client's core, qualities and points of attention",
                            "Maakt een inwerkplan vanuit de kern, kwaliteiten en aandachtspunten van de cliënt",
                        ),
                        (
                            "Analyses the workplace for the coaching plan",
                            "Maakt een nadere analyse van de werkplek voor het coachingsplan",
                        ),
                        (
                            "Sets goals with the client from the assessment and the work profile",
                            "Stelt samen met de cliënt doelen op vanuit assessment en werkprofiel",
                        ),
                        ("Makes a coaching plan with SMART goals", "Maakt een coachingsplan met SMART-doelen"),
                        (
                            "Coaches in line with the client's learning style and work environment",
                            "Coacht aansluitend bij de leerstijl van de cliënt en diens werkomgeving",
                        ),
                        (
                            "Lets the client take the lead and responsibility on the job",
                            "Laat de cliënt bij coaching on the job zoveel mogelijk de regie en verantwoordelijkheid",
                        ),
                        (
                            "Acts as the linchpin between client, colleagues and employer",
                            "Vervult een spilfunctie tussen cliënt, collega's en werkgever",
                        ),
                        (
                            "Judges which colleagues and network can play a role in the coaching plan",
                            "Beoordeelt welke collega's en welk netwerk een rol kunnen spelen in het coachingsplan",
                        ),
                        (
                            "Increases the client's self-insight into qualities and points of attention",
                            "Vergroot het zelfinzicht van de cliënt in kwaliteiten en aandachtspunten",
                        ),
                        (
                            "Evaluates the results of the coaching plan with all parties and adjusts it",
                            "Evalueert de resultaten van het coachingsplan met alle partijen en stelt bij",
                        ),
                        (
                            "Works alongside the client on the shop floor to see what gives energy",
                            "Werkt mee op de werkvloer om zicht te krijgen op wat de cliënt energie geeft",
                        ),
                        (
                            "Pays attention to the client's growth possibilities and supports them",
                            "Heeft aandacht voor doorgroeimogelijkheden van de cliënt en ondersteunt daarbij",
                        ),
                        (
                            "Improvises and intervenes in problems and crises",
                            "Improviseert en grijpt in bij problemen en crisissituaties",
                        ),
                        ("Reports on the coaching on the job", "Doet verslag van het coaching on the job-proces"),
                    ],
                },
            ],
        },
    ],
}
