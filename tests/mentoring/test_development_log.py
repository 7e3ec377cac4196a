"""The mentor's development log: adding, changing and removing activities, and the totals per year and kind."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from mentoring.development.selectors import development_hours_by_year
from mentoring.development.services import development_activity_create, development_activity_update
from mentoring.development.views import ACTIVITIES_PER_PAGE
from mentoring.models import DevelopmentActivity

Kind = DevelopmentActivity.Kind
# 23:30 on New Year's Eve in UTC is already half past midnight on 1 January 2025 in Amsterdam.
NEW_YEAR_AMSTERDAM = datetime(2024, 12, 31, 23, 30, tzinfo=ZoneInfo("UTC"))


def log(mentor, *, day, hours="1", kind=Kind.READING, title="Trade journal", notes=""):
    return DevelopmentActivity.objects.create(
        mentor=mentor, kind=kind, title=title, date=day, hours=Decimal(hours), notes=notes
    )


def form_data(**overrides):
    today = timezone.localdate()
    return {"kind": "course", "title": "Refresher day", "date": today.isoformat(), "hours": "6", "notes": ""} | {
        k: str(v) for k, v in overrides.items()
    }


def test_adding_an_activity_saves_it_for_the_mentor_and_shows_its_year(client, world):
    client.force_login(world.mentor)
    response = client.post(reverse("development_list"), form_data(date="2024-03-14", hours="6.5"))
    activity = DevelopmentActivity.objects.get()
    assert (activity.mentor, activity.date, activity.hours) == (world.mentor, date(2024, 3, 14), Decimal("6.5"))
    assert response.url == reverse("development_list") + "?year=2024"


def test_the_list_shows_the_current_year_by_default(client, world):
    this_year = log(world.mentor, day=timezone.localdate(), title="This year")
    log(world.mentor, day=timezone.localdate().replace(month=1, day=1) - timedelta(days=1), title="Last year")
    client.force_login(world.mentor)
    response = client.get(reverse("development_list"))
    assert response.context["year"] == timezone.localdate().year
    assert response.context["activities"] == [this_year]


def test_an_invalid_year_shows_the_current_year(client, world):
    client.force_login(world.mentor)
    response = client.get(reverse("development_list"), {"year": "next"})
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year


def test_the_list_totals_hours_per_year_and_per_kind(client, world):
    log(world.mentor, day=date(2024, 2, 1), hours="6", kind=Kind.COURSE)
    log(world.mentor, day=date(2024, 3, 1), hours="1.5", kind=Kind.READING)
    log(world.mentor, day=date(2024, 4, 1), hours="2", kind=Kind.READING)
    log(world.mentor, day=date(2023, 4, 1), hours="3", kind=Kind.TRAINING)
    log(world.colleague_mentor, day=date(2024, 4, 1), hours="100", kind=Kind.READING)
    client.force_login(world.mentor)
    response = client.get(reverse("development_list"), {"year": 2024})
    assert response.context["year_total"] == Decimal("9.5")
    assert dict(response.context["year_totals"])[2023] == Decimal("3")
    assert [(str(label), hours) for label, hours in response.context["kind_totals"]] == [
        ("course", Decimal("6")),
        ("reading trade literature", Decimal("3.5")),
    ]
    assert "9.5" in response.text


def test_totals_split_at_new_year_in_amsterdam_time(world):
    log(world.mentor, day=date(2024, 12, 31), hours="2")
    log(world.mentor, day=date(2025, 1, 1), hours="1.5")
    log(world.mentor, day=date(2025, 12, 31), hours="3")
    assert development_hours_by_year(world.mentor) == {2025: Decimal("4.5"), 2024: Decimal("2")}
    assert list(development_hours_by_year(world.mentor)) == [2025, 2024]


def test_hours_by_year_is_empty_for_someone_without_a_log(world):
    assert development_hours_by_year(world.other_mentor) == {}


@time_machine.travel(NEW_YEAR_AMSTERDAM, tick=False)
def test_just_after_midnight_on_new_years_day_the_new_year_is_shown_and_loggable(client, world):
    log(world.mentor, day=date(2024, 12, 31), title="Old year")
    client.force_login(world.mentor)
    response = client.get(reverse("development_list"))
    assert response.context["year"] == 2025
    assert response.context["activities"] == []
    response = client.post(reverse("development_list"), form_data(date="2025-01-01"))
    assert response.status_code == 302
    assert DevelopmentActivity.objects.filter(date=date(2025, 1, 1)).exists()


@time_machine.travel(NEW_YEAR_AMSTERDAM, tick=False)
def test_a_future_date_is_refused_with_a_clear_message(client, world):
    client.force_login(world.mentor)
    response = client.post(reverse("development_list"), form_data(date="2025-01-02"))
    assert response.status_code == 200
    assert response.context["form"].errors["date"] == [
        "This date is in the future. Log what you have done, on the day you did it."
    ]
    assert not DevelopmentActivity.objects.exists()


@pytest.mark.parametrize(
    "hours, message",
    [
        ("0", "Enter between 0.5 and 200 hours."),
        ("-1", "Enter between 0.5 and 200 hours."),
        ("200.5", "Enter between 0.5 and 200 hours."),
        ("10000", "Enter between 0.5 and 200 hours."),
        ("1.25", "Enter the hours in steps of half an hour, for example 1.5."),
        ("1.2", "Enter the hours in steps of half an hour, for example 1.5."),
        ("a lot", "Enter a number."),
        ("", "This field is required."),
    ],
)
def test_hours_out_of_range_or_off_the_half_hour_are_refused(client, world, hours, message):
    client.force_login(world.mentor)
    response = client.post(reverse("development_list"), form_data(hours=hours))
    assert response.status_code == 200
    assert response.context["form"].errors["hours"] == [message]
    assert not DevelopmentActivity.objects.exists()


@pytest.mark.parametrize("hours", ["0.5", "200", "7.5"])
def test_hours_from_half_an_hour_to_200_are_accepted(client, world, hours):
    client.force_login(world.mentor)
    assert client.post(reverse("development_list"), form_data(hours=hours)).status_code == 302
    assert DevelopmentActivity.objects.get().hours == Decimal(hours)


def test_the_service_enforces_the_rules_whoever_calls_it(world):
    tomorrow = timezone.localdate() + timedelta(days=1)
    data = {"kind": "course", "title": "Course", "date": tomorrow, "hours": Decimal("0.25"), "notes": ""}
    with pytest.raises(ValidationError) as exc:
        development_activity_create(mentor=world.mentor, data=data)
    assert set(exc.value.message_dict) == {"date", "hours"}
    with pytest.raises(ValidationError) as exc:
        development_activity_create(mentor=world.mentor, data=data | {"date": date(2024, 1, 1), "kind": "party"})
    assert set(exc.value.message_dict) == {"kind", "hours"}
    assert not DevelopmentActivity.objects.exists()


def test_editing_an_activity_saves_the_changes(client, world):
    activity = log(world.mentor, day=date(2024, 3, 14), title="Typo in titel")
    client.force_login(world.mentor)
    response = client.post(
        reverse("development_edit", args=[activity.pk]), form_data(date="2023-12-01", title="Fixed title")
    )
    assert response.url == reverse("development_list") + "?year=2023"
    activity.refresh_from_db()
    assert (activity.title, activity.date) == ("Fixed title", date(2023, 12, 1))


def test_an_invalid_edit_changes_nothing(client, world):
    activity = log(world.mentor, day=date(2024, 3, 14), title="Original")
    client.force_login(world.mentor)
    future = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(reverse("development_edit", args=[activity.pk]), form_data(date=future, title="New"))
    assert response.status_code == 200
    assert "date" in response.context["form"].errors
    assert response.context["activity"].title == "Original"
    activity.refresh_from_db()
    assert (activity.title, activity.date) == ("Original", date(2024, 3, 14))


def test_the_service_refuses_an_update_into_the_future(world):
    activity = log(world.mentor, day=date(2024, 3, 14))
    with pytest.raises(ValidationError):
        development_activity_update(activity=activity, data={"date": timezone.localdate() + timedelta(days=3)})
    activity.refresh_from_db()
    assert activity.date == date(2024, 3, 14)


def test_deleting_an_activity_returns_to_its_year(client, world):
    activity = log(world.mentor, day=date(2023, 6, 1))
    client.force_login(world.mentor)
    response = client.post(reverse("development_delete", args=[activity.pk]))
    assert response.url == reverse("development_list") + "?year=2023"
    assert not DevelopmentActivity.objects.exists()


def test_the_list_page_needs_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    start = date(2024, 1, 1)
    DevelopmentActivity.objects.bulk_create(
        DevelopmentActivity(
            mentor=world.mentor, kind=Kind.READING, title=f"Article {n}", date=start + timedelta(days=n), hours=1
        )
        for n in range(100)
    )
    client.force_login(world.mentor)
    # user, roles, the year's count and page of activities, the totals per year, the totals per kind
    with django_assert_max_num_queries(6):
        response = client.get(reverse("development_list"), {"year": 2024})
    assert len(response.context["activities"]) == ACTIVITIES_PER_PAGE
    assert response.context["year_total"] == Decimal("100")
    assert response.context["kind_totals"][0][1] == Decimal("100")


def test_pages_carry_no_inline_scripts_or_styles(client, world):
    activity = log(world.mentor, day=date(2024, 3, 14))
    client.force_login(world.mentor)
    for url in (reverse("development_list"), reverse("development_edit", args=[activity.pk])):
        html = client.get(url).text
        assert " style=" not in html
        assert "<style" not in html
