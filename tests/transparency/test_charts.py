"""Chart labels are never cut: every word of every label is drawn, on lines that fit the label
column, inside the picture."""

from __future__ import annotations

from xml.etree import ElementTree

from hypothesis import given
from hypothesis import strategies as st

from standing.policies.loader import load_policy
from standing.settings import SHIPPED_POLICIES
from standing.transparency.charts import CHAR_EM, FONT, LABEL, WIDTH, bar_chart, wrap

SVG = "{http://www.w3.org/2000/svg}"


def _labels(svg: str) -> tuple[ElementTree.Element, list[list[str]]]:
    root = ElementTree.fromstring(svg)
    texts = [t for t in root.iter(f"{SVG}text") if t.findall(f"{SVG}tspan")]
    return root, [[s.text or "" for s in t.findall(f"{SVG}tspan")] for t in texts]


def _fits(svg: str, labels: list[str]) -> None:
    root, drawn = _labels(svg)
    height = float(root.attrib["height"])
    assert root.attrib["viewBox"] == f"0 0 {WIDTH} {root.attrib['height']}"
    title, *rows = drawn
    assert len(rows) == len(labels)
    for label, lines in zip(labels, rows, strict=True):
        assert "".join(lines).replace(" ", "") == label.replace(" ", ""), (label, lines)
        for line in lines:
            assert len(line) * FONT * CHAR_EM <= LABEL - 10, line
    for line in title:
        assert len(line) * 15 * CHAR_EM <= WIDTH, line
    for text in root.iter(f"{SVG}text"):
        assert float(text.attrib["x"]) >= 0
        lines = len(text.findall(f"{SVG}tspan")) or 1
        bottom = float(text.attrib["y"]) + (lines - 1) * round(FONT * 1.25)
        assert bottom <= height, (text.attrib, height)
    for rect in root.iter(f"{SVG}rect"):
        assert float(rect.attrib["y"]) + float(rect.attrib["height"]) <= height


def test_the_shipped_rule_titles_are_drawn_whole() -> None:
    titles = [r.title for r in load_policy(SHIPPED_POLICIES).rules.values()]
    longest = max(titles, key=len)
    assert len(longest) * FONT * CHAR_EM > LABEL  # it would not fit on one line
    svg = bar_chart("Decisions by rule", dict.fromkeys(titles, 3))
    _fits(svg, titles)
    _, drawn = _labels(svg)
    assert len(drawn[titles.index(longest) + 1]) >= 2  # wrapped, not cut


def test_a_long_title_and_a_word_longer_than_a_line() -> None:
    word = "Supercalifragilisticexpialidocious-Rechtsschutzversicherungsgesellschaften"
    title = "Out-of-court disputes submitted per half-year (DSA Art. 24(1)(a)) " * 2
    _fits(bar_chart(title, {word: 1, "b": 2}), [word, "b"])
    assert wrap(word, 100)[0] == word[: int(100 / (FONT * CHAR_EM))]


@given(
    st.dictionaries(
        st.text(st.characters(codec="ascii", categories=["L", "N", "Zs"]), max_size=120),
        st.integers(0, 10_000),
        max_size=8,
    )
)
def test_any_labels_fit(items: dict[str, int]) -> None:
    labels = [" ".join(k.split()) for k in items]
    if len(set(labels)) != len(labels) or not items:
        return
    _fits(bar_chart("Figures", dict(zip(labels, items.values(), strict=True))), labels)
