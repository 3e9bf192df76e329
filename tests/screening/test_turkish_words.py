"""Turkish organisation names read with their common words in English (with and without the
Turkish letters, with their plural and possessive endings)."""

from __future__ import annotations

import pytest

from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import normalize_name
from standing.screening.romanised import fold_turkish, latin_reading
from tests.screening.names import score, score_in


def test_turkish_letters_fold_to_ascii_the_dotless_i_too() -> None:
    assert fold_turkish("Bankası") == fold_turkish("Bankasi") == "bankasi"
    assert fold_turkish("Taşımacılığı") == "tasimaciligi"
    assert fold_turkish("İhracat") == "ihracat"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Türk Hava Yolları A.O.", "turkish airlines A.O."),
        ("Turk Hava Yollari AO", "turkish airlines AO"),
        # the possessive ending of a compound: Banka-sı, Endüstri-si, Rafineri-leri
        ("Türkiye İhracat Kredi Bankası A.Ş.", "turkey export credit bank A.Ş."),
        ("Makina ve Kimya Endüstrisi A.Ş.", "mechanical chemical industry A.Ş."),
        ("Türkiye Petrol Rafinerileri A.Ş.", "turkey petroleum refinery A.Ş."),
        # a brand and one Turkish word is no Turkish name
        ("Aselsan Elektronik", None),
    ],
)
def test_turkish_names_read(name: str, expected: str | None) -> None:
    found = latin_reading(name)
    assert (found.text if found else None) == expected


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Turkish Airlines", "Türk Hava Yolları A.O."),
        ("Export Credit Bank of Turkey", "Türkiye İhracat Kredi Bankası A.Ş."),
        ("Mechanical and Chemical Industry Corporation", "Makina ve Kimya Endüstrisi A.Ş."),
        ("Halkbank", "Türkiye Halk Bankası A.Ş."),
        # the words of universities, foundations and utilities
        ("Istanbul Technical University", "İstanbul Teknik Üniversitesi"),
        ("Turkish Foundations Bank", "Türkiye Vakıflar Bankası T.A.O."),
        ("Turkish Electricity Transmission Corporation", "Türkiye Elektrik İletim A.Ş."),
        ("Aselsan Electronic Industries Inc.", "ASELSAN Elektronik Sanayi ve Ticaret A.Ş."),
        # the joint-stock corporation written out is a legal form
        ("Turkish Petroleum Corporation", "Türkiye Petrolleri Anonim Ortaklığı"),
        ("Turkish Airlines", "Türk Hava Yolları Anonim Ortaklığı"),
        # a stem's last consonant softened before the ending (başkanlık: Başkanlığı), a vowel
        # dropped (vakıf: Vakfı), and the endings after a plural (Kuvvetlerini)
        ("Presidency of Defence Industries", "Savunma Sanayii Başkanlığı"),
        ("Turkish Armed Forces Foundation", "Türk Silahlı Kuvvetlerini Güçlendirme Vakfı"),
        ("Middle East Technical University", "Orta Doğu Teknik Üniversitesi"),
        ("Istanbul Stock Exchange", "Borsa İstanbul A.Ş."),
        ("Istanbul Metropolitan Municipality", "İstanbul Büyükşehir Belediyesi"),
        # a kurum is a state corporation or an institution
        ("Mechanical and Chemical Industry Corporation", "Makina ve Kimya Endüstrisi Kurumu"),
        ("Turkish Radio and Television Corporation", "Türkiye Radyo-Televizyon Kurumu"),
        ("Turkish Statistical Institute", "Türkiye İstatistik Kurumu"),
        ("Social Security Institution", "Sosyal Güvenlik Kurumu"),
        ("Turkish Housing Development Administration", "Toplu Konut İdaresi Başkanlığı"),
        ("Turkish Petroleum Pipeline Corporation", "Boru Hatları ile Petrol Taşıma A.Ş."),
        # İş (work) is a word of the name, no Danish I/S in the middle of it
        ("Is Bankasi", "Türkiye İş Bankası A.Ş."),
        ("İş Bankası", "Türkiye İş Bankası A.Ş."),
    ],
)
def test_turkish_names_match_their_english_names(query: str, name: str) -> None:
    assert score_in(query, name, "tr") >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "name"),
    [
        # banks of the same words, other banks
        ("Türkiye Vakıflar Bankası T.A.O.", "Türkiye Halk Bankası A.Ş."),
        ("Türkiye Kalkınma ve Yatırım Bankası A.Ş.", "Türkiye İhracat Kredi Bankası A.Ş."),
        ("Ziraat Katılım Bankası A.Ş.", "Türkiye Halk Bankası A.Ş."),
        # another Turkish airline; the refiner beside the oil company
        ("Pegasus Hava Taşımacılığı A.Ş.", "Türk Hava Yolları A.O."),
        ("Türkiye Petrol Rafinerileri A.Ş.", "Türkiye Petrolleri Anonim Ortaklığı"),
        ("Is Bankasi", "Türkiye Vakıflar Bankası T.A.O."),
    ],
)
def test_turkish_names_of_other_bodies_stay_apart(query: str, name: str) -> None:
    assert score_in(query, name, "tr") < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Turkish Airlines Corporation", "Türk Hava Yolları A.O."),
        ("Turkey Export Credit Bank Inc", "Türkiye İhracat Kredi Bankası A.Ş."),
    ],
)
def test_an_english_name_renders_the_legal_form_of_the_name_it_translates(
    query: str, listed: str
) -> None:
    # a Corporation or an Inc. is how the English name writes an anonim ortaklık or şirket
    assert score(query, listed) == 1.0


