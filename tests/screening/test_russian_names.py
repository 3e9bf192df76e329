"""Russian organisation names written in Cyrillic against their English and Latin names: the
glossary's domains, one-word brands, adjectives in -sk-, descriptors and the FSUE -- what each
lets the matcher find, and the hard negatives it must keep apart."""

from __future__ import annotations

import pytest

from standing.screening.glossary import english_reading, glossary
from standing.screening.match import Query, Screener
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import normalize_name
from standing.screening.similarity import SIM_INFLECTION, adjective_base, token_match
from tests.screening.names import company, score, score_in

# -- 1. the glossary's domains ------------------------------------------------------------


def test_the_glossary_has_some_five_hundred_cyrillic_words_and_stems_or_more() -> None:
    terms = glossary()
    cyrillic = len(terms.cyrillic_words) + len(terms.cyrillic_stems) + len(terms.cyrillic_acronyms)
    assert cyrillic >= 500


@pytest.mark.parametrize(
    ("name", "reading"),
    [
        # energy, oil and gas
        ("Нефтегазовая компания «Альфа»", "oil and gas company «Альфа»"),
        ("Сжиженный природный газ Ямал", "liquefied natural gas Ямал"),
        # banking and finance
        ("Московский кредитный банк", "moscow credit bank"),
        ("Агентство по страхованию вкладов", "agency insurance deposits"),
        # industry and engineering
        ("Уральский завод тяжёлого машиностроения", "ural plant heavy engineering"),
        ("Силовые машины", "power machines"),
        # defence, aviation and space
        ("Казанский вертолётный завод", "kazan helicopters plant"),
        ("Объединённая двигателестроительная корпорация", "united engine corporation"),
        # transport and shipping
        ("Российские железные дороги", "russian railways"),
        ("Северная верфь", "northern shipyard"),
        # telecoms and IT
        ("Мобильные ТелеСистемы", "mobile ТелеСистемы"),
        # science and research
        ("Институт прикладной физики", "institute applied physics"),
        # trade, construction, agriculture, mining, chemicals
        ("Торговый дом «Восток»", "trading house «Восток»"),
        ("Птицефабрика «Ромашка» Агрохолдинг", "poultry farm «Ромашка» agroholding"),
        ("Горно-обогатительный комбинат", "mining - processing plant"),
        ("Азотно-туковый завод", "nitrogen -туковый plant"),
        # medicine, media, security, education, state bodies
        ("Фармацевтическая компания «Здоровье»", "pharmaceutical company « health »"),
        ("Телерадиокомпания «Мир»", "television radio «Мир»"),
        ("Служба безопасности «Щит»", "service security «Щит»"),
        ("Политехнический университет имени Петра Великого", None),
        ("Министерство иностранных дел", "ministry foreign affairs"),
        ("Федеральная таможенная служба", "federal customs service"),
    ],
)
def test_domain_words_are_read_in_english(name: str, reading: str | None) -> None:
    got = english_reading(name)
    if reading is None:
        assert got is not None and got.startswith("polytechnic university named after")
    else:
        assert got == reading


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ОАО «Казанский вертолётный завод»", "Kazan Helicopter Plant PJSC"),
        ("АО «Уральский завод тяжёлого машиностроения»", "Ural Heavy Machinery Plant JSC"),
        ("ПАО «Силовые машины»", "Power Machines PJSC"),
        ("ПАО «Московская биржа»", "Moscow Exchange PJSC"),
        ("АО «Объединённая судостроительная корпорация»", "United Shipbuilding Corporation JSC"),
        ("АО «Объединённая двигателестроительная корпорация»", "United Engine Corporation JSC"),
        ("АО «Российские железные дороги»", "Russian Railways JSC"),
        (
            "Министерство обороны Российской Федерации",
            "Ministry of Defence of the Russian Federation",
        ),
        (
            "Федеральная служба безопасности Российской Федерации",
            "Federal Security Service of the Russian Federation",
        ),
        ("Агентство по страхованию вкладов", "Deposit Insurance Agency"),
        # сил: of the forces, the genitive plural
        (
            "Главное управление Генерального штаба Вооруженных сил Российской Федерации",
            "Main Directorate of the General Staff of the Armed Forces of the Russian Federation",
        ),
        (
            "АО «Научно-производственное предприятие «Исток» имени Шокина»",
            "Research and Production Enterprise Istok named after Shokin JSC",
        ),
        ("УК «Альфа Капитал»", "Alfa Capital Management Company"),
        ("ТД «Северная верфь»", "Northern Shipyard Trading House"),
        # Ukrainian forms and descriptors: ПАТ a public joint-stock company, ДК a state concern
        ("ПАТ «Укрнафта»", "PJSC Ukrnafta"),
        ("ДК «Укроборонпром»", "State Concern Ukroboronprom"),
        # second senses: объединённый joint, ракетный rocket
        ("Объединённый институт ядерных исследований", "Joint Institute for Nuclear Research"),
        ("Ракетно-космическая корпорация «Энергия»", "Rocket and Space Corporation Energia"),
        (
            "Служба внешней разведки Российской Федерации",
            "Foreign Intelligence Service of the Russian Federation",
        ),
        ("Фонд национального благосостояния", "National Wealth Fund"),
        (
            "Санкт-Петербургский государственный университет",
            "Saint Petersburg State University",
        ),
        ("Нафтна индустрија Србије", "Petroleum Industry of Serbia"),
        # эйр: the English word Air
        ("АО «Эйр Астана»", "Air Astana JSC"),
        # the acronym of an academy of sciences; РФ, the federation, as its initials
        (
            "Институт прикладной физики РАН",
            "Institute of Applied Physics of the Russian Academy of Sciences",
        ),
        ("Министерство обороны РФ", "Ministry of Defence of the Russian Federation"),
        # ГНЦ РФ, a state research centre of the federation, which English names leave out
        (
            "ФГУП «ГНЦ РФ ЦНИИ робототехники и технической кибернетики»",
            "Central Research and Development Institute of Robotics and Technical Cybernetics",
        ),
        # южный: southern, the Yuzhny of the plant's English name
        ("Южный машиностроительный завод", "Yuzhny Machine-Building Plant"),
        # a body's own name quoted inside a descriptive one
        ("АО «Фонд национального благосостояния «Самрук-Казына»»", "Samruk-Kazyna"),
        # the Serbian public enterprise (јавно предузеће) is a legal form
        ("Јавно предузеће «Електропривреда Србије»", "Electric Power Industry of Serbia"),
    ],
)
def test_names_translated_by_domain_words_match(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # a surname or a place is not a word of the glossary
        ("ООО «Школьников и партнеры»", "School Partners LLC"),
        ("Музенидис Трэвел", "Museum Travel"),
        ("ООО «Буров и Спутников»", "Drilling Satellite LLC"),
        # another word of the same domain
        ("ПАО «Московский кредитный банк»", "Moscow Industrial Bank PJSC"),
        # the other direction: a letter or two apart, never the same
        ("АО «Северная верфь»", "Southern Shipyard JSC"),
        ("Восточная нефтяная компания", "Western Oil Company"),
        # the group's registered name against its companies of a trade
        ("ПАО «Туполев»", "Tupolev Leasing Company"),
        ("АО «НПО «Алмаз»", "Almaz Bank"),
        ("ПАО «Газпром нефть»", "Gazprom"),
        # "по" is a preposition, not the acronym ПО (a production association)
        ("Агентство по страхованию вкладов", "Production Association Insurance Agency"),
        # the name quoted inside keeps the legal form outside
        ("АО «Концерн «Калашников»»", "Kalashnikov USA LLC"),
    ],
)
def test_domain_words_keep_other_companies_apart(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8


def test_an_initial_is_not_read_as_a_word() -> None:
    assert english_reading("Институт физиологии имени И. П. Павлова") == (
        "institute физиологии named after И. П. Павлова"
    )
    assert english_reading("Школьников и партнеры") == "Школьников and partners"


def test_an_acronym_of_the_glossary_is_read_only_in_capitals() -> None:
    assert english_reading("ПО «Маяк» Озёрск") == "production association «Маяк» Озёрск"
    assert english_reading("Агентство по страхованию вкладов") == "agency insurance deposits"


# -- 2. a one-word Cyrillic name is a brand -------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "ООО «Нефтегаз»",
        "ооо нефтегаз",
        "Нефтегаз",
        "АО «Энергия»",
        "ООО ЧОП «Щит»",
        "ПАО «Сбербанк»",
    ],
)
def test_a_one_word_cyrillic_name_is_a_brand_not_read_in_english(name: str) -> None:
    assert english_reading(name) is None


