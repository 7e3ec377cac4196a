"""Job profile of the work mentor (seed 000): core task 1 with work processes 1.1–1.6.

The work processes are the competencies; the indicators restate what each process description asks of the
mentor as observable behaviour. Used to assess work mentors in their certification course.
"""

FRAMEWORK = {
    "code": "mentor-job-profile",
    "purpose": "mentors",
    "title": ("Job profile of the work mentor", "Beroepsprofiel werkmentor"),
    "description": (
        "What a work mentor at a certified work-placement company does, from recruiting a learner to "
        "assessing them, and how the mentor keeps developing."
    ),
    "areas": [
        {
            "code": "1",
            "title": (
                "Core task 1: Supervising the learning processes and the coaching of (learning) employees",
                "Kerntaak 1: Begeleiden van de leerprocessen en coachen van (lerende) werknemers",
            ),
            "competencies": [
                {
                    "code": "1.1",
                    "title": (
                        "Recruits and selects new (learning) employees",
                        "Werft en selecteert nieuwe (lerende) werknemers",
                    ),
                    "description": "Takes part in recruitment and selects learners fairly, following the company's rules.",
                    "indicators": [
                        (
                            "Follows the company's instructions and guidelines for recruitment",
                            "Volgt de instructies en richtlijnen van het bedrijf bij het werven",
                        ),
                        ("Conducts selection interviews with candidates", "Voert selectiegesprekken met kandidaten"),
                        (
                            "Determines which candidates suit the job and the company",
                            "Bepaalt welke kandidaten passen bij de functie en het bedrijf",
                        ),
                        ("Selects candidates without bias", "Selecteert kandidaten onbevooroordeeld"),
                        ("Appoints the selected candidates", "Stelt de geselecteerde kandidaten aan"),
                    ],
                },
                {
                    "code": "1.2",
                    "title": (
                        "Introduces and induces new (learning) employees",
                        "Introduceert en werkt nieuwe (lerende) werknemers in",
                    ),
                    "description": "Welcomes newcomers and makes sure they know how the company works and what to do in an emergency.",
                    "indicators": [
                        (
                            "Introduces new employees into the organisation",
                            "Introduceert nieuwe werknemers in de organisatie",
                        ),
                        (
                            "Instructs new employees in processes and procedures",
                            "Instrueert nieuwe werknemers over processen en procedures",
                        ),
                        (
                            "Develops an introduction and induction programme",
                            "Ontwikkelt een introductie- en inwerkprogramma",
                        ),
                        ("Explains how to act in case of calamities", "Legt uit hoe te handelen bij calamiteiten"),
                        (
                            "Explains the house rules and company directions",
                            "Legt de huisregels en bedrijfsvoorschriften uit",
                        ),
                    ],
                },
                {
                    "code": "1.3",
                    "title": (
                        "Discusses and determines the coaching trajectory",
                        "Bespreekt en bepaalt het begeleidingstraject",
                    ),
                    "description": "Agrees targets, the manner of coaching and the planning with the learner, and attunes them with the school.",
                    "indicators": [
                        (
                            "Discusses individual targets with the learner",
                            "Bespreekt individuele doelen met de lerende",
                        ),
                        (
                            "Matches development possibilities to the learner's wishes, capacities and the company's possibilities",
                            "Stemt ontwikkelmogelijkheden af op wensen en capaciteiten van de lerende en de mogelijkheden van het bedrijf",
                        ),
                        (
                            "Determines the manner of coaching and the planning together with the learner",
                            "Bepaalt samen met de lerende de wijze van begeleiden en de planning",
                        ),
                        (
                            "Attunes the coaching trajectory with the teacher",
                            "Stemt het begeleidingstraject af met de docent",
                        ),
                    ],
                },
                {
                    "code": "1.4",
                    "title": ("Coaches the (learning) employees", "Begeleidt de (lerende) werknemers"),
                    "description": "Guides the learner through the work with instruction, feedback and encouragement, and adjusts the coaching when needed.",
                    "indicators": [
                        ("Coaches by means of an educational plan", "Begeleidt aan de hand van een opleidingsplan"),
                        (
                            "Informs and instructs before and during tasks about priorities and targets",
                            "Informeert en instrueert voor en tijdens taken over prioriteiten en doelen",
                        ),
                        (
                            "Delegates technical coaching where needed and supports the colleague who takes it on",
                            "Delegeert vaktechnische begeleiding waar nodig en ondersteunt de collega die dat doet",
                        ),
                        (
                            "Motivates, stimulates and gives feedback on work and performance",
                            "Motiveert, stimuleert en geeft feedback op werk en prestaties",
                        ),
                        ("Suggests solutions and points for improvement", "Draagt oplossingen en verbeterpunten aan"),
                        (
                            "Monitors the progress of the work and adapts the coaching",
                            "Bewaakt de voortgang van het werk en past de begeleiding aan",
                        ),
                    ],
                },
                {
                    "code": "1.5",
                    "title": ("Assesses the (learning) employees", "Beoordeelt de (lerende) werknemers"),
                    "description": "Decides what is assessed and how, gathers evidence, and records a fair judgement.",
                    "indicators": [
                        (
                            "Observes company procedures and legal guidelines when assessing",
                            "Houdt zich bij het beoordelen aan bedrijfsprocedures en wettelijke richtlijnen",
                        ),
                        ("Determines what is assessed and how", "Bepaalt wat er beoordeeld wordt en hoe"),
                        (
                            "Collects relevant data for the assessment",
                            "Verzamelt relevante gegevens voor de beoordeling",
                        ),
                        (
                            "Assesses performance and competence development",
                            "Beoordeelt prestaties en competentieontwikkeling",
                        ),
                        ("Records the assessment", "Legt de beoordeling vast"),
                    ],
                },
                {
                    "code": "1.6",
                    "title": ("Develops continually", "Ontwikkelt zich voortdurend"),
                    "description": "Keeps up with the field and reflects on their own way of mentoring.",
                    "indicators": [
                        (
                            "Follows developments in the labour market, methods, educational theory and didactics",
                            "Volgt ontwikkelingen op de arbeidsmarkt en in methodiek, onderwijskunde en didactiek",
                        ),
                        ("Reads trade journals and trade literature", "Leest vakbladen en vakliteratuur"),
                        (
                            "Attends courses, trainings and trade events",
                            "Bezoekt cursussen, trainingen en vakbijeenkomsten",
                        ),
                        (
                            "Reflects on own capacities and asks colleagues for feedback",
                            "Reflecteert op het eigen kunnen en vraagt collega's om feedback",
                        ),
                        ("Sets a good example", "Geeft het goede voorbeeld"),
                    ],
                },
            ],
        }
    ],
}
