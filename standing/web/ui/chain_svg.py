"""The ownership chain drawn as inline SVG, on the server: boxes for the parties and accounts
(the decision's subject and the appellant's own marked in words as well as by outline), lines
from owner to held with the share written on each. Readable without JavaScript, with a title,
a description of every edge in words, and text labels."""

from __future__ import annotations

from markupsafe import Markup, escape

from standing.graph.chain import Chain, ChainNode, share_text

BOX_W, BOX_H = 200, 48
GAP_X, GAP_Y = 28, 56
PAD = 12
#: The characters of a label that fit in a box; the whole name is in the box's title.
LABEL_CHARS = 28
ROLE_WORDS = {"subject": "subject of the decision", "appellant": "appellant's", "between": ""}


def _short(text: str, chars: int = LABEL_CHARS) -> str:
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def _box(node: ChainNode) -> tuple[float, float]:
    return PAD + node.column * (BOX_W + GAP_X), PAD + node.layer * (BOX_H + GAP_Y)


def chain_svg(chain: Chain, title: str, element_id: str = "chain") -> Markup:
    """The chain as an ``<svg>`` element, sized to fit every box."""
    width = 2 * PAD + max(1, chain.widest) * (BOX_W + GAP_X) + 40  # room for a routed line
    height = 2 * PAD + max(1, chain.layers) * (BOX_H + GAP_Y) - GAP_Y
    words = " ".join(chain.sentences()) or "No ownership links to draw."
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chain" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{element_id}-title {element_id}-desc">',
        f'<title id="{element_id}-title">{escape(title)}</title>',
        f'<desc id="{element_id}-desc">{escape(words)}</desc>',
        f'<defs><marker id="{element_id}-arrow" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="8" markerHeight="8" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z" fill="#444"/></marker></defs>',
    ]
    where = {n.id: _box(n) for n in chain.nodes}
    for edge in chain.edges:
        if edge.owner not in where or edge.held not in where:
            continue
        (x1, y1), (x2, y2) = where[edge.owner], where[edge.held]
        ax, ay = x1 + BOX_W / 2, y1 + BOX_H
        bx, by = x2 + BOX_W / 2, y2
        dashed = ' stroke-dasharray="4 3"' if edge.share is None else ""
        if by - ay > GAP_Y + 1:
            # past a layer: along the gap right of the boxes, not through them
            held, owner = chain.node(edge.held), chain.node(edge.owner)
            gx = PAD + (max(held.column, owner.column) + 1) * (BOX_W + GAP_X) - GAP_X / 2
            points = [(ax, ay), (gx, ay + GAP_Y / 2), (gx, by - GAP_Y / 2), (bx, by)]
            mx, my = gx, (ay + by) / 2
        else:
            points = [(ax, ay), (bx, by)]
            mx, my = (ax + bx) / 2, (ay + by) / 2
        drawn = " ".join(f"{x:.0f},{y:.0f}" for x, y in points)
        parts.append(
            f'<polyline points="{drawn}" fill="none" stroke="#444" stroke-width="1.5" '
            f'marker-end="url(#{element_id}-arrow)"{dashed}/>'
        )
        if edge.share is not None:
            parts.append(
                f'<text class="share" x="{mx + 4:.0f}" y="{my + 4:.0f}" font-size="13" '
                f'fill="#111" stroke="#fff" stroke-width="3" paint-order="stroke">'
                f"{escape(share_text(edge.share))}</text>"
            )
    for node in chain.nodes:
        x, y = where[node.id]
        role = ROLE_WORDS[node.role]
        kind = "account" if node.kind == "account" else "party"
        stroke = {"subject": "#8a1c1c", "appellant": "#1c4f8a"}.get(node.role, "#555")
        width_px = 3 if node.role != "between" else 1
        dash = ' stroke-dasharray="5 3"' if node.kind == "account" else ""
        caption = f"{node.label} ({kind}{', ' + role if role else ''})"
        parts.append(
            f'<g class="node {escape(node.role)}"><title>{escape(caption)}</title>'
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="6" '
            f'fill="#fff" stroke="{stroke}" stroke-width="{width_px}"'
            f"{dash}/>"
            f'<text x="{x + 8:.0f}" y="{y + 20:.0f}" font-size="14" fill="#111">'
            f"{escape(_short(node.label))}</text>"
            f'<text x="{x + 8:.0f}" y="{y + 38:.0f}" font-size="11" fill="#333">'
            f"{escape(kind + (': ' + role if role else ''))}</text></g>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text above is escaped
