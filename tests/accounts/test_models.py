import pytest
from django.db import IntegrityError, transaction

from accounts.models import Membership, Role, User
from tests.factories import CompanyFactory, SchoolFactory


def test_emails_are_stored_in_lower_case_and_unique_in_any_case(db):
    User.objects.create_user("Ingrid@School.nl", "x" * 12, first_name="Ingrid", last_name="Bakker")
    assert User.objects.get_by_natural_key("INGRID@school.nl").email == "ingrid@school.nl"
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="INGRID@school.nl", first_name="I", last_name="B")


def test_a_mentor_belongs_to_a_company_not_a_school(db):
    user = User.objects.create_user("m@example.org", "x" * 12, first_name="M", last_name="M")
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, role=Role.MENTOR, school=SchoolFactory())
    Membership.objects.create(user=user, role=Role.MENTOR, company=CompanyFactory())


def test_one_person_can_hold_several_roles(db):
    user = User.objects.create_user("t@example.org", "x" * 12, first_name="T", last_name="T")
    school = SchoolFactory()
    Membership.objects.create(user=user, role=Role.TEACHER, school=school)
    Membership.objects.create(user=user, role=Role.COORDINATOR, school=school)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, role=Role.TEACHER, school=school)
    assert user.memberships.count() == 2
