"""The companies and people a placement import names: found in the app, or made by the import.

A company is found by its KvK number; an unknown number makes a new company (its name is then needed), the same
number on another row of the file is the same company. A known company is never changed destructively: a field
the file fills and the app has empty is filled in (the row then reports "update"), nothing else.

A work mentor (at the row's company) and a school supervisor (a teacher of the school) are found by e-mail.
Someone the app does not know becomes a new account with that role (their name is then needed) and is invited
when the import is applied with invitations; an account with the same e-mail that lacks the role gets it (no
second account). Someone whose role there ended, or whose account is closed, is not brought back by an import:
that is decided on the people page.

Everything is read in a fixed number of queries before the rows are planned. A row's proposals (new company,
filled fields, new person, role for an account) are kept only when the whole row can be imported.
"""

import secrets
from dataclasses import dataclass, field

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from accounts.models import Company, Membership, Role, School, User

from .columns import PLACEMENT_TARGETS
from .outcomes import RowError, limited

COMPANY_FIELDS = ("address", "postcode", "city", "sector")
ROLE_FIELDS = {Role.MENTOR: "mentor_email", Role.TEACHER: "supervisor_email"}
NAME_FIELDS = {Role.MENTOR: "mentor_name", Role.TEACHER: "supervisor_name"}
LABELS = {target.name: target.label for target in PLACEMENT_TARGETS}


def unusable_password() -> str:
    """No password yet (the invitation or the school's sign-in gives access); as the learner import makes it."""
    return UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30)


def split_name(full_name: str) -> tuple[str, str]:
    """ "Marieke de Vries" -> ("Marieke", "de Vries"): exports give a person's whole name in one column."""
    first, _space, last = " ".join(full_name.split()).partition(" ")
    return first, last


@dataclass
class Grant:
    """A role at an organisation (a school, or a company that may be new) for an account, new or existing."""

    user: User
    role: str
    organisation: School | Company

    @property
    def key(self) -> tuple:
        org = self.organisation
        return (self.user.email.lower(), self.role, org.registration_number if isinstance(org, Company) else "")

    @property
    def fields(self) -> dict:
        """As `invite` and Membership take the organisation."""
        return (
            {"company": self.organisation} if isinstance(self.organisation, Company) else {"school": self.organisation}
        )


@dataclass
class PeoplePlan:
    new_companies: list[Company] = field(default_factory=list)
    filled_companies: list[Company] = field(default_factory=list)
    new_users: list[User] = field(default_factory=list)
    # Roles for the new accounts (their first one is the one they are invited to).
    new_roles: list[Grant] = field(default_factory=list)
    # Accounts that existed and get a role (given on apply, with an e-mail when invitations are on).
    role_for_existing: list[Grant] = field(default_factory=list)


@dataclass
class Draft:
    """What one row would add; kept (Directory.keep) only when the row turns out fine."""

    notes: list[str] = field(default_factory=list)
    new_company: Company | None = None
    fills: dict = field(default_factory=dict)  # field -> value for a known company
    grants: list[Grant] = field(default_factory=list)
    new_users: list[User] = field(default_factory=list)


