"""Records that cannot be destroyed: a guard on every deletion path, and the admin that respects it.

An app says which of its rows are kept for good (`protect(Model, is_protected, reason)`): a signed assessment
record, an issued certificate, confirmed minutes. Deleting such a row raises `ProtectedError` before anything
is deleted: directly (`RefuseDeletion.delete`), through a queryset (`ProtectedQuerySet.delete`) or by a cascade
(the foreign key that would take the row along has `on_delete=cascade_unless_protected`). A `pre_delete` guard
is the last line for any other path. `ProtectedAdmin` and `ProtectedInline` make the admin refuse first, with
the reason shown.
"""

from collections.abc import Callable, Iterable
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib import admin, messages
from django.db import router
from django.db.models import CASCADE, Model, ProtectedError, QuerySet
from django.db.models.deletion import Collector
from django.db.models.signals import pre_delete
from django.utils.text import capfirst
from django.utils.translation import gettext as _

_RULES: dict[type[Model], tuple[Callable[[Model], bool], str]] = {}
_WIPING: ContextVar[bool] = ContextVar("protection_wiping", default=False)


@contextmanager
def wiping_everything():
    """Lift the guard for code that empties a whole database on purpose (a test's set-up, a demo reset).
    Never used by a request, a task or the admin."""
    token = _WIPING.set(True)
    try:
        yield
    finally:
        _WIPING.reset(token)


def protect(model: type[Model], rule: Callable[[Model], bool], reason) -> None:
    """From now on, a row of `model` for which `rule(row)` holds can no longer be deleted."""
    _RULES[model] = (rule, reason)

    def refuse(sender, instance, **kwargs):
        if is_protected(instance):
            raise ProtectedError(refusal(instance), {instance})

    pre_delete.connect(refuse, sender=model, weak=False, dispatch_uid=f"protect:{model._meta.label}")


def refusal(instance: Model) -> str:
    """'Assessment record "…" cannot be deleted: it is signed; …' for a protected row."""
    _rule, reason = _RULES[type(instance)]
    return _("%(kind)s “%(object)s” cannot be deleted: %(reason)s") % {
        "kind": capfirst(instance._meta.verbose_name),
        "object": instance,
        "reason": reason,
    }


def is_protected(instance: Model) -> bool:
    if _WIPING.get():
        return False
    rule = _RULES.get(type(instance))
    return bool(rule and rule[0](instance))


def refuse_if_protected(objs: Iterable[Model]) -> None:
    protected = [obj for obj in objs if is_protected(obj)]
    if protected:
        raise ProtectedError(refusal(protected[0]), set(protected))


def cascade_unless_protected(collector, field, sub_objs, using):
    """`on_delete` for a link whose deletion would take a protected row along: refused then, else CASCADE."""
    refuse_if_protected(sub_objs)
    CASCADE(collector, field, sub_objs, using)


class RefuseDeletion:
    """Model mixin: `instance.delete()` of a protected row raises `ProtectedError` before anything happens."""

    def delete(self, *args, **kwargs):
        refuse_if_protected([self])
        return super().delete(*args, **kwargs)


class ProtectedQuerySet(QuerySet):
    """`queryset.delete()` raises `ProtectedError` before anything happens when it holds a protected row."""

    def delete(self):
        refuse_if_protected(self)
        return super().delete()

    delete.alters_data = True
    delete.queryset_only = True


def protected_among(objs: Iterable[Model]) -> list[Model]:
    """The protected rows that deleting `objs` would take with it (themselves included)."""
    objs = list(objs)
    if not objs:
        return []
    if own := [obj for obj in objs if is_protected(obj)]:
        return own
    collector = Collector(using=router.db_for_write(type(objs[0]), instance=objs[0]))
    try:
        collector.collect(objs)
    except ProtectedError as error:  # an on_delete=PROTECT link: refused before our rules are even asked
        return list(error.protected_objects)
    found = []
    for model, instances in collector.data.items():
        if model in _RULES:
            found.extend(obj for obj in instances if is_protected(obj))
    return found


class ProtectedAdmin(admin.ModelAdmin):
    """Refuses to delete a protected row or one whose deletion would take a protected row along; shows
    `read_only_when_protected` rows read-only."""

    read_only_when_protected = True

    def has_delete_permission(self, request, obj=None):
        if obj is not None and protected_among([obj]):
            return False
        return super().has_delete_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        if obj is not None and self.read_only_when_protected and is_protected(obj):
            return False
        return super().has_change_permission(request, obj)

    def get_deleted_objects(self, objs, request):
        """The confirmation page of "delete selected" lists the protected rows and refuses, with a message why."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        refused = [refusal(obj) for obj in protected_among(objs)]
        if refused:
            for message in refused[:10]:
                self.message_user(request, message, messages.ERROR)
            self.message_user(request, _("Nothing was deleted."), messages.ERROR)
        return deleted, counts, perms_needed, list(protected) + refused

    def delete_queryset(self, request, queryset):
        if protected_among(queryset):  # the action above refuses first; this is the last line
            raise ProtectedError(_("Nothing was deleted."), set(protected_among(queryset)))
        super().delete_queryset(request, queryset)


class ProtectedInline:
    """Mixin for an inline whose rows freeze with their parent: no adding, changing or deleting once it is protected."""

    def _frozen(self, obj):
        return obj is not None and is_protected(obj)

    def has_add_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_delete_permission(request, obj)
