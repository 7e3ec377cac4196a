"""The calendar feed card on "My account" (home/calendar/): make, renew or revoke the private address."""

from django import template

from ..models import CalendarFeed

register = template.Library()


@register.inclusion_tag("home/calendar/_feed_card.html", takes_context=True)
def calendar_feed_card(context):
    user = context["request"].user
    return {"feed": CalendarFeed.objects.filter(user=user).first(), "csrf_token": context.get("csrf_token")}
