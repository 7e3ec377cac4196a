"""Demo recruitment: openings with a work profile, candidate profiles, fixed criteria and a first score sheet.

The bakery has a published opening with two candidates (one already scored by the demo mentor) and a draft;
the care centre has a published opening with a learner proposed by the school.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from placements.models import (
    Candidate,
    CandidateProfile,
    CriterionScore,
    Intake,
    Opening,
    Programme,
    ScoreSheet,
    SelectionCriterion,
    WorkplaceAnalysis,
)

PROFILES = [
    # learner, programme, energisers, qualities, points of attention, sectors, locations, hours, network
    (
        "finn.koster@student.rijnland.example",
        "Medewerker bakkerij",
        "Making things with my hands; an early start.",
        ["accurate", "early riser", "hygiene", "teamwork"],
        "Needs clear instructions at the start.",
        ["food production", "hospitality"],
        ["utrecht", "leiden"],
        32,
        "Uncle runs a bakery in Gouda.",
    ),
    (
        "lotte.prins@student.rijnland.example",
        "Medewerker bakkerij",
        "Customers who come back; decorating pastry.",
        ["customer contact", "creative", "teamwork"],
        "Finds early mornings hard.",
        ["food production"],
        ["leiden"],
        24,
        "",
    ),
    (
        "julia.degraaf@student.rijnland.example",
        "Verzorgende IG",
        "Helping people; a calm team.",
        ["empathy", "reliable", "listening"],
        "Wants a smaller team after her previous placement.",
        ["care and welfare"],
        ["leiden"],
        32,
        "Neighbour works at a care centre.",
    ),
]

CRITERIA = [
    ("Motivation for the craft", "Why do you want to work in a bakery? What have you made yourself lately?"),
    ("Hygiene awareness", "What do you do before you start working with dough? Why?"),
    ("Working in a team", "Tell about a time you helped a colleague or classmate under time pressure."),
]


def _profiles(people, programmes):
    profiles = {}
    for email, programme, energisers, qualities, attention, sectors, locations, hours, network in PROFILES:
        learner = people[email]
        membership = learner.memberships.filter(role="learner").select_related("school").first()
        profiles[email], _ = CandidateProfile.objects.get_or_create(
            learner=learner,
            defaults={
                "school": membership.school,
                "programme": programmes.get((membership.school_id, programme)),
                "energisers": energisers,
                "qualities": qualities,
                "points_of_attention": attention,
                "preferred_sectors": sectors,
                "preferred_locations": locations,
                "hours_per_week": hours,
                "available_from": timezone.localdate() + timedelta(days=14),
                "available_until": timezone.localdate() + timedelta(days=220),
                "network": network,
            },
        )
    return profiles


def _opening(company, title, creator, today, **fields):
    opening, created = Opening.objects.get_or_create(
        company=company,
        title=title,
        defaults={
            "created_by": creator,
            "start_date": today + timedelta(days=30),
            "end_date": today + timedelta(days=180),
            **fields,
        },
    )
    return opening, created


def _intake_and_workplace(opening, people) -> None:
    """The job coach's intake of both bakery candidates (Finn shares his with the company) and the bakery's
    workplace analysis, so that the matching page shows which tasks fit whom."""
    WorkplaceAnalysis.objects.create(
        opening=opening,
        mission="Honest bread from local grain for the neighbourhood.",
        way_of_working="Fixed tasks per morning; the master baker shows everything once, then you do it yourself.",
        workplace_tasks="Weigh and mix dough\nLift flour sacks of 25 kg\nShape bread and rolls\nServe customers",
        carving_notes="Weighing and mixing could become a job of its own for someone who prefers no customer contact.",
    )
    for email, possibilities, limitations, needs, shared in (
        ("finn.koster@student.rijnland.example", ["dough", "accurate"], ["heavy lifting"], "A fixed start time", True),
        ("lotte.prins@student.rijnland.example", ["customers", "decorating"], ["early mornings"], "", False),
    ):
        learner = people[email]
        Intake.objects.create(
            learner=learner,
            school=CandidateProfile.objects.get(learner=learner).school,
            wishes="Work with my hands in a small team.",
            possibilities=possibilities,
            limitations=limitations,
            support_needs=needs,
            share_with_employer=shared,
        )


def seed(placements, today) -> None:
    emails = [p[0] for p in PROFILES] + [
        "company@demo.werkmentor.nl",
        "mentor@demo.werkmentor.nl",
        "henk.bos@korenschoof.example",
        "anja.visser@delinde.example",
        "supervisor@demo.werkmentor.nl",
    ]
    people = {user.email: user for user in User.objects.filter(email__in=emails)}
    if len(people) < len(emails):
        return
    programmes = {(p.school_id, p.name): p for p in Programme.objects.all()}
    _profiles(people, programmes)
    admin, mentor, henk = (
        people[e] for e in ("company@demo.werkmentor.nl", "mentor@demo.werkmentor.nl", "henk.bos@korenschoof.example")
    )
    bakery = mentor.memberships.get(role="mentor").company
    care = people["anja.visser@delinde.example"].memberships.get(role="company_admin").company

    opening, created = _opening(
        bakery,
        "Bakery assistant – bread and pastry",
        admin,
        today,
        tasks="Weigh and mix dough\nShape bread and rolls\nBake and check the oven\nServe customers at the counter",
        required_skills=["hygiene", "accurate", "teamwork", "early riser"],
        hours_per_week=32,
        city="Utrecht",
        country="NL",
        places=1,
        culture_notes="Small team, starts at 5:30; we taste everything together on Friday.",
        status=Opening.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=5),
        criteria_locked_at=timezone.now() - timedelta(days=1),
    )
    if created:
        opening.programmes.set([p for (school_id, name), p in programmes.items() if name == "Medewerker bakkerij"])
        opening.interviewers.set([mentor, henk])
        criteria = [
            SelectionCriterion.objects.create(opening=opening, title=title, questions=questions, position=n)
            for n, (title, questions) in enumerate(CRITERIA, start=1)
        ]
        finn = Candidate.objects.create(
            opening=opening,
            learner=people["finn.koster@student.rijnland.example"],
            alias="A",
            motivation="I have baked bread at home every weekend for two years.",
        )
        Candidate.objects.create(
            opening=opening,
            learner=people["lotte.prins@student.rijnland.example"],
            alias="B",
            motivation="I love decorating pastry and talking to customers.",
        )
        sheet = ScoreSheet.objects.create(
            candidate=finn, interviewer=mentor, submitted_at=timezone.now() - timedelta(days=1)
        )
        for criterion, score, note in zip(
            criteria,
            (4, 5, 3),
            (
                "Showed photos of his own sourdough.",
                "Named hand washing, hairnet and clean surfaces unprompted.",
                "One example from a school project.",
            ),
            strict=True,
        ):
            CriterionScore.objects.create(sheet=sheet, criterion=criterion, score=score, evidence=note)
        _intake_and_workplace(opening, people)

    _opening(
        bakery,
        "Shop assistant – Saturday counter",
        admin,
        today,
        tasks="Serve customers\nKeep the shop clean",
        required_skills=["customer contact"],
        hours_per_week=16,
        city="Utrecht",
        country="NL",
        status=Opening.Status.DRAFT,
    )
    care_opening, created = _opening(
        care,
        "Care assistant – small living group",
        people["anja.visser@delinde.example"],
        today,
        tasks="Help residents with daily care\nPrepare meals together\nReport in the care file",
        required_skills=["empathy", "listening", "reliable"],
        hours_per_week=32,
        city="Leiden",
        country="NL",
        status=Opening.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=3),
    )
    if created:
        care_opening.programmes.set([p for (school_id, name), p in programmes.items() if name == "Verzorgende IG"])
        Candidate.objects.create(
            opening=care_opening,
            learner=people["julia.degraaf@student.rijnland.example"],
            alias="A",
            source=Candidate.Source.PROPOSED,
            proposed_by=people["supervisor@demo.werkmentor.nl"],
        )
