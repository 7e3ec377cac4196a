"""The calendar feed card on "My account" (home/calendar/): make, renew or revoke the private address."""

from django import template

from core.compiled_query import CompiledQuery, concrete_field_names

from ..models import CalendarFeed

register = template.Library()

# On "My account", the plain page every signed-in person opens: compiled once (core/compiled_query.py).
_FEED_OF = CompiledQuery(
    lambda user_id: CalendarFeed.objects.filter(user_id=user_id).values_list(*concrete_field_names(CalendarFeed)),
    model=CalendarFeed,
)


@register.inclusion_tag("home/calendar/_feed_card.html", takes_context=True)
def calendar_feed_card(context):
    user = context["request"].user
    feed = next(iter(_FEED_OF.rows(user.pk)), None)  # one at most: a person has one address
    return {"feed": feed, "csrf_token": context.get("csrf_token")}
