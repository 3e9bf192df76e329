"""The world's large cities and capitals (`data/world_cities.tsv`, written by
bench/make_world_cities.py from GeoNames): the rows as the script writes them, and the
cities read as places of their countries, the hand-made table first."""

from __future__ import annotations

import re

from standing.screening import wordlists
from standing.screening.normalize import normalize_name, place_country

ROWS = wordlists.rows("world_cities.tsv")


def test_each_row_is_a_word_its_country_and_its_kind() -> None:
    assert len(ROWS) > 300
    words = [row[0] for row in ROWS]
    assert len(words) == len(set(words))
    for row in ROWS:
        assert len(row) == 3, row
        word, country, kind = row
        assert re.fullmatch(r"[a-z]{4,}", word), row
        assert re.fullmatch(r"[a-z]{2}", country), row
        assert kind in ("city", "capital"), row


def test_words_that_name_people_and_brands_are_left_out() -> None:
    words = {row[0] for row in ROWS}
    # the English-speaking countries' cities, Japan's, and the script's own list
    assert not {"phoenix", "austin", "houston", "osaka", "kawasaki"} & words
    assert not {"medina", "santiago", "lima", "valencia"} & words


def test_a_city_is_a_place_of_its_country() -> None:
    assert place_country("lagos") == "ng"
    assert place_country("dhabi") == "ae"
    assert place_country("lumpur") == "my"
    # the hand-made table's reading stands
    assert place_country("esfahan") == "ir"
    name = normalize_name("Kenya Airways Nairobi", "organization")
    assert dict(zip(name.tokens, name.classes, strict=True))["nairobi"] == "place"
