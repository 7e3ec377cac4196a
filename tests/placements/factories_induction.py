"""Helpers for the induction checklist tests; the `template` and `checklist` fixtures are in conftest.py."""

from django.urls import reverse


def _item(checklist, section):
    return checklist.items.get(section=section)


def _url(name, world, item=None):
    args = [world.placement.pk] if item is None else [world.placement.pk, item.pk]
    return reverse(name, args=args)
