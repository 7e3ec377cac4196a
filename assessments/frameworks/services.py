"""Writes of competency frameworks: create, copy, version, publish, and change a draft's content.

Only a draft of a school's own framework changes. Everything else is refused here, whatever the caller
checked, so that a published version (which plans and assessments point at) stays exactly as it was.
Access (who may) is checked by the caller; see frameworks/selectors.py.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Max, ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import School, User

from ..models import Area, Competency, Framework, FrameworkVersion, Indicator, RatingLevel

FRAMEWORK_FIELDS = ("title_en", "title_nl", "code", "description", "purpose")
TITLE_FIELDS = ("title_en", "title_nl")
# The scale every new framework starts with, in plain words; the school may change it while it is a draft.
DEFAULT_SCALE = (
    (1, "unsatisfactory", "onvoldoende", False),
    (2, "satisfactory", "voldoende", True),
    (3, "good", "goed", True),
)


@dataclass(frozen=True)
class ItemKind:
    """One kind of thing inside a version: its model, the fields a user edits, and what it hangs on."""

    model: type[models.Model]
    fields: tuple[str, ...]
    parent: str  # the field that points at the parent (the version, an area or a competency)
    to_version: str  # the lookup from this kind to its version
    ordered_by_position: bool = True


ITEM_KINDS = {
    "level": ItemKind(RatingLevel, ("value", *TITLE_FIELDS, "is_passing"), "version", "version", False),
    "area": ItemKind(Area, ("code", *TITLE_FIELDS), "version", "version"),
    "competency": ItemKind(Competency, ("code", *TITLE_FIELDS, "description"), "area", "area__version"),
    "indicator": ItemKind(Indicator, ("code", *TITLE_FIELDS), "competency", "competency__area__version"),
}


def _shipped_refusal() -> ValidationError:
    return ValidationError(
        _("The frameworks that come with Werkmentor cannot be changed. Copy one to your school to adapt it."),
        code="shipped",
    )


def _not_draft_refusal(version: FrameworkVersion) -> ValidationError:
    return ValidationError(
        _(
            "Version %(number)s has been published and no longer changes: assessments rely on it. "
            "Make a new version to change the framework."
        )
        % {"number": version.number},
        code="not_draft",
    )


def version_editable_validate(*, version: FrameworkVersion) -> None:
    """Refuse any change to a shipped framework or to a version that is no longer a draft."""
    if version.framework.is_shipped:
        raise _shipped_refusal()
    if not version.is_editable:
        raise _not_draft_refusal(version)


def _lock_draft(version: FrameworkVersion) -> FrameworkVersion:
    """The version, locked against a concurrent publish, if it may still change; refused otherwise."""
    locked = FrameworkVersion.objects.select_for_update(of=("self",)).select_related("framework").get(pk=version.pk)
    version_editable_validate(version=locked)
    return locked


def _require_title(data: dict) -> None:
    if not any((data.get(field) or "").strip() for field in TITLE_FIELDS):
        raise ValidationError(_("Give a title in English, in Dutch, or both."), code="no_title")


def _copy(obj, fields, **extra):
    return type(obj)(**{field: getattr(obj, field) for field in fields}, **extra)


def _copy_content(source: FrameworkVersion, target: FrameworkVersion) -> None:
    """Copy the scale, areas, competencies and indicators with their codes and positions: one insert per level."""
    RatingLevel.objects.bulk_create(
        [_copy(level, ("value", *TITLE_FIELDS, "is_passing"), version=target) for level in source.levels.order_by()]
    )
    areas = list(source.areas.order_by("pk"))
    new_areas = Area.objects.bulk_create(
        [_copy(area, ("code", *TITLE_FIELDS, "position"), version=target) for area in areas]
    )
    area_for = {old.pk: new for old, new in zip(areas, new_areas, strict=True)}
    competencies = list(Competency.objects.filter(area__version=source).order_by("pk"))
    new_competencies = Competency.objects.bulk_create(
        [_copy(c, ("code", *TITLE_FIELDS, "description", "position"), area=area_for[c.area_id]) for c in competencies]
    )
    competency_for = {old.pk: new for old, new in zip(competencies, new_competencies, strict=True)}
    Indicator.objects.bulk_create(
        [
            _copy(i, ("code", *TITLE_FIELDS, "position"), competency=competency_for[i.competency_id])
            for i in Indicator.objects.filter(competency__area__version=source).order_by("pk")
        ]
    )


def _framework_code_validate(*, school: School, code: str, framework: Framework | None = None) -> None:
    others = Framework.objects.filter(school=school, code=code)
    if framework is not None:
        others = others.exclude(pk=framework.pk)
    if others.exists():
        raise ValidationError(
            {"code": _("%(school)s already has a framework with this code.") % {"school": school}}, code="unique"
        )


def _save_new_framework(framework: Framework) -> None:
    _require_title({field: getattr(framework, field) for field in TITLE_FIELDS})
    _framework_code_validate(school=framework.school, code=framework.code)
    framework.full_clean(exclude=["school", "cloned_from", "created_by"], validate_constraints=False)
    try:
        with transaction.atomic():
            framework.save()
    except IntegrityError as exc:  # two people chose the same code at the same moment
        raise ValidationError({"code": _("This code has just been taken; choose another one.")}) from exc


@transaction.atomic
def framework_create(*, user: User, school: School, data: dict) -> Framework:
    """A new framework of `school` with draft version 1 and the default rating scale."""
    framework = Framework(school=school, created_by=user, **{f: data[f] for f in FRAMEWORK_FIELDS if f in data})
    _save_new_framework(framework)
    version = FrameworkVersion.objects.create(framework=framework, number=1)
    RatingLevel.objects.bulk_create(
        [
            RatingLevel(version=version, value=value, title_en=title_en, title_nl=title_nl, is_passing=passing)
            for value, title_en, title_nl, passing in DEFAULT_SCALE
        ]
    )
    return framework


def framework_details_editable_validate(*, framework: Framework) -> None:
    if framework.is_shipped:
        raise _shipped_refusal()
    if framework.versions.exclude(status=FrameworkVersion.Status.DRAFT).exists():
        raise ValidationError(
            _("A framework that has been published keeps its title and code. Copy it to start a new one."),
            code="published",
        )


@transaction.atomic
def framework_update(*, framework: Framework, data: dict) -> Framework:
    """Change the title, code or description; only until a version is published, as assessments show them."""
    framework_details_editable_validate(framework=Framework.objects.select_for_update().get(pk=framework.pk))
    for field in FRAMEWORK_FIELDS:
        if field in data:
            setattr(framework, field, data[field])
    _require_title({field: getattr(framework, field) for field in TITLE_FIELDS})
    _framework_code_validate(school=framework.school, code=framework.code, framework=framework)
    framework.full_clean(exclude=["school", "cloned_from", "created_by"], validate_constraints=False)
    framework.save()
    return framework


@transaction.atomic
def framework_clone(*, version: FrameworkVersion, user: User, school: School, data: dict) -> Framework:
    """A new framework of `school`, draft version 1, with a deep, independent copy of `version`'s content."""
    fields = {"description": version.framework.description, "purpose": version.framework.purpose}
    fields.update({f: data[f] for f in FRAMEWORK_FIELDS if f in data})
    framework = Framework(school=school, created_by=user, cloned_from=version, **fields)
    _save_new_framework(framework)
    copy = FrameworkVersion.objects.create(framework=framework, number=1)
    _copy_content(version, copy)
    return framework


