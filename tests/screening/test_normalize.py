"""Name normalisation: scripts, legal forms, generic words, idempotence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from standing.screening.normalize import fold, normalize_name, skeleton, token_class


def test_cyrillic_is_transliterated_and_legal_form_set_apart() -> None:
    n = normalize_name("АО «Лаборатория Касперского»", "organization")
    assert n.tokens == ("laboratoriya", "kasperskogo")
    assert n.legal_forms == ("ao",)
    assert n.transliterated


def test_legal_forms_in_many_spellings() -> None:
    cases = {
        "Kaspersky Lab ZAO": ("kaspersky", "lab"),
        "AO Kaspersky Lab": ("kaspersky", "lab"),
        "Siemens Aktiengesellschaft": ("siemens",),
        "Müller GmbH & Co. KG": ("muller",),
        "OOO Kaspersky Group": ("kaspersky", "group"),
        "PJSC Sberbank of Russia": ("sberbank", "of", "russia"),
        "ZTE Corporation": ("zte",),
        "Huawei Technologies Co., Ltd.": ("huawei", "technologies"),
        "Obshchestvo s Ogranichennoi Otvetstvennostyu Rosneft": ("rosneft",),
        "Philips B.V.": ("philips",),
        "ACME S.p.A.": ("acme",),
    }
    for name, tokens in cases.items():
        assert normalize_name(name, "organization").tokens == tokens, name


def test_legal_form_words_with_a_typo_are_recognised() -> None:
    n = normalize_name("Limted Liabilty Company Russul", "organization")
    assert n.tokens == ("russul",)
    assert n.legal_forms


def test_cjk_legal_forms_are_cut_before_transliteration() -> None:
    n = normalize_name("北京华为技术有限公司", "organization")
    assert "you" not in n.tokens
    assert n.legal_forms == ("ltd",)
    assert normalize_name("习近平", "person").compact == "xijinping"


def test_greek_arabic_and_hangul_are_transliterated() -> None:
    assert normalize_name("Ελληνικά Πετρέλαια Α.Ε.", "organization").tokens == (
        "ellinika",
        "petrelaia",
    )
    arabic = normalize_name("صدام حسين التكريتي", "person")
    assert arabic.abjad
    assert arabic.tokens == ("sdam", "hsyn", "tkryty")
    assert normalize_name("김정은", "person").tokens == ("gim", "jeong", "eun")


def test_generic_words_and_places_are_classed() -> None:
    n = normalize_name("International Trading Company LLC", "organization")
    assert n.generic_only
    assert not normalize_name("Bank Melli Iran", "organization").generic_only
    assert token_class("trading", "organization") == "generic"
    assert token_class("iran", "organization") == "place"
    # in a person's name the same words are names
    assert token_class("trading", "person") == "name"
    assert token_class("vladimirovich", "person") == "patronymic"


def test_a_name_of_legal_forms_only_keeps_its_tokens_as_generic() -> None:
    n = normalize_name("LLC", "organization")
    assert n.tokens == ("llc",)
    assert n.generic_only


def test_key_ignores_token_order_and_punctuation() -> None:
    a = normalize_name("PUTIN, Vladimir", "person")
    b = normalize_name("Vladimir Putin", "person")
    assert a.key == b.key == "putin vladimir"


def test_skeleton_merges_vowel_less_spellings() -> None:
    assert skeleton("mohammed") == skeleton("mhmd")
    assert skeleton("hassan") == skeleton("hsn")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert once == once.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.sampled_from(["person", "organization", "unknown"]))
def test_normalised_tokens_are_folded_ascii(text: str, kind: str) -> None:
    n = normalize_name(text, kind)  # type: ignore[arg-type]
    assert len(n.tokens) == len(n.classes)
    for token in n.tokens:
        assert token.isascii()
        assert token == token.lower()
        assert " " not in token