def test_a_brand_keeps_its_word_but_its_acronyms_are_read() -> None:
    assert english_reading("НПП «Исток»") == "research production enterprise «Исток»"
    assert english_reading("ТД «Перекрёсток»") == "trading house «Перекрёсток»"


def test_two_words_besides_legal_forms_are_read() -> None:
    assert english_reading("ООО «Газпром нефть»") == "ООО «Газпром oil »"
    assert english_reading("МКПАО «Объединённая компания «РУСАЛ»") == (
        "МКПАО « united company «РУСАЛ»"
    )


@pytest.mark.parametrize("listed", ["Oil Gas LLC", "Oil LLC", "Gas LLC"])
def test_a_brand_is_not_matched_by_translation(listed: str) -> None:
    assert score("ООО «Нефтегаз»", listed) < 0.8
    assert score("ООО «Газпром»", listed) < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ООО «Нефтегаз»", "Neftegaz LLC"),
        ("НПП «Исток»", "Research and Production Enterprise Istok"),
        ("ТД «Перекрёсток»", "Perekrestok Trading House"),
        ("ООО «Газпром нефть»", "Gazprom Neft LLC"),
    ],
)
def test_a_brand_still_matches_by_transliteration(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8


# -- 3. adjectives in -sk- against the place they are made from ------------------------------


@pytest.mark.parametrize(
    ("adjective", "name"),
    [
        ("kazanskiy", "kazan"),
        ("kazansky", "kazan"),
        ("kazanskaya", "kazan"),
        ("kazanskogo", "kazan"),
        ("uralskiy", "ural"),
        ("tulskiy", "tula"),  # the place's final vowel gives way to the suffix
        ("kurskiy", "kursk"),  # a place ending in -sk
        ("omskiy", "omsk"),
        ("donskoy", "don"),  # three letters: the shortest base
        ("udenskiy", "ude"),  # a final e, i, o or u takes an n before the suffix (Ulan-Ude)
        ("sochinskiy", "sochi"),
    ],
)
def test_an_adjective_in_sk_matches_its_place(adjective: str, name: str) -> None:
    assert token_match(adjective, name) == (SIM_INFLECTION, "inflection")
    assert token_match(name, adjective) == (SIM_INFLECTION, "inflection")


@pytest.mark.parametrize(
    ("adjective", "name"),
    [
        ("obskiy", "ob"),  # a base of two letters
        ("minsky", "mins"),  # not the place the adjective is made from
        ("kazanskiy", "kaza"),
        ("kazanskiy", "kazakh"),
        ("moskovskiy", "moskva"),  # irregular: the glossary reads it
        ("kazanskiy", "kazanova"),
    ],
)
def test_an_adjective_in_sk_does_not_match_another_base(adjective: str, name: str) -> None:
    sim, how = token_match(adjective, name)
    assert how != "inflection"
    assert sim < 0.8


def test_adjective_base() -> None:
    assert adjective_base("kazanskiy") == "kazan"
    assert adjective_base("kazan") is None
    assert adjective_base("sky") is None


def test_a_brand_in_an_adjective_finds_its_listed_name_and_says_how() -> None:
    screener = Screener(
        [
            company(n)
            for n in (
                "Kazan Helicopters",
                "Kazakh Helicopters",
                "Ural Heavy Machinery Plant",
                "Tula Arms Plant",
                "Izhevsk Mechanical Plant",
            )
        ]
    )
    hits = screener.screen(Query.of("Kazansky Helicopter Plant", schema="Company"))
    assert hits and hits[0].match
    assert hits[0].entry.entry_id == "Kazan Helicopters"
    assert "kazansky=kazan (inflection 0.80)" in hits[0].features["name"]["tokens"]
    assert all(h.entry.entry_id != "Kazakh Helicopters" for h in hits if h.match)
    assert ("kazan", SIM_INFLECTION) in screener.index.neighbours("kazanskaya")


def test_a_persons_name_is_not_compared_as_an_adjective() -> None:
    assert score("Ivan Kaminsky", "Ivan Kamin", schema="Person") < 0.8
    assert score("Kazansky Plant", "Kazakh Plant") < 0.8


# -- 4. descriptors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("ЦНИИ «Буревестник»", ("central", "research", "institute", "burevestnik")),
        ("TsNII Burevestnik", ("central", "research", "institute", "burevestnik")),
        ("ОКБ «Сухой»", ("experimental", "design", "bureau", "suhoi")),
        ("НИИ Полюс", ("research", "institute", "polyus")),
        ("ЧОО «Витязь»", ("private", "security", "organization", "vityaz")),
        ("ЦКБ «Рубин»", ("central", "design", "bureau", "rubin")),
        ("ФНПЦ «Прибор»", ("federal", "research", "production", "center", "pribor")),
    ],
)
def test_descriptors_in_cyrillic_and_latin_are_read_in_english(
    name: str, tokens: tuple[str, ...]
) -> None:
    assert normalize_name(name, "organization").tokens == tokens


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ЦНИИ «Буревестник»", "Central Research Institute Burevestnik"),
        ("ОКБ «Сухой»", "Sukhoi Experimental Design Bureau"),
        ("АО «Концерн ВКО «Алмаз – Антей»", "Almaz Antey Air and Space Defence Corporation JSC"),
        ("РКК «Энергия»", "Rocket and Space Corporation Energia"),
        ("ООО ЧОП «Щит»", "Private Security Company Shchit LLC"),
    ],
)
def test_names_with_descriptors_match(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # in Latin letters NPP is a nuclear power plant, SKB a bank: not descriptors
        ("NPP Khmelnitsky", "Research and Production Enterprise Khmelnitsky"),
        ("SKB Bank", "Special Design Bureau"),
        ("РКК «Энергия»", "Energy Corp"),
        ("ЦНИИ «Буревестник»", "Central Research Institute Rubin"),
    ],
)
def test_descriptors_keep_other_bodies_apart(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8


def test_ambiguous_acronyms_are_not_descriptors() -> None:
    # УК and СК are read only in the English reading of a Cyrillic name (PO, NPP and TD
    # only before the name of a body: test_russian_descriptors)
    for acronym in ("uk", "sk"):
        assert normalize_name(f"{acronym.upper()} Alfa Beta", "organization").tokens[0] == acronym


def test_zaporizhzhia_npp_is_a_nuclear_power_plant() -> None:
    assert score("Zaporizhzhia NPP", "Zaporizhzhia Nuclear Power Plant") >= 0.8


# -- 5. the federal state unitary enterprise ------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "ФГУП «Калашников»",
        "FGUP Kalashnikov",
        "FSUE Kalashnikov",
        "Federal State Unitary Enterprise Kalashnikov",
        "Kalashnikov, FSUE",
    ],
)
def test_fsue_is_a_legal_form_however_written(name: str) -> None:
    norm = normalize_name(name, "organization")
    assert norm.tokens == ("kalashnikov",)
    assert norm.legal_forms == ("fsue",)


