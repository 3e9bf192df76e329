"""The fresh held-out organisation pairs, tests/data/org_pairs_fresh.csv, are well formed and
apart from the tuning sets: their columns, their split, their share of negatives and their
provenance, no organisation both in it and in a tuning registry, and the generator writing
them byte for byte.
Nothing here scores them: the set is never tuned on (bench/screening.py --fresh reports it)."""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FRESH = ROOT / "tests" / "data" / "org_pairs_fresh.csv"
PAIRS = ROOT / "tests" / "data" / "org_pairs.csv"

sys.path.insert(0, str(ROOT / "bench"))
import make_org_pairs as gen  # noqa: E402

CATEGORIES = {
    "brand", "brand_inside", "other_script", "punctuation", "legal_form", "descriptor",
    "transliteration", "sibling", "near_brand", "shared_word",
}  # fmt: skip
NEGATIVE = {"sibling", "near_brand", "shared_word"}


def rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(line for line in fh if not line.startswith("#"))
        found = list(reader)
        return list(reader.fieldnames or []), found


def key(name: str) -> str:
    """A name with case, accents, punctuation and spacing folded away."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(w for w in re.split(r"[^\w]+", text) if w)


def names(block: gen.Block) -> list[str]:
    return [
        block.registered, *block.brands, *block.scripts, *(v for v, _ in block.variants),
        *(x for x, _ in block.siblings), *(n for n, _ in block.near),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def fresh() -> list[dict[str, str]]:
    columns, found = rows(FRESH)
    assert columns == gen.COLUMNS
    return found


def assert_well_formed(found: list[dict[str, str]], split: str, prefix: str, least: int) -> None:
    """At least `least` pairs, all of `split` with ids `prefix` + four digits, each labelled
    as its category says, a third or more of them hard negatives of every kind."""
    assert len(found) >= least
    assert {r["split"] for r in found} == {split}
    assert len({r["pair_id"] for r in found}) == len(found)
    assert all(re.fullmatch(prefix + r"\d{4}", r["pair_id"]) for r in found)
    assert {r["category"] for r in found} <= CATEGORIES
    for r in found:
        assert r["query"].strip() and r["candidate"].strip()
        assert r["schema"] == "Company"
        assert r["match"] == ("0" if r["category"] in NEGATIVE else "1")
        assert r["candidate_country"]
    negatives = sum(1 for r in found if r["match"] == "0")
    assert 3 * negatives >= len(found)
    # negatives of each kind, not only words shared by chance
    assert {r["category"] for r in found if r["match"] == "0"} == NEGATIVE


def test_every_pair_is_of_the_fresh_split_well_formed_a_third_hard_negatives(
    fresh: list[dict[str, str]],
) -> None:
    assert_well_formed(fresh, "fresh", "f", 600)


def test_every_pair_names_its_origin(fresh: list[dict[str, str]]) -> None:
    assert all(r["origin"].strip() for r in fresh)


def test_every_kind_of_variant_and_script_is_there(fresh: list[dict[str, str]]) -> None:
    assert {r["category"] for r in fresh if r["match"] == "1"} == CATEGORIES - NEGATIVE
    scripts = {
        "Cyrillic": r"[\u0400-\u04ff]",
        "Han": r"[\u4e00-\u9fff]",
        "kana": r"[\u3040-\u30ff]",
        "Hangul": r"[\uac00-\ud7af]",
        "Arabic": r"[\u0600-\u06ff]",
    }
    other = [r["query"] for r in fresh if r["category"] == "other_script"]
    for script, pattern in scripts.items():
        assert any(re.search(pattern, q) for q in other), script


@pytest.mark.parametrize("tuning", ["org_registry.txt", "org_registry_tune2.txt"])
def test_no_organisation_is_also_in_a_tuning_registry(tuning: str) -> None:
    old = gen.read_registry(ROOT / "bench" / tuning)
    new = gen.read_registry(ROOT / "bench" / "org_registry_fresh.txt")
    assert not {b.key for b in old} & {b.key for b in new}
    assert len({b.key for b in new}) == len(new)
    old_names = {key(n) for b in old for n in names(b)}
    assert not [n for b in new for n in names(b) if key(n) in old_names]


def test_no_registered_name_is_also_in_the_org_pairs(fresh: list[dict[str, str]]) -> None:
    _, old = rows(PAIRS)
    old_names = {key(r["candidate"]) for r in old} | {key(r["query"]) for r in old}
    assert not [r["candidate"] for r in fresh if key(r["candidate"]) in old_names]


def test_the_generator_writes_the_file_byte_for_byte(tmp_path: Path) -> None:
    registry, out_name, header, prefix = gen.SETS["fresh"]
    assert out_name == FRESH.name
    out = tmp_path / out_name
    gen.write(out, gen.build(ROOT / "bench" / registry, "fresh"), header, prefix)
    assert out.read_bytes() == FRESH.read_bytes()
