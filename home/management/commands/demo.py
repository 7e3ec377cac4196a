import os
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone, translation

from accounts.models import Company, Membership, Role, School, User
from home.demo import data
from placements.models import Placement, Programme


def coaching_seeds():
    from home.demo import (
        agreements,
        assessments,
        certificates,
        coaching,
        courses,
        development,
        hours,
        induction,
        meetings,
        minutes,
        obstacles,
        recruitment,
        reminders,
        surveys,
    )

    return [
        coaching.seed,
        hours.seed,
        obstacles.seed,
        development.seed,
        courses.seed,
        certificates.seed,
        meetings.seed,
        minutes.seed,
        reminders.seed,
        assessments.seed,
        recruitment.seed,
        induction.seed,
        agreements.seed,
        surveys.seed,
    ]


class Command(BaseCommand):
    help = "Create (or refresh) the demo world: schools, host companies, people and placements. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the demo logins.")
        parser.add_argument(
            "--language",
            help="Language of the demo content: nl or en (default: DEMO_LANGUAGE, else LANGUAGE_CODE). "
            "Content that exists already stays in the language it was written in.",
        )

    def handle(self, *args, **options):
        language = options["language"] or os.environ.get("DEMO_LANGUAGE") or settings.LANGUAGE_CODE
        known = [code for code, _name in settings.LANGUAGES]
        if language not in known:
            raise CommandError(f"Unknown demo language {language!r}; choose one of: {', '.join(known)}.")
        with translation.override(language):
            self._build(options)

    @transaction.atomic
    def _build(self, options):
        schools = {s["key"]: self._school(s) for s in data.SCHOOLS}
        companies = {c["key"]: self._company(c) for c in data.COMPANIES}
        programmes = {
            name: Programme.objects.update_or_create(
                school=schools[school], name=name, defaults={"code": code, "level": level, "required_hours": hours}
            )[0]
            for school, name, code, level, hours in data.PROGRAMMES
        }
        people = {}
        for email, first, last, company, is_admin in data.MENTORS:
            people[email] = self._person(email, first, last)
            self._grant(people[email], Role.MENTOR, company=companies[company])
            if is_admin:
                self._grant(people[email], Role.COMPANY_ADMIN, company=companies[company])
        for email, first, last, company in data.COMPANY_ADMINS:
            people[email] = self._person(email, first, last)
            self._grant(people[email], Role.COMPANY_ADMIN, company=companies[company])
        for email, first, last, school, role in data.SCHOOL_STAFF:
            people[email] = self._person(email, first, last)
            self._grant(people[email], Role(role), school=schools[school])
        for email, first, last, school in data.LEARNERS:
            people[email] = self._person(email, first, last)
            self._grant(people[email], Role.LEARNER, school=schools[school])
        staff_email, first, last = data.STAFF
        staff = self._person(staff_email, first, last)
        if not staff.is_staff:
            staff.is_staff = staff.is_superuser = True
            staff.save(update_fields=["is_staff", "is_superuser"])

        today = timezone.localdate()
        for learner, company, mentor, supervisor, programme, offset, days, hours, status, reason in data.PLACEMENTS:
            start = today + timedelta(days=offset)
            programme_obj = programmes[programme]
            Placement.objects.update_or_create(
                learner=people[learner],
                company=companies[company],
                defaults={
                    "school": programme_obj.school,
                    "mentor": people[mentor],
                    "supervisor": people[supervisor],
                    "programme": programme_obj,
                    "start_date": start,
                    "end_date": start + timedelta(days=days),
                    "hours_per_week": hours,
                    "status": status,
                    "end_reason": reason,
                    "ended_on": today - timedelta(days=7) if reason else None,
                },
            )
        placements = list(Placement.objects.with_people().order_by("pk"))
        for seed in coaching_seeds():
            seed(placements, today)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {School.objects.count()} schools, {Company.objects.count()} companies, "
                f"{Placement.objects.count()} placements."
            )
        )
        if not options["quiet_logins"]:
            self.stdout.write(f"Demo logins (password for each: {data.DEMO_PASSWORD}):")
            for role, email in data.DEMO_LOGINS:
                self.stdout.write(f"  {role:<18} {email}")

    def _school(self, spec):
        fields = {k: v for k, v in spec.items() if k not in {"key", "name"}}
        return School.objects.update_or_create(name=spec["name"], defaults={**fields, "country": "NL"})[0]

    def _company(self, spec):
        fields = {k: v for k, v in spec.items() if k not in {"key", "name"}}
        fields.update(
            accreditation_status=Company.Accreditation.ACCREDITED,
            accredited_on=timezone.localdate().replace(month=1, day=15),
        )
        return Company.objects.update_or_create(name=spec["name"], defaults=fields)[0]

    def _person(self, email, first, last):
        user, created = User.objects.get_or_create(email=email, defaults={"first_name": first, "last_name": last})
        if created:
            # Hash the shared demo password once: a PBKDF2 hash takes about a second, and there are 40 people.
            if getattr(self, "_demo_password_hash", None) is None:
                self._demo_password_hash = make_password(data.DEMO_PASSWORD)
            user.password = self._demo_password_hash
            user.save(update_fields=["password"])
        return user

    def _grant(self, user, role, *, school=None, company=None):
        Membership.objects.get_or_create(user=user, role=role, school=school, company=company)
