"""The questionnaires Werkmentor ships, in English and Dutch; schools copy one and adapt their copy.

Each question: (kind, topic, English, Dutch) or, for a choice, (kind, topic, English, Dutch, choices EN, NL).
The learner's view of the mentor follows seed 003 ("what the learner may expect of the mentor"): neutral,
honest, approachable, experienced, giving constructive feedback, showing empathy, and helping to set goals,
see chances to grow and reflect.
"""

A, S, C, T = "agreement", "score", "choice", "text"

_MENTOR_VIEW = [
    (A, "mentor", "My work mentor was easy to approach.", "Mijn werkmentor was gemakkelijk te benaderen."),
    (A, "mentor", "My work mentor was honest with me.", "Mijn werkmentor was eerlijk tegen mij."),
    (
        A,
        "mentor",
        "My work mentor stayed neutral and did not look for someone to blame.",
        "Mijn werkmentor bleef neutraal en zocht geen schuldige.",
    ),
    (
        A,
        "mentor",
        "My work mentor gave me constructive and positive feedback.",
        "Mijn werkmentor gaf mij opbouwende en positieve feedback.",
    ),
    (A, "mentor", "My work mentor showed empathy.", "Mijn werkmentor toonde inlevingsvermogen."),
    (
        A,
        "mentor",
        "My work mentor knows the work well and shared that experience.",
        "Mijn werkmentor kent het werk goed en deelde die ervaring.",
    ),
    (
        A,
        "mentor",
        "My work mentor helped me agree on and set my learning goals.",
        "Mijn werkmentor hielp mij mijn leerdoelen af te spreken en vast te stellen.",
    ),
    (
        A,
        "mentor",
        "My work mentor helped me see where I can still grow.",
        "Mijn werkmentor hielp mij te zien waarin ik nog kan groeien.",
    ),
    (
        A,
        "mentor",
        "My work mentor encouraged me to reflect on my own work.",
        "Mijn werkmentor moedigde mij aan om op mijn eigen werk te reflecteren.",
    ),
]

