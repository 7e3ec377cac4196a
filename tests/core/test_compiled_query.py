"""core/compiled_query.py: a queryset compiled once gives the rows the queryset itself gives, for any values."""

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Membership, Role
from accounts.selectors import forget_roles, roles_of
from accounts.two_factor.selectors import has_two_factor
from core.compiled_query import CompiledQuery
from tests.factories import grant

pytestmark = pytest.mark.django_db

ACTIVE = CompiledQuery(
    lambda user_id, role: (
        Membership.objects.filter(user_id=user_id, role=role, ended_at__isnull=True)
        .order_by("pk")
        .values_list("role", "school_id", "company_id")
    )
)


def test_rows_match_the_queryset_for_each_set_of_values(world):
    grant(world.coordinator, Role.TEACHER, world.other_school)
    for user in (world.coordinator, world.mentor, world.nobody):
        for role in (Role.COORDINATOR, Role.TEACHER, Role.MENTOR):
            expected = list(
                Membership.objects.filter(user_id=user.pk, role=role, ended_at__isnull=True)
                .order_by("pk")
                .values_list("role", "school_id", "company_id")
            )
            assert [tuple(row) for row in ACTIVE.rows(user.pk, role)] == expected


def test_a_value_the_queryset_does_not_send_as_a_parameter_is_refused():
    constant = CompiledQuery(lambda user_id: Membership.objects.filter(user_id=7).values_list("pk"))
    with pytest.raises(ValueError, match="exactly once"):
        constant.rows(1)


def test_roles_read_through_it_follow_memberships_that_end(world):
    assert roles_of(world.coordinator).schools_as(Role.COORDINATOR) == {world.school.pk}
    Membership.objects.filter(user=world.coordinator).update(ended_at=timezone.now())
    forget_roles(world.coordinator)
    assert not roles_of(world.coordinator).has(Role.COORDINATOR)


def test_two_factor_counts_only_a_confirmed_authenticator(world, django_assert_num_queries):
    device = TOTPDevice.objects.create(user=world.coordinator, name="phone", confirmed=False)
    with django_assert_num_queries(1):
        assert not has_two_factor(world.coordinator)
    device.confirmed = True
    device.save()
    assert has_two_factor(world.coordinator)
    assert not has_two_factor(world.mentor)


def test_the_person_read_by_pk_is_the_orms_own_field_for_field(world, django_assert_num_queries):
    from accounts.models import User
    from core.compiled_query import concrete_field_names

    world.mentor.last_login = timezone.now()
    world.mentor.save()
    with django_assert_num_queries(1):
        fast = User.objects.get(pk=world.mentor.pk)
    slow = User.objects.filter(pk=world.mentor.pk).get()
    assert [getattr(fast, name) for name in concrete_field_names(User)] == [
        getattr(slow, name) for name in concrete_field_names(User)
    ]
    assert fast.last_login == slow.last_login and fast.last_login.tzinfo is not None
    assert not fast._state.adding and fast._state.db == "default"
    assert User.objects.get(pk=str(world.mentor.pk)) == world.mentor


def test_a_missing_or_malformed_pk_fails_as_the_orm_fails(world):
    from accounts.models import User

    with pytest.raises(User.DoesNotExist):
        User.objects.get(pk=10**9)
    with pytest.raises(ValueError, match="expected a number"):
        User.objects.get(pk="not a number")
    assert User.objects.get(email=world.mentor.email) == world.mentor  # any other look-up: the ORM's


def test_the_signed_in_person_comes_with_their_active_roles_in_one_query(world, django_assert_num_queries):
    from accounts.models import User

    grant(world.coordinator, Role.TEACHER, world.other_school)
    Membership.objects.create(user=world.coordinator, role=Role.MENTOR, company=world.company, ended_at=timezone.now())
    with django_assert_num_queries(1):
        person = User.objects.get(pk=world.coordinator.pk)
        roles = roles_of(person)
    assert roles.schools_as(Role.COORDINATOR) == {world.school.pk}
    assert roles.schools_as(Role.TEACHER) == {world.other_school.pk}
    assert not roles.has(Role.MENTOR)  # that role ended
    forget_roles(person)
    assert roles_of(person) == roles
    with django_assert_num_queries(1):
        nobody = User.objects.get(pk=world.nobody.pk)
        assert roles_of(nobody).roles == []


def test_a_role_given_to_a_person_read_by_pk_counts_at_once(world):
    from accounts.models import User
    from accounts.services import membership_grant

    person = User.objects.get(pk=world.nobody.pk)  # read with their (no) roles
    membership_grant(user=person, role=Role.TEACHER, school=world.school)
    assert roles_of(person).schools_as(Role.TEACHER) == {world.school.pk}
