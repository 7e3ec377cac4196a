"""`{% placement_health placement %}`: the placement's health and its reasons, on the placement's own page.

The placement page belongs to `placements`, which may not import `oversight` (it sits above it in the house plan);
this tag in the site shell joins the two. Health is for the people who look after the placement, not the learner.
A company admin who is not the mentor reads only the signals the company view shares (no coaching content).
"""

from django import template

from accounts.selectors import roles_of
from oversight.company.selectors import SHARED_SIGNALS
from oversight.health.selectors import health_of, reasons

register = template.Library()


def _reads_coaching_signals(user, placement) -> bool:
    roles = roles_of(user)
    return (
        user.pk in (placement.mentor_id, placement.supervisor_id)
        or roles.is_staff
        or placement.school_id in roles.school_staff_school_ids
    )


@register.inclusion_tag("oversight/includes/_placement_health.html", takes_context=True)
def placement_health(context, placement):
    user = context["request"].user
    health = None if user.pk == placement.learner_id else health_of(placement)
    if health is None:
        return {"health": None}
    health.placement = placement  # reasons() links through the placement and its mentor, already loaded
    shown = reasons(health)
    if not _reads_coaching_signals(user, placement):
        shown = [reason for reason in shown if reason.code in SHARED_SIGNALS]
    return {"health": health, "reasons": shown, "level": health.level}
