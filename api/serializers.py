"""What the API answers and accepts. Read serializers take rows the selectors already scoped; write serializers
only check the shape of the input: the import's planning (api/writes.py) decides what happens."""

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.countries import COUNTRIES
from accounts.models import Company, User
from placements.models import LearnerRecord, Placement
from registry.models import Certificate
from registry.register.selectors import certificate_state

STATES = [choice[0] for choice in Certificate.State.choices]
HEALTH_LEVELS = ["on_track", "attention", "at_risk"]
SIGNALS = [
    "no_session",
    "hours_behind",
    "no_meeting",
    "minutes_open",
    "goals_off_track",
    "signatures_overdue",
    "incident",
    "certificate",
    "agreement",
]


class VerificationSerializer(serializers.Serializer):
    """What the public verification page shows, and nothing more."""

    number = serializers.CharField()
    holder_name = serializers.CharField()
    school = serializers.CharField(source="school.name")
    issued_on = serializers.DateField()
    valid_until = serializers.DateField()
    state = serializers.ChoiceField(choices=STATES)
    revoked_on = serializers.SerializerMethodField()

    def get_revoked_on(self, certificate) -> str | None:
        revoked = certificate.revoked_at
        return timezone.localdate(revoked).isoformat() if revoked else None

    def to_representation(self, certificate):
        data = super().to_representation(certificate)
        data["state"] = certificate.state()
        return data


class RegisterEntrySerializer(serializers.Serializer):
    """A register row (a named tuple of REGISTER_COLUMNS)."""

    id = serializers.IntegerField(source="pk")
    number = serializers.CharField()
    holder_name = serializers.CharField()
    company_name = serializers.CharField()
    company_city = serializers.CharField()
    company_country = serializers.CharField()
    school_id = serializers.IntegerField()
    issued_on = serializers.DateField()
    valid_until = serializers.DateField()
    state = serializers.SerializerMethodField()

    def get_state(self, row) -> str:
        return certificate_state(row.revoked_at, row.valid_until, self.context["today"])


def register_entries(rows, today) -> list[dict]:
    """RegisterEntrySerializer's output for the register's rows, written out (the endpoint's JSON; the serializer
    stays its schema). DRF's fields cost 2.6 ms a page of 25 rows to say what these lines say: the columns are
    never null, the dates ISO 8601 (tests/api/test_register_entries.py compares the two)."""
    return [
        {
            "id": row.pk,
            "number": row.number,
            "holder_name": row.holder_name,
            "company_name": row.company_name,
            "company_city": row.company_city,
            "company_country": row.company_country,
            "school_id": row.school_id,
            "issued_on": row.issued_on.isoformat(),
            "valid_until": row.valid_until.isoformat(),
            "state": certificate_state(row.revoked_at, row.valid_until, today),
        }
        for row in rows
    ]


class RegisterPageSerializer(serializers.Serializer):
    next = serializers.URLField(allow_null=True)
    results = RegisterEntrySerializer(many=True)


class PersonRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="get_full_name")


class CompanyRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kvk_number = serializers.CharField(source="registration_number")


class HealthSerializer(serializers.Serializer):
    level = serializers.SerializerMethodField()
    signals = serializers.SerializerMethodField()
    computed_at = serializers.DateTimeField(allow_null=True)

    def get_level(self, health) -> str:
        return HEALTH_LEVELS[health.level]

    def get_signals(self, health) -> list[str]:
        return [name for name in SIGNALS if getattr(health, name)]


class PlacementSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=Placement.Status.choices)
    learner = PersonRefSerializer()
    mentor = PersonRefSerializer(allow_null=True)
    supervisor = PersonRefSerializer(allow_null=True)
    company = CompanyRefSerializer()
    health = serializers.SerializerMethodField()

    class Meta:
        model = Placement
        fields = [
            "id",
            "status",
            "school_id",
            "start_date",
            "end_date",
            "ended_on",
            "hours_per_week",
            "learner",
            "mentor",
            "supervisor",
            "company",
            "health",
        ]

    @extend_schema_field(HealthSerializer(allow_null=True))
    def get_health(self, placement):
        health = getattr(placement, "health", None)
        return HealthSerializer(health).data if health is not None and health.computed_at else None


class SchoolSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class PersonSerializer(serializers.ModelSerializer):
    roles = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "first_name", "last_name", "email", "is_active", "roles"]

    def get_roles(self, person) -> list[str]:
        return sorted({m.role for m in person.org_memberships if m.ended_at is None})


class LearnerSerializer(serializers.ModelSerializer):
    """A learner as the student information system knows them; PUT by student number creates or updates."""

    student_number = serializers.CharField(max_length=40, read_only=True)
    first_name = serializers.CharField(source="user.first_name", max_length=100)
    last_name = serializers.CharField(source="user.last_name", max_length=100)
    email = serializers.EmailField(source="user.email", max_length=254)
    id = serializers.IntegerField(source="user_id", read_only=True)

    class Meta:
        model = LearnerRecord
        fields = [
            "id",
            "student_number",
            "first_name",
            "last_name",
            "email",
            "cohort",
            "date_of_birth",
            "guardian_name",
            "guardian_email",
            "guardian_phone",
        ]

    def validate_date_of_birth(self, value):
        if value and value > timezone.localdate():
            raise serializers.ValidationError(_("The date of birth is in the future."))
        return value


class LearnerCreateSerializer(LearnerSerializer):
    student_number = serializers.CharField(max_length=40)


class CompanySerializer(serializers.ModelSerializer):
    kvk_number = serializers.CharField(source="registration_number", read_only=True)
    country = serializers.ChoiceField(choices=COUNTRIES, read_only=True)

    class Meta:
        model = Company
        fields = ["id", "kvk_number", "name", "address", "postcode", "city", "country", "sector"]
        read_only_fields = ["id"]
        extra_kwargs = {"name": {"required": False}, "city": {"required": False}, "sector": {"required": False}}


class CompanyCreateSerializer(CompanySerializer):
    kvk_number = serializers.CharField(source="registration_number", max_length=40)


class ProblemFieldSerializer(serializers.Serializer):
    field = serializers.CharField()
    detail = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details; `errors` lists what failed validation."""

    type = serializers.URLField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField(required=False)
    errors = ProblemFieldSerializer(many=True, required=False)
