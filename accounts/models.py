from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import CharField, OuterRef, Q, StringAgg, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.compiled_query import CompiledQuery, concrete_field_names

from .countries import COUNTRIES


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)

    def get(self, *args, **kwargs):
        """get(pk=...) is how the signed-in person is read on every request (ModelBackend.get_user): that one
        query is compiled once per process (core/compiled_query.py) and reads the person's active roles with them
        (person_with_roles); any other look-up is the ORM's own."""
        if args or kwargs.keys() != {"pk"} or self._db is not None:
            return super().get(*args, **kwargs)
        try:
            pk = self.model._meta.pk.to_python(kwargs["pk"])
        except Exception:  # noqa: BLE001 - a malformed key: let the ORM raise what it raises for it
            return super().get(*args, **kwargs)
        person = person_with_roles(pk)
        if person is None:
            raise self.model.DoesNotExist(f"{self.model._meta.object_name} matching query does not exist.")
        return person


class User(AbstractBaseUser, PermissionsMixin):
    """A person. What they may do follows from their roles (memberships), not from the account."""

    email = models.EmailField(_("e-mail address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        blank=True,
        choices=[("en", "English"), ("nl", "Nederlands")],
        help_text=_("Used for the screens and for e-mails sent to you."),
    )

    class NotificationLevel(models.TextChoices):
        ALL = "all", _("all notifications")
        ESSENTIAL = "essential", _("essential only")
        NONE = "none", _("none")

    notification_level = models.CharField(
        _("notifications"),
        max_length=20,
        choices=NotificationLevel.choices,
        default=NotificationLevel.ALL,
        help_text=_("Which reminders and updates you receive, in the app and by e-mail."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    # Set when staff close the account in the administration (is_active switched off there): giving the person a
    # role (an invitation, an import, the people pages) then refuses instead of opening it again. An account that
    # closed because its last role ended (accounts/people/services.py) opens again with a new role.
    closed_by_staff = models.BooleanField(
        _("closed by staff"),
        default=False,
        help_text=_("The site's staff closed this account: only they can open it again."),
    )
    is_staff = models.BooleanField(
        _("staff"), default=False, help_text=_("Staff can use the administration site and see everything.")
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name"]
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self):
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES, default="NL")
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class School(Organisation):
    """A vocational school (MBO in the Netherlands)."""

    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    # Schools that sign their people in through their own identity provider (accounts/sso) may switch passwords off.
    password_login_enabled = models.BooleanField(
        _("password log-in enabled"),
        default=True,
        help_text=_("Off: the school's people sign in only with the school's identity provider (staff always can)."),
    )
    # On: the school's coordinators must set up two-factor authentication (accounts/two_factor) before using the app.
    require_two_factor_for_staff = models.BooleanField(
        _("two-factor authentication required for coordinators"),
        default=False,
        help_text=_("On: the school's coordinators must confirm each log-in with a code from an authenticator app."),
    )

    class Meta(Organisation.Meta):
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        constraints = [models.UniqueConstraint(fields=["name"], name="school_name_unique")]


class Company(Organisation):
    """A host company (leerbedrijf) that offers work placements; may be abroad."""

    class Accreditation(models.TextChoices):
        ACCREDITED = "accredited", _("accredited")
        PENDING = "pending", _("accreditation pending")
        NOT_ACCREDITED = "not_accredited", _("not accredited")
        SUSPENDED = "suspended", _("accreditation suspended")

    registration_number = models.CharField(
        _("registration number"), max_length=40, blank=True, help_text=_("Chamber of Commerce or equivalent.")
    )
    sector = models.CharField(_("sector"), max_length=100)
    accreditation_status = models.CharField(
        _("accreditation status"), max_length=20, choices=Accreditation.choices, default=Accreditation.PENDING
    )
    # The accreditation's first day ("valid from"); the recognition (erkenning) runs until accreditation_valid_until.
    accredited_on = models.DateField(_("accreditation valid from"), null=True, blank=True)
    accreditation_valid_until = models.DateField(_("accreditation valid until"), null=True, blank=True)
    recognition_number = models.CharField(
        _("recognition number"),
        max_length=20,
        blank=True,
        help_text=_("The SBB recognition number (erkenningsnummer)."),
    )
    # Why the status is what it is; the accreditation form requires it for a suspension or a refusal.
    accreditation_reason = models.TextField(_("reason for the accreditation status"), blank=True)
    # Audit history: who changed the accreditation (or any other detail), when, from what to what.
    history = HistoricalRecords(verbose_name=_("historical company"), verbose_name_plural=_("historical companies"))

    class Meta(Organisation.Meta):
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "registration_number"],
                condition=~Q(registration_number=""),
                name="company_registration_unique_per_country",
            ),
            models.CheckConstraint(
                condition=~Q(accreditation_status="accredited") | Q(accredited_on__isnull=False),
                name="company_accredited_has_date",
                violation_error_message=_("An accredited company needs an accreditation date."),
            ),
            models.CheckConstraint(
                condition=Q(accredited_on__isnull=True)
                | Q(accreditation_valid_until__isnull=True)
                | Q(accreditation_valid_until__gte=models.F("accredited_on")),
                name="company_accreditation_ends_after_start",
                violation_error_code="accreditation_ends_before_start",
                violation_error_message=_("The accreditation cannot end before it starts (valid until ≥ valid from)."),
            ),
        ]

    def accreditation_expired(self, today=None) -> bool:
        """An accreditation whose last day has passed, whatever its recorded status."""
        today = today or timezone.localdate()
        return self.accreditation_valid_until is not None and self.accreditation_valid_until < today


