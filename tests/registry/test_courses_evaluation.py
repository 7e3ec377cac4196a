"""The course evaluation: once per participant, after the last session, anonymous to the teacher."""

from django.urls import reverse

from registry.models import Evaluation

from .factories_courses import add_session, enrol, evaluate, more_mentors, running_course

ANSWERS = {
    "content_rating": 4,
    "teacher_rating": 5,
    "organisation_rating": 3,
    "usefulness_rating": 4,
    "best": "The feedback model",
    "improve": "Send the link earlier",
}


def test_the_evaluation_opens_after_the_last_session_has_ended(client, world):
    setup = running_course(world, past=True)
    later = add_session(setup.course, days=3, title="Looking back")
    client.force_login(world.mentor)
    url = reverse("course_evaluation", args=[setup.course.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"] is None
    assert "opens after the last session has ended" in page.text
    assert client.post(url, ANSWERS).status_code == 403
    later.delete()
    assert client.get(url).context["form"] is not None


def test_a_participant_evaluates_once(client, world):
    setup = running_course(world, past=True)
    client.force_login(world.mentor)
    url = reverse("course_evaluation", args=[setup.course.pk])
    assert client.post(url, ANSWERS).status_code == 302
    evaluation = Evaluation.objects.get()
    assert evaluation.enrolment == setup.enrolment
    assert (evaluation.content_rating, evaluation.teacher_rating) == (4, 5)
    again = client.post(url, {**ANSWERS, "content_rating": 1})
    assert again.status_code == 403
    assert "already filled in the evaluation" in again.text
    assert Evaluation.objects.get().content_rating == 4
    assert "already filled in the evaluation" in client.get(url).text


def test_ratings_are_radio_buttons_from_1_to_5_and_required(client, world):
    setup = running_course(world, past=True)
    client.force_login(world.mentor)
    url = reverse("course_evaluation", args=[setup.course.pk])
    page = client.get(url).text
    assert page.count('type="radio"') == 4 * 5
    response = client.post(url, {**ANSWERS, "teacher_rating": 6, "content_rating": ""})
    assert response.status_code == 200
    assert "Choose a rating from 1 to 5." in response.text
    assert "Select a valid choice" in response.text
    assert not Evaluation.objects.exists()


def test_the_summary_shows_averages_and_answers_without_names(client, world, django_assert_max_num_queries):
    setup = running_course(world, past=True)
    evaluate(setup.enrolment, ratings=(4, 5, 3, 4), best="The feedback model", improve="Send the link earlier")
    second = enrol(setup.course, world.colleague_mentor, world.company)
    evaluate(second, ratings=(5, 4, 4, 2), best="Practising in pairs")
    for extra in more_mentors(world.company, 3):
        enrol(setup.course, extra, world.company)
    client.force_login(world.supervisor)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("course_evaluation_summary", args=[setup.course.pk]))
    assert response.context["count"] == 2
    assert response.context["participants"] == 5
    averages = dict(response.context["ratings"])
    assert averages["Content"] == 4.5
    assert averages["Teacher"] == 4.5
    assert averages["Organisation"] == 3.5
    assert averages["Usefulness for the work as a mentor"] == 3
    page = response.text
    assert "2 of 5 participants filled in the evaluation." in page
    assert "4.5" in page
    for text in ("The feedback model", "Practising in pairs", "Send the link earlier"):
        assert text in page
    for name in (world.mentor.get_full_name(), world.colleague_mentor.get_full_name()):
        assert name not in page
