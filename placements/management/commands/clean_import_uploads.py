from django.core.management.base import BaseCommand

from placements.imports.cleanup import clean_up_uploads, result_file_days, upload_days


class Command(BaseCommand):
    help = (
        "Remove the uploaded files of imports never imported after IMPORT_UPLOAD_DAYS days, and of imported ones "
        "after IMPORT_RESULT_FILE_DAYS days. The imports' records and row outcomes stay. Safe to run at any time."
    )

    def handle(self, *args, **options):
        cleaned = clean_up_uploads()
        self.stdout.write(
            self.style.SUCCESS(
                f"Import files removed: {cleaned.never_applied} never imported (older than {upload_days()} days), "
                f"{cleaned.applied} imported (older than {result_file_days()} days)."
            )
        )
