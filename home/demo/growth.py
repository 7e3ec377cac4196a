"""Demo growth of the demo work mentor: a development plan with goals against the coach profile, two
self-assessments half a year apart (so the comparison shows something) and one answered feedback request."""

from datetime import timedelta

from assessments.growth.profile import coach_profile
from assessments.models import DevelopmentGoal, DevelopmentPlan, FeedbackRequest, SelfAssessment

AMBITION = "A mentor who asks more than tells, and who helps learners find their own way in the bakery."
GOALS = [
    ("B3", "Let the learner finish before I give advice", "Ask my colleague Henk to watch two sessions."),
    ("B17", "Agree small, measurable steps with every learner", "Use the SMART check of the coaching plan."),
    ("role-teamworker", "Settle small conflicts in the team myself", ""),
]
# Changes between the first and the second self-assessment: key -> (then, now).
CHANGES = {"B3": (2, 4), "B17": (3, 4), "B13": (3, 2), "big5-openness": (7, 8)}


def seed(mentor, now) -> None:
    profile = coach_profile()
    if profile.version is None or SelfAssessment.objects.filter(mentor=mentor).exists():
        return  # not installed, or seeded before: a second run adds nothing
    plan, _created = DevelopmentPlan.objects.get_or_create(mentor=mentor, defaults={"ambition": AMBITION})
    for key, text, actions in GOALS:
        DevelopmentGoal.objects.get_or_create(plan=plan, goal=text, defaults={"profile_item": key, "actions": actions})
    base = {item.key: (7 if item.scale == 10 else 3) for item in profile.items}
    for index, moment in enumerate((now - timedelta(days=180), now - timedelta(days=7))):
        scores = {**base, **{key: pair[index] for key, pair in CHANGES.items()}}
        SelfAssessment.objects.create(mentor=mentor, version=profile.version, scores=scores, created_at=moment)
    FeedbackRequest.objects.create(
        mentor=mentor,
        name="Henk Bos",
        email="henk.bos@korenschoof.example",
        relation=FeedbackRequest.Relation.COLLEAGUE,
        items=["B3", "B17"],
        answered_at=now - timedelta(days=3),
        scores={"B3": 4, "B17": 3},
        comment="Listens well; could agree on smaller steps with the learner.",
    )
