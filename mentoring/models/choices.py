from django.db import models
from django.utils.translation import gettext_lazy as _


class CoachingForm(models.TextChoices):
    ON_THE_JOB = "on_the_job", _("On the job")
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
