"""Hostile input into every form of every role: a clear form error or a 4xx, never a server error.

The forms are not listed by hand. For each role of the `world` cast (and a visitor who is not logged in), every
URL of the project is opened with the objects of the `scene` (tests/scene.py); every page that answers 200 is
parsed for its forms, and each form is sent a handful of hostile variants: huge and negative numbers, impossible
dates, very long text, NUL and control characters, unknown choices. Each POST runs in a savepoint that is rolled
back, so every variant meets the same data. All failures are collected and reported together.

Runs on SQLite by default and on PostgreSQL with DATABASE_URL=postgres://... (the two fail differently: SQLite
cannot bind an integer beyond 64 bits, PostgreSQL refuses NUL characters in text).
"""

import copy
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import django_filters
import pytest
from django import forms
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import reverse

from accounts.models import User
from core.choice_keys import whole_number
from mentoring.models import CoachingSession, LearningGoal
from mentoring.sessions.forms import GoalChoiceField
from tests.meetings.factories_meetings import make_goal
from tests.scene import routes

ROLES = ["learner", "mentor", "supervisor", "coordinator", "company_admin", "staff", "anonymous"]

HUGE = "99999999999999999999"  # beyond 64 bits
# Every field of a form set to one of these at once.
ALL_FIELDS = {
    "huge": HUGE,
    "negative": "-1",
    "impossible date": "2026-02-30",
    "year 99999": "99999-01-01",
    "control characters": "\x00\x01\x1b",
    "long": "x" * 100_000,
}
# The query parameters the views read (grep request.GET), each given one of these values at once.
QUERY_PARAMETERS = (
    "page", "version", "session", "proposal", "company", "moment", "next", "school", "side", "scope", "category",
    "format", "names", "q",
)  # fmt: skip
# The placement health overview's filters (oversight/overview/filters.py).
QUERY_PARAMETERS += ("status", "signal", "sort", "programme", "cohort", "supervisor", "mentor")
QUERY_PARAMETERS += ("planned",)  # the planned session a logged coaching session fulfils (mentoring/sessions)
QUERY_VALUES = {"huge": HUGE, "superscript digit": "\u00b2", "NUL": "1\x00"}
# Routes that answer with a file, not a page with forms.
FILE_ROUTES = ("pdf/", "export/", ".csv", ".ics", "/file/", "attachments/<int:attachment_pk>/")

