"""Small, dependency-free SVG bar charts for the transparency report (pure)."""

from __future__ import annotations

from html import escape

WIDTH = 640
BAR = 22
GAP = 8
LABEL = 230


def bar_chart(title: str, items: dict[str, int]) -> str:
    """A horizontal bar chart: one labelled bar per item, scaled to the largest value."""
    rows = list(items.items()) or [("(none)", 0)]
    top = max(v for _, v in rows) or 1
    height = 40 + len(rows) * (BAR + GAP)
    span = WIDTH - LABEL - 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="20" font-family="sans-serif" font-size="15" font-weight="bold">'
        f"{escape(title)}</text>",
    ]
    for i, (label, value) in enumerate(rows):
        y = 34 + i * (BAR + GAP)
        w = round(span * value / top)
        parts += [
            f'<text x="{LABEL - 8}" y="{y + BAR * 0.7:.0f}" text-anchor="end" '
            f'font-family="sans-serif" font-size="12">{escape(label)}</text>',
            f'<rect x="{LABEL}" y="{y}" width="{w}" height="{BAR}" fill="#1f3a5f"/>',
            f'<text x="{LABEL + w + 6}" y="{y + BAR * 0.7:.0f}" font-family="sans-serif" '
            f'font-size="12">{value}</text>',
        ]
    parts.append("</svg>")
    return "\n".join(parts)