def test_a_legal_form_rigour_knows_without_a_compare_form_is_named() -> None:
    assert normalize_name("ФГБУ «Полюс»", "organization").legal_forms == ("fsbi",)
    assert normalize_name("State Unitary Enterprise Polyus", "organization").legal_forms == ("sue",)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ФГУП «Калашников»", "FSUE Kalashnikov"),
        ("Federal State Unitary Enterprise Kalashnikov", "FGUP Kalashnikov"),
        ("ГУП «Калашников»", "FSUE Kalashnikov"),  # an FSUE is a state unitary enterprise
        ("ФГУП «Почта России»", "FSUE Russian Post"),
    ],
)
def test_fsue_names_match(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8


def test_fsue_is_a_russian_form() -> None:
    assert score("Kalashnikov FSUE", "Kalashnikov GmbH") < score("Kalashnikov FSUE", "Kalashnikov")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        (
            "Research Institute Polyus named after M.F. Stelmakh",
            "Joint Stock Company Research Institute Polyus of M.F. Stelmakh",
        ),
        (
            "Nauchno-Issledovatelskiy Institut Polyus imeni M.F. Stelmakha AO",
            "Joint Stock Company Research Institute Polyus of M.F. Stelmakh",
        ),
        ("Rossiyskiy Fond Pryamykh Investitsiy", "Russian Direct Investment Fund"),
        ("Российский фонд прямых инвестиций", "Russian Direct Investment Fund"),
        ("АО «Первый канал»", "JSC Channel One Russia"),
        (
            "Московский государственный институт международных отношений",
            "Moscow State Institute of International Relations",
        ),
        (
            "Институт системного программирования им. В.П. Иванникова РАН",
            "Ivannikov Institute for System Programming of the Russian Academy of Sciences",
        ),
        (
            "АО «Объединенная приборостроительная корпорация»",
            "United Instrument Manufacturing Corporation JSC",
        ),
    ],
)
def test_a_dedication_and_more_domain_words_are_read(query: str, listed: str) -> None:
    """ "Named after" and "imeni" weigh no more than "of"; прямых is direct, канал channel,
    отношений relations, программирования programming; приборостроительная corporation is
    an "Instrument Manufacturing" one as well as an "Instrument-Making" one."""
    assert score(query, listed) >= 0.8