def test_the_same_words_under_two_legal_forms_stay_two_companies() -> None:
    # transliterated alike, not translated: a Russian company and its holder abroad
    assert score("Navis Elektronika Corp", "AO Navis Elektronika") < 1.0
    assert score("Sgm Most Fze", "SGM MOST OOO") < 1.0


def test_anonim_sirketi_in_ascii_letters_is_the_turkish_joint_stock_company() -> None:
    name = normalize_name("Turkiye Elektrik Iletim Anonim Sirketi", "organization")
    assert name.tokens == ("turkiye", "elektrik", "iletim")
    assert name.legal_forms == ("as",)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Türk Kızılay", "Turkish Red Crescent"),
        ("Türkiye Varlık Fonu", "Türkiye Wealth Fund"),
    ],
)
def test_the_red_crescent_and_a_wealth_fund(query: str, listed: str) -> None:
    assert score_in(query, listed, "tr") >= DEFAULT_THRESHOLD


# -- "Sanayi ve Ticaret" (industry and trade), which most Turkish companies' registered names
# say before their legal form; T.A.Ş. (Türk Anonim Şirketi); the words of defence and industry


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Baykar Makina Sanayi ve Ticaret A.Ş.", "Baykar"),
        ("Metal Pres Sanayi ve Ticaret A.Ş.", "Metal Pres A.S."),
        ("Kale Kalıp Sanayi ve Ticaret", "Kale Kalip A.S."),
        ("Akbank T.A.Ş.", "Akbank"),
        ("Sarsılmaz Silah Sanayi A.Ş.", "Sarsilmaz"),
        ("Petkim Petrokimya Holding A.Ş.", "Petkim"),
        ("Tofaş Türk Otomobil Fabrikası A.Ş.", "Tofas"),
        ("Türkiye Sanayi ve Ticaret Bakanlığı", "Ministry of Industry and Trade of Turkey"),
        # a common word, a word of the name said again or a generic word of another language
        # between the brand's words
        ("Halyk Bank", "Halyk Savings Bank of Kazakhstan JSC"),
        ("Garanti Bank", "Türkiye Garanti Bankası A.Ş."),
        ("Baidu Network Technology", "Baidu Online Network Technology (Beijing) Co., Ltd."),
        ("Turkcell Hizmetleri", "Turkcell Iletisim Hizmetleri A.S."),
    ],
)
def test_turkish_registered_names_meet_their_brands(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Aselsan Elektronik Sanayi ve Ticaret", "Aselsan Trading LLC"),
        # another company of the group, its own name inside the registered name
        ("Turkcell İletişim Hizmetleri A.Ş.", "Turkcell Superonline İletişim Hizmetleri A.Ş."),
        ("Acme Communication Services Inc.", "Acme Superonline Communication Services Inc."),
        # a brand without a form, another company's own word inside the group's name
        ("Ziraat Bankasi", "Ziraat Katilim Bankasi A.S."),
        ("Turkcell Iletisim", "Turkcell Superonline Iletisim Hizmetleri A.S."),
    ],
)
def test_turkish_registered_names_keep_other_companies_apart(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("name", "tokens", "forms"),
    [
        ("Türkiye İş Bankası A.Ş.", ("turkiye", "is", "bankasi"), ("as",)),
        ("Nordvind IS", ("nordvind",), ("is",)),  # the Danish form as the last word
    ],
)
def test_a_form_that_is_a_word_is_a_form_only_as_the_last_word(
    name: str, tokens: tuple[str, ...], forms: tuple[str, ...]
) -> None:
    found = normalize_name(name, "organization")
    assert found.tokens == tokens and found.legal_forms == forms
