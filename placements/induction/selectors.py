"""Who may see and do what in the induction programme, and the reads its pages need.

- A company's induction templates are managed by its company admins (and staff); its work mentors may read
  them. Anyone else gets a 404.
- A placement's checklist is seen by everyone who sees the placement (placement_for_user: the learner, the
  work mentor, the school's supervisors and coordinators, the company's admins and staff). Induction is
  company business, so unlike coaching content the company admin sees it too.
- The work mentor and the company's admins (and staff) run the checklist: create it, tick items, add items.
- Only the learner confirms having received the house rules and the calamity instructions.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from accounts.models import Company, Role, User
from accounts.selectors import roles_of

from ..models import (
    SECTIONS_LEARNER_CONFIRMS,
    InductionChecklist,
    InductionItem,
    InductionTemplate,
    InductionTemplateItem,
    Placement,
    Section,
)

# --- Templates ---------------------------------------------------------------------------------------------


def companies_managing_templates(user: User) -> frozenset[int] | None:
    """Company ids whose templates `user` manages; None means every company (staff)."""
    roles = roles_of(user)
    return None if roles.is_staff else roles.companies_as(Role.COMPANY_ADMIN)


def companies_reading_templates(user: User) -> frozenset[int] | None:
    """Company ids whose templates `user` may read; None means every company (staff)."""
    roles = roles_of(user)
    if roles.is_staff:
        return None
    return roles.companies_as(Role.COMPANY_ADMIN) | roles.companies_as(Role.MENTOR)


def can_manage_templates_of(user: User, company_id: int) -> bool:
    managed = companies_managing_templates(user)
    return managed is None or company_id in managed


def can_create_templates(user: User) -> bool:
    managed = companies_managing_templates(user)
    return managed is None or bool(managed)


def can_read_templates(user: User) -> bool:
    readable = companies_reading_templates(user)
    return readable is None or bool(readable)


def companies_for_new_template(user: User) -> QuerySet[Company]:
    managed = companies_managing_templates(user)
    companies = Company.objects.order_by("name")
    return companies if managed is None else companies.filter(pk__in=managed)


def templates_visible_to(user: User) -> QuerySet[InductionTemplate]:
    readable = companies_reading_templates(user)
    templates = InductionTemplate.objects.select_related("company").annotate(item_count=Count("items"))
    templates = templates.order_by("company__name", "-is_default", "name")
    return templates if readable is None else templates.filter(company_id__in=readable)


def template_for_user(user: User, pk: int) -> InductionTemplate:
    """The template if `user` may read it; otherwise 404, so that its existence does not leak."""
    readable = companies_reading_templates(user)
    templates = InductionTemplate.objects.select_related("company")
    if readable is not None:
        templates = templates.filter(company_id__in=readable)
    try:
        return templates.get(pk=pk)
    except (InductionTemplate.DoesNotExist, ValueError, TypeError):
        raise Http404("No such induction template.") from None


def template_items(template: InductionTemplate) -> QuerySet[InductionTemplateItem]:
    return template.items.all()


def templates_for_placement(placement: Placement) -> QuerySet[InductionTemplate]:
    """The company's templates a checklist can start from, the default first."""
    return InductionTemplate.objects.filter(company_id=placement.company_id).order_by("-is_default", "name")


# --- The checklist of a placement ------------------------------------------------------------------------


def can_run_checklist(user: User, placement: Placement) -> bool:
    """The work mentor, the company's admins and staff create the checklist, tick items and add items."""
    return user.pk == placement.mentor_id or can_manage_templates_of(user, placement.company_id)


def is_learner_of(user: User, placement: Placement) -> bool:
    return user.pk == placement.learner_id


def due_date(placement: Placement, due_day: int) -> date:
    """Day 1 is the placement's first day."""
    return placement.start_date + timedelta(days=max(due_day, 1) - 1)


def checklist_of(placement: Placement) -> InductionChecklist | None:
    return InductionChecklist.objects.filter(placement=placement).first()


def checklist_items(checklist: InductionChecklist) -> QuerySet[InductionItem]:
    return checklist.items.select_related("done_by")


def dress_item(item: InductionItem, placement: Placement, today: date) -> InductionItem:
    """Give `item` what the pages show besides its fields: its date and whether it is late."""
    item.due_date = due_date(placement, item.due_day)
    item.overdue = item.done_at is None and item.due_date < today
    return item


@dataclass
class SectionGroup:
    section: str
    label: str
    learner_confirms: bool
    items: list[InductionItem] = field(default_factory=list)


@dataclass
class Progress:
    done: int
    total: int
    to_confirm: int
    confirmed: int

    @property
    def confirmed_all(self) -> bool:
        """The learner confirmed every house-rules and calamity item; False while there is none to confirm."""
        return self.to_confirm > 0 and self.confirmed == self.to_confirm

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def progress_of(items: list[InductionItem]) -> Progress:
    confirmable = [item for item in items if item.learner_confirms]
    return Progress(
        done=sum(1 for item in items if item.done_at is not None),
        total=len(items),
        to_confirm=len(confirmable),
        confirmed=sum(1 for item in confirmable if item.learner_confirmed_at is not None),
    )


def grouped_by_section(items: list[InductionItem]) -> list[SectionGroup]:
    """The sections in their fixed order, each with its items; sections without items are left out."""
    groups = {value: SectionGroup(value, label, value in SECTIONS_LEARNER_CONFIRMS) for value, label in Section.choices}
    for item in items:
        groups[item.section].items.append(item)
    return [group for group in groups.values() if group.items]


def induction_progress(placement_ids) -> dict[int, tuple[int, int, bool]]:
    """{placement id: (items done, items in total, learner confirmed all house rules and calamity items)}.

    One query. Placements without a checklist are left out; `confirmed_all` is False while a checklist has no
    item for the learner to confirm, since the learner has then confirmed nothing.
    """
    confirmable = Q(items__section__in=SECTIONS_LEARNER_CONFIRMS)
    rows = (
        InductionChecklist.objects.filter(placement_id__in=list(placement_ids))
        .annotate(
            total=Count("items"),
            done=Count("items", filter=Q(items__done_at__isnull=False)),
            to_confirm=Count("items", filter=confirmable),
            confirmed=Count("items", filter=confirmable & Q(items__learner_confirmed_at__isnull=False)),
        )
        .values_list("placement_id", "done", "total", "to_confirm", "confirmed")
    )
    return {
        placement_id: (done, total, to_confirm > 0 and confirmed == to_confirm)
        for placement_id, done, total, to_confirm, confirmed in rows
    }
