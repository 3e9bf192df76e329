"""A Persian name romanised writes the ezafe onto its words ("Bank-e Saderat-e Iran"); it
is no word of the name, also when every other word is written as the English name writes it.
Arabic romanised reads the phrase of an Arab state's atomic energy body as a whole."""

from __future__ import annotations

import pytest

from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import normalize_name
from tests.screening.names import score


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Bank-e Saderat-e Iran", "Bank Saderat Iran"),
        ("Bank-e Sepah", "Bank Sepah"),
        ("Hayat al-Taqa al-Dharriya al-Suriya", "Atomic Energy Commission of Syria"),
        # a name read in English keeps its name as written beside the reading: without the ezafe
        ("Bank-e Keshavarzi", "Bank Keshavarzi Iran"),
        # a phrase read across its ezafe (فلات قاره, the continental shelf: offshore)
        ("Sherkat-e Naft-e Falat-e Qare-ye Iran", "Iranian Offshore Oil Company"),
        ("Bank-e Tose'e-ye Saderat-e Iran", "Export Development Bank of Iran"),
        ("Sanaye-e Havapeymasazi-ye Iran", "Iran Aircraft Manufacturing Industries"),
    ],
)
def test_romanised_names_read_without_their_particles(query: str, entry: str) -> None:
    assert score(query, entry) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Bank-e Saderat-e Iran", "Bank Sepah"),
        ("Hayat al-Taqa al-Dharriya al-Suriya", "Atomic Energy Commission of Iraq"),
        ("Sherkat-e Naft-e Falat-e Qare-ye Iran", "National Iranian Oil Company"),
    ],
)
def test_other_bodies_stay_apart(query: str, entry: str) -> None:
    assert score(query, entry) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # the short vowels written i and u, the ezafe -i
        (
            "Shirkat-i Kishtirani-i Jumhuri-i Islami-i Iran",
            "Islamic Republic of Iran Shipping Lines",
        ),
        (
            "Sherkat-e Keshtirani-ye Jomhuri-ye Eslami-ye Iran",
            "Islamic Republic of Iran Shipping Lines",
        ),
        ("Al-Rajhi Masrif", "Al Rajhi Bank"),
    ],
)
def test_romanisations_of_other_vowels_read_alike(query: str, entry: str) -> None:
    assert score(query, entry) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("written", "tokens"),
    [
        ("Bank-e Keshavarzi", ("bank", "keshavarzi")),
        ("Shirkat-i Kishtirani-i Iran", ("sherkat", "kishtirani", "iran")),
        # no ezafe: a letter or a word of its own after the hyphen
        ("E-Commerce Group", ("e", "commerce", "group")),
        ("Wi-Fi Networks", ("wi", "fi", "networks")),
    ],
)
def test_the_ezafe_written_onto_a_word_is_no_word(written: str, tokens: tuple[str, ...]) -> None:
    assert normalize_name(written, "organization").tokens == tokens
