from __future__ import annotations

import pytest

from standing.graph.ftm import (
    NO_PERCENTAGE,
    OWN_SHARES,
    LineError,
    Skipped,
    decode,
    parse_entity,
    parse_percentage,
)
from standing.graph.model import Account, Ownership, Party


def test_company_with_names_countries_and_identifiers() -> None:
    party = parse_entity(
        {
            "id": "ao",
            "schema": "Company",
            "properties": {
                "name": ["AO Kaspersky Lab"],
                "alias": ["АО «Лаборатория Касперского»"],
                "previousName": ["Kaspersky Lab ZAO"],
                "country": ["Russia"],
                "registrationNumber": ["1027739867473"],
                "leiCode": ["2534009A0YVB1HR9ED86"],
                "website": ["https://www.kaspersky.com"],
            },
        }
    )
    assert isinstance(party, Party)
    assert party.caption == "AO Kaspersky Lab"
    assert [n.kind for n in party.names] == ["name", "alias", "previousName"]
    assert party.countries == ("ru",)
    schemes = {i.scheme for i in party.identifiers}
    assert {"registrationNumber", "leiCode", "website"} <= schemes


@pytest.mark.parametrize(
    ("raw", "share"),
    [("50", 50.0), ("50%", 50.0), ("50.0", 50.0), (" 12.5 % ", 12.5), ("0", 0.0), ("100", 100.0)],
)
def test_percentage_forms(raw: str, share: float) -> None:
    assert parse_percentage([raw]) == share


@pytest.mark.parametrize("raw", ["101", "-5", "half", "50%%", ""])
def test_invalid_percentages(raw: str) -> None:
    with pytest.raises(LineError, match="percentage"):
        parse_percentage([raw])


def test_ownership_and_account() -> None:
    edge = parse_entity(
        {
            "id": "o",
            "schema": "Ownership",
            "properties": {"owner": ["a"], "asset": ["b"], "percentage": ["60%"]},
        }
    )
    assert edge == Ownership("o", "a", "b", 60.0)
    account = parse_entity(
        {
            "id": "x",
            "schema": "UserAccount",
            "properties": {"owner": ["a"], "service": ["social"], "username": ["@a"]},
        }
    )
    assert account == Account("x", "a", "social", "@a")


def test_unknown_schema_is_skipped_not_an_error() -> None:
    assert parse_entity(
        {"id": "v", "schema": "Vessel", "properties": {"name": ["Boat"]}}
    ) == Skipped("Vessel", "v")
    assert parse_entity({"id": "v", "schema": "Spaceship", "properties": {}}) == Skipped(
        "Spaceship", "v"
    )
    # a line that is not imported is not validated either
    assert parse_entity(
        {"id": "v", "schema": "Vessel", "properties": {"frobnicate": ["x"]}}
    ) == Skipped("Vessel", "v")


def test_every_legal_entity_is_a_party() -> None:
    body = parse_entity({"id": "pb", "schema": "PublicBody", "properties": {"name": ["Ministry"]}})
    assert isinstance(body, Party) and body.schema == "PublicBody"


def test_ownership_of_itself_or_without_a_share_is_counted_and_left_out() -> None:
    own = {"owner": ["a"], "asset": ["a"], "percentage": ["5"]}
    assert parse_entity({"id": "o", "schema": "Ownership", "properties": own}) == Skipped(
        OWN_SHARES, "o"
    )
    unknown = {"owner": ["a"], "asset": ["b"]}
    assert parse_entity({"id": "o", "schema": "Ownership", "properties": unknown}) == Skipped(
        NO_PERCENTAGE, "o"
    )


def test_decode_reads_a_byte_order_mark_and_names_bytes_that_are_not_utf8() -> None:
    assert decode(b'\xef\xbb\xbf{"id": "x"}') == {"id": "x"}
    with pytest.raises(LineError, match=r"not UTF-8 text \(byte b'\\xe9' at column 9\)"):
        decode(b'{"id": "\xe9"}')


def test_texts_longer_than_the_store_keeps_are_errors() -> None:
    with pytest.raises(LineError, match="id: is 201 characters long; at most 200"):
        parse_entity({"id": "x" * 201, "schema": "Company", "properties": {"name": ["X"]}})
    with pytest.raises(LineError, match=r"properties\.name: is 1001 characters long"):
        parse_entity({"id": "x", "schema": "Company", "properties": {"name": ["n" * 1001]}})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"schema": "Company", "properties": {"name": ["X"]}}, "id: missing"),
        (
            {"id": "x", "schema": "Company", "properties": {"colour": ["red"]}},
            "properties.colour: not a property of Company",
        ),
        (
            {
                "id": "x",
                "schema": "Company",
                "properties": {"name": ["X"], "country": ["Atlantis"]},
            },
            "not a known country",
        ),
        (
            {"id": "x", "schema": "Company", "properties": {"alias": ["Y"]}},
            "needs at least one name",
        ),
        ({"id": "x", "schema": "Company", "properties": {"name": [1]}}, "list of strings"),
        (
            {"id": "o", "schema": "Ownership", "properties": {"owner": ["a"], "percentage": ["5"]}},
            "asset: missing",
        ),
        (
            {"id": "u", "schema": "UserAccount", "properties": {"service": ["s"]}},
            "username: missing",
        ),
    ],
)
def test_malformed_entities(data: dict[str, object], message: str) -> None:
    with pytest.raises(LineError, match=message):
        parse_entity(data)


def test_decode_rejects_non_objects() -> None:
    with pytest.raises(LineError, match="not valid JSON"):
        decode(b"{nope")
    with pytest.raises(LineError, match="JSON object"):
        decode(b"[1, 2]")
