"""Survey charts as plain numbers for SVG templates (no JavaScript): a bar per answer, a bar per term."""

from django.utils.formats import number_format

WIDTH = 560
LABEL_WIDTH = 190
ROW = 20
BAR_HEIGHT = 14
TREND_HEIGHT = 150
TREND_TOP, TREND_BOTTOM, TREND_LEFT = 14, 24, 34


def distribution(counts: list[tuple[str, int]]) -> dict:
    """One horizontal bar per answer (label, count), scaled to the largest count."""
    top = max([n for _label, n in counts] or [0]) or 1
    room = WIDTH - LABEL_WIDTH - 50
    rows = []
    for index, (label, n) in enumerate(counts):
        width = round(room * n / top, 1)
        rows.append(
            {
                "label": label,
                "count": n,
                "y": index * ROW,
                "text_y": index * ROW + BAR_HEIGHT - 3,
                "x": LABEL_WIDTH,
                "width": max(width, 1.0 if n else 0.0),
                "count_x": LABEL_WIDTH + width + 6,
            }
        )
    return {"width": WIDTH, "height": max(ROW, len(counts) * ROW), "rows": rows, "label_x": LABEL_WIDTH - 8}


def trend(points: list[tuple[str, float | None, int]]) -> dict:
    """One vertical bar per term on a 0–10 scale; a hidden term (too few responses) has no bar."""
    plot_height = TREND_HEIGHT - TREND_TOP - TREND_BOTTOM
    slot = (WIDTH - TREND_LEFT - 10) / max(1, len(points))
    bars = []
    for index, (term, score, n) in enumerate(points):
        x = TREND_LEFT + index * slot + slot * 0.2
        height = 0.0 if score is None else plot_height * score / 10
        bars.append(
            {
                "term": term,
                "score": None if score is None else number_format(score, decimal_pos=1),
                "responses": n,
                "x": round(x, 1),
                "width": round(slot * 0.6, 1),
                "y": round(TREND_TOP + plot_height - height, 1),
                "height": round(height, 1),
                "label_x": round(x + slot * 0.3, 1),
                "value_y": round(TREND_TOP + plot_height - height - 3, 1),
            }
        )
    gridlines = [
        {"value": value, "y": round(TREND_TOP + plot_height - plot_height * value / 10, 1)} for value in (0, 5, 10)
    ]
    return {
        "width": WIDTH,
        "height": TREND_HEIGHT,
        "bars": bars,
        "gridlines": gridlines,
        "left": TREND_LEFT,
        "right": WIDTH - 10,
        "label_y": TREND_HEIGHT - 6,
    }
