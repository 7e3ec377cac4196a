"""A line chart as plain numbers for an SVG template: one line per series over evenly spaced points.

No JavaScript and no inline styles (CSP): the template draws with SVG attributes. Colours are told apart
by hue and, after the first eight series, by a dash pattern as well; the page shows the same figures as a
table for whoever cannot read the chart.
"""

from dataclasses import dataclass

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 112, 16, 14, 40
COLOURS = ("#17496b", "#c77c02", "#146c43", "#a52834", "#6f42c1", "#0d6efd", "#5c636a", "#d63384")
DASHES = ("", "6 3", "2 3")


@dataclass
class Point:
    x: float
    y: float
    value: float
    index: int


@dataclass
class Series:
    label: str
    colour: str
    dash: str
    points: list[Point]
    segments: list[str]  # "x,y x,y ..." per unbroken run; a gap where a point has no value


def _style(number: int) -> tuple[str, str]:
    return COLOURS[number % len(COLOURS)], DASHES[(number // len(COLOURS)) % len(DASHES)]


def line_chart(labels: list, series: list[tuple[str, list[float | None]]], scale: list[tuple[int, str]]) -> dict:
    """Geometry for one point per x label (say, a date), each series a (label, values) pair, y on the scale.

    `scale` lists (value, words) from the lowest level up; the gridlines are the levels, named in words.
    """
    values = [value for value, _words in scale] or [0, 1]
    low, high = min(values), max(values)
    span = (high - low) or 1
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_width / max(1, len(labels))

    def x_of(index: int) -> float:
        return round(LEFT + step * index + step / 2, 1)

    def y_of(value: float) -> float:
        return round(TOP + plot_height - plot_height * (value - low) / span, 1)

    drawn = []
    for number, (label, points) in enumerate(series):
        colour, dash = _style(number)
        placed, segments, run = [], [], []
        for index, value in enumerate(points):
            if value is None:
                if run:
                    segments.append(" ".join(run))
                run = []
                continue
            point = Point(x_of(index), y_of(value), round(value, 1), index)
            placed.append(point)
            run.append(f"{point.x},{point.y}")
        if run:
            segments.append(" ".join(run))
        drawn.append(Series(label, colour, dash, placed, [segment for segment in segments if " " in segment]))
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "series": drawn,
        "gridlines": [{"y": y_of(value), "words": words} for value, words in scale],
        "ticks": [{"x": x_of(index), "label": label} for index, label in enumerate(labels)],
        "label_y": HEIGHT - BOTTOM + 18,
    }