# Which object of the scene a URL parameter names, by the literal path segments before it (most specific first).
PARAMETERS = {
    "learners:user_pk": "learner",
    "programmes:pk": "programme",
    "openings:pk": "opening",
    "applications:pk": "candidate",
    "criteria:pk": "criterion",
    "candidates:pk": "candidate",
    "induction-templates:pk": "template",
    "induction-templates/items:item_pk": "template_item",
    "induction/items:item_pk": "checklist_item",
    "placements:pk": "placement",
    "plan/versions:number": "plan_version",
    "plan/goals:goal_pk": "goal",
    "plan/milestones:milestone_pk": "milestone",
    "placements/sessions:session_pk": "session",
    "sessions/attachments:attachment_pk": "attachment",
    "actions:item_pk": "action_item",
    "hours:entry_pk": "hours",
    "obstacles:obstacle_pk": "obstacle",
    "incidents:incident_pk": "incident",
    "critical-situations:situation_pk": "critical_situation",
    "schedule:planned_pk": "planned_session",
    "assessment-plan/moments:moment_pk": "moment",
    "evidence:evidence_pk": "evidence",
    "development:pk": "activity",
    "courses/enrolments:enrolment_pk": "enrolment",
    "courses:pk": "course",
    "courses:course_pk": "course",
    "courses/sessions:session_pk": "course_session",
    "assignments:assignment_pk": "assignment",
    "submissions:submission_pk": "submission",
    "enrolments:enrolment_pk": "enrolment",
    "issue:enrolment_pk": "enrolment",
    "jobs:public_id": "job",
    "certificates:pk": "certificate",
    "verify:code": "certificate_number",
    "register/public:key": "register_key",
    "register/companies:pk": "company",
    "merge:other_pk": "duplicate_company",
    "not-duplicate:other_pk": "duplicate_company",
    "meetings/respond:token": "respond_token",
    "minutes/confirm:token": "minutes_token",
    "meetings:pk": "meeting",
    "frameworks:pk": "framework",
    "versions:version_pk": "draft",
    "level:item_pk": "level",
    "area:item_pk": "area",
    "area:parent_pk": "area",
    "competency:item_pk": "competency",
    "competency:parent_pk": "competency",
    "indicator:item_pk": "indicator",
    "versions:kind": "item_kind",
    "versions:item_pk": "area",
    "assessments/sign:token": "sign_token",
    "assessments:pk": "record",
    "password-reset:uidb64": "uidb64",
    "password-reset:token": "reset_token",
    "accounts/invitation:token": "invitation_token",
    "accounts/invitations:pk": "invitation",
    "accounts/people:kind": "org_kind",
    "accounts/people:pk": "school",
    "accounts/people:user_pk": "supervisor",
    "accounts/companies:pk": "company",
    "accounts/companies/locations:location_pk": "location",
    "accounts/schools:pk": "school",
    "history:kind": "history_kind",
    "history:pk": "placement",
    "imports:public_id": "sis_import",
    "outbox:pk": "outbox_entry",
    "accounts/sso:pk": "sso_provider",
    "sso/settings:school_pk": "school",
    "sso/settings/provider:pk": "sso_provider",
    "schools:school_pk": "school",
    "schools/keys:kid": "certificate_number",
    "credentials/status:page": "school",
    "calendar:token": "respond_token",
    "designs:public_id": "certificate_design",
}
# Feedback and close-out (feedback/).
PARAMETERS |= {
    "feedback/questionnaires:pk": "survey_questionnaire",
    "feedback/versions:version_pk": "survey_draft",
    "questions:item_pk": "survey_question",
    "feedback/surveys:pk": "survey_invitation",
    "feedback/answer:token": "survey_token",
    "feedback/rules:pk": "survey_rule",
    "feedback/results:by": "result_by",
    "feedback/results:key": "result_key",
}
QUERY_PARAMETERS += ("by",)  # the results page's dimension
# Courses reaching employers (registry/employers/).
PARAMETERS |= {
    "courses/catalogue:key": "register_key",
    "courses/enrol:token": "employer_token",
    "employers:invitation_pk": "employer_invitation",
}
# The mentor's growth (assessments/growth/): goals, feedback requests and the feedback form's signed link.
PARAMETERS |= {
    "growth/goals:pk": "growth_goal",
    "growth/feedback:pk": "growth_request",
    "feedback-for-mentor:token": "growth_token",
}
QUERY_PARAMETERS += ("ids",)  # the self-assessments compared
# Privacy (privacy/); a person's own export is a file.
PARAMETERS |= {"privacy/requests:pk": "privacy_request"}
# The placement agreement (assessments/agreements/); its signed link.
PARAMETERS |= {"placement-agreements:pk": "agreement", "placement-agreements/sign:token": "agreement_token"}
FILE_ROUTES += ("privacy/my-data/",)

# The REST API (api/): the tokens pages, and the API's school, student number and KvK number.
PARAMETERS |= {
    "tokens/school:school_id": "school",
    "api/tokens:pk": "api_token",
    "v1/schools:school_id": "school",
    "v1/schools/learners:number": "student_number",
    "v1/companies:kvk": "kvk_number",
}


def route_kwargs(route: str, scene: dict) -> dict | None:
    """The URL's keyword arguments from the scene, or None when a parameter names nothing in PARAMETERS."""
    kwargs, literals = {}, []
    for segment in route.strip("/").split("/"):
        if not (segment.startswith("<") and segment.endswith(">")):
            literals.append(segment)
            continue
        name = segment[1:-1].rpartition(":")[2]
        for start in range(len(literals)):
            key = "/".join(literals[start:]) + ":" + name
            if key in PARAMETERS:
                kwargs[name] = scene[PARAMETERS[key]]
                break
        else:
            return None
    return kwargs


