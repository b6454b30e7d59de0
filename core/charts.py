"""Accessible SVG charts drawn on the server: each has a title, a text description and sits beside a table of its data."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float


def bar_chart(
    items: list[tuple[str, float | int | Decimal | None]],
    *,
    width: int = 640,
    bar_height: int = 24,
    label_width: int = 220,
) -> dict:
    """Horizontal bars for (label, value) pairs; values of None, and of 0 or less, are drawn as no bar."""
    values = [float(value) for _, value in items if value is not None]
    largest = max(values, default=0)
    largest = largest if largest > 0 else 1
    plot_width = width - label_width - 60
    bars = []
    for index, (label, value) in enumerate(items):
        length = 0 if value is None else plot_width * float(value) / largest
        bars.append(
            Bar(
                label=label,
                value=value,
                x=label_width,
                y=index * (bar_height + 8) + 8,
                width=max(length, 0),
                height=bar_height,
            )
        )
    return {
        "bars": bars,
        "width": width,
        "height": len(items) * (bar_height + 8) + 16,
        "label_width": label_width,
    }


def line_chart(
    points: list[tuple[str, float | int | Decimal | None]],
    *,
    width: int = 320,
    height: int = 120,
    padding: int = 24,
    levels: list[tuple[str, float]] = (),
    label_width: int = 0,
    marks: list[tuple[str, float]] = (),
) -> dict:
    """A small trend line over (period label, value) pairs, with an optional target line left to the caller.

    `levels` fixes the scale to labelled reference lines (an ordinal scale such as Ofsted's grades),
    drawn across the chart with their labels in a margin `label_width` wide. `marks` are
    (label, position) pairs drawn as labelled vertical lines, the position counted in points
    (0 the first, 1.5 halfway between the second and third): the dates of an action, say.
    """
    values = [float(value) for _, value in points if value is not None]
    if not values:
        return {"points": "", "dots": [], "levels": [], "width": width, "height": height}
    scale = [float(value) for _, value in levels] or values
    low, high = min(scale), max(scale)
    spread = (high - low) or 1
    left = padding + label_width
    step = (width - left - padding) / max(len(points) - 1, 1)

    def y_of(value: float) -> float:
        return round(height - padding - (value - low) / spread * (height - 2 * padding), 1)

    dots = []
    for index, (label, value) in enumerate(points):
        if value is None:
            continue
        x = left + index * step
        dots.append({"x": round(x, 1), "y": y_of(float(value)), "label": label, "value": value})
    return {
        "points": " ".join(f"{dot['x']},{dot['y']}" for dot in dots),
        "dots": dots,
        "levels": [{"label": label, "y": y_of(float(value))} for label, value in levels],
        "marks": [
            {"label": label, "x": round(left + position * step, 1), "y": 12 + 14 * index}
            for index, (label, position) in enumerate(marks)
        ],
        "label_width": label_width,
        "left": left,
        "width": width,
        "height": height,
        "low": low,
        "high": high,
        "first_label": points[0][0],
        "last_label": points[-1][0],
    }


@dataclass(frozen=True)
class Segment:
    series: int
    value: int
    x: float
    width: float
    fill: str
    light_text: bool


def stacked_bar_chart(
    rows: list[tuple[str, tuple[int, ...]]],
    *,
    series: list[tuple[str, str, bool]],
    width: int = 640,
    bar_height: int = 24,
    label_width: int = 200,
) -> dict:
    """Horizontal bars each split into its parts as shares of the row's total (a 100% stacked bar),
    for rows of (label, counts per series); `series` gives each part's (label, fill, whether its
    count is written in white), drawn in a legend above. A count is written inside its part where
    the part is wide enough."""
    plot_width = width - label_width - 16
    legend_height = 32
    bars = []
    for index, (label, counts) in enumerate(rows):
        total = sum(counts)
        x = float(label_width)
        segments = []
        for number, (count, (_, fill, light)) in enumerate(zip(counts, series, strict=True)):
            length = plot_width * count / total if total else 0
            if length:
                segments.append(Segment(number, count, round(x, 1), round(length, 1), fill, light))
            x += length
        bars.append(
            {
                "label": label,
                "total": total,
                "y": legend_height + index * (bar_height + 8),
                "segments": segments,
            }
        )
    step = plot_width / max(len(series), 1)
    return {
        "bars": bars,
        "legend": [
            {"label": name, "fill": fill, "x": round(label_width + number * step, 1)}
            for number, (name, fill, _) in enumerate(series)
        ],
        "width": width,
        "height": legend_height + len(rows) * (bar_height + 8) + 8,
        "label_width": label_width,
        "bar_height": bar_height,
        "min_text_width": 24,
    }
