"""Builders the recruitment tests share (this module holds no tests)."""

from datetime import timedelta

from django.utils import timezone

from placements.models import Candidate, CandidateProfile, Opening


def make_opening(world, **kwargs) -> Opening:
    today = timezone.localdate()
    programmes = kwargs.pop("programmes", [world.programme])
    kwargs.setdefault("company", world.company)
    kwargs.setdefault("title", "Assistant baker")
    kwargs.setdefault("tasks", "Knead the dough\nServe customers")
    kwargs.setdefault("required_skills", ["baking", "hygiene"])
    kwargs.setdefault("hours_per_week", 32)
    kwargs.setdefault("city", "Utrecht")
    kwargs.setdefault("country", "NL")
    kwargs.setdefault("start_date", today + timedelta(days=30))
    kwargs.setdefault("end_date", today + timedelta(days=150))
    kwargs.setdefault("status", Opening.Status.PUBLISHED)
    kwargs.setdefault("created_by", world.company_admin)
    if kwargs["status"] != Opening.Status.DRAFT:
        kwargs.setdefault("published_at", timezone.now())
    opening = Opening.objects.create(**kwargs)
    opening.programmes.set(programmes)
    return opening


def make_profile(learner, school, **kwargs) -> CandidateProfile:
    today = timezone.localdate()
    kwargs.setdefault("qualities", ["baking", "friendly"])
    kwargs.setdefault("preferred_sectors", ["food production"])
    kwargs.setdefault("preferred_locations", ["utrecht"])
    kwargs.setdefault("hours_per_week", 32)
    kwargs.setdefault("available_from", today)
    kwargs.setdefault("available_until", today + timedelta(days=365))
    return CandidateProfile.objects.create(learner=learner, school=school, **kwargs)


def make_candidate(opening, learner, **kwargs) -> Candidate:
    kwargs.setdefault("alias", chr(ord("A") + opening.candidates.count()))
    return Candidate.objects.create(opening=opening, learner=learner, **kwargs)