@transaction.atomic
def version_new(*, framework: Framework) -> FrameworkVersion:
    """Draft version number + 1, a copy of the latest version; one draft at a time."""
    # Locking the framework makes two people pressing the button together get one draft, not two.
    locked = Framework.objects.select_for_update().get(pk=framework.pk)
    if locked.is_shipped:
        raise _shipped_refusal()
    latest = locked.versions.order_by("-number").first()
    if latest is None:
        return FrameworkVersion.objects.create(framework=locked, number=1)
    if latest.status == FrameworkVersion.Status.DRAFT:
        raise ValidationError(
            _("Version %(number)s is still a draft. Publish it or delete it before you make another new version.")
            % {"number": latest.number},
            code="draft_exists",
        )
    version = FrameworkVersion.objects.create(framework=locked, number=latest.number + 1)
    _copy_content(latest, version)
    return version


@transaction.atomic
def version_publish(*, version: FrameworkVersion, change_note: str = "") -> FrameworkVersion:
    """Publish a complete draft; the version published before it is retired (it stays readable)."""
    locked = _lock_draft(version)
    levels = list(locked.levels.all())
    problems = []
    if not Indicator.objects.filter(competency__area__version=locked).exists():
        problems.append(_("Add at least one indicator."))
    if len(levels) < 2:
        problems.append(_("The rating scale needs at least two levels."))
    if levels and not any(level.is_passing for level in levels):
        problems.append(_("At least one level of the rating scale must meet the standard."))
    if problems:
        raise ValidationError(problems, code="incomplete")
    now = timezone.now()
    FrameworkVersion.objects.filter(framework=locked.framework, status=FrameworkVersion.Status.PUBLISHED).update(
        status=FrameworkVersion.Status.RETIRED
    )
    locked.status = FrameworkVersion.Status.PUBLISHED
    locked.published_at = now
    locked.change_note = change_note.strip()
    locked.save(update_fields=["status", "published_at", "change_note"])
    return locked


