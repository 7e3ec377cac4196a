"""Starting points for a mentoring agreement, after the role exercise in the mentor training (seed 003).

The mentor and learner rewrite them in their own words; they only spare them a blank page.
"""

from django.utils.translation import gettext_lazy as _

MENTOR_HELPS_WITH = [
    ("goals", _("agreeing on and setting goals")),
    ("development", _("identifying opportunities to develop")),
    ("better_work", _("striving to do the work better")),
    ("support_needs", _("discovering and putting into words what help is needed")),
    ("opportunities", _("creating opportunities")),
    ("reflection", _("encouraging the learner to reflect on themself")),
]

MENTOR_WILL = _(
    "Make time for a coaching conversation every week. Give honest, constructive feedback. "
    "Stay neutral and approachable. Explain how work is done here and why."
)
MENTOR_WILL_NOT = _(
    "Take over the learner's tasks. Discuss the learner with colleagues behind their back. "
    "Keep contact outside work channels."
)
LEARNER_WILL = _(
    "Arrive on time and call in before the start of the day when ill. Prepare each coaching conversation. "
    "Ask for help when stuck. Keep the agreed goals in view and reflect on progress."
)
LEARNER_WILL_NOT = _(
    "Leave tasks unfinished without saying so. Share confidential company information. "
    "Use a phone for private matters during work."
)
