"""Demo certificates of Rijnland Vakcollege: the demo course's graduates, and certificates from the old register.

Rows are written directly (no e-mail, no task): a seed must never e-mail anyone. Natural keys make a
second run add nothing, also on another day: a course certificate belongs to its enrolment, and an imported
one to the school and the holder's e-mail address.
"""

from datetime import datetime, time, timedelta

from django.db.models import Max, Q
from django.utils import timezone

from accounts.models import Membership, Role, School, User
from registry.certificates.designs import design_draft_save, design_for_issue
from registry.certificates.eligibility import registry_settings_for
from registry.certificates.numbering import next_certificate_number
from registry.certificates.services import NotEligible, add_years, certificate_issue, holder_snapshot
from registry.models import Certificate, CertificateDesign, Enrolment

from .courses import ABROAD_CERTIFIED, ABROAD_COURSE

SCHOOL = "Rijnland Vakcollege"
TEACHER = "supervisor@demo.werkmentor.nl"

# (holder's e-mail, days between issue and today, revocation reason). With three years of validity:
# Henk's has expired, Sanne's expires within the reminder window, Javier's was revoked.
IMPORTED = [
    ("mentor@demo.werkmentor.nl", 700, ""),
    ("henk.bos@korenschoof.example", 1200, ""),
    ("anja.visser@delinde.example", 400, ""),
    ("sanne.mulder@vandijk.example", 1060, ""),
    ("lucia.garcia@solymar.example", 200, ""),
    ("javier.lopez@solymar.example", 500, "Uitgegeven bij vergissing: de training was niet afgerond."),
]


def seed(placements: list, today) -> None:
    school = School.objects.filter(name=SCHOOL).first()
    if school is None:
        return
    rules = registry_settings_for(school)
    teacher = User.objects.filter(email=TEACHER).first()
    certified = _course_certificates(school, rules, teacher, today)
    for email, days_ago, revoked_because in IMPORTED:
        if email not in certified:  # a graduate of the demo course has the certificate of that course
            _imported(school, rules, email, today - timedelta(days=days_ago), revoked_because, teacher)
    _draft_design(school)


# A draft of the school's own certificate design, to preview and use (after the certificates above, which keep
# the look of the certificate settings they were issued with).
DRAFT_DESIGN = {
    "layout": "modern",
    "primary_colour": "#0b5d3b",
    "accent_colour": "#b8860b",
    "title_nl": "Certificaat Werkmentor",
    "title_en": "Work Mentor Certificate",
    "body_nl": "heeft de werkmentortraining “{course}” bij {school} met goed gevolg afgerond op {issued_on}.",
    "body_en": "has completed the work-mentor training “{course}” at {school} on {issued_on}.",
    "signatory_name": "Drs. Els van Rijn",
    "signatory_role": "Directeur opleidingen",
    "signatory2_name": "Ingrid Smit",
    "signatory2_role": "Docent werkmentortraining",
}


def _draft_design(school) -> None:
    if CertificateDesign.objects.filter(school=school, from_settings=False).exists():
        return
    coordinator = Membership.objects.filter(school=school, role=Role.COORDINATOR).select_related("user").first()
    design_draft_save(school=school, data=DRAFT_DESIGN, user=coordinator.user if coordinator else None)


def _course_certificates(school, rules, teacher, today) -> set[str]:
    """Certificates for the completed enrolments of the school's demo courses; the holders' e-mail addresses.

    They are issued by the real service (number, validity, holder snapshot as a teacher would get them), then
    marked as e-mailed in the same transaction, so the e-mail task that the service queues finds nothing to send.
    The abroad course keeps all but one participant waiting, for a teacher to issue the rest.
    """
    waiting = Q(course__title=ABROAD_COURSE) & ~Q(participant__email__in=ABROAD_CERTIFIED)
    enrolments = (
        Enrolment.objects.filter(course__school=school, status=Enrolment.Status.COMPLETED)
        .exclude(waiting)
        .select_related("course", "participant", "company")
        .annotate(last_session=Max("course__sessions__ends_at"))
        .order_by("pk")
    )
    certified = set()
    for enrolment in enrolments:
        ended = timezone.localdate(enrolment.last_session) if enrolment.last_session else today - timedelta(days=50)
        try:
            certificate, created = certificate_issue(
                enrolment=enrolment, issued_by=enrolment.course.teacher, issued_on=min(ended + timedelta(days=2), today)
            )
        except NotEligible:
            continue
        certified.add(enrolment.participant.email)
        if created:
            Certificate.objects.filter(pk=certificate.pk).update(emailed_at=timezone.now())
    return certified


def _imported(school, rules, email, issued_on, revoked_because, teacher) -> None:
    holder = User.objects.filter(email=email).first()
    if holder is None:
        return
    if Certificate.objects.filter(school=school, holder_email=email, imported=True).exists():
        return
    membership = (
        Membership.objects.filter(user=holder, role=Role.MENTOR, company__isnull=False)
        .select_related("company")
        .order_by("pk")
        .first()
    )
    revoked_on = issued_on + timedelta(days=120)
    Certificate.objects.create(
        number=next_certificate_number(issued_on.year),
        school=school,
        issued_on=issued_on,
        valid_until=add_years(issued_on, rules.validity_years),
        language=rules.certificate_language,
        design=design_for_issue(school, rules),
        imported=True,
        emailed_at=timezone.now(),
        revoked_at=timezone.make_aware(datetime.combine(revoked_on, time(10))) if revoked_because else None,
        revoked_by=teacher if revoked_because else None,
        revocation_reason=revoked_because,
        **holder_snapshot(holder=holder, company=membership.company if membership else None),
    )
