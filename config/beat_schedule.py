"""Celery beat: what runs on a clock. Every entry only queues or scans; the outbox (core/outbox/) does the sending,
so a beat that misses a tick loses nothing."""

from datetime import timedelta

from celery.schedules import crontab

CELERY_BEAT_SCHEDULE = {
    # What the broker never got (it was down) or a worker did not finish: the outbox relay runs it again.
    "relay-outbox": {
        "task": "core.outbox.relay_due",
        "schedule": timedelta(minutes=1),
        "options": {"expires": 50},
    },
    "scan-meeting-reminders": {
        "task": "meetings.tasks.scan_reminders",
        "schedule": timedelta(minutes=5),
        # A scan that waited too long is dropped; the next one catches up anyway.
        "options": {"expires": 240},
    },
    "send-expiry-reminders": {
        "task": "registry.tasks_certificates.send_expiry_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    # Uploaded import files never imported (or long imported) are removed; the imports' records stay.
    "clean-up-import-uploads": {
        "task": "placements.imports.queue_upload_cleanup",
        "schedule": crontab(hour=3, minute=30),
    },
    # Pending signatures are reminded every ASSESSMENT_SIGNATURE_REMINDER_DAYS; a daily morning run is enough.
    "send-assessment-signature-reminders": {
        "task": "assessments.tasks_signatures.send_signature_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    # The parties that have not signed a placement agreement yet, on the same rhythm.
    "send-agreement-signature-reminders": {
        "task": "assessments.tasks_agreements.send_agreement_signature_reminders",
        "schedule": crontab(hour=8, minute=5),
    },
    # Survey invitations and their one reminder (feedback/distribution/scan.py); the scan sends each once.
    "scan-surveys": {
        "task": "feedback.tasks.scan_surveys",
        "schedule": crontab(hour=6, minute=30),
    },
    # Placement health (oversight/health): the placements that writes marked stale, every minute (one pass for
    # all of them), and hourly every placement, for what only time changes, with today's count for the chart.
    "refresh-stale-placement-health": {
        "task": "oversight.health.refresh_stale",
        "schedule": timedelta(minutes=1),
        "options": {"expires": 50},
    },
    "refresh-placement-health": {
        "task": "oversight.health.refresh_all",
        "schedule": crontab(minute=17),
        "options": {"expires": 3000},
    },
    # Retention (privacy/retention.py): each school that switched it on, once a day through the outbox.
    "queue-retention": {
        "task": "privacy.tasks.queue_retention",
        "schedule": crontab(hour=2, minute=45),
    },
    # The weekly digest to coordinators and school supervisors (oversight/digest): queued on Monday morning, sent
    # once per person per ISO week however often it runs.
    "queue-weekly-digest": {
        "task": "oversight.digest.queue_weekly",
        "schedule": crontab(day_of_week=1, hour=7, minute=30),
    },
}
