"""The public pages in real Chromium, against `standing serve` in a subprocess."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from standing.demo.seed import DEMO_PASSWORD
from tests.browser.support import BROWSER, load_demo, serve, sign_in

pytestmark = BROWSER


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'demo.db'}"
    load_demo(database)
    with serve(database) as url:
        yield url


@pytest.fixture(scope="module")
def page(server: str, chromium) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = chromium.new_context()
    yield context.new_page()
    context.close()


def test_policy_page_publishes_criteria_and_remedies(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/policies")
    assert page.locator("h1").inner_text() == "Advertising and commerce policy"
    vendor = page.locator("section#government-barred-vendor")
    assert "What restores eligibility" in vendor.inner_text()
    assert "organic.post" in vendor.inner_text()  # named as not restricted


def test_demo_statement_answers_the_four_questions(server: str, page) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server, "viewer@standing.example", DEMO_PASSWORD)  # cases are not public
    page.goto(server)
    page.get_by_role("link", name="dec-").first.wait_for()
    rows = page.locator("table.decisions tbody tr")
    target = next(i for i in range(rows.count()) if "AO Kaspersky Lab" in rows.nth(i).inner_text())
    rows.nth(target).get_by_role("link").click()
    page.wait_for_url("**/statement")
    text = page.locator("article.statement").inner_text()
    assert "Binding Operational Directive 17-01" in text  # specific reasoning
    assert "Kaspersky Labs Japan K.K." in text and "75 %" in text  # full explanation of reach
    assert "What would restore eligibility" in text  # what others must do
    assert "Deadline" in text  # answered within a stated time
    assert "You may continue to post organically." in text
