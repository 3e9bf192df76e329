"""The advertiser's pages and the reviewer's desk in real Chromium: axe-core finds no serious
or critical violation on any of them; a screenshot of each is kept (``test-artifacts/``); the
desk's keyboard shortcuts open the next case and claim it, and never fire while typing; the
guard's verdict appears as the reply is typed (htmx)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from standing.access.service import acting_as
from standing.appeals.service import file_appeal
from standing.bootstrap import Services
from standing.decisions.service import list_decisions
from standing.demo.seed import DEMO_PASSWORD
from standing.settings import Settings
from tests.browser.support import BROWSER, load_demo, serve, sign_in

pytestmark = BROWSER

CONTACT = "ads@kaspersky-jp.example"
REVIEWER = "reviewer@standing.example"
APPEAL = (
    "Kaspersky Labs Japan K.K. bought back the 60 % stake of Kaspersky Labs GmbH on "
    "2026-03-01; the Tokyo register extract of 2026-03-04 shows the new shareholders."
)
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, str]]:
    """The demo, with an appeal of the Japanese subsidiary's contact; the URL, the decision
    and the appeal."""
    database = f"sqlite:///{tmp_path_factory.mktemp('desk') / 'demo.db'}"
    load_demo(database)
    services = Services.build(Settings(database_url=database))
    try:
        contact = acting_as(services, CONTACT)
        found = list_decisions(services, contact).decisions
        decision = next(d.id for d in found if d.subject_id == "ao-kaspersky-lab")
        appeal = file_appeal(services, decision, APPEAL, contact).id
    finally:
        services.engine.dispose()
    with serve(database) as url:
        yield url, decision, appeal


def _axe(page: Any, name: str) -> None:
    """No serious or critical violation on the page; its screenshot kept."""
    from axe_playwright_python.sync_playwright import Axe

    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    results = Axe().run(page)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]
    assert bad == [], f"{name}: {bad}"


def test_the_advertisers_pages_pass_axe(server: tuple[str, str, str], chromium: Any) -> None:
    url, decision, _ = server
    context = chromium.new_context()
    page = context.new_page()
    try:
        sign_in(page, url, CONTACT, DEMO_PASSWORD)
        page.goto(f"{url}/standing")
        assert "Kaspersky Labs Japan" in page.locator("main").inner_text()
        _axe(page, "standing")
        page.goto(f"{url}/standing/decisions/{decision}")
        assert "bought back the 60 % stake" in page.locator("main").inner_text()
        _axe(page, "standing-decision")
    finally:
        context.close()


def test_the_desk_passes_axe_and_answers_the_keyboard(
    server: tuple[str, str, str], chromium: Any
) -> None:
    url, decision, appeal = server
    context = chromium.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        sign_in(page, url, REVIEWER, DEMO_PASSWORD)
        page.goto(f"{url}/review")
        assert appeal in page.locator("#queue-dispute").inner_text()
        _axe(page, "review")
        page.locator("body").press("n")  # the next case: the only one
        page.wait_for_url(f"**/review/appeals/{appeal}")
        svg = page.locator("svg.chain")
        assert "Kaspersky Labs GmbH" in svg.inner_html() and "60 %" in svg.inner_html()
        _axe(page, "review-case")

        # typing in the reply: no shortcut fires, and the guard's verdict follows the text
        reply = page.get_by_label("Reply to the appellant", exact=False)
        reply.click()
        reply.press_sequentially("We checked this carefully and nothing changes.", delay=5)
        assert page.url.endswith(f"/review/appeals/{appeal}")
        assert "Nobody holds this case" in page.locator(".claim-panel").inner_text()
        verdict = page.locator("#verdict-box")
        verdict.get_by_text("The guard refuses this reply").wait_for(timeout=10_000)
        reply.fill(
            "You write that Kaspersky Labs Japan K.K. bought back the stake on 2026-03-01, but "
            "the Tokyo register extract of 2026-03-04 you attach still lists Kaspersky Labs "
            "GmbH as holder of 60 % of the shares."
        )
        verdict.get_by_text("Accepted by the guard").wait_for(timeout=10_000)
        _axe(page, "review-case-verdict")

        page.locator("h1").click()  # the keyboard leaves the field
        with page.expect_navigation():
            page.keyboard.press("c")
        assert "You hold this case until" in page.locator(".claim-panel").inner_text()
        assert decision in page.locator("main").inner_text()
        _axe(page, "review-case-claimed")
    finally:
        context.close()
    assert [e for e in errors if "Content Security Policy" in e] == []
