"""How much of a holder's logged development comes from mentor courses they completed (the renewal card says it).

Those hours are rows of the development log already (registry/courses/development_credit.py), so the renewal
check's total includes them once; this only names the part.
"""

from datetime import date
from decimal import Decimal

from django.db.models import DecimalField, Sum

from accounts.models import User
from mentoring.models import DevelopmentActivity


def course_hours_between(user: User, start: date, end: date) -> Decimal:
    total = DevelopmentActivity.objects.filter(
        mentor=user, source_enrolment__isnull=False, date__gte=start, date__lte=end
    ).aggregate(total=Sum("hours", output_field=DecimalField(max_digits=12, decimal_places=1)))["total"]
    return Decimal(total or 0)
