"""A grouped monthly bar chart as plain numbers for an SVG template: no JavaScript, no inline styles."""

from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 36


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: float
    series: int


def months_between(first: date, last: date) -> list[date]:
    months, current = [], date(first.year, first.month, 1)
    while current <= last:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def _nice_ceiling(value: float) -> int:
    for step in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if value <= step * 4:
            return step * 4
    return int(value) + 1


def monthly_bar_chart(months: list[date], series: list[dict[date, float]]) -> dict:
    """Geometry for bars of each series per month, with four gridlines on a rounded scale."""
    top_value = max([1.0, *(value for values in series for value in values.values())])
    scale_max = _nice_ceiling(top_value)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / max(1, len(months))
    bar_width = min(24.0, slot * 0.8 / max(1, len(series)))
    bars, labels = [], []
    for index, month in enumerate(months):
        group_left = LEFT + index * slot + (slot - bar_width * len(series)) / 2
        for number, values in enumerate(series):
            value = values.get(month, 0)
            height = plot_height * value / scale_max
            bars.append(
                Bar(group_left + number * bar_width, TOP + plot_height - height, bar_width, height, value, number)
            )
        labels.append({"x": LEFT + index * slot + slot / 2, "month": month})
    gridlines = [
        {"y": TOP + plot_height - plot_height * step / 4, "value": scale_max * step // 4} for step in range(0, 5)
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "bars": bars,
        "labels": labels,
        "gridlines": gridlines,
        "label_y": HEIGHT - BOTTOM + 16,
        "left": LEFT,
        "right": WIDTH - RIGHT,
    }
