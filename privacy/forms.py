from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import School
from core.widgets import DateInput

from .models import PrivacyRequest, RetentionSettings
from .selectors import people_of_school


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=PrivacyRequest.Kind.choices)
    email = forms.EmailField(label=_("E-mail address of the person"))
    received_on = forms.DateField(label=_("Received"), widget=DateInput())
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def __init__(self, *args, school: School, **kwargs):
        super().__init__(*args, **kwargs)
        self.school = school
        self.fields["received_on"].initial = timezone.localdate()

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        person = people_of_school(self.school).filter(email__iexact=email).first()
        if person is None:
            raise forms.ValidationError(_("The school holds no data of anyone with this e-mail address."))
        self.cleaned_data["person"] = person
        return email

    def clean_received_on(self):
        received = self.cleaned_data["received_on"]
        if received > timezone.localdate():
            raise forms.ValidationError(_("A request cannot be received in the future."))
        return received


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the request is refused"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class RetentionForm(forms.ModelForm):
    enabled = forms.BooleanField(
        label=_("Let the daily job remove what the report lists"),
        required=False,
        help_text=_("Read the report below first: what is removed cannot be brought back."),
    )

    class Meta:
        model = RetentionSettings
        fields = ["coaching_years", "personal_years"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enabled"].initial = self.instance.is_enabled
