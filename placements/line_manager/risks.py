"""Seed 003's "should managers be mentors?": the advantages and the risks, in our own words.

Shown to the mentor and the learner when a placement says the mentor is the learner's line manager, so both
know what to watch for (the risks) and what to make use of (the advantages).
"""

from django.utils.translation import gettext_lazy as _

ADVANTAGES = (
    _("A manager is well placed to offer coaching when it is needed."),
    _("A manager knows the organisation's culture, goals and priorities."),
    _("Coaching and mentoring are part of a manager's skills."),
    _("A manager knows the skills and expertise in the team."),
)

RISKS = (
    _("The power relation between manager and learner can stand in the way of trust and openness."),
    _("The manager knows the organisation far better than the learner, which can make the talk one-sided."),
    _("Not every manager is a skilled coach or mentor."),
    _("Earlier experiences with each other can colour how skills are judged and so harm impartiality."),
    _("The roles of manager and mentor can blur: agree when you speak as a mentor and when as a manager."),
)
