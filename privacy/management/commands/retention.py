"""`manage.py retention --dry-run`: what the daily retention job would remove, per school; without --dry-run it
removes it now, for the schools that switched retention on (or the one named with --school)."""

from django.core.management.base import BaseCommand, CommandError

from accounts.models import School
from privacy import retention


class Command(BaseCommand):
    help = "Anonymise the personal data of ended placements past their school's retention periods."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only report what would be removed.")
        parser.add_argument("--school", type=int, help="Only this school (its id).")

    def handle(self, *args, dry_run=False, school=None, **options):
        schools = School.objects.order_by("pk") if dry_run else retention.schools_to_run()
        if school is not None:
            schools = schools.filter(pk=school)
            if not schools.exists():
                raise CommandError(f"No school {school} (or retention is not switched on there).")
        for each in schools:
            if dry_run:
                found = retention.plan(each)
                self.stdout.write(
                    f"{each.name}: coaching content of {len(found.coaching)} placement(s), personal data of "
                    f"{len(found.personal)} placement(s) would be removed; {len(found.waiting)} waiting."
                )
                for placement in found.coaching + found.personal:
                    self.stdout.write(f"  placement {placement.pk}, ended {placement.ended:%Y-%m-%d}")
            else:
                done = retention.apply(each)
                self.stdout.write(f"{each.name}: {done.coaching} coaching, {done.personal} personal removed.")
