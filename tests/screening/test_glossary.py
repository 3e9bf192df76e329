"""Common organisation words in Cyrillic and Arabic script read in English, and the names that
reading lets the matcher find (or keeps apart)."""

from __future__ import annotations

import pytest

from standing.screening.glossary import (
    english_reading,
    fold_arabic,
    han_words,
    parse_glossary,
    parse_han_words,
    read_han,
    reading,
    segment,
)
from standing.screening.match import Query, explain_name, name_variants
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.similarity import token_match
from tests.screening.names import company, matcher, score, score_in


def test_cyrillic_stems_read_any_inflection() -> None:
    assert english_reading("ОАО «Объединённая авиастроительная корпорация»") == (
        "ОАО « united aircraft corporation »"
    )
    assert english_reading("объединенной авиастроительной корпорации") == (
        "united aircraft corporation"
    )


def test_the_longest_stem_wins() -> None:
    # "объединени-" (an association) before "объединен-" (united)
    assert english_reading("Научно-производственное объединение") == (
        "research - production association"
    )


def test_arabic_script_words_and_phrases_with_their_article() -> None:
    assert english_reading("طيران الإمارات") == "airline emirates"
    assert english_reading("شرکت ملی نفت ایران") == "company national oil iran"
    assert english_reading("البنك المركزي العراقي") == "central bank iraqi"
    # a word not in the glossary is kept as written
    assert english_reading("مصرف الرافدين") == "bank الرافدين"


def test_chinese_names_of_organisations_known_by_another_english_name() -> None:
    assert english_reading("深圳市腾讯计算机系统有限公司") == (
        "Shenzhen Tencent Computer Systems 有限公司"
    )
    # the fewest words: 大疆创新 is DJI whole, not DJI and 创新 (innovation)
    assert english_reading("深圳市大疆创新科技有限公司") == "Shenzhen DJI Technology 有限公司"


def test_a_name_without_glossary_words_has_no_reading() -> None:
    assert english_reading("Kaspersky Lab") is None
    assert english_reading("Лукойл") is None
    assert english_reading("حزب الله") is None


def test_arabic_letter_variants_fold_together() -> None:
    assert fold_arabic("الإمارات") == fold_arabic("امارات")
    assert fold_arabic("شرکت") == fold_arabic("شركت")  # Persian and Arabic kaf
    # a word beginning with إل keeps one spelling after the article and after li- and al-
    electronics = fold_arabic("الكترونيات")
    assert fold_arabic("إلكترونيات") == electronics
    assert fold_arabic("الإلكترونيات") == electronics
    assert fold_arabic("للإلكترونيات") == electronics


def test_a_word_after_li_and_the_article_is_read() -> None:
    assert english_reading("شركة سامسونج للإلكترونيات") == "company سامسونج electronics"
    assert score("شركة سامسونج للإلكترونيات", "Samsung Electronics Co., Ltd.") >= DEFAULT_THRESHOLD


