"""The overview's charts as plain numbers for SVG templates (templates/oversight/charts/): no JavaScript.

Five fixed queries, whatever the number of placements: placements by health over time (the daily snapshots of
the reader's schools), by programme and by host company (the filtered placements), hours logged against hours
expected per programme, and tripartite meetings held per month. Every chart has a table with the same figures.
"""

from datetime import date, timedelta

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format

from meetings.models import Meeting
from mentoring.progress.charts import monthly_bar_chart, months_between

from ..models import HealthLevel, HealthSnapshot

WIDTH = 640
LABEL_WIDTH = 180
ROW_HEIGHT, ROW_GAP = 18, 8
TOP_ROWS = 12
WEEKS = 12
COLUMN_HEIGHT = 160
LEVELS = [level for level, _label in HealthLevel.choices]


def _scale(value: float) -> float:
    """A round top for the scale, just above `value`."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000):
        if value <= step * 4:
            return step * 4
    return float(value)


def stacked_rows(rows: list[tuple[str, list[int]]]) -> dict:
    """Horizontal bars, one per row, stacked by level (on track, attention, at risk), on one shared scale."""
    top = _scale(max([sum(values) for _label, values in rows] or [1]) or 1)
    plot = WIDTH - LABEL_WIDTH - 40
    bars = []
    for index, (label, values) in enumerate(rows):
        y, x, parts = index * (ROW_HEIGHT + ROW_GAP), LABEL_WIDTH, []
        for level, value in zip(LEVELS, values, strict=True):
            width = plot * value / top
            parts.append({"level": level, "x": round(x, 1), "width": round(width, 1), "value": value})
            x += width
        bars.append({"label": label, "y": y, "text_y": y + ROW_HEIGHT - 5, "parts": parts, "total": sum(values),
                     "total_x": round(x + 4, 1), "values": values})  # fmt: skip
    return {"width": WIDTH, "height": max(1, len(rows)) * (ROW_HEIGHT + ROW_GAP), "rows": bars,
            "row_height": ROW_HEIGHT, "label_x": LABEL_WIDTH - 6}  # fmt: skip


def paired_rows(rows: list[tuple[str, int, int]]) -> dict:
    """Per row a thin bar of the hours expected and over it a thick bar of the hours logged, on one scale."""
    top = _scale(max([max(logged, expected) for _label, logged, expected in rows] or [1]) or 1)
    plot = WIDTH - LABEL_WIDTH - 60
    bars = []
    for index, (label, logged, expected) in enumerate(rows):
        y = index * (ROW_HEIGHT + ROW_GAP)
        bars.append({
            "label": label, "y": y, "text_y": y + ROW_HEIGHT - 5, "logged": logged, "expected": expected,
            "logged_width": round(plot * logged / top, 1), "expected_width": round(plot * expected / top, 1),
            "expected_y": y + ROW_HEIGHT / 2 - 2,
            "value_x": round(LABEL_WIDTH + plot * max(logged, expected) / top + 4, 1),
            "percent": round(100 * logged / expected) if expected else None,
        })  # fmt: skip
    return {"width": WIDTH, "height": max(1, len(rows)) * (ROW_HEIGHT + ROW_GAP), "rows": bars,
            "row_height": ROW_HEIGHT, "label_x": LABEL_WIDTH - 6, "left": LABEL_WIDTH}  # fmt: skip


def stacked_columns(columns: list[tuple[date, list[int]]]) -> dict:
    """Vertical bars, one per week, stacked by level."""
    left, bottom, top_margin = 44, 24, 8
    top = _scale(max([sum(values) for _day, values in columns] or [1]) or 1)
    plot_height = COLUMN_HEIGHT - bottom - top_margin
    slot = (WIDTH - left - 8) / max(1, len(columns))
    bars = []
    for index, (day, values) in enumerate(columns):
        x, y, parts = left + index * slot + slot * 0.2, top_margin + plot_height, []
        for level, value in zip(LEVELS, values, strict=True):
            height = plot_height * value / top
            y -= height
            parts.append({"level": level, "y": round(y, 1), "height": round(height, 1), "value": value})
        bars.append({"day": day, "text": date_format(day, "j M"), "x": round(x, 1), "width": round(slot * 0.6, 1),
                     "parts": parts, "label_x": round(x + slot * 0.3, 1), "values": values})  # fmt: skip
    gridlines = [{"y": round(top_margin + plot_height * (1 - step / 4), 1), "value": int(top * step / 4)}
                 for step in range(5)]  # fmt: skip
    return {"width": WIDTH, "height": COLUMN_HEIGHT, "columns": bars, "gridlines": gridlines, "left": left,
            "right": WIDTH - 8, "label_y": COLUMN_HEIGHT - 8}  # fmt: skip


def _by_level(rows, name: str) -> list[tuple[str, list[int]]]:
    counts = {f"n{level}": Count("pk", filter=Q(level=level)) for level in LEVELS}
    grouped = (
        rows.order_by()
        .values(label=F(name))
        .annotate(**counts, need=Count("pk", filter=Q(level__gt=HealthLevel.ON_TRACK)), total=Count("pk"))
        .order_by("-need", "-total", "label")[:TOP_ROWS]
    )
    return [(row["label"], [row[f"n{level}"] for level in LEVELS]) for row in grouped]


def over_time(school_ids, today: date) -> list[tuple[date, list[int]]]:
    """The last snapshot of each of the last WEEKS weeks, summed over the schools."""
    since = today - timedelta(weeks=WEEKS)
    daily = (
        HealthSnapshot.objects.filter(school_id__in=school_ids, date__gt=since)
        .values("date")
        .annotate(on=Sum("on_track"), attention=Sum("attention"), risk=Sum("at_risk"))
        .order_by("date")
    )
    weekly: dict[tuple, tuple] = {}
    for row in daily:  # later days overwrite earlier ones of the same week
        weekly[row["date"].isocalendar()[:2]] = (row["date"], [row["on"], row["attention"], row["risk"]])
    return list(weekly.values())


def hours_by_programme(rows) -> list[tuple[str, int, int]]:
    grouped = (
        rows.order_by()
        .values(label=F("placement__programme__name"))
        .annotate(logged=Sum("logged_minutes"), expected=Sum("expected_minutes"))
        .order_by("-expected", "label")[:TOP_ROWS]
    )
    return [(row["label"], (row["logged"] or 0) // 60, (row["expected"] or 0) // 60) for row in grouped]


def meetings_per_month(rows, today: date) -> tuple[list[date], dict[date, int]]:
    start = date(today.year - 1, today.month, 1) + timedelta(days=31)  # eleven months back: twelve with this one
    months = months_between(date(start.year, start.month, 1), today)
    held = (
        Meeting.objects.filter(placement__in=rows.values("placement_id"), starts_at__lte=timezone.now())
        .exclude(status=Meeting.Status.CANCELLED)
        .filter(starts_at__date__gte=months[0])
        .annotate(month=TruncMonth("starts_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    values = {}
    for row in held:
        month = row["month"]
        month = month.date() if hasattr(month, "date") else month
        values[date(month.year, month.month, 1)] = values.get(date(month.year, month.month, 1), 0) + row["n"]
    return months, values


def overview_charts(rows, school_ids, *, today: date) -> dict:
    months, meetings = meetings_per_month(rows, today)
    meetings_chart = monthly_bar_chart(months, meetings)
    for label in meetings_chart["labels"]:
        label["text"] = date_format(label["month"], "M")
    return {
        "over_time": stacked_columns(over_time(school_ids, today)),
        "by_programme": stacked_rows(_by_level(rows, "placement__programme__name")),
        "by_company": stacked_rows(_by_level(rows, "placement__company__name")),
        "hours": paired_rows(hours_by_programme(rows)),
        "meetings": meetings_chart,
        "meeting_months": [(month, meetings.get(month, 0)) for month in months],
    }
