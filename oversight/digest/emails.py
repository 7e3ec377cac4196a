"""What the weekly digest e-mail says: built in the recipient's language from rows read for everyone at once."""

from django.urls import reverse
from django.utils import translation

from core.emails import build_message, recipient_language, site_url
from mentoring.models import Incident

from ..health.selectors import reasons
from ..models import HealthLevel, PlacementHealth
from .collect import Digest, Recipient

LISTED = 25  # placements listed by name per section; the rest are counted, with the link to all of them


def _more(found) -> int:
    return max(0, len(found) - LISTED)


def _line(row: PlacementHealth) -> dict:
    placement = row.placement
    return {
        "learner": placement.learner.get_full_name(),
        "company": placement.company.name,
        "level": row.get_level_display(),
        "link": site_url(reverse("placement_detail", args=[placement.pk])),
    }


def _at_risk(row: PlacementHealth) -> dict:
    return {**_line(row), "reasons": [(reason.text, site_url(reason.url)) for reason in reasons(row)]}


def _incident(incident: Incident, line: dict, row: PlacementHealth) -> dict:
    return {
        **line,
        "category": incident.get_category_display(),
        "escalated_at": incident.escalated_at,
        "link": site_url(reverse("mentoring_incidents", args=[row.placement_id])),
    }


def digest_message(recipient: Recipient, digest: Digest, week: str, lines: dict | None = None):
    """The recipient's digest e-mail. `lines` keeps the placements' lines between the recipients of one run: the
    coordinators of a school read the same at-risk placements, and each line's links and reasons cost as much
    to build as the rest of the e-mail."""
    user = recipient.user
    language = recipient_language(user)
    lines = {} if lines is None else lines

    def once(build, row: PlacementHealth, *extra):
        key = (language, build.__name__, row.pk, *extra)
        if key not in lines:
            lines[key] = build(row, *extra)
        return lines[key]

    with translation.override(language):  # the reasons are sentences in the reader's language
        context = {
            "user": user,
            "week": week,
            "first": recipient.previous is None,
            "became_at_risk": [once(_line, row) for row in digest.became.get(HealthLevel.AT_RISK, [])[:LISTED]],
            "became_attention": [once(_line, row) for row in digest.became.get(HealthLevel.ATTENTION, [])[:LISTED]],
            "back_on_track": [once(_line, row) for row in digest.became.get(HealthLevel.ON_TRACK, [])[:LISTED]],
            "incidents": [_incident(incident, once(_line, row), row) for incident, row in digest.incidents[:LISTED]],
            "more": {
                "at_risk": _more(digest.became.get(HealthLevel.AT_RISK, [])),
                "attention": _more(digest.became.get(HealthLevel.ATTENTION, [])),
                "on_track": _more(digest.became.get(HealthLevel.ON_TRACK, [])),
                "incidents": _more(digest.incidents),
            },
            "at_risk": [once(_at_risk, row) for row in digest.at_risk[:LISTED]],
            "at_risk_more": max(0, len(digest.at_risk) - LISTED),
            "at_risk_count": len(digest.at_risk),
            "attention": digest.attention,
            "overview": site_url(reverse("oversight_placements") + "?status=2") if recipient.coordinated else "",
            "caseload": site_url(reverse("oversight_caseload")) if recipient.supervising else "",
            "account": site_url(reverse("my_account")),
        }
    return build_message("oversight/emails/weekly_digest", context, language=language, to=user.email)
