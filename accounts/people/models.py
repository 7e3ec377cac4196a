"""A company's locations: the places where it takes learners (a branch, a kitchen, a workshop), each with its own
address and contact person. Loaded through accounts/models.py."""

from django.db import models
from django.utils.translation import gettext_lazy as _

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