def test_a_malformed_glossary_line_is_named() -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse_glossary("# words\nlatin\tfoo\tbar\n")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ОАО «Объединённая авиастроительная корпорация»", "United Aircraft Corporation"),
        ("شرکت ملی نفت ایران", "National Iranian Oil Company"),
        ("طيران الإمارات", "Emirates Airline"),
        ("Государственная корпорация Ростех", "State Corporation Rostec"),
        ("ПАО «Газпром нефть»", "Gazprom Neft PJSC"),  # the transliteration still counts
        ("深圳市腾讯计算机系统有限公司", "Shenzhen Tencent Computer Systems Company Limited"),
        ("科大讯飞股份有限公司", "iFLYTEK Co., Ltd."),
        ("中国工商银行股份有限公司", "Industrial and Commercial Bank of China Limited"),
        # 股份公司, a joint-stock company: a foreign AG or SA in Chinese
        ("西门子股份公司", "Siemens Aktiengesellschaft"),
        ("ООО «КЕХ еКоммерц»", "KEH eCommerce LLC"),
        ("صنایع هواپیماسازی ایران", "Iran Aircraft Manufacturing Industries"),
        ("شركة الأمانة للتجارة العامة", "Al Amana General Trading Company"),
        # companies' full names in Han, their English names not a reading of them
        ("中芯国际集成电路制造有限公司", "Semiconductor Manufacturing International Corporation"),
        ("宁德时代新能源科技股份有限公司", "Contemporary Amperex Technology Co., Limited"),
        ("中国石油天然气集团有限公司", "China National Petroleum Corporation"),
        ("中国远洋海运集团有限公司", "China COSCO Shipping Corporation Limited"),
        ("中国中化控股有限责任公司", "Sinochem Holdings Corporation Ltd."),
        ("聯發科技股份有限公司", "MediaTek Inc."),
        ("香港上海滙豐銀行有限公司", "The Hongkong and Shanghai Banking Corporation Limited"),
        ("中電控股有限公司", "CLP Holdings Limited"),
        ("中国外运股份有限公司", "Sinotrans Limited"),
        ("中国兵器装备集团有限公司", "China South Industries Group Co., Ltd."),
        # Taiwanese and Hong Kong companies, and mainland ones in traditional characters
        ("緯創資通股份有限公司", "Wistron Corporation"),
        ("台灣塑膠工業股份有限公司", "Formosa Plastics Corporation"),
        ("宏碁股份有限公司", "Acer Incorporated"),
        ("電訊盈科有限公司", "PCCW Limited"),
        ("海尔智家股份有限公司", "Haier Smart Home Co., Ltd."),
        ("中联重科股份有限公司", "Zoomlion Heavy Industry Science and Technology Co., Ltd."),
        ("中聯重科股份有限公司", "Zoomlion Heavy Industry Science and Technology Co., Ltd."),
        # a generic word in traditional characters (移動, mobile)
        ("中國移動有限公司", "China Mobile Limited"),
        ("中国建筑集团有限公司", "China State Construction Engineering Corporation"),
        ("北京航空航天大学", "Beihang University"),
        ("北京航空航天大学", "Beijing University of Aeronautics and Astronautics"),
        ("김일성종합대학", "Kim Il Sung University"),
        ("香港交易及結算所有限公司", "Hong Kong Exchanges and Clearing Limited"),
        ("住友重機械工業株式会社", "Sumitomo Heavy Industries, Ltd."),
        ("株式会社読売新聞グループ本社", "The Yomiuri Shimbun Holdings"),
        ("АО «Народный сберегательный банк Казахстана»", "Halyk Savings Bank of Kazakhstan JSC"),
        (
            "АО «Московский институт электромеханики и автоматики»",
            "JSC Moscow Institute of Electromechanics and Automatics",
        ),
        # the acronyms of state corporations and their groups, as their English names write them
        ("АО «ОДК-Авиадвигатель»", "JSC UEC-Aviadvigatel"),
        ("ПАО «Интер РАО ЕЭС»", "Inter RAO UES PJSC"),
        ("ПАО «Московская Биржа ММВБ-РТС»", "Moscow Exchange MICEX-RTS PJSC"),
        ("АО «Авиакомпания «Сибирь»", "Siberia Airlines JSC"),
        ("ПАО «Челябинский трубопрокатный завод»", "Chelyabinsk Pipe Rolling Plant PJSC"),
        ("ПАО «Русская аквакультура»", "Russian Aquaculture PJSC"),
        ("ПрАТ «Металургійний комбінат «Азовсталь»", "Azovstal Iron and Steel Works"),
        ("Национална електрическа компания", "National Electricity Company"),
        ("Български пощи", "Bulgarian Posts"),
        (
            "Национальный банк внешнеэкономической деятельности Республики Узбекистан",
            "National Bank for Foreign Economic Activity of the Republic of Uzbekistan",
        ),
        # a combine, as a complex
        (
            "АО «Алмалыкский горно-металлургический комбинат»",
            "Almalyk Mining and Metallurgical Complex JSC",
        ),
        # Mongolian
        ("Монголын Хөгжлийн Банк", "Development Bank of Mongolia"),
        ("Улаанбаатар төмөр зам", "Ulaanbaatar Railway"),
        # air, also before another word with a hyphen
        (
            "АО «Концерн воздушно-космической обороны «Алмаз-Антей»",
            "Almaz-Antey Air and Space Defence Corporation",
        ),
        ("Военно-воздушные силы", "Air Force"),
        # a plant's kind written onto its word
        ("АО «Ижевский радиозавод»", "Izhevsk Radio Plant JSC"),
        # air, or aerospace, and identity, after li- and the article
        ("منظمة الصناعات الجوية", "Aerospace Industries Organization"),
        ("هيئة الإمارات للهوية", "Emirates Identity Authority"),
    ],
)
def test_translated_names_match(query: str, listed: str) -> None:
    assert matcher.score(Query.of(query, schema="Company"), company(listed)).match


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ООО «Алмаз»", "Diamonds LLC"),  # a brand is not read as a word
        ("شرکت ملی نفت ایران", "National Iraqi Oil Company"),
        ("Государственная корпорация Ростех", "State Corporation Roscosmos"),
        ("شركة الأمانة للتجارة العامة", "Al Noor General Trading Company"),
        ("北京东城科技有限公司", "JD.com"),  # 京东 is not read inside 北京东城
        ("深圳市腾讯计算机系统有限公司", "Shenzhen Hytera Computer Systems Company Limited"),
        # read in English, a name keeps its identifying word
        ("中国东方航空股份有限公司", "China Southern Airlines Company Limited"),
        ("上海电气集团股份有限公司", "Shanghai Electric Power Company Limited"),
        ("三菱重工業株式会社", "Kawasaki Heavy Industries, Ltd."),
        ("中国石油天然气集团有限公司", "PetroChina Company Limited"),  # the group, not PetroChina
        ("中国兵器工业集团有限公司", "China South Industries Group Co., Ltd."),  # Norinco
        # generic words and places only: no English reading to meet another company with
        ("北京东方科技有限公司", "East Technology Co., Ltd."),
        ("北京东方科技有限公司", "JD.com"),  # 京东方 (BOE) is not read inside 北京东方
        ("АО «ОДК-Авиадвигатель»", "JSC UEC-Perm Motors"),
        ("Монголын Хөгжлийн Банк", "Trade and Development Bank of Mongolia"),
        ("長榮海運股份有限公司", "EVA Airways Corporation"),
        ("宏碁股份有限公司", "ASUSTeK Computer Inc."),
        ("Улаанбаатар төмөр зам", "Ulaanbaatar Bank"),
        ("АО «Ижевский радиозавод»", "Izhevsk Mechanical Plant JSC"),
        ("منظمة الصناعات البحرية", "Aerospace Industries Organization"),
    ],
)
def test_translated_names_keep_other_companies_apart(query: str, listed: str) -> None:
    assert not matcher.score(Query.of(query, schema="Company"), company(listed)).match