class Role(models.TextChoices):
    LEARNER = "learner", _("learner")
    MENTOR = "mentor", _("work mentor")
    TEACHER = "teacher", _("school supervisor")
    COORDINATOR = "coordinator", _("coordinator")
    COMPANY_ADMIN = "company_admin", _("company admin")


SCHOOL_ROLES = (Role.LEARNER, Role.TEACHER, Role.COORDINATOR)
COMPANY_ROLES = (Role.MENTOR, Role.COMPANY_ADMIN)


class Membership(models.Model):
    """One role of a person at one organisation. A person may hold several."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    school = models.ForeignKey(
        School, on_delete=models.CASCADE, null=True, blank=True, related_name="memberships", verbose_name=_("school")
    )
    company = models.ForeignKey(
        Company,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("company"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the person left this organisation: the role no longer gives access, but stays on record
    # (their history, records and certificates keep pointing at it) and can be given back.
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    # Audit history: who gave or took away a role, and when.
    history = HistoricalRecords(verbose_name=_("historical role"), verbose_name_plural=_("historical roles"))

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role__in=SCHOOL_ROLES, school__isnull=False, company__isnull=True)
                    | Q(role__in=COMPANY_ROLES, company__isnull=False, school__isnull=True)
                ),
                name="membership_role_matches_organisation",
                violation_error_message=_(
                    "Learners, supervisors and coordinators belong to a school; "
                    "work mentors and company admins to a company."
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "school"], condition=Q(school__isnull=False), name="membership_school_unique"
            ),
            models.UniqueConstraint(
                fields=["user", "role", "company"],
                condition=Q(company__isnull=False),
                name="membership_company_unique",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.school or self.company}"

    @property
    def organisation(self):
        return self.school or self.company


from .invitations.models import Invitation  # noqa: E402,F401
from .people.models import CompanyLocation, CompanyNotDuplicate  # noqa: E402,F401
from .sso.models import IdentityProvider, SsoIdentity  # noqa: E402,F401
from .two_factor.models import TwoFactorReset  # noqa: E402,F401

# The attribute holding a person's active memberships, (role, school_id, company_id), when read with them:
# accounts.selectors.roles_of() then makes no query of its own.
ACTIVE_MEMBERSHIPS_READ = "_werkmentor_active_memberships"


def _active_memberships_in_one_column():
    """The person's active memberships as one text: "role:school_id:company_id" (an id or nothing), joined by ";"."""

    def id_text(name):
        return Coalesce(Cast(name, CharField()), Value(""))

    membership = Concat(
        "role", Value(":"), id_text("school_id"), Value(":"), id_text("company_id"), output_field=CharField()
    )
    joined = (
        Membership.objects.filter(user_id=OuterRef("pk"), ended_at__isnull=True)
        .values("user_id")
        .annotate(joined=StringAgg(membership, delimiter=Value(";")))
        .values("joined")
    )
    return Subquery(joined, output_field=CharField())


# The signed-in person and their roles in one statement: every signed-in request reads both (ModelBackend.get_user,
# then roles_of), and the second round trip to the database cost more than either look-up.
_PERSON_WITH_ROLES = CompiledQuery(
    lambda pk: User.objects.filter(pk=pk).values_list(*concrete_field_names(User), _active_memberships_in_one_column())
)


def person_with_roles(pk) -> User | None:
    """The user with primary key `pk`, their active memberships read with them (ACTIVE_MEMBERSHIPS_READ), or None."""
    found = _PERSON_WITH_ROLES.rows(pk)
    if not found:
        return None
    *columns, joined = found[0]
    user = User.from_db(DEFAULT_DB_ALIAS, concrete_field_names(User), columns)
    setattr(user, ACTIVE_MEMBERSHIPS_READ, [_membership(text) for text in joined.split(";")] if joined else [])
    return user


def _membership(text: str) -> tuple[str, int | None, int | None]:
    role, school_id, company_id = text.split(":")
    return role, int(school_id) if school_id else None, int(company_id) if company_id else None
