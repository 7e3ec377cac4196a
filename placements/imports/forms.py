"""The import's forms: the upload, the column for each field, and the confirmation of the import."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ..models import ImportBatch, ImportKind
from .columns import targets
from .reading import MAX_BYTES, UnreadableFile, read_table


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file holds"),
        choices=[(kind.value, capfirst(kind.label)) for kind in ImportKind],
        initial=ImportKind.LEARNERS,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("Export file"),
        help_text=_(
            "A CSV file (separated by ; , or tab; UTF-8 or Windows/Excel) or an Excel workbook (.xlsx) with a row of "
            "column titles, as the student information system exports it. At most 10 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx,text/csv"}),
    )
    school = forms.ModelChoiceField(label=_("School"), queryset=None, empty_label=None)

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        self.only_school = schools.first() if len(schools) == 1 else None
        if self.only_school is not None:  # nothing to choose
            del self.fields["school"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB; split it into smaller files."))
        data = upload.read()
        try:
            read_table(upload.name, data)
        except UnreadableFile as exc:
            raise forms.ValidationError(str(exc)) from None
        self.data_bytes = data
        return upload

    def clean(self):
        cleaned = super().clean()
        cleaned["school"] = cleaned.get("school") or self.only_school
        return cleaned


NOT_IN_FILE = ""


class ColumnsForm(forms.Form):
    """A choice of the file's columns for each field the import fills; each column for one field at most."""

    def __init__(self, *args, batch: ImportBatch, **kwargs):
        super().__init__(*args, **kwargs)
        self.batch = batch
        choices = [(NOT_IN_FILE, _("— not in the file —"))] + [
            (str(index), title) for index, title in enumerate(batch.headers)
        ]
        for target in targets(batch.kind):
            current = batch.columns.get(target.name)
            self.fields[target.name] = forms.ChoiceField(
                label=target.label,
                choices=choices,
                required=target.required,
                initial=NOT_IN_FILE if current is None else str(current),
                error_messages={"required": _("Choose the column that holds this; it is needed.")},
            )

    def clean(self):
        cleaned = super().clean()
        used: dict[str, str] = {}
        for name, value in list(cleaned.items()):
            if value in (None, NOT_IN_FILE):
                continue
            if value in used:
                self.add_error(
                    name,
                    _("This column is chosen for “%(other)s” already.") % {"other": self.fields[used[value]].label},
                )
            used[value] = name
        return cleaned

    def columns(self) -> dict[str, int | None]:
        return {
            name: (int(value) if value not in (None, NOT_IN_FILE) else None)
            for name, value in self.cleaned_data.items()
        }


class ApplyForm(forms.Form):
    send_invitations = forms.BooleanField(
        label=_("Send each new learner an invitation e-mail to activate their account"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, kind: str = ImportKind.LEARNERS, **kwargs):
        super().__init__(*args, **kwargs)
        if kind == ImportKind.PLACEMENTS:
            self.fields["send_invitations"].label = _(
                "Send each new work mentor and school supervisor an invitation e-mail to activate their account, "
                "and tell people who have an account about their new role"
            )