def test_a_person_name_is_not_read_as_words() -> None:
    assert name_variants("Банк Иванов", "person") == ["Банк Иванов"]
    assert "bank Иванов" in name_variants("Банк Иванов", "organization")


@pytest.mark.parametrize(("a", "b"), [("rostekh", "rostec"), ("ekommerts", "ecommerce")])
def test_borrowed_words_in_english_and_transliterated(a: str, b: str) -> None:
    sim, how = token_match(a, b)
    assert sim >= 0.85, how


def test_borrowed_word_folding_keeps_different_words_apart() -> None:
    assert token_match("rostec", "rostov")[0] < 0.8


# -- Chinese read word by word (CC-CEDICT) ---------------------------------------------


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("中国东方航空股份有限公司", "China Eastern Airlines Corporation Limited"),
        ("上海电气集团股份有限公司", "Shanghai Electric Group Company Limited"),
        ("深圳市大疆创新科技有限公司", "Shenzhen DJI Technology Co., Ltd."),
        ("任天堂株式会社", "Nintendo Co., Ltd."),
        ("日立製作所", "Hitachi, Ltd."),
        ("三菱重工業株式会社", "Mitsubishi Heavy Industries, Ltd."),
        ("中国长江三峡集团有限公司", "China Three Gorges Corporation"),
        ("中国长城工业集团有限公司", "China Great Wall Industry Corporation"),
    ],
)
def test_chinese_names_read_word_by_word_match_their_english_names(query: str, listed: str) -> None:
    assert matcher.score(Query.of(query, schema="Company"), company(listed)).match


