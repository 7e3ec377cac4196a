"""The school supervisor's workplace visit (seed 002): planned like a tripartite meeting, named as a visit."""

from django.urls import reverse

from meetings.models import Meeting

from .factories_meetings import plan_data


def test_a_supervisor_plans_a_workplace_visit_named_as_such_in_the_list_page_and_calendar(client, world):
    client.force_login(world.supervisor)
    response = client.post(
        reverse("meeting_new", args=[world.placement.pk]), plan_data(kind="visit", location="At the bakery")
    )
    assert response.status_code == 302
    visit = Meeting.objects.get()
    assert visit.kind == Meeting.Kind.VISIT
    assert "workplace visit" in client.get(reverse("meeting_list", args=[world.placement.pk])).text
    assert "Workplace visit by the school supervisor" in client.get(reverse("meeting_detail", args=[visit.pk])).text
    calendar = client.get(reverse("meeting_ics", args=[visit.pk])).content.decode()
    assert "SUMMARY:Workplace visit: Daan Jansen (Bakkerij De Korenschoof)" in calendar.replace("\r\n ", "")


def test_without_a_kind_it_is_a_tripartite_meeting_and_an_unknown_kind_is_refused(client, world):
    client.force_login(world.supervisor)
    url = reverse("meeting_new", args=[world.placement.pk])
    assert client.post(url, plan_data()).status_code == 302
    assert Meeting.objects.get().kind == Meeting.Kind.TRIPARTITE
    response = client.post(url, plan_data(kind="party"))
    assert response.status_code == 200 and "Select a valid choice" in response.text
    assert Meeting.objects.count() == 1
