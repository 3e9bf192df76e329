"""The one territory parser: decisions and the API take listed codes, the gate any two
letters; each says which field is wrong and why."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from standing.errors import Invalid
from standing.territories import InvalidTerritory, country_codes, territory_code


@pytest.mark.parametrize("value", ["de", " DE ", "De", "xk"])
def test_a_listed_code_in_any_spelling_is_upper_case(value: str) -> None:
    assert territory_code(value) == value.strip().upper()


@pytest.mark.parametrize("value", ["", "DEU", "Germany", "ZZ", "EU", "SU", "D1"])
def test_an_unlisted_code_names_the_field(value: str) -> None:
    with pytest.raises(Invalid) as caught:
        territory_code(value, "--territory")
    assert caught.value.message == (
        f"--territory: {value!r} is not an ISO 3166-1 alpha-2 country code"
    )
    assert caught.value.code == "invalid"


def test_the_gate_takes_any_two_letters_but_nothing_else() -> None:
    assert territory_code("xx", listed=False) == "XX"
    for value in ("", "DEU", "Germany", "D1", "1D", "É1"):
        with pytest.raises(ValueError, match=r"is not an ISO 3166-1 alpha-2 code$"):
            territory_code(value, listed=False)


def test_a_bad_territory_is_both_invalid_input_and_a_value_error() -> None:
    with pytest.raises(InvalidTerritory) as caught:
        territory_code("Germany")
    assert isinstance(caught.value, Invalid) and isinstance(caught.value, ValueError)


@given(st.text(max_size=4))
def test_whatever_is_listed_is_also_two_letters(value: str) -> None:
    try:
        listed = territory_code(value)
    except InvalidTerritory:
        return
    assert listed in country_codes()
    assert territory_code(value, listed=False) == listed
