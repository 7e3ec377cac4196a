from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from accounts.lookups import COMPANIES
from accounts.models import Role
from accounts.selectors import people_with_role
from core.attachments import validate_attachment
from core.combobox import use_combobox
from core.widgets import DateTimeLocalInput
from placements.forms import PersonChoiceField

from ..models import Assignment, Course, CourseSession, Evaluation, Submission
from .lookups import closed_for_companies
from .selectors import course_schools_for, course_teachers
from .services import COURSE_FIELDS, SESSION_FIELDS, assignment_due_validate

SUBMISSION_TYPES = (".pdf", ".docx", ".odt", ".txt", ".png", ".jpg", ".jpeg")


def _capitalised(choices):
    return [(value, capfirst(label)) for value, label in choices]


class CourseFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All statuses")), *_capitalised(Course.Status.choices)]

    @property
    def chosen_status(self) -> str:
        return self.cleaned_data.get("status", "") if self.is_valid() else ""


class CourseForm(forms.ModelForm):
    """A course of one of the user's schools; the teacher is one of that school's teachers."""

    class Meta:
        model = Course
        fields = list(COURSE_FIELDS)
        field_classes = {"teacher": PersonChoiceField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "instructions": forms.Textarea(attrs={"rows": 5}),
            "format": forms.RadioSelect,
        }
        help_texts = {
            "description": _("What the course is about and who it is for."),
            "is_refresher": _("A shorter course for mentors renewing their certificate."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = _capitalised(Course.Format.choices)
        self.fields["status"].choices = _capitalised(Course.Status.choices)
        # Every company may be chosen: searched by name rather than listed, as there are tens of thousands.
        self.fields["closed_for"].queryset = closed_for_companies()
        use_combobox(self.fields["closed_for"], lookup=COMPANIES, source="course_lookup_companies")
        self.fields["closed_for"].widget.attrs["placeholder"] = _("No: open to every employer")
        if self.instance.pk:
            del self.fields["school"]  # enrolments and certificates hang on the school: it stays
            self.fields["teacher"].queryset = course_teachers(self.instance.school_id)
            return
        schools = list(course_schools_for(user))
        self.fields["school"].queryset = course_schools_for(user)
        teachers = people_with_role(Role.TEACHER, schools=[school.pk for school in schools])
        self.fields["teacher"].queryset = teachers
        if len(schools) == 1:
            self.fields["school"].initial = schools[0].pk
            self.fields["school"].widget = forms.HiddenInput()
        if not self.is_bound and teachers.filter(pk=user.pk).exists():
            self.fields["teacher"].initial = user.pk

    def clean(self):
        cleaned = super().clean()
        school = cleaned.get("school") or getattr(self.instance, "school", None)
        teacher = cleaned.get("teacher")
        if school and teacher and not course_teachers(school).filter(pk=teacher.pk).exists():
            self.add_error("teacher", _("Choose a teacher of %(school)s.") % {"school": school})
        return cleaned


class CourseSessionForm(forms.ModelForm):
    class Meta:
        model = CourseSession
        fields = list(SESSION_FIELDS)
        widgets = {"starts_at": DateTimeLocalInput(), "ends_at": DateTimeLocalInput()}
        help_texts = {
            "starts_at": _("Dutch time (Europe/Amsterdam)."),
            "location": _("Address and room, for a session in person."),
            "online_link": _("The link to join an online session."),
        }

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("A session must end after it starts."))
        if not self.errors and not cleaned.get("location", "").strip() and not cleaned.get("online_link"):
            raise ValidationError(_("Give the place, the online link, or both."))
        return cleaned


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ["session", "title", "instructions", "due_at"]
        widgets = {"due_at": DateTimeLocalInput(), "instructions": forms.Textarea(attrs={"rows": 4})}
        labels = {"session": _("Hand in before session")}
        help_texts = {"due_at": _("Must be before the session starts. Dutch time (Europe/Amsterdam).")}

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = course.sessions.all()
        self.fields["session"].label_from_instance = lambda session: session.title

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("session") and cleaned.get("due_at"):
            try:
                assignment_due_validate(session=cleaned["session"], due_at=cleaned["due_at"])
            except ValidationError as exc:
                self.add_error("due_at", exc.message_dict["due_at"])
        return cleaned


class EnrolEmployeesForm(forms.Form):
    participants = forms.ModelMultipleChoiceField(
        label=_("Employees to enrol"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one employee to enrol.")},
    )

    def __init__(self, *args, employees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = employees
        self.fields["participants"].label_from_instance = lambda person: f"{person.get_full_name()} ({person.email})"


class EnrolSelfForm(forms.Form):
    company = forms.ModelChoiceField(label=_("Your employer"), queryset=None, empty_label=None)

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies
        choices = list(companies)
        if len(choices) == 1:
            self.fields["company"].initial = choices[0].pk
            self.fields["company"].widget = forms.HiddenInput()


class SubmissionForm(forms.Form):
    text = forms.CharField(label=_("Your answer"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    file = forms.FileField(
        label=_("File"),
        required=False,
    )

    def __init__(self, *args, submission: Submission | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # Interpolated here, in the reader's language; at class level it would be English, fixed at import.
        types = "pdf, docx, odt, txt, png, jpg"
        self.fields["file"].help_text = _("One file of at most 10 MB: %(types)s.") % {"types": types}
        self.has_file = bool(submission and submission.file)
        if self.has_file:
            self.fields["remove_file"] = forms.BooleanField(label=_("Remove the file I handed in"), required=False)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        name = upload.name.lower()
        if not name.endswith(SUBMISSION_TYPES):
            raise ValidationError(
                _("“%(name)s” is not accepted: hand in a pdf, docx, odt, txt, png or jpg file.") % {"name": upload.name}
            )
        validate_attachment(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        keeps_file = self.has_file and not cleaned.get("remove_file")
        if not self.errors and not cleaned.get("text", "").strip() and not cleaned.get("file") and not keeps_file:
            raise ValidationError(_("Write an answer, attach a file, or both."))
        return cleaned


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("rework", _("Ask for rework"))],
        widget=forms.RadioSelect,
    )
    feedback = forms.CharField(
        label=_("Feedback"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you ask for rework: say what needs to change."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "rework" and not cleaned.get("feedback", "").strip():
            self.add_error("feedback", _("Say what needs to change: feedback is required when asking for rework."))
        return cleaned


class AttendanceForm(forms.Form):
    """One checkbox per participant taking part; ticked means present."""

    def __init__(self, *args, enrolments, present_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.enrolments = enrolments
        for enrolment in enrolments:
            self.fields[f"present_{enrolment.pk}"] = forms.BooleanField(
                label=f"{enrolment.participant.get_full_name()} ({enrolment.company.name})",
                required=False,
                initial=enrolment.pk in present_ids,
            )

    def present_ids(self) -> set[int]:
        return {e.pk for e in self.enrolments if self.cleaned_data.get(f"present_{e.pk}")}


RATING_CHOICES = [
    (1, _("1 – poor")),
    (2, _("2 – fair")),
    (3, _("3 – good")),
    (4, _("4 – very good")),
    (5, _("5 – excellent")),
]


class EvaluationForm(forms.ModelForm):
    class Meta:
        model = Evaluation
        fields = ["content_rating", "teacher_rating", "organisation_rating", "usefulness_rating", "best", "improve"]
        widgets = {"best": forms.Textarea(attrs={"rows": 3}), "improve": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("content_rating", "teacher_rating", "organisation_rating", "usefulness_rating"):
            model_field = Evaluation._meta.get_field(name)
            self.fields[name] = forms.TypedChoiceField(
                label=capfirst(model_field.verbose_name),
                choices=RATING_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a rating from 1 to 5.")},
            )
