"""Shared parser helpers: dates, scripts, countries, names."""

from __future__ import annotations

import pytest

from standing.screening.sources._common import (
    NameList,
    country_code,
    detect_script,
    language_code,
    looks_like_organization,
    parse_date,
    person_name_in_order,
    slugify,
    stable_id,
    year_range,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017-09-13", "2017-09-13"),
        ("2017-09", "2017-09"),
        ("1961", "1961"),
        ("13 Sep 2017", "2017-09-13"),
        ("Dec 1966", "1966-12"),
        ("March 12, 2021", "2021-03-12"),
        ("29-06-2012", "2012-06-29"),
        ("00/00/1970", "1970"),
        ("2022-03-16T00:00:00", "2022-03-16"),
        ("31 Feb 2001", None),
        ("circa", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_us_dates_and_year_ranges() -> None:
    assert parse_date("10/16/2017", day_first=False) == "2017-10-16"
    assert parse_date("10/16/2017") is None  # month 16
    assert year_range(1962, 1964) == ["1962", "1963", "1964"]
    assert year_range(1900, 1990) == ["1900", "1990"]


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("AO Kaspersky Lab", "Latn"),
        ("АО «Лаборатория Касперского»", "Cyrl"),
        ("صدام حسين التكريتي", "Arab"),
        ("华为技术有限公司", "Hani"),
        ("株式会社トヨタ", "Jpan"),
        ("김철수", "Hang"),
        ("Ωμέγα", "Grek"),
        ("OOO Газпром", None),
        ("12345", None),
    ],
)
def test_detect_script(text: str, script: str | None) -> None:
    assert detect_script(text) == script


def test_countries_and_languages() -> None:
    assert country_code("Iran (Islamic Republic of)") == "ir"
    assert country_code("Korea, North") == "kp"
    assert country_code("RU") == "ru"
    assert country_code("Türkiye") == "tr"
    assert country_code("na") is None  # "not available" in the UN list, not Namibia
    assert country_code("Narnia") is None
    assert language_code("Russian") == "ru"
    assert language_code("RU") == "ru"
    assert language_code("") is None


def test_names() -> None:
    names = NameList()
    names.add("ACME Ltd")
    names.add("acme  LTD", "alias")  # same spelling: dropped
    names.add("", "alias")
    names.add("Acme Trading", "weak_alias")
    assert [(n.value, n.kind) for n in names.names()] == [
        ("ACME Ltd", "name"),
        ("Acme Trading", "weak_alias"),
    ]
    assert person_name_in_order("QASEMI, Rostam") == "Rostam QASEMI"
    assert person_name_in_order("A, B, C") == "A, B, C"
    assert looks_like_organization("AIR FREIGHT LTD")
    assert looks_like_organization("ANNEXFIELD , LTD.")
    assert not looks_like_organization("ADRIAN MANUEL HERNANDEZ")
    assert slugify("China Telecom (Americas) Corp.") == "china-telecom-americas-corp"
    assert stable_id("EL", "A  b") == stable_id("EL", "a b")
    assert len(stable_id("x")) == 16
