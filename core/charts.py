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
    """Horizontal bars for (label, value) pairs; values of None are drawn as no bar."""
    values = [float(value) for _, value in items if value is not None]
    largest = max(values, default=0) or 1
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
) -> dict:
    """A small trend line over (period label, value) pairs, with an optional target line left to the caller."""
    values = [float(value) for _, value in points if value is not None]
    if not values:
        return {"points": "", "dots": [], "width": width, "height": height}
    low, high = min(values), max(values)
    spread = (high - low) or 1
    step = (width - 2 * padding) / max(len(points) - 1, 1)
    dots = []
    for index, (label, value) in enumerate(points):
        if value is None:
            continue
        x = padding + index * step
        y = height - padding - (float(value) - low) / spread * (height - 2 * padding)
        dots.append({"x": round(x, 1), "y": round(y, 1), "label": label, "value": value})
    return {
        "points": " ".join(f"{dot['x']},{dot['y']}" for dot in dots),
        "dots": dots,
        "width": width,
        "height": height,
        "low": low,
        "high": high,
        "first_label": points[0][0],
        "last_label": points[-1][0],
    }
