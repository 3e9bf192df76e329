"""Pages people read, in real Chromium: chart labels drawn whole inside their charts, the
re-check queue and page on the desk, and a decision's page as it prints."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from standing.demo.seed import DEMO_PASSWORD
from tests.browser.support import BROWSER, load_demo, serve, sign_in

pytestmark = BROWSER

#: Where every text of a chart ends up, measured by the browser: its box against the picture's.
BOXES = """
() => Array.from(document.querySelectorAll("svg")).map(svg => {
  const view = svg.viewBox.baseVal;
  return Array.from(svg.querySelectorAll("text")).map(t => {
    const b = t.getBBox();
    return {text: t.textContent, x: b.x, y: b.y, right: b.x + b.width, bottom: b.y + b.height,
            width: view.width, height: view.height};
  });
})
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database = f"sqlite:///{tmp_path_factory.mktemp('reading') / 'demo.db'}"
    load_demo(database)
    with serve(database) as url:
        yield url


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def test_chart_labels_are_drawn_whole(server: str, page: Any, shots: Path) -> None:
    page.goto(f"{server}/transparency")
    charts = page.evaluate(BOXES)
    assert charts and all(charts)
    labels = " ".join(t["text"] for chart in charts for t in chart)
    assert "Vendors barred by a government on national-security grounds" in " ".join(
        labels.split()
    ) or all(w in labels for w in ("Vendors", "national-security", "grounds"))
    for chart in charts:
        for t in chart:
            assert t["x"] >= -0.5 and t["y"] >= -0.5, t
            assert t["right"] <= t["width"] + 0.5 and t["bottom"] <= t["height"] + 0.5, t
    page.screenshot(path=str(shots / "transparency.png"), full_page=True)


def test_the_desk_shows_the_re_check_and_its_page(server: str, page: Any, shots: Path) -> None:
    sign_in(page, server, "reviewer@standing.example", DEMO_PASSWORD)
    page.goto(f"{server}/review")
    section = page.locator("section", has=page.locator("#rechecks-h"))
    assert "Re-checks (1)" in section.locator("h2").inner_text()
    assert "Deceptive or unacceptable business practices" in section.inner_text()
    page.screenshot(path=str(shots / "desk.png"), full_page=True)
    section.get_by_role("link").first.click()
    page.wait_for_url("**/review/rechecks/*")
    assert page.get_by_label("Reasons (what you examined and found, for this subject)").is_visible()
    assert "every 28 days" in page.locator("dl.facts").inner_text()
    page.screenshot(path=str(shots / "recheck.png"), full_page=True)


def test_a_decision_prints_as_its_text(server: str, page: Any, shots: Path) -> None:
    sign_in(page, server, "ads@kaspersky-jp.example", DEMO_PASSWORD)
    page.goto(f"{server}/standing")
    page.locator("a[href^='/standing/decisions/']").first.click()
    page.wait_for_url("**/standing/decisions/*")
    assert page.locator("header.site").is_visible() and page.locator("form").first.is_visible()
    page.emulate_media(media="print")
    assert not page.locator("header.site").is_visible()
    assert not page.locator("footer.site").is_visible()
    assert all(not f.is_visible() for f in page.locator("form").all())
    statement = page.locator("article.statement").first
    assert statement.is_visible()
    text = statement.inner_text()
    assert "Out-of-court dispute settlement and courts" in text and "Appeals Centre Europe" in text
    assert "https://www.appealscentre.eu" in page.evaluate(
        "() => getComputedStyle(document.querySelector("
        "'.redress a[href^=\"http\"]'), '::after').content"
    )
    page.pdf(path=str(shots / "decision.pdf"))
    page.screenshot(path=str(shots / "decision-print.png"), full_page=True)
