from datetime import timedelta

import factory
from django.utils import timezone

from accounts.models import Company, Membership, Role, School, User
from placements.models import Placement, Programme


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    name = factory.Sequence(lambda n: f"School {n}")
    city = "Leiden"


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"Company {n}")
    city = "Utrecht"
    sector = "Food production"


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"Programme {n}")
    required_hours = 800


def grant(user, role, organisation):
    field = "school" if role in (Role.LEARNER, Role.TEACHER, Role.COORDINATOR) else "company"
    Membership.objects.get_or_create(user=user, role=role, **{field: organisation})
    return user


def person(role, organisation, **kwargs):
    return grant(UserFactory(**kwargs), role, organisation)


def make_placement(*, school, company, learner=None, mentor=None, supervisor=None, programme=None, **kwargs):
    today = timezone.localdate()
    kwargs.setdefault("start_date", today - timedelta(days=30))
    kwargs.setdefault("end_date", today + timedelta(days=90))
    kwargs.setdefault("hours_per_week", 32)
    kwargs.setdefault("status", Placement.Status.ACTIVE)
    return Placement.objects.create(
        school=school,
        company=company,
        learner=learner or person(Role.LEARNER, school),
        mentor=mentor or person(Role.MENTOR, company),
        supervisor=supervisor or person(Role.TEACHER, school),
        programme=programme or ProgrammeFactory(school=school),
        **kwargs,
    )