def test_a_dedication_does_not_join_two_institutes() -> None:
    assert (
        score(
            "Research Institute Polyus named after M.F. Stelmakh",
            "Research Institute Istok named after A.I. Shokin",
        )
        < 0.8
    )


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Ўзбекистон Республикаси Марказий банки", "Central Bank of the Republic of Uzbekistan"),
        ("АО «Узбекистон темир йуллари»", "Uzbekistan Railways"),
    ],
)
def test_uzbek_words_read_in_english(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Sberbank Rossii", "Sberbank of Russia"),
        ("Gazprombank Rossii", "Gazprombank"),
        ("Ukrposhta Ukrainy", "Ukrposhta"),
    ],
)
def test_a_country_named_in_the_genitive_is_the_country(query: str, listed: str) -> None:
    """ "Rossii" (России, of Russia) is Russia, as "Rossiya" is."""
    assert score_in(query, listed, "ua" if "Ukr" in query else "ru") >= DEFAULT_THRESHOLD


def test_two_names_of_a_country_link_but_a_capital_is_no_country() -> None:
    from standing.screening.match.alignment import same_country

    assert same_country("rossii", "russia")
    assert not same_country("tehran", "iran")
    assert not same_country("moscow", "russia")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("AO Russkaya Mednaya Kompaniya", "Russian Copper Company JSC"),
        ("АО «Русская медная компания»", "Russian Copper Company JSC"),
        # a Kazakh limited liability partnership (ТОО) is an LLP
        ("TOO Kazakhstanskaya Neftyanaya Kompaniya", "Kazakhstan Oil Company LLP"),
        ("ТОО «Казахстанская нефтяная компания»", "Kazakhstan Oil Company LLP"),
    ],
)
def test_russian_and_a_kazakh_partnership_are_read(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


def test_a_kazakh_partnership_is_not_a_joint_stock_company() -> None:
    assert normalize_name("ТОО Самрук", "organization").legal_forms == ("too",)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # a company's brand and its brand with a word of a compound after it, also after the
        # vowel that joins a compound's words (нефтегаз, neft-e-gaz): another company
        ("Gazprom", "Gazprombank"),
        ("Rosneft", "Rosneftegaz"),
        ("Gazprom", "Gazpromenergo"),
    ],
)
def test_a_brand_with_another_word_of_a_compound_is_another_company(
    query: str, listed: str
) -> None:
    assert score_in(query, listed, "ru") < DEFAULT_THRESHOLD


def test_a_truncated_or_inflected_brand_is_still_the_brand() -> None:
    assert score_in("Rosoboronexport", "Rosoboronexpor", "ru") >= DEFAULT_THRESHOLD
    assert score_in("Uralkali", "Uralkaliy", "ru") >= DEFAULT_THRESHOLD


def test_a_railway_car_is_a_railcar() -> None:
    # вагон in Uralvagonzavod, read "Ural railcar plant"
    assert score_in("Uralvagonzavod", "Ural Railway Car Plant", "ru") >= DEFAULT_THRESHOLD
    assert score_in("Uralvagonzavod", "Ural Turbine Plant", "ru") < DEFAULT_THRESHOLD
