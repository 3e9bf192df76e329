"""Names in the languages of Europe, in Indonesian and Malay and in Vietnamese, read with their
common words in English (the `eu`, `id` and `vi` rows of romanised_words.tsv), against the
English names these bodies give themselves; and the bodies of the same words that stay apart."""

from __future__ import annotations

import pytest

from standing.screening.match.alignment import same_country
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import token_class
from standing.screening.romanised import latin_reading, plain
from tests.screening.names import score_in


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Polskie Koleje Państwowe", "polish railways state"),
        ("Magyar Nemzeti Bank", "hungarian national Bank"),
        ("Ferrovie dello Stato Italiane", "railways state italian"),
        ("Compañía Española de Petróleos", "company spanish petroleum"),
        ("Polski Koncern Naftowy Orlen", "polish concern oil Orlen"),
        ("Perusahaan Listrik Negara", "company electricity state"),
        ("Tập đoàn Dầu khí Việt Nam", "group oil and gas vietnam"),
        # Đ in capitals is a letter of the Latin alphabet too
        ("Tập đoàn Điện lực Việt Nam", "group electricity vietnam"),
        # a generic word in English among them ("Gas")
        ("Perusahaan Gas Negara", "company Gas state"),
        # one word of the language and a place of its country
        ("Bank Rakyat Indonesia", "Bank people's Indonesia"),
        # a brand and no common word is no such name
        ("Orlen Lietuva", None),
        # a tie goes to the language of the name's legal form (Russian reads "del" too); a
        # phrase ends with a word, not the letter of a legal form ("Puerto S.A." no "puertos")
        ("Construcciones Progreso del Puerto S.A.", "construction Progreso del Puerto S.A."),
        # a legal form written out is no word to read ("društvo": company)
        ("Društvo sa ograničenom odgovornošću Global Liberty", None),
        # a compound of two words keeps both ("Postbank", not "Post Bank" read as "post")
        ("Post Bank of Iran", None),
    ],
)
def test_names_in_the_languages_of_europe_and_asia_are_read(
    name: str, expected: str | None
) -> None:
    found = latin_reading(name)
    assert (found.text if found else None) == expected


def test_a_name_of_common_words_alone_is_read_as_a_generic_name() -> None:
    # met only with the same generic name and the entry's country (not every railway)
    found = latin_reading("České dráhy")
    assert found is not None
    assert (found.text, found.generic) == ("czech railways", True)


def test_letters_without_a_mark_to_drop_fold_to_ascii() -> None:
    assert plain("Łódź") == "lodz"
    assert plain("Straße") == "strasse"
    assert plain("Ørsted") == "orsted"
    assert plain("Đoàn") == "doan"


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("Polish State Railways", "Polskie Koleje Państwowe S.A.", "pl"),
        ("Czech National Bank", "Česká národní banka", "cz"),
        ("Hungarian State Railways", "Magyar Államvasutak Zrt.", "hu"),
        ("German Railway", "Deutsche Bahn AG", "de"),
        ("Italian State Railways", "Ferrovie dello Stato Italiane S.p.A.", "it"),
        ("Spanish Petroleum Company", "Compañía Española de Petróleos, S.A.", "es"),
        ("Brazilian Aeronautics Company", "Empresa Brasileira de Aeronáutica S.A.", "br"),
        ("National Bank of Poland", "Narodowy Bank Polski", "pl"),
        ("Bank of Finland", "Suomen Pankki", "fi"),
        ("Dutch Railways", "Nederlandse Spoorwegen", "nl"),
        ("Polish Armaments Group", "Polska Grupa Zbrojeniowa S.A.", "pl"),
        ("State Electricity Company", "PT Perusahaan Listrik Negara (Persero)", "id"),
        ("People's Bank of Indonesia", "PT Bank Rakyat Indonesia (Persero) Tbk", "id"),
        ("Vietnam Oil and Gas Group", "Tập đoàn Dầu khí Việt Nam", "vn"),
        ("Vietnam Electricity", "Tập đoàn Điện lực Việt Nam", "vn"),
        ("Perusahaan Gas Negara", "State Gas Company", "id"),
        ("Vietnam Airlines", "Tổng công ty Hàng không Việt Nam", "vn"),
        (
            "French National Railway Company",
            "Société nationale des chemins de fer français",
            "fr",
        ),
    ],
)
def test_names_match_the_english_names_they_translate(query: str, name: str, country: str) -> None:
    assert score_in(query, name, country) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        # the same kind of body of another country
        ("Slovak Railways", "České dráhy", "cz"),
        ("Czech National Bank", "Narodowy Bank Polski", "pl"),
        ("Austrian Federal Railways", "Deutsche Bahn AG", "de"),
        ("Bank of Portugal", "Banco do Brasil S.A.", "br"),
        # another body of the same country
        ("Polish Airlines", "Polskie Koleje Państwowe S.A.", "pl"),
        ("Polish Oil and Gas Company", "Polski Koncern Naftowy Orlen S.A.", "pl"),
        ("Vietnam Electricity", "Tập đoàn Dầu khí Việt Nam", "vn"),
    ],
)
def test_bodies_of_the_same_words_stay_apart(query: str, name: str, country: str) -> None:
    assert score_in(query, name, country) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("poland", "polish", True),
        ("spain", "spanish", True),
        ("sweden", "swedish", True),
        ("hungary", "hungarian", True),
        # a city is not its country, whatever letters they share
        ("tehran", "iran", False),
        ("poland", "portugal", False),
    ],
)
def test_a_country_and_the_adjective_of_its_people(a: str, b: str, same: bool) -> None:
    assert same_country(a, b) is same


def test_the_adjectives_of_peoples_are_places() -> None:
    for word in ("polish", "czech", "dutch", "japanese", "french"):
        assert token_class(word, "organization") == "place"


@pytest.mark.parametrize(
    ("query", "listed", "country"),
    [
        # a country in its own language: Spain, Italy (with its article: d'Italia), Serbia
        ("Banco de España", "Bank of Spain", "es"),
        ("Banca d'Italia", "Bank of Italy", "it"),
        ("Elektroprivreda Srbije", "Electric Power Industry of Serbia", "rs"),
        ("Kreditanstalt für Wiederaufbau", "Reconstruction Credit Institute", "de"),
        ("Ferrovie dello Stato Italiane", "Italian State Railways", "it"),
        ("Cassa Depositi e Prestiti", "Deposits and Loans Fund", "it"),
    ],
)
def test_state_bodies_named_in_the_languages_of_europe(
    query: str, listed: str, country: str
) -> None:
    assert score_in(query, listed, country) >= DEFAULT_THRESHOLD


def test_a_generic_name_of_europe_meets_no_other_country_s_body() -> None:
    assert score_in("Banco de España", "Bank of Italy", "it") < DEFAULT_THRESHOLD
