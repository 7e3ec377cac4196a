"""Adding and removing evidence: a text, a file or coaching sessions, tagged with indicators of the plan."""

import uuid
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from placements.models import Placement

from ..models import AssessmentPlan, Evidence


def _check_tags(plan: AssessmentPlan | None, placement: Placement, indicators, sessions) -> None:
    if plan is None:
        raise ValidationError(_("There is no assessment plan yet: evidence is tagged with the indicators it plans."))
    ids = {indicator.pk for indicator in indicators}
    if not ids:
        raise ValidationError({"indicators": _("Tag the evidence with at least one indicator of the plan.")})
    if plan.indicators.filter(pk__in=ids).count() != len(ids):
        raise ValidationError({"indicators": _("Tag the evidence with indicators of the assessment plan only.")})
    if any(session.placement_id != placement.pk for session in sessions):
        raise ValidationError({"sessions": _("Link coaching sessions of this placement only.")})


@transaction.atomic
def evidence_add(
    *, placement: Placement, by: User, title: str, text: str = "", upload=None, sessions=(), indicators=()
) -> Evidence:
    """Save the evidence with its file and tags; the file is stored under a random name, not the uploaded one."""
    plan = AssessmentPlan.objects.filter(placement=placement).first()
    _check_tags(plan, placement, indicators, sessions)
    if not title.strip():
        raise ValidationError({"title": _("Give the evidence a title.")})
    evidence = Evidence(placement=placement, title=title.strip(), text=text.strip(), added_by=by)
    if upload:
        evidence.original_name = Path(upload.name).name[:255]
        evidence.file.save(f"{uuid.uuid4().hex}{Path(upload.name).suffix.lower()}", upload, save=False)
    evidence.save()
    evidence.indicators.set(indicators)
    evidence.sessions.set(sessions)
    return evidence


@transaction.atomic
def evidence_delete(*, evidence: Evidence, by: User) -> None:
    if evidence.added_by_id != by.pk:
        raise ValidationError(_("Only the person who added this evidence can remove it."))
    name, storage = evidence.file.name, evidence.file.storage
    evidence.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
