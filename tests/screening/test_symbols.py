"""Words of one sense in two languages, as rigour's name symbols give them ("banco" / "bank":
`standing.screening.symbols`), linked in the alignment."""

from __future__ import annotations

import pytest

from standing.screening.match import Query
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.symbols import same_symbol, word_symbols
from tests.screening.names import company, matcher, score


def test_words_of_one_sense_share_a_symbol() -> None:
    assert word_symbols("banco") & word_symbols("bank")
    assert word_symbols("nacional") & word_symbols("national")
    assert word_symbols("tehran") == frozenset()  # a place is compared as a place
    assert same_symbol("banco", "bank") and same_symbol("narodowy", "national")
    # two English company words rigour gives one symbol are two words
    assert word_symbols("oil") & word_symbols("petroleum")
    assert not same_symbol("oil", "petroleum") and not same_symbol("metal", "steel")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Banco Central de Venezuela", "Central Bank of Venezuela"),
        ("Banco Nacional de Cuba", "National Bank of Cuba"),
        ("Banco do Brasil", "Bank of Brazil"),
    ],
)
def test_a_name_in_another_language_matches_by_its_words_senses(query: str, listed: str) -> None:
    found = matcher.score(Query.of(query, schema="Company"), company(listed))
    assert found.score >= DEFAULT_THRESHOLD, found.features["name"]
    # the senses are linked by rigour's symbols, or read from romanised_words.tsv
    name = found.features["name"]
    assert any("(symbol 0.90)" in t for t in name["tokens"]) or "read_in_english" in name


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Banco Central de Venezuela", "Central Bank of Cuba"),
        ("Banco Nacional de Cuba", "National Bank of Egypt"),
        ("Kuwait Oil Company", "Kuwait Petroleum Corporation"),
        ("Daido Metal Co., Ltd.", "Daido Steel Co., Ltd."),
    ],
)
def test_words_of_one_sense_keep_other_names_apart(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD
