"""The second tuning set of organisation pairs, tests/data/org_pairs_tune2.csv, is well formed
and apart from the other sets: its columns, its split, its share of negatives, its provenance
and the kinds of names it gathers (romanised names, Arabic script, Han characters, descriptors),
no organisation also in bench/org_registry.txt or bench/org_registry_fresh.txt, and the
generator writing it byte for byte."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TUNE2 = ROOT / "tests" / "data" / "org_pairs_tune2.csv"

sys.path.insert(0, str(ROOT / "bench"))
import make_org_pairs as gen  # noqa: E402

from .test_org_pairs_fresh import assert_well_formed, key, names, rows  # noqa: E402


@pytest.fixture(scope="module")
def tune2() -> list[dict[str, str]]:
    columns, found = rows(TUNE2)
    assert columns == gen.COLUMNS
    return found


def test_every_pair_is_of_the_tune2_split_well_formed_a_third_hard_negatives(
    tune2: list[dict[str, str]],
) -> None:
    assert_well_formed(tune2, "tune2", "t", 250)
    assert all(r["origin"].strip() for r in tune2)


def test_it_gathers_the_names_read_worst(tune2: list[dict[str, str]]) -> None:
    """Romanised names against the English name, Arabic script, Han characters, Hangul and
    descriptors before the name, from at least 40 organisations."""
    assert len({r["candidate"] for r in tune2 if r["match"] == "1"}) >= 40
    positives = {r["category"] for r in tune2 if r["match"] == "1"}
    assert {"transliteration", "other_script", "descriptor", "brand"} <= positives
    assert sum(1 for r in tune2 if r["category"] == "transliteration") >= 40
    other = [r["query"] for r in tune2 if r["category"] == "other_script"]
    for script, pattern in {
        "Cyrillic": r"[\u0400-\u04ff]",
        "Han": r"[\u4e00-\u9fff]",
        "Hangul": r"[\uac00-\ud7af]",
        "Arabic": r"[\u0600-\u06ff]",
    }.items():
        assert sum(1 for q in other if re.search(pattern, q)) >= 5, script


def test_no_organisation_is_also_in_another_registry() -> None:
    new = gen.read_registry(ROOT / "bench" / "org_registry_tune2.txt")
    assert len({b.key for b in new}) == len(new)
    for other in ("org_registry.txt", "org_registry_fresh.txt"):
        old = gen.read_registry(ROOT / "bench" / other)
        assert not {b.key for b in old} & {b.key for b in new}
        old_names = {key(n) for b in old for n in names(b)}
        assert not sum(1 for b in new for n in names(b) if key(n) in old_names)


def test_the_generator_writes_the_file_byte_for_byte(tmp_path: Path) -> None:
    registry, out_name, header, prefix = gen.SETS["tune2"]
    assert out_name == TUNE2.name
    out = tmp_path / out_name
    gen.write(out, gen.build(ROOT / "bench" / registry, "tune2"), header, prefix)
    assert out.read_bytes() == TUNE2.read_bytes()


def test_the_benchmark_counts_the_pairs_matched_through_the_index() -> None:
    import screening as bench  # bench/screening.py

    from standing.screening.evaluation import pair_from_row, pairs_matcher

    def pair(i: int, query: str, candidate: str, match: str) -> dict[str, str]:
        return {
            "pair_id": f"t{i}", "schema": "Company", "query": query, "candidate": candidate,
            "match": match, "category": "brand", "split": "tune2",
        }  # fmt: skip

    pairs = [
        pair_from_row(pair(1, "Velotek", "Shenzhen Velotek Digital Technology Co., Ltd.", "1")),
        pair_from_row(pair(2, "Norland Mobile UK Ltd", "Norland Mobile UK Limited", "1")),
        # a positive the matcher misses is not counted; nor is a negative
        pair_from_row(pair(3, "Acme", "Zenith Holdings Limited", "1")),
        pair_from_row(pair(4, "Norlan Labs LLC", "Norland Lab, Inc.", "0")),
    ]
    matcher = pairs_matcher(pairs)
    results = [matcher.score(p.query, p.entry) for p in pairs]
    assert bench.through_index(pairs, results, []) == {
        "matched_pairwise": 2,
        "matched_through_index": 2,
    }