def test_a_reading_of_generic_words_and_places_only_is_not_offered() -> None:
    assert read_han("北京科技有限公司") is None  # would be "Beijing technology"
    # "China people bank": no word of its own, a country's generic name at most
    people = read_han("中国人民银行")
    assert people is not None and people.generic
    assert not matcher.score(
        Query.of("中国人民银行", schema="Company"), company("China Construction Bank")
    ).match
    assert read_han("北京东城科技有限公司") is None  # 东城 is a district of Beijing
    assert english_reading("北京科技有限公司") is None
    # a common word that says what the company does is no word of its own: 海運 "shipping by sea"
    assert read_han("上海國際海運有限公司") is None
    # characters no table reads are a name, in pinyin: Shenzhen Huaqiang Electronics
    huaqiang = read_han("深圳市华强电子有限公司")
    assert huaqiang is not None and huaqiang.text == "Shenzhen Huaqiang Electronics 有限公司"


def test_the_reading_says_which_words_were_read_and_drops_city_and_province() -> None:
    found = read_han("广东省香港中华煤气有限公司")
    assert found is not None
    assert found.text == "Guangdong Hong Kong China Gas 有限公司"  # 省 after a place dropped
    assert found.words == ("广东=Guangdong", "香港=Hong Kong", "中华=China", "煤气=Gas")


def test_the_generic_table_wins_over_the_dictionary() -> None:
    table = parse_han_words(
        "# test\n科技\tscience and technology\tword\n大华\tDahua\tname\n", {"科技": "technology"}
    )
    assert segment("大华科技", table) == [
        ("大华", "Dahua", "name"),
        ("科技", "technology", "generic"),
    ]


def test_the_fewest_words_win_and_then_the_fewest_single_characters() -> None:
    table = parse_han_words(
        "北京\tBeijing\tplace\n东方\teast\tword\n北\tnorth\tword\n",
        {},
        {"京东方": "BOE"},
    )
    assert [w for w, _, _ in segment("北京东方", table)] == ["北京", "东方"]
    assert [w for w, _, _ in segment("京东方科", table)] == ["京东方", "科"]


def test_the_hit_says_the_name_was_read_in_english() -> None:
    hit = matcher.score(
        Query.of("中国东方航空股份有限公司", schema="Company"),
        company("China Eastern Airlines Corporation Limited"),
    )
    assert hit.features["name"]["read_in_english"] == {
        "query": ["中国东方航空=China Eastern Airlines"]
    }
    plain = matcher.score(
        Query.of("China Eastern Airlines", schema="Company"),
        company("China Eastern Airlines Corporation Limited"),
    )
    assert "read_in_english" not in plain.features["name"]
    assert explain_name(hit.features["name"]).endswith(
        "read in English: 中国东方航空=China Eastern Airlines"
    )


