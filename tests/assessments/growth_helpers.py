"""Small builders for the mentor's growth tests (plan, self-assessments, feedback), around the `world` cast."""

from django.apps import apps

from assessments.growth.profile import coach_profile
from assessments.models import DevelopmentGoal, DevelopmentPlan, FeedbackRequest, SelfAssessment


def ensure_coach_profile() -> None:
    """The shipped frameworks come with a data migration; a transactional test's flush removes them."""
    from assessments.shipped_frameworks import install

    install(apps.get_model)


def full_scores(value: int = 3, **overrides) -> dict:
    """A score for every item of the coach profile (Big Five items get twice the value, up to 10)."""
    ensure_coach_profile()
    scores = {}
    for item in coach_profile().items:
        scores[item.key] = min(value * 2, 10) if item.scale == 10 else value
    scores.update({key.replace("_", "-"): score for key, score in overrides.items()})
    return scores


def self_assessment(mentor, **scores) -> SelfAssessment:
    ensure_coach_profile()
    profile = coach_profile()
    return SelfAssessment.objects.create(mentor=mentor, version=profile.version, scores=full_scores(**scores))


def goal(mentor, *, item="B1", text="Listen before I advise") -> DevelopmentGoal:
    plan, _created = DevelopmentPlan.objects.get_or_create(mentor=mentor)
    return DevelopmentGoal.objects.create(plan=plan, profile_item=item, goal=text)


def feedback_request(mentor, *, items=("B1", "B6"), **kwargs) -> FeedbackRequest:
    kwargs.setdefault("name", "Ingrid Bakker")
    kwargs.setdefault("email", "ingrid@example.org")
    kwargs.setdefault("relation", FeedbackRequest.Relation.SUPERVISOR)
    return FeedbackRequest.objects.create(mentor=mentor, items=list(items), **kwargs)


def form_data(scores: dict, **extra) -> dict:
    return {**{f"score_{key}": value for key, value in scores.items()}, **extra}
