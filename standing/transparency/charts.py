"""Small, dependency-free SVG bar charts for the transparency report (pure).

Labels are never cut: each is wrapped into lines that fit the label column (at a character
width that errs wide), a word longer than a line is broken, and each row is as tall as its
label. Labels start at the left edge, so a font wider than reckoned runs towards the bar,
never off the picture."""

from __future__ import annotations

from html import escape

WIDTH = 640
BAR = 22
GAP = 10
LABEL = 270  # the label column, left of the bars
FONT = 12
LINE = 15  # the height of one label line
TITLE_FONT = 15
#: The width reckoned for one character, as a share of the font size (sans-serif averages
#: about 0.5; this errs wide, so that a line fits).
CHAR_EM = 0.62


def wrap(text: str, width_px: float, font_px: float = FONT) -> list[str]:
    """``text`` in lines of at most ``width_px`` at ``font_px``; words kept whole unless one
    alone is longer than a line."""
    per_line = max(int(width_px / (font_px * CHAR_EM)), 1)
    lines: list[str] = []
    current = ""
    for word in text.split() or [""]:
        while len(word) > per_line:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:per_line])
            word = word[per_line:]
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= per_line:
            current = candidate
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines


def _text(x: float, y: float, lines: list[str], size: int, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    spans = "".join(
        f'<tspan x="{x:.0f}" dy="{0 if i == 0 else round(size * 1.25)}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<text x="{x:.0f}" y="{y:.0f}" font-family="sans-serif" font-size="{size}"{weight}>'
        f"{spans}</text>"
    )


def bar_chart(title: str, items: dict[str, int]) -> str:
    """A horizontal bar chart: one labelled bar per item, scaled to the largest value."""
    rows = list(items.items()) or [("(none)", 0)]
    top = max(v for _, v in rows) or 1
    span = WIDTH - LABEL - 60
    title_lines = wrap(title, WIDTH, TITLE_FONT)
    y = 4 + len(title_lines) * round(TITLE_FONT * 1.25) + 10
    body: list[str] = []
    for label, value in rows:
        lines = wrap(label, LABEL - 10)
        height = max(BAR, len(lines) * LINE)
        # the label's lines centred on the row, the bar centred too
        text_top = y + (height - len(lines) * LINE) / 2 + FONT
        bar_top = y + (height - BAR) / 2
        w = round(span * value / top)
        body += [
            _text(0, text_top, lines, FONT),
            f'<rect x="{LABEL}" y="{bar_top:.0f}" width="{w}" height="{BAR}" fill="#1f3a5f"/>',
            f'<text x="{LABEL + w + 6}" y="{bar_top + BAR * 0.7:.0f}" font-family="sans-serif" '
            f'font-size="{FONT}">{value}</text>',
        ]
        y += height + GAP
    height = round(y + 4)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        _text(0, 4 + TITLE_FONT, title_lines, TITLE_FONT, bold=True),
        *body,
        "</svg>",
    ]
    return "\n".join(parts)
