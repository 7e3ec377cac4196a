"""A school's certificate design: drafts, the explicit "use this design" step, and the design to issue with.

A used version is frozen: certificates point at it and render with it for good (re-rendering an old
certificate gives the same document). A change is a new draft version, previewed, then used. Until a school
has used a design of its own, certificates are issued with a design made from its certificate settings; a
new one is recorded whenever those settings' look changes, so each certificate still keeps its own.
"""

import base64
import io

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from accounts.models import School, User

from ..models import CertificateDesign, RegistrySettings
from .design_wording import DEFAULT_BODY, DEFAULT_TITLE, check_wording
from .eligibility import registry_settings_for

MAX_DESIGN_IMAGE_BYTES = 1024 * 1024
MAX_DESIGN_IMAGE_PIXELS = 3000 * 3000
IMAGE_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}
WORDING_FIELDS = ("title_nl", "title_en", "body_nl", "body_en")
PLAIN_FIELDS = (
    "layout",
    "primary_colour",
    "accent_colour",
    *WORDING_FIELDS,
    "signatory_name",
    "signatory_role",
    "signatory2_name",
    "signatory2_role",
)
IMAGE_FIELDS = ("logo", "signature", "signature2")


class DesignFrozen(ValidationError):
    """A used design is part of issued certificates and is never changed."""


# --- Images ----------------------------------------------------------------------------------------------


def image_bytes(upload) -> bytes:
    """The content of an uploaded logo or signature, or ValidationError: a real PNG or JPEG, not too large."""
    if upload.size > MAX_DESIGN_IMAGE_BYTES:
        raise ValidationError(_("The image can be at most 1 MB."))
    data = upload.read(MAX_DESIGN_IMAGE_BYTES + 1)
    if len(data) > MAX_DESIGN_IMAGE_BYTES:
        raise ValidationError(_("The image can be at most 1 MB."))
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind, (width, height) = image.format, image.size
            if kind not in IMAGE_FORMATS or width * height > MAX_DESIGN_IMAGE_PIXELS:
                raise ValidationError(_("Upload a PNG or JPEG image of at most 3000 × 3000 pixels."))
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("Upload a PNG or JPEG image of at most 3000 × 3000 pixels.")) from exc
    return data


def image_uri(data: bytes | memoryview | None) -> str | None:
    """A stored image as a data: URI for the PDF, or None when there is none (or it is not PNG or JPEG)."""
    data = bytes(data or b"")
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        mime = "image/png"
    elif data.startswith(b"\xff\xd8\xff"):
        mime = "image/jpeg"
    else:
        return None
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _file_bytes(field_file) -> bytes:
    if not field_file:
        return b""
    try:
        with field_file.open("rb") as handle:
            data = handle.read(2 * MAX_DESIGN_IMAGE_BYTES + 1)
    except OSError:
        return b""
    return data if len(data) <= 2 * MAX_DESIGN_IMAGE_BYTES else b""


# --- Reads ------------------------------------------------------------------------------------------------


def design_in_use(school: School | int) -> CertificateDesign | None:
    """The version the school uses now: the one most recently chosen."""
    school_id = getattr(school, "pk", school)
    return CertificateDesign.objects.filter(school_id=school_id, used_at__isnull=False).order_by("-used_at").first()


def design_from_settings(school: School, rules: RegistrySettings) -> CertificateDesign:
    """An unsaved design with the look of the school's certificate settings and the standard wording."""
    return CertificateDesign(
        school=school,
        primary_colour=rules.primary_colour,
        logo=_file_bytes(rules.logo),
        title_nl=DEFAULT_TITLE["nl"],
        title_en=DEFAULT_TITLE["en"],
        body_nl=DEFAULT_BODY["nl"],
        body_en=DEFAULT_BODY["en"],
        signatory_name=rules.signatory_name,
        signatory_role=rules.signatory_title,
        signature=_file_bytes(rules.signature),
        from_settings=True,
    )


def _same_look(saved: CertificateDesign, fresh: CertificateDesign) -> bool:
    fields = ("primary_colour", "signatory_name", "signatory_role")
    return all(getattr(saved, name) == getattr(fresh, name) for name in fields) and all(
        bytes(getattr(saved, name)) == bytes(getattr(fresh, name)) for name in ("logo", "signature")
    )


# --- Writes -----------------------------------------------------------------------------------------------


def _next_version(school: School) -> int:
    return (CertificateDesign.objects.filter(school=school).aggregate(top=Max("version"))["top"] or 0) + 1


def _save_new(design: CertificateDesign) -> CertificateDesign:
    """Save a new version under the next free number; two writers at once get one number each."""
    for _attempt in range(3):
        design.version = _next_version(design.school)
        try:
            with transaction.atomic():
                design.save()
            return design
        except IntegrityError:
            continue
    raise IntegrityError("No free design version number.")


def design_for_issue(school: School, rules: RegistrySettings | None = None) -> CertificateDesign:
    """The design a certificate issued now records: the school's chosen one, else its settings' look."""
    current = design_in_use(school)
    if current is not None and not current.from_settings:
        return current
    fresh = design_from_settings(school, rules or registry_settings_for(school))
    if current is not None and _same_look(current, fresh):
        return current
    fresh.used_at = timezone.now()
    return _save_new(fresh)


def design_draft_save(
    *, school: School, data: dict, user: User, draft: CertificateDesign | None = None
) -> CertificateDesign:
    """Save `data` (cleaned form data, images as bytes or None for "keep") as a new draft or into `draft`."""
    if draft is not None and draft.frozen:
        raise DesignFrozen(_("This design is in use and cannot be changed; make a new version from it."))
    design = draft or CertificateDesign(school=school, created_by=user)
    for name in PLAIN_FIELDS:
        setattr(design, name, data[name].strip() if isinstance(data[name], str) else data[name])
    for name in ("body_nl", "body_en"):
        setattr(design, name, check_wording(getattr(design, name)))
    for name in IMAGE_FIELDS:
        if data.get(f"remove_{name}"):
            setattr(design, name, b"")
        elif data.get(name) is not None:
            setattr(design, name, data[name])
    design.full_clean(exclude=["school", "version"])
    if draft is None:
        return _save_new(design)
    with transaction.atomic():
        locked = CertificateDesign.objects.select_for_update().get(pk=draft.pk)
        if locked.frozen:
            raise DesignFrozen(_("This design is in use and cannot be changed; make a new version from it."))
        design.save()
    return design


def design_copy(*, design: CertificateDesign, user: User) -> CertificateDesign:
    """A new draft with everything of `design`, to change a design that is in use."""
    copy = CertificateDesign(school=design.school, created_by=user)
    for name in (*PLAIN_FIELDS, *IMAGE_FIELDS):
        setattr(copy, name, getattr(design, name))
    return _save_new(copy)


def design_use(*, design: CertificateDesign, user: User) -> CertificateDesign:
    """From now on the school issues with `design`; it is frozen. Using a used version again is allowed."""
    with transaction.atomic():
        locked = CertificateDesign.objects.select_for_update().get(pk=design.pk)
        locked.used_at = timezone.now()
        locked.used_by = user
        locked.save(update_fields=["used_at", "used_by"])
    return locked