class Directory:
    def __init__(self, school: School, rows: list):
        self.school = school
        self.plan = PeoplePlan()
        self.companies: dict[str, list[Company]] = {}
        for company in Company.objects.filter(registration_number__in={row.kvk for row in rows}).only(
            "pk", "name", "registration_number", "country", *COMPANY_FIELDS
        ):
            self.companies.setdefault(company.registration_number, []).append(company)
        company_ids = [company.pk for found in self.companies.values() for company in found]
        emails = {row.mentor_email for row in rows} | {row.supervisor_email for row in rows}
        self.users = {
            user.email_lower: user
            for user in User.objects.annotate(email_lower=Lower("email"))
            .filter(email_lower__in=emails)
            .only("pk", "email", "first_name", "last_name", "is_active", "language")
        }
        # (user id, role, organisation id) -> ended?  for the roles that matter here.
        self.roles: dict[tuple, bool] = {
            (user_id, role, school_id or company_id): ended is not None
            for user_id, role, school_id, company_id, ended in Membership.objects.filter(
                Q(role=Role.MENTOR, company_id__in=company_ids)
                | Q(role__in=(Role.TEACHER, Role.LEARNER), school=school),
                user_id__in=[user.pk for user in self.users.values()],
            ).values_list("user_id", "role", "school_id", "company_id", "ended_at")
        }
        self.new_companies: dict[str, Company] = {}  # by KvK number, from rows already planned
        self.new_users: dict[str, User] = {}  # by e-mail
        self.granted: set[tuple] = set()  # Grant.key of roles planned already

    # --- companies ------------------------------------------------------------------------------------

    def company(self, row, draft: Draft) -> Company:
        found = self.companies.get(row.kvk, [])
        if len(found) > 1:
            raise RowError(
                _("More than one company has KvK number %(kvk)s: merge them first.") % {"kvk": row.kvk}, "kvk"
            )
        if found:
            company = found[0]
            draft.fills = {name: row.company[name] for name in COMPANY_FIELDS if self._fills(row, company, name)}
            if draft.fills:
                fields = ", ".join(str(LABELS[name]) for name in draft.fills)
                draft.notes.append(_("Fills in empty company details: %(fields)s.") % {"fields": fields})
            return company
        planned = self.new_companies.get(row.kvk)
        if planned is not None:
            # Still to be made: what an earlier row left empty, this one may give.
            draft.fills = {name: row.company[name] for name in COMPANY_FIELDS if self._fills(row, planned, name)}
            return planned
        if not row.company["name"]:
            raise RowError(
                _("No company with KvK number %(kvk)s is known: the company's name is needed to add it.")
                % {"kvk": row.kvk},
                "company_name",
            )
        company = Company(name=row.company["name"], registration_number=row.kvk, country="NL", **{
            name: row.company[name] for name in COMPANY_FIELDS
        })  # fmt: skip
        draft.new_company = company
        draft.notes.append(_("New company: %(name)s (KvK %(kvk)s).") % {"name": company.name, "kvk": row.kvk})
        return company

    @staticmethod
    def _fills(row, company: Company, name: str) -> bool:
        return bool(row.company[name]) and not getattr(company, name)

    # --- people ------------------------------------------------------------------------------------------

    def person(self, row, role: str, company: Company, learner_id: int, draft: Draft) -> User:
        """The row's work mentor (at `company`) or school supervisor (a teacher of the school)."""
        email, name = getattr(row, ROLE_FIELDS[role]), getattr(row, NAME_FIELDS[role])
        org = company if role == Role.MENTOR else self.school
        user = self.users.get(email)
        if user is not None:
            self._check_existing(user, role, org, learner_id, email)
            if org.pk is not None and self.roles.get((user.pk, role, org.pk)) is False:
                return user  # holds the role there now
            if self._propose(Grant(user, role, org), draft):
                draft.notes.append(
                    _("The existing account %(email)s becomes %(role)s at %(organisation)s.")
                    % {"email": email, "role": Role(role).label, "organisation": org.name}
                )
            return user
        user = self.new_users.get(email) or next((new for new in draft.new_users if new.email == email), None)
        if user is None:
            if not name:
                raise RowError(
                    _("%(email)s is not known in the app: their name is needed to add them as %(role)s.")
                    % {"email": email, "role": Role(role).label},
                    NAME_FIELDS[role],
                )
            first_name, last_name = (
                limited(part, NAME_FIELDS[role], LABELS[NAME_FIELDS[role]], 100) for part in split_name(name)
            )
            user = User(email=email, first_name=first_name, last_name=last_name, password=unusable_password())
            draft.new_users.append(user)
            draft.notes.append(
                _("New %(role)s: %(name)s (%(email)s).")
                % {"role": Role(role).label, "name": f"{first_name} {last_name}".strip(), "email": email}
            )
        self._propose(Grant(user, role, org), draft)
        return user

    def _propose(self, grant: "Grant", draft: Draft) -> bool:
        if grant.key in self.granted or any(other.key == grant.key for other in draft.grants):
            return False
        draft.grants.append(grant)
        return True

    def _check_existing(self, user: User, role: str, org, learner_id: int, email: str) -> None:
        if user.pk == learner_id:
            raise RowError(_("The learner cannot be their own work mentor or supervisor."), ROLE_FIELDS[role])
        if not user.is_active:
            raise RowError(
                _("%(email)s has left: their account is closed. Give them a role on the people page first, or name "
                  "someone else.") % {"email": email},
                ROLE_FIELDS[role],
            )  # fmt: skip
        if org.pk and self.roles.get((user.pk, role, org.pk)) is True:
            raise RowError(
                _("%(email)s is no longer %(role)s at %(organisation)s. Give the role back on the people page "
                  "first, or name someone else.")
                % {"email": email, "role": Role(role).label, "organisation": org.name},
                ROLE_FIELDS[role],
            )  # fmt: skip
        if role == Role.TEACHER and self.roles.get((user.pk, Role.LEARNER, self.school.pk)) is False:
            raise RowError(
                _("%(email)s is a learner at the school, not a school supervisor.") % {"email": email},
                ROLE_FIELDS[role],
            )

    # --- keeping a row's proposals -----------------------------------------------------------------------

    def keep(self, draft: Draft, company: Company) -> None:
        plan = self.plan
        if draft.new_company is not None:
            self.new_companies[company.registration_number] = company
            plan.new_companies.append(company)
        elif draft.fills:
            for name, value in draft.fills.items():
                setattr(company, name, value)
            if company.pk is not None and company not in plan.filled_companies:
                plan.filled_companies.append(company)
        for user in draft.new_users:
            self.new_users[user.email] = user
            plan.new_users.append(user)
        for grant in draft.grants:
            self.granted.add(grant.key)
            if grant.user.pk is None:
                plan.new_roles.append(grant)
            else:
                plan.role_for_existing.append(grant)
