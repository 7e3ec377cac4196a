"""The placement tab bar: one tab per section of a placement (coaching, meetings, assessments), as far as the
person may see it."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from mentoring.selectors import can_view_coaching, can_view_incidents

register = template.Library()

# (url name, label, who sees the tab)
TABS = [
    ("placement_detail", _("Overview"), None),
    ("induction_checklist", _("Induction"), None),
    ("placement_agreement", _("Placement agreement"), None),
    ("mentoring_plan", _("Coaching plan"), can_view_coaching),
    ("mentoring_agreement", _("Agreement"), can_view_coaching),
    ("mentoring_sessions", _("Sessions"), can_view_coaching),
    ("mentoring_schedule", _("Schedule"), can_view_coaching),
    ("mentoring_hours", _("Hours"), can_view_coaching),
    ("mentoring_obstacles", _("Obstacles"), can_view_coaching),
    ("mentoring_incidents", _("Incidents"), can_view_incidents),
    ("meeting_list", _("Meetings"), can_view_coaching),
    ("mentoring_progress", _("Progress"), can_view_coaching),
    ("assessment_plan", _("Assessment plan"), can_view_coaching),
    ("evidence_list", _("Evidence"), can_view_coaching),
    ("assessment_list", _("Assessments"), can_view_coaching),
    ("assessment_development", _("Development"), can_view_coaching),
]


@register.inclusion_tag("mentoring/includes/_placement_tabs.html", takes_context=True)
def placement_tabs(context, placement, active):
    user = context["request"].user
    tabs = []
    for url_name, label, allowed in TABS:
        if allowed is not None and not allowed(user, placement):
            continue
        try:
            url = reverse(url_name, args=[placement.pk])
        except NoReverseMatch:  # a section that is not installed in this build
            continue
        tabs.append({"url": url, "label": label, "active": url_name == active})
    return {"tabs": tabs, "placement": placement}