@transaction.atomic
def version_retire(*, version: FrameworkVersion) -> FrameworkVersion:
    """Take a published version out of use: no new plans choose it; existing plans and records keep it."""
    locked = FrameworkVersion.objects.select_for_update(of=("self",)).select_related("framework").get(pk=version.pk)
    if locked.framework.is_shipped:
        raise _shipped_refusal()
    if locked.status != FrameworkVersion.Status.PUBLISHED:
        raise ValidationError(_("Only the published version can be retired."), code="not_published")
    locked.status = FrameworkVersion.Status.RETIRED
    locked.save(update_fields=["status"])
    return locked


@transaction.atomic
def version_delete(*, version: FrameworkVersion) -> bool:
    """Delete a draft; a framework that was only this draft goes with it. True when the framework is gone."""
    locked = _lock_draft(version)
    framework = locked.framework
    only_version = not framework.versions.exclude(pk=locked.pk).exists()
    try:
        (framework if only_version else locked).delete()
    except ProtectedError as exc:
        raise ValidationError(_("This draft is in use and cannot be deleted."), code="protected") from exc
    return only_version


# --- the content of a draft ---------------------------------------------------------------------------


def _siblings(kind: ItemKind, item) -> models.QuerySet:
    parent_id = getattr(item, f"{kind.parent}_id")
    return kind.model.objects.filter(**{f"{kind.parent}_id": parent_id}).order_by("position", "pk")


def _check_in_version(kind: ItemKind, item, version: FrameworkVersion) -> None:
    """Guard against an item (or parent) of another version slipping into this version's change."""
    if not kind.model.objects.filter(pk=item.pk, **{kind.to_version: version}).exists():
        raise ValidationError(_("This item is not part of this version."), code="wrong_version")


@transaction.atomic
def item_save(*, version: FrameworkVersion, kind: str, data: dict, item=None, parent=None):
    """Add an item to a draft (under `parent`, or the version itself for areas and levels), or change one."""
    version = _lock_draft(version)
    spec = ITEM_KINDS[kind]
    if item is None:
        if spec.parent == "version":
            parent = version
        else:
            _check_in_version(ITEM_KINDS[spec.parent], parent, version)
        item = spec.model(**{spec.parent: parent})
        if spec.ordered_by_position:
            last = _siblings(spec, item).aggregate(last=Max("position"))["last"]
            item.position = (last or 0) + 1
    else:
        _check_in_version(spec, item, version)
    for field in spec.fields:
        if field in data:
            setattr(item, field, data[field])
    _require_title({field: getattr(item, field) for field in TITLE_FIELDS})
    if kind == "level" and version.levels.filter(value=item.value).exclude(pk=item.pk).exists():
        raise ValidationError({"value": _("The scale already has a level with this value.")}, code="unique")
    item.full_clean(exclude=[spec.parent], validate_constraints=False)
    item.save()
    return item


@transaction.atomic
def item_delete(*, version: FrameworkVersion, kind: str, item) -> None:
    """Delete an item of a draft, with everything under it."""
    version = _lock_draft(version)
    _check_in_version(ITEM_KINDS[kind], item, version)
    try:
        item.delete()
    except ProtectedError as exc:
        raise ValidationError(_("This item is in use and cannot be deleted."), code="protected") from exc


@transaction.atomic
def item_move(*, version: FrameworkVersion, kind: str, item, direction: str) -> None:
    """Move an item one place up or down among its siblings; the positions are renumbered 1, 2, 3 ..."""
    version = _lock_draft(version)
    spec = ITEM_KINDS[kind]
    if not spec.ordered_by_position:
        raise ValidationError(_("The rating scale is ordered by value; change the value instead."), code="no_move")
    _check_in_version(spec, item, version)
    siblings = list(_siblings(spec, item))
    index = next(n for n, sibling in enumerate(siblings) if sibling.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(siblings):
        raise ValidationError(_("This item cannot move further that way."), code="edge")
    siblings[index], siblings[other] = siblings[other], siblings[index]
    changed = []
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            sibling.position = position
            changed.append(sibling)
    spec.model.objects.bulk_update(changed, ["position"])
