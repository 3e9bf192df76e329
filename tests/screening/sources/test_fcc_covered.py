"""FCC Covered List: company names out of the real list's prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from standing.errors import Invalid
from standing.screening.sources import ParseResult, fcc_covered
from standing.screening.sources.fcc_covered import CoveredCompany, extract_companies

FCC = "us_fcc_covered_list.csv"


@pytest.fixture(scope="module")
def result(shared_data: Path) -> ParseResult:
    return fcc_covered.parse(shared_data / FCC)


def test_company_names_from_the_real_rows(result: ParseResult) -> None:
    assert [(e.entry_id, e.caption, e.listed_on) for e in result.entries] == [
        ("huawei-technologies-company", "Huawei Technologies Company", "2021-03-12"),
        ("zte-corporation", "ZTE Corporation", "2021-03-12"),
        ("hytera-communications-corporation", "Hytera Communications Corporation", "2021-03-12"),
        (
            "hangzhou-hikvision-digital-technology-company",
            "Hangzhou Hikvision Digital Technology Company",
            "2021-03-12",
        ),
        ("dahua-technology-company", "Dahua Technology Company", "2021-03-12"),
        ("ao-kaspersky-lab", "AO Kaspersky Lab", "2022-03-25"),
        ("china-mobile-international-usa-inc", "China Mobile International USA Inc.", "2022-03-25"),
        ("china-telecom-americas-corp", "China Telecom (Americas) Corp.", "2022-03-25"),
        ("pacific-networks-corp", "Pacific Networks Corp", "2022-09-20"),
        ("comnet-usa-llc", "ComNet (USA) LLC", "2022-09-20"),
        (
            "china-unicom-americas-operations-limited",
            "China Unicom (Americas) Operations Limited",
            "2022-09-20",
        ),
        ("kaspersky-lab-inc", "Kaspersky Lab, Inc.", "2024-07-23"),
        ("digitalsystem-technology-inc", "Digitalsystem Technology Inc.", "2026-07-07"),
    ]
    assert all(e.kind == "organization" and e.source == "us_fcc_covered" for e in result.entries)


def test_prose_is_kept_as_remarks(result: ParseResult) -> None:
    kaspersky = next(e for e in result.entries if e.entry_id == "ao-kaspersky-lab")
    assert kaspersky.remarks == (
        "Information security products, solutions, and services supplied, directly or "
        "indirectly, by AO Kaspersky Lab or any of its predecessors, successors, parents, "
        "subsidiaries, or affiliates."
    )
    assert kaspersky.programs == (fcc_covered.PROGRAM,)
    comnet = next(e for e in result.entries if e.entry_id == "comnet-usa-llc")
    assert comnet.extra == {"parent": "Pacific Networks Corp"}


def test_category_rows_are_reported_not_listed(result: ParseResult) -> None:
    # UAS, routers, power inverters and robotic devices "produced in a foreign country"
    assert [w.split(":")[1] for w in result.warnings] == ["13", "14", "16", "17"]
    assert all("names no company" in w for w in result.warnings)


def test_extraction_patterns() -> None:
    assert extract_companies(
        "Cybersecurity and anti-virus software produced or provided by Kaspersky Lab, Inc. or "
        "any of its successors and assignees."
    ) == [CoveredCompany("Kaspersky Lab, Inc.")]
    assert extract_companies(
        "Equipment produced by Example Co., Ltd., to the extent it is used for public safety."
    ) == [CoveredCompany("Example Co., Ltd.")]
    assert (
        extract_companies("Routers produced in a foreign country, except as approved by DoW.") == []
    )


def test_bad_date_and_header(test_data: Path) -> None:
    with pytest.raises(Invalid) as caught:
        fcc_covered.parse(test_data / "fcc_csv_bad_date.csv")
    assert caught.value.message == "fcc_csv_bad_date.csv:3: no date of inclusion in 'not a date'"
    with pytest.raises(Invalid, match=r"^x\.csv:1: unknown column\(s\) a, b; expected covered_"):
        fcc_covered.parse(b"a,b\n", name="x.csv")
    with pytest.raises(Invalid, match=r"^x\.csv:3: expected 2 columns, found 3"):
        fcc_covered.parse(
            b"covered_equipment_or_services,date_of_inclusion_on_covered_list\n"
            b'Huawei Technologies Company equipment,"March 12, 2021"\nx,y,z\n',
            name="x.csv",
        )
