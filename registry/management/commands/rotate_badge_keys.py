"""Start signing a school's Open Badges with a new key; the old public keys stay published (registry/badges/)."""

from django.core.management.base import BaseCommand, CommandError

from accounts.models import School
from registry.badges.keys import rotate_key


class Command(BaseCommand):
    help = "Rotate the Open Badges signing key of one school (--school PK) or of every school (--all)."

    def add_arguments(self, parser):
        parser.add_argument("--school", type=int, help="primary key of the school")
        parser.add_argument("--all", action="store_true", help="every school")

    def handle(self, *args, school=None, all=False, **options):  # noqa: A002
        if bool(school) == bool(all):
            raise CommandError("Give --school PK or --all.")
        schools = School.objects.order_by("pk") if all else School.objects.filter(pk=school)
        if not schools.exists():
            raise CommandError(f"No school with pk {school}.")
        for each in schools:
            key = rotate_key(each)
            self.stdout.write(f"{each.name}: signing with key {key.kid}")
