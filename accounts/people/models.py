"""A company's locations: the places where it takes learners (a branch, a kitchen, a workshop), each with its own
address and contact person; and pairs of look-alike company records judged to be different companies. Loaded
through accounts/models.py."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..countries import COUNTRIES


class CompanyLocation(models.Model):
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="locations", verbose_name=_("company")
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("For example the branch or the department."))
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES, default="NL")
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("company location")
        verbose_name_plural = _("company locations")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "name"],
                name="company_location_name_unique",
                violation_error_message=_("The company has a location with this name already."),
            )
        ]

    def __str__(self):
        return f"{self.name}, {self.city}"


class CompanyNotDuplicate(models.Model):
    """Two company records that look alike (registry/register/companies/duplicates.py) but are different
    companies, as a coordinator or staff member judged: the pair is no longer offered as a possible duplicate.

    `first` has the lower id when marked. A merge (which moves every link to Company) may move a row to the kept
    company; the judgement still holds for it, since the two merged records were one company. Undoing deletes
    the row; the audit history keeps who marked and who undid it.
    """

    first = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="not_duplicates_first", verbose_name=_("company")
    )
    second = models.ForeignKey(
        "accounts.Company",
        on_delete=models.CASCADE,
        related_name="not_duplicates_second",
        verbose_name=_("other company"),
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked by"),
    )
    marked_at = models.DateTimeField(_("marked on"), default=timezone.now)
    history = HistoricalRecords(
        verbose_name=_("historical pair of different companies"),
        verbose_name_plural=_("historical pairs of different companies"),
    )

    class Meta:
        verbose_name = _("pair of different companies")
        verbose_name_plural = _("pairs of different companies")
        ordering = ["-marked_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["first", "second"], name="company_not_duplicate_unique")]

    def __str__(self):
        return f"{self.first_id} ≠ {self.second_id}"