class Forms(HTMLParser):
    """The forms of a page: method, action and fields as (name, kind, value, selected) in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self._form, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"method": (a.get("method") or "get").lower(), "action": a.get("action") or "", "fields": []}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                self._form["fields"].append((a["name"], kind, a.get("value", "on"), "checked" in a))
            elif kind not in ("file", "image", "reset"):
                self._form["fields"].append((a["name"], kind, a.get("value") or "", kind != "submit"))
        elif tag == "button" and a.get("name"):
            self._form["fields"].append((a["name"], "submit", a.get("value") or "", False))
        elif tag == "select" and a.get("name"):
            self._select = (a["name"], "multiple" if "multiple" in a else "select")
        elif tag == "option" and self._select:
            self._form["fields"].append((*self._select, a.get("value", ""), "selected" in a))
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self._form["fields"].append((a["name"], "textarea", "", True))

    def handle_data(self, data):
        if self._textarea and self._form:
            name, kind, value, selected = self._form["fields"][-1]
            self._form["fields"][-1] = (name, kind, value + data, selected)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


PLAUSIBLE = {"date": "2026-03-02", "time": "10:00", "number": "1", "email": "someone@example.org", "url": ""}
CHOICES = ("checkbox", "radio", "select", "multiple")


def plausible(fields) -> dict:
    """What a user might send: the form's own values, its first choices and short text where it is empty."""
    data: dict[str, list[str]] = {}
    submitted = False
    for name, kind, value, chosen in fields:
        if kind == "submit":
            if not submitted:  # the first button, as if it were clicked
                data.setdefault(name, []).append(value)
                submitted = True
        elif kind in CHOICES:
            if chosen or (kind in ("select", "radio") and value and name not in data):
                data.setdefault(name, []).append(value)
        elif kind == "hidden" or value:
            data.setdefault(name, []).append(value)
        else:
            data.setdefault(name, []).append(PLAUSIBLE.get(kind, "Plain text"))
    for name, kind, _value, _chosen in fields:  # a choice field with nothing chosen: its first option
        if kind in ("select", "radio") and not data.get(name):
            data[name] = [next(v for n, _k, v, _c in fields if n == name)]
    return data


def variants(fields) -> dict[str, dict]:
    """Hostile versions of the form's data, by name."""
    names = list(dict.fromkeys(name for name, *_rest in fields if name != "csrfmiddlewaretoken"))
    if not names:
        return {}
    kinds = {name: kind for name, kind, *_rest in fields}
    base = plausible(fields)
    found = {}
    for label, value in ALL_FIELDS.items():
        if label == "long":  # stay below DATA_UPLOAD_MAX_MEMORY_SIZE, or only the size is tested
            value = value[: min(len(value), settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (2 * len(names)))]
        found[f"every field {label}"] = {name: [value] for name in names}
    choice_names = [name for name in names if kinds[name] in CHOICES]
    if choice_names:  # otherwise plausible data with unknown and huge choices (the form gets past its other fields)
        found["choices unknown"] = {**base, **{name: ["987654321"] for name in choice_names}}
        found["choices huge"] = {**base, **{name: [HUGE, "1"] for name in choice_names}}
    typed = {name: {"date": ["2026-02-30"], "number": [HUGE], "time": ["25:61"]}.get(kinds[name]) for name in names}
    if any(typed.values()):
        found["dates and numbers impossible"] = {**base, **{name: v for name, v in typed.items() if v}}
    texts = [name for name in names if kinds[name] in ("text", "textarea", "email", "search", "url")]
    if texts:
        found["text with NUL"] = {**base, **{name: ["a\x00b\x1b[31m"] for name in texts}}
    return found


NOT_A_KEY = [HUGE, "-" + HUGE, "9223372036854775808", "-1", "0", "x", "1.5", "1\x00", "\u00b2", "9" * 5000]


@pytest.mark.parametrize("value", NOT_A_KEY)
def test_a_model_choice_that_cannot_be_a_key_is_a_form_error(world, value):
    """The shared guard (core/choice_keys.py) on Django's fields and django-filter's, on SQLite and PostgreSQL."""
    people = User.objects.all()
    fields = {
        "one": forms.ModelChoiceField(queryset=people),
        "several": forms.ModelMultipleChoiceField(queryset=people),
        "filtered": django_filters.ModelMultipleChoiceFilter(queryset=people).field,
        "own": GoalChoiceField(queryset=LearningGoal.objects.all()),
    }
    for name, field in fields.items():
        with pytest.raises(forms.ValidationError) as refused:
            field.clean([value, str(world.learner.pk)] if name != "one" else value)
        assert refused.value.code in {"invalid_choice", "invalid_pk_value", "null_characters_not_allowed"}, name