def test_the_dictionary_is_read_once_and_only_for_han_names() -> None:
    import subprocess
    import sys

    code = (
        "from standing.screening import glossary as g\n"
        "from standing.screening.match import Query, Matcher\n"
        "g.english_reading('Объединённая авиастроительная корпорация')\n"
        "assert g.han_words.cache_info().currsize == 0\n"
        "g.english_reading('中国东方航空')\n"
        "assert g.han_words.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_shipped_dictionary_table() -> None:
    table = han_words()
    assert len(table.english) > 100_000
    assert table.english["华为"] == "Huawei"
    assert "深圳" in table.places
    assert "深圳市" not in table.english  # read as 深圳 + 市


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Державне підприємство «АНТОНОВ»", "State Enterprise Antonov"),
        ("Derzhavne Pidpryiemstvo Antonov", "State Enterprise Antonov"),
        (
            "АТ «Державний експортно-імпортний банк України»",
            "JSC The State Export-Import Bank of Ukraine",
        ),
    ],
)
def test_ukrainian_names_are_read_in_english(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


def test_a_board_is_a_kind_of_body() -> None:
    assert score("Pakistan Ordnance Factories Board", "Pakistan Ordnance Factories") >= (
        DEFAULT_THRESHOLD
    )


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("«Қазақстан Даму Банкі» АҚ", "Development Bank of Kazakhstan JSC"),
        ("Кыргыз Республикасынын Улуттук банкы", "National Bank of the Kyrgyz Republic"),
        ("Нацыянальная акадэмія навук Беларусі", "National Academy of Sciences of Belarus"),
        ("Народна банка Србије", "National Bank of Serbia"),
        ("Български енергиен холдинг ЕАД", "Bulgarian Energy Holding EAD"),
        ("Българска банка за развитие АД", "Bulgarian Development Bank AD"),
        ("АТ «Державний ощадний банк України»", "JSC State Savings Bank of Ukraine"),
        (
            "Київський національний університет імені Тараса Шевченка",
            "Taras Shevchenko National University of Kyiv",
        ),
    ],
)
def test_kazakh_kyrgyz_belarusian_serbian_and_bulgarian_names_are_read_in_english(
    query: str, listed: str
) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Нацыянальная акадэмія навук Беларусі", "National Academy of Sciences of Ukraine"),
        ("Народна банка Србије", "National Bank of the Republic of North Macedonia"),
        ("Кыргыз Республикасынын Улуттук банкы", "National Bank of the Republic of Kazakhstan"),
        ("Български енергиен холдинг ЕАД", "Independent Bulgarian Energy Exchange EAD"),
    ],
)
def test_the_same_words_of_another_country_stay_apart(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    "query",
    [
        "Акционарско друштво Електропривреда Србије, Београд",
        "Akcionarsko drustvo Elektroprivreda Srbije Beograd",
    ],
)
def test_the_seat_after_a_serbian_name_counts_as_a_place(query: str) -> None:
    assert score_in(query, "Electric Power Industry of Serbia JSC", "rs") >= DEFAULT_THRESHOLD


def test_the_iron_road_of_central_asia_is_its_railways() -> None:
    assert score("«Ўзбекистон темир йўллари» АЖ", "Uzbekistan Railways JSC") >= DEFAULT_THRESHOLD
    assert score("«Қазақстан темір жолы» ұлттық компаниясы» АҚ", "Uzbekistan Railways JSC") < (
        DEFAULT_THRESHOLD
    )


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # a Cyrillic or Arabic word's second sense gives the name a second reading
        ("ОАО «558 Авиационный ремонтный завод»", "OJSC 558 Aircraft Repair Plant"),
        (
            "Московский физико-технический институт",
            "Moscow Institute of Physics and Technology",
        ),
        # управление: management, or a directorate
        ("Главное разведывательное управление", "Main Intelligence Directorate"),
        # الخطوط الجوية: airways, or airlines
        ("الخطوط الجوية العربية السورية", "Syrian Arab Airlines"),
    ],
)
def test_a_word_s_second_sense_gives_a_second_reading(query: str, listed: str) -> None:
    found = reading(query)
    assert found is not None and found.alternate is not None
    assert matcher.score(Query.of(query, schema="Company"), company(listed)).match


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # a contraction of two roots, which the English name keeps as written
        (
            "Объединенная промышленная корпорация Оборонпром",
            "United Industrial Corporation Oboronprom",
        ),
        # a word through a prefix's stem and an inflected word are read
        ("ОАО Минский автомобильный завод", "OJSC Minsk Automobile Plant"),
    ],
)
def test_a_compound_of_two_roots_is_kept_as_written(query: str, entry: str) -> None:
    assert score(query, entry) >= DEFAULT_THRESHOLD


def test_an_inflected_word_is_read_and_a_compound_is_not() -> None:
    assert english_reading("Оборонная промышленность") == "defence industrial"
    assert english_reading("Оборонпром") is None
