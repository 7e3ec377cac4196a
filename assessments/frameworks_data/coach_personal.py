"""The coach profile's team roles and Big Five minimums (seed 001, parts III.2 and III.3) as data.

They are not rated by indicators like the behavioural competencies, so they are not areas of the framework: a
mentor's self-assessment scores them beside it. Titles follow the source's items; descriptions are our own
words. Keys stay stable so that self-assessments made years apart can be compared.
"""

# key, (English, Dutch) title, (English, Dutch) description
TEAM_ROLES = (
    (
        "role-plant",
        ("Resource investigator / plant", "Brononderzoeker / bedenker"),
        (
            "Keeps looking for realistic, workable ways out of problems that are stuck.",
            "Zoekt steeds naar realistische en haalbare oplossingen voor problemen die vastzitten.",
        ),
    ),
    (
        "role-implementer",
        ("Implementer / completer-finisher", "Bedrijfsman / afmaker-nadenker"),
        (
            "Turns solutions into practice step by step and checks that nothing goes wrong or is forgotten.",
            "Brengt oplossingen praktisch en methodisch in de praktijk en bewaakt dat niets misgaat of vergeten wordt.",
        ),
    ),
    (
        "role-teamworker",
        ("Teamworker", "Groepswerker"),
        (
            "Encourages and motivates others all the time and resolves conflicts.",
            "Stimuleert en motiveert anderen voortdurend en lost conflicten op.",
        ),
    ),
)

# key, (English, Dutch) title, the profile's minimum on a scale of 1-10, (English, Dutch) description
BIG_FIVE = (
    (
        "big5-extraversion",
        ("Socially skilled", "Sociaal vaardig"),
        7,
        ("How much you are energised by contact with others.", "Hoeveel energie u krijgt van contact met anderen."),
    ),
    (
        "big5-agreeableness",
        ("Agreeable", "Sympathiek"),
        7,
        ("Friendliness, respect and trust towards others.", "Vriendelijkheid, respect en vertrouwen in anderen."),
    ),
    (
        "big5-conscientiousness",
        ("Work attitude", "Werkinstelling"),
        8,
        ("Wanting to perform well and to act with integrity.", "Goed willen presteren en integer willen zijn."),
    ),
    (
        "big5-stability",
        ("Stability", "Stabiliteit"),
        6,
        (
            "Worrying little, staying optimistic and getting over setbacks easily.",
            "Zich weinig zorgen maken, optimistisch blijven en tegenslagen gemakkelijk verwerken.",
        ),
    ),
    (
        "big5-openness",
        ("Openness", "Toegankelijkheid"),
        8,
        (
            "Being open to new experiences and wanting to learn from them.",
            "Openstaan voor nieuwe ervaringen en daarvan willen leren.",
        ),
    ),
)
