"""A line chart as plain numbers for an SVG template: one line per series over evenly spaced points.

No JavaScript and no inline styles (CSP): the template draws with SVG attributes. Colours are told apart
by hue and, after the first eight series, by a dash pattern as well; the page shows the same figures as a
table for whoever cannot read the chart.

Competencies often share an average, so series would hide one another. Each series therefore has its own
marker shape (circle, square, triangle, diamond, ...; hollow after the first round of shapes) and sits a few
pixels left or right of its neighbours at every x label: points with the same value stand side by side.
"""

from dataclasses import dataclass

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 112, 16, 14, 40
COLOURS = ("#17496b", "#c77c02", "#146c43", "#a52834", "#6f42c1", "#0d6efd", "#5c636a", "#d63384")
DASHES = ("", "6 3", "2 3")
SHAPES = ("circle", "square", "triangle", "diamond", "triangle-down")
MARKER_RADIUS = 4.0
LEGEND_RADIUS = 3.5
MAX_DODGE = 9.0  # px between neighbouring series at one x label: a marker is about 8 px wide


@dataclass
class Point:
    x: float
    y: float
    value: float
    index: int
    marker: str = ""  # SVG path data of the series' marker shape around (x, y)


@dataclass
class Series:
    label: str
    colour: str
    dash: str
    points: list[Point]
    segments: list[str]  # "x,y x,y ..." per unbroken run; a gap where a point has no value
    shape: str = "circle"
    hollow: bool = False
    legend_marker: str = ""  # the same shape, for the 22 × 10 legend swatch


def _style(number: int) -> tuple[str, str]:
    return COLOURS[number % len(COLOURS)], DASHES[(number // len(COLOURS)) % len(DASHES)]


def _marker_style(number: int) -> tuple[str, bool]:
    """A shape per series; after every shape has been used once, the shapes come back hollow."""
    return SHAPES[number % len(SHAPES)], (number // len(SHAPES)) % 2 == 1


def marker_path(shape: str, x: float, y: float, r: float = MARKER_RADIUS) -> str:
    """SVG path data for a marker of about the same visual size whatever its shape."""

    def n(value: float) -> str:
        return f"{round(value, 1):g}"

    if shape == "square":
        h = r * 0.85
        return f"M{n(x - h)},{n(y - h)}H{n(x + h)}V{n(y + h)}H{n(x - h)}Z"
    if shape == "triangle":
        return f"M{n(x)},{n(y - r * 1.15)}L{n(x + r)},{n(y + r * 0.75)}L{n(x - r)},{n(y + r * 0.75)}Z"
    if shape == "triangle-down":
        return f"M{n(x)},{n(y + r * 1.15)}L{n(x + r)},{n(y - r * 0.75)}L{n(x - r)},{n(y - r * 0.75)}Z"
    if shape == "diamond":
        d = r * 1.2
        return f"M{n(x)},{n(y - d)}L{n(x + d)},{n(y)}L{n(x)},{n(y + d)}L{n(x - d)},{n(y)}Z"
    return f"M{n(x - r)},{n(y)}A{n(r)},{n(r)} 0 1,0 {n(x + r)},{n(y)}A{n(r)},{n(r)} 0 1,0 {n(x - r)},{n(y)}Z"


def line_chart(labels: list, series: list[tuple[str, list[float | None]]], scale: list[tuple[int, str]]) -> dict:
    """Geometry for one point per x label (say, a date), each series a (label, values) pair, y on the scale.

    `scale` lists (value, words) from the lowest level up; the gridlines are the levels, named in words.
    """
    values = [value for value, _words in scale] or [0, 1]
    low, high = min(values), max(values)
    span = (high - low) or 1
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_width / max(1, len(labels))

    # Series side by side around each x label, within the middle 60% of its slot.
    count = len(series)
    dodge = min(MAX_DODGE, step * 0.6 / (count - 1)) if count > 1 else 0.0

    def x_of(index: int, number: int | None = None) -> float:
        offset = 0.0 if number is None else (number - (count - 1) / 2) * dodge
        return round(LEFT + step * index + step / 2 + offset, 1)

    def y_of(value: float) -> float:
        return round(TOP + plot_height - plot_height * (value - low) / span, 1)

    drawn = []
    for number, (label, points) in enumerate(series):
        colour, dash = _style(number)
        shape, hollow = _marker_style(number)
        placed, segments, run = [], [], []
        for index, value in enumerate(points):
            if value is None:
                if run:
                    segments.append(" ".join(run))
                run = []
                continue
            x, y = x_of(index, number), y_of(value)
            point = Point(x, y, round(value, 1), index, marker_path(shape, x, y))
            placed.append(point)
            run.append(f"{point.x},{point.y}")
        if run:
            segments.append(" ".join(run))
        drawn.append(
            Series(
                label,
                colour,
                dash,
                placed,
                [segment for segment in segments if " " in segment],
                shape=shape,
                hollow=hollow,
                legend_marker=marker_path(shape, 11, 5, LEGEND_RADIUS),
            )
        )
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
