"""Monthly bar charts as plain numbers for an SVG template: no JavaScript, no inline styles.

Coached hours (a few per month) and approved placement hours (dozens per month) differ by an order of
magnitude, so each series gets its own small chart on its own scale rather than sharing one axis, where
1.5 coached hours next to 52 approved hours would be a bar of a pixel or two. Every bar also carries its
value as a label, and a bar for a value above zero is never drawn lower than MIN_BAR pixels.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.formats import number_format

WIDTH, HEIGHT = 640, 160
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 18, 30
MIN_BAR = 3.0
STEPS = (0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: float
    series: int
    label: str = ""  # the value as text, in the page's language; empty for zero
    label_x: float = 0.0
    label_y: float = 0.0


def months_between(first: date, last: date) -> list[date]:
    months, current = [], date(first.year, first.month, 1)
    while current <= last:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def _nice_ceiling(value: float) -> float:
    """The top of the scale: four gridline steps of a round size, just above `value`."""
    for step in STEPS:
        if value <= step * 4:
            return step * 4
    return float(int(value) + 1)


def _number(value: float) -> str:
    return number_format(value, decimal_pos=0 if float(value).is_integer() else 1)


def monthly_bar_chart(months: list[date], values: dict[date, float], *, series: int = 0) -> dict:
    """Geometry for one bar per month on a scale of its own, with five gridlines (0 and four steps)."""
    scale_max = _nice_ceiling(max([0.0, *values.values()]) or 1.0)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / max(1, len(months))
    bar_width = min(32.0, slot * 0.6)
    bars, labels = [], []
    for index, month in enumerate(months):
        value = values.get(month, 0) or 0
        height = plot_height * value / scale_max
        if value > 0:
            height = max(height, MIN_BAR)
        x = LEFT + index * slot + (slot - bar_width) / 2
        y = TOP + plot_height - height
        bars.append(
            Bar(
                round(x, 1),
                round(y, 1),
                round(bar_width, 1),
                round(height, 1),
                value,
                series,
                label=_number(value) if value > 0 else "",
                label_x=round(x + bar_width / 2, 1),
                label_y=round(y - 4, 1),
            )
        )
        labels.append({"x": round(LEFT + index * slot + slot / 2, 1), "month": month})
    gridlines = [
        {"y": round(TOP + plot_height - plot_height * step / 4, 1), "value": _number(scale_max * step / 4)}
        for step in range(0, 5)
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "series": series,
        "bars": bars,
        "labels": labels,
        "gridlines": gridlines,
        "scale_max": scale_max,
        "label_y": HEIGHT - BOTTOM + 16,
        "left": LEFT,
        "right": WIDTH - RIGHT,
    }


def monthly_bar_charts(months: list[date], series: list[dict[date, float]]) -> list[dict]:
    """One small chart per series, each on its own scale, in the order of `series`."""
    return [monthly_bar_chart(months, values, series=number) for number, values in enumerate(series)]