def test_a_huge_goal_in_the_session_form_is_shown_as_a_form_error(client, world):
    goal = make_goal(world, "Kneads bread dough by hand")
    client.force_login(world.mentor)
    url = reverse("mentoring_session_new", args=[world.placement.pk])
    response = client.post(url, {"goals": [str(goal.pk), HUGE], "activities": "Kneading"})
    assert response.status_code in (200, 400)
    assert "Select a valid choice" in response.text
    assert not CoachingSession.objects.exists()


@pytest.mark.parametrize(
    ("text", "number"),
    [("12", 12), (" 7 ", 7), ("0", 0), ("9223372036854775807", 2**63 - 1), ("9223372036854775808", None),
     ("\u00b2", None), ("\u0663", None), ("-1", None), ("1e3", None), ("", None), (None, None), ("1\x00", None)],
)  # fmt: skip
def test_whole_number_reads_only_ascii_digits_within_64_bits(text, number):
    assert whole_number(text) == number


def test_every_url_parameter_names_an_object_of_the_scene():
    unknown = [route for _name, route in routes() if route_kwargs(route, _AnyScene()) is None]
    assert unknown == [], "Add these URL parameters to PARAMETERS (and the object to the scene)"


class _AnyScene(dict):
    def __getitem__(self, key):
        return 1


def send(client, method, url, data, where, failures):
    """One request in a rolled-back savepoint; a server error or an exception is added to `failures`."""
    cookies = copy.deepcopy(client.cookies)
    try:
        with transaction.atomic():
            response = getattr(client, method)(url, data)
            transaction.set_rollback(True)
    except Exception as exc:  # noqa: BLE001 - every exception is a finding
        failures.append(f"{where}: {type(exc).__name__}: {str(exc)[:200]}")
        return
    finally:
        client.cookies = cookies
    if response.status_code >= 500:
        failures.append(f"{where}: status {response.status_code}")


@pytest.mark.parametrize("role", ROLES)
def test_hostile_input_never_causes_a_server_error(world, scene, role):
    client = Client()
    if role != "anonymous":
        client.force_login(getattr(world, role))
    failures, pages, posted, sent = [], 0, set(), 0
    for name, route in routes():
        if any(part in route for part in FILE_ROUTES):
            continue
        kwargs = route_kwargs(route, scene)
        if kwargs is None:  # test_every_url_parameter_names_an_object_of_the_scene names it
            continue
        url = reverse(name, kwargs=kwargs)
        try:
            response = client.get(url)
        except Exception as exc:  # noqa: BLE001
            failures.append(f"GET {url} as {role}: {type(exc).__name__}: {str(exc)[:200]}")
            continue
        if response.status_code >= 500:
            failures.append(f"GET {url} as {role}: status {response.status_code}")
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        pages += 1
        for label, value in QUERY_VALUES.items():
            query = dict.fromkeys(QUERY_PARAMETERS, value)
            send(client, "get", url, query, f"GET {url} as {role}, query parameters {label}", failures)
            sent += 1
        parser = Forms()
        parser.feed(response.content.decode())
        for form in parser.forms:
            action = urljoin(url, form["action"]) if form["action"] else url
            if urlsplit(action).netloc:
                continue
            key = (form["method"], urlsplit(action).path, frozenset(n for n, *_ in form["fields"]))
            if key in posted:
                continue
            posted.add(key)
            path, query = urlsplit(action).path, dict(parse_qsl(urlsplit(action).query))
            for label, data in variants(form["fields"]).items():
                where = f"{form['method'].upper()} {path} ({name} page) as {role}, {label}"
                if form["method"] == "post":
                    target = f"{path}?{urlencode(query)}" if query else path
                    send(client, "post", target, data, where, failures)
                else:
                    send(client, "get", path, {**query, **data, "page": HUGE}, where, failures)
                sent += 1
    assert failures == [], f"{len(failures)} of {sent} hostile requests failed:\n" + "\n".join(failures)
    assert pages >= (2 if role == "anonymous" else 10), pages