SHIPPED = [
    {
        "code": "learner-mid-placement",
        "audience": "learner",
        "purpose": "mid_placement",
        "title": ("Learner halfway through the placement", "Student halverwege de stage"),
        "intro": (
            "You are halfway through your placement. Your answers are anonymous: the school only sees results of "
            "groups of learners, never your own answers.",
            "Je bent halverwege je stage. Je antwoorden zijn anoniem: de school ziet alleen resultaten van groepen "
            "studenten, nooit jouw eigen antwoorden.",
        ),
        "questions": [
            (
                S,
                "general",
                "How satisfied are you with your placement so far?",
                "Hoe tevreden ben je tot nu toe over je stage?",
            ),
            (A, "company", "I feel welcome at the host company.", "Ik voel me welkom bij het leerbedrijf."),
            (A, "company", "The work I do fits my programme.", "Het werk dat ik doe past bij mijn opleiding."),
            (A, "mentor", "My work mentor makes time for me.", "Mijn werkmentor maakt tijd voor mij."),
            (A, "mentor", "I know what my learning goals are.", "Ik weet wat mijn leerdoelen zijn."),
            (
                A,
                "school",
                "My school supervisor knows how my placement is going.",
                "Mijn BPV-begeleider weet hoe mijn stage gaat.",
            ),
            (
                T,
                "general",
                "What would help you most in the second half?",
                "Wat zou je in de tweede helft het meest helpen?",
            ),
        ],
    },
    {
        "code": "learner-end-placement",
        "audience": "learner",
        "purpose": "end_placement",
        "title": ("Learner at the end of the placement", "Student aan het einde van de stage"),
        "intro": (
            "Your placement is ending. Tell us how it went, and how your work mentor supported you. Your answers "
            "are anonymous: your mentor never sees them, and results are only shown for groups of learners.",
            "Je stage loopt af. Vertel ons hoe het ging en hoe je werkmentor je begeleidde. Je antwoorden zijn "
            "anoniem: je werkmentor ziet ze nooit, en resultaten worden alleen getoond voor groepen studenten.",
        ),
        "questions": [
            (
                S,
                "general",
                "How satisfied are you with your placement as a whole?",
                "Hoe tevreden ben je over je stage als geheel?",
            ),
            (
                S,
                "company",
                "Would you recommend this host company to other learners?",
                "Zou je dit leerbedrijf aanraden aan andere studenten?",
            ),
            (
                A,
                "company",
                "I learned what I needed to learn for my programme.",
                "Ik heb geleerd wat ik voor mijn opleiding moest leren.",
            ),
            *_MENTOR_VIEW,
            (A, "school", "The tripartite meetings were useful.", "De driegesprekken waren nuttig."),
            (
                C,
                "general",
                "Would you like to work in this field after your studies?",
                "Wil je na je opleiding in dit vak werken?",
                "Yes\nPerhaps\nNo",
                "Ja\nMisschien\nNee",
            ),
            (T, "mentor", "What did your work mentor do especially well?", "Wat deed je werkmentor bijzonder goed?"),
            (
                T,
                "general",
                "What should be better for the next learner?",
                "Wat moet er beter voor de volgende student?",
            ),
        ],
    },
    {
        "code": "mentor-end-placement",
        "audience": "mentor",
        "purpose": "mentor_end",
        "title": ("Work mentor at the end of the placement", "Werkmentor aan het einde van de stage"),
        "intro": (
            "The placement you coached is ending. How did it go with the learner, and how did the school support you?",
            "De stage die je begeleidde loopt af. Hoe ging het met de student, en hoe ondersteunde de school jou?",
        ),
        "questions": [
            (
                S,
                "general",
                "How satisfied are you with this placement as a whole?",
                "Hoe tevreden ben je over deze stage als geheel?",
            ),
            (
                A,
                "learner",
                "The learner was well prepared for the placement.",
                "De student was goed voorbereid op de stage.",
            ),
            (A, "learner", "The learner kept to our agreements.", "De student hield zich aan onze afspraken."),
            (A, "school", "The school supervisor was easy to reach.", "De BPV-begeleider was goed bereikbaar."),
            (
                A,
                "school",
                "The school informed me well about the learning goals.",
                "De school informeerde mij goed over de leerdoelen.",
            ),
            (A, "school", "I had enough time to coach the learner.", "Ik had genoeg tijd om de student te begeleiden."),
            (
                T,
                "school",
                "What support from the school would you like next time?",
                "Welke ondersteuning van de school wil je een volgende keer?",
            ),
        ],
    },
    {
        "code": "employer-after-placement",
        "audience": "employer",
        "purpose": "employer_after",
        "title": ("Employer after the placement", "Werkgever na de stage"),
        "intro": (
            "A learner of our school finished a placement at your company. Thank you: how did you experience it?",
            "Een student van onze school rondde een stage af in uw bedrijf. Dank u wel: hoe heeft u het ervaren?",
        ),
        "questions": [
            (
                S,
                "general",
                "How satisfied are you with the cooperation with the school?",
                "Hoe tevreden bent u over de samenwerking met de school?",
            ),
            (A, "learner", "The learner contributed to our work.", "De student droeg bij aan ons werk."),
            (
                A,
                "school",
                "The school's agreements and paperwork were clear.",
                "De afspraken en het papierwerk van de school waren duidelijk.",
            ),
            (
                C,
                "general",
                "Would you host a learner of our school again?",
                "Zou u opnieuw een student van onze school een stageplaats bieden?",
                "Yes\nPerhaps\nNo",
                "Ja\nMisschien\nNee",
            ),
            (T, "general", "What should the school do differently?", "Wat zou de school anders moeten doen?"),
        ],
    },
    {
        "code": "course-participant",
        "audience": "participant",
        "purpose": "course_after",
        "title": ("Course participant right after the course", "Deelnemer direct na de training"),
        "intro": (
            "You have just finished the work mentor course. What did you think of it?",
            "Je hebt de werkmentortraining net afgerond. Wat vond je ervan?",
        ),
        "questions": [
            (S, "course", "How satisfied are you with the course?", "Hoe tevreden ben je over de training?"),
            (
                A,
                "course",
                "The assignments before each session were useful.",
                "De opdrachten voor elke bijeenkomst waren nuttig.",
            ),
            (
                A,
                "course",
                "I know better what is expected of a work mentor.",
                "Ik weet beter wat er van een werkmentor wordt verwacht.",
            ),
            (
                A,
                "course",
                "I can apply what I learned in my own work.",
                "Ik kan wat ik leerde toepassen in mijn eigen werk.",
            ),
            (A, "course", "The teacher explained the subject clearly.", "De docent legde de stof duidelijk uit."),
            (T, "course", "What would you change about the course?", "Wat zou je aan de training veranderen?"),
        ],
    },
    {
        "code": "course-effect-employer",
        "audience": "employer",
        "purpose": "course_effect",
        "title": (
            "Employer on the course's effect after three months",
            "Werkgever over het effect van de training na drie maanden",
        ),
        "intro": (
            "Three months ago an employee of yours followed our work mentor course. What has it changed?",
            "Drie maanden geleden volgde een medewerker van u onze werkmentortraining. Wat heeft het veranderd?",
        ),
        "questions": [
            (
                S,
                "course",
                "How much has the course improved the coaching of learners?",
                "Hoeveel heeft de training de begeleiding van studenten verbeterd?",
            ),
            (
                A,
                "course",
                "Our mentor coaches learners with more confidence.",
                "Onze werkmentor begeleidt studenten met meer zelfvertrouwen.",
            ),
            (
                A,
                "course",
                "Our mentor sets clearer learning goals with learners.",
                "Onze werkmentor stelt duidelijkere leerdoelen met studenten.",
            ),
            (A, "course", "The course was worth the time it cost.", "De training was de tijd waard die ze kostte."),
            (
                T,
                "course",
                "What effect of the course have you noticed?",
                "Welk effect van de training heeft u gemerkt?",
            ),
        ],
    },
]
