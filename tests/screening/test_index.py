"""Candidate index: fuzzy keys, weights, bounded candidate lists, no full scans."""

from __future__ import annotations

import numpy as np

from standing.screening import index as index_module
from standing.screening.index import NameIndex
from standing.screening.normalize import normalize_name
from tests.screening.python_source import rerun_on_python_source


def _index(names: list[str], kind: str = "organization") -> NameIndex:
    return NameIndex([[normalize_name(n, kind)] for n in names])  # type: ignore[arg-type]


NAMES = [
    "AO Kaspersky Lab",
    "Kaspersky Labs Limited",
    "ZTE Corporation",
    "Siemens Aktiengesellschaft",
    "Bank Melli Iran",
    "Bank Saderat Iran",
    "Rosneft Trading SA",
    "International Trading Company LLC",
]


def _items(index: NameIndex, name: str, kind: str = "organization") -> list[int]:
    return [c.item for c in index.candidates([normalize_name(name, kind)])]  # type: ignore[arg-type]


def test_exact_and_cross_script_retrieval() -> None:
    index = _index(NAMES)
    assert _items(index, "Kaspersky Lab")[:2] == [0, 1] or set(
        _items(index, "Kaspersky Lab")[:2]
    ) == {0, 1}
    assert 0 in _items(index, "АО Лаборатория Касперского")
    assert _items(index, "Siemens")[0] == 3


def test_typo_and_inflection_neighbours() -> None:
    index = _index(NAMES)
    assert _items(index, "Kasperksy")[0] in (0, 1)
    assert 3 in _items(index, "Siemnes AG")
    neighbours = dict(index.neighbours("kasperskogo"))
    assert "kaspersky" in neighbours


def test_rare_tokens_weigh_more_than_common_ones() -> None:
    index = _index(NAMES)
    assert index.idf("melli") > index.idf("bank")
    assert index.idf("never-seen") == index.max_idf
    assert index.weight("bank", "generic") < index.weight("melli", "name")


def test_generic_only_query_reaches_only_equal_generic_names() -> None:
    index = _index(NAMES)
    assert _items(index, "Trading Company") == []
    assert _items(index, "International Trading Company Ltd") == [7]


def test_candidate_lists_are_bounded() -> None:
    names = [f"Acme Holding {i} Limited" for i in range(500)]
    index = _index(names)
    found = index.candidates([normalize_name("Acme Holding 7", "organization")], limit=10)
    assert 0 < len(found) <= 10
    assert found[0].item == 7
    scores = [c.score for c in found]
    assert scores == sorted(scores, reverse=True)


def test_candidates_read_only_the_postings_of_the_query(monkeypatch, request) -> None:  # type: ignore[no-untyped-def]
    """The retrieval never touches arrays sized like the whole index (spied on in the Python
    source)."""
    if rerun_on_python_source(request):
        return
    names = [f"Company Number{i} Trading" for i in range(3000)] + ["Kaspersky Lab"]
    index = _index(names)
    seen: list[int] = []
    real_unique = index_module._unique_inverse

    def spy(a, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(len(a))
        return real_unique(a, *args, **kwargs)

    monkeypatch.setattr(index_module, "_unique_inverse", spy)
    assert _items(index, "Kaspersky Lab") == [3000]
    assert seen and max(seen) < 10


def test_unique_inverse_is_numpys() -> None:
    """The merge of sorted postings gives what `np.unique(..., return_inverse=True)` gives."""
    rng = np.random.default_rng(7)
    for _ in range(50):
        runs = [
            np.sort(rng.choice(500, size=rng.integers(1, 40), replace=False))
            for _ in range(rng.integers(1, 12))
        ]
        ids = np.concatenate(runs).astype(np.int32)
        uniq, inverse = index_module._unique_inverse(ids)
        expected_uniq, expected_inverse = np.unique(ids, return_inverse=True)
        assert uniq.tolist() == expected_uniq.tolist()
        assert inverse.tolist() == expected_inverse.tolist()


def test_a_fuzzy_neighbour_counts_at_most_its_own_weight() -> None:
    """ "Minin" is one letter from the generic "mining" of many short company names: the
    person named Minin must still come first."""
    names = [f"Mining {w} Ltd" for w in ("Alpha", "Beta", "Gamma", "Delta", "Omega")] * 10
    index = NameIndex(
        [[normalize_name(n, "organization")] for n in names]
        + [[normalize_name("MININ, Alexey Valerevich", "person")]]
    )
    found = index.candidates([normalize_name("Alexey Minin", "person")], limit=5)
    assert found[0].item == len(names)


def test_arabic_script_query_reaches_latin_spellings_and_back() -> None:
    latin = ["Faycal Boughanemi", "Djamel Lounici", "Kazem Taan", "Hassan Rahim", "Hussein Rahim"]
    index = _index(latin, kind="person")
    assert _items(index, "فيصل بوغانمي", kind="person")[0] == 0
    assert _items(index, "جمال لونيسي", kind="person")[0] == 1
    # the letter classes tell حسين (Hussein) from حسن (Hassan)
    assert dict(index.neighbours("hsyn", "ar")).get("hassan") is None
    assert "hussein" in dict(index.neighbours("hsyn", "ar"))
    # a Latin query against names listed only in Arabic script
    arabic = _index(["فيصل بوغانمي", "جمال لونيسي"], kind="person")
    assert _items(arabic, "Faycal Boughanemi", kind="person")[0] == 0
    assert _items(arabic, "Djamel Lounici", kind="person")[0] == 1


def test_hangul_and_han_queries_reach_latin_spellings() -> None:
    index = _index(["Park Ji-sung", "Lee Min-ho", "Hsi Chin-ping", "Kim Jong-un"], kind="person")
    assert _items(index, "박지성", kind="person")[0] == 0
    assert _items(index, "이민호", kind="person")[0] == 1
    assert 2 in _items(index, "习近平", kind="person")


def test_ties_widen_the_candidate_list() -> None:
    """Forty entries spelled alike are all scored, not only the first `limit`."""
    names = [f"Mohamed Ali {i}" for i in range(40)] + [f"Other Name {i}" for i in range(40)]
    index = _index(names, kind="person")
    found = index.candidates([normalize_name("محمد علي", "person")], limit=10)
    assert len(found) > 10
    assert all(c.item < 40 for c in found)
