"""Organisation names written in Latin letters as a romanisation of Russian, Chinese, Japanese,
Korean or Persian read with their common words in English, and the names that reading lets the
matcher find (or keeps apart)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from standing.screening.cache import fingerprinted_files
from standing.screening.glossary import Reading, read_han
from standing.screening.index import NameIndex
from standing.screening.match import Query, name_variants
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import normalize_name
from standing.screening.romanised import (
    build_tables,
    fold_chinese,
    fold_japanese,
    fold_korean,
    fold_russian,
    latin_reading,
    tables,
)
from tests.screening.names import company, matcher, score, score_in


def reading(name: str) -> str | None:
    found = latin_reading(name)
    return found.text if found else None


# -- the folds -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spellings",
    [
        # объединённая: BGN/PCGN, GOST 7.79 without its marks, ISO 9 without diacritics,
        # scientific, German, passports
        ["Obyedinyonnaya", "Ob``edinyonnaya", "Obʺedinënnaâ", "Ob'edinennaja", "Obedinennaya"],
        # щ, ч, х, ц, ж in each scheme
        ["Shchit", "Shhit", "Schtschit", "Ščit"],
        ["Khimicheskiy", "Chimitscheskij", "Ximicheskij", "Himičeskij"],
        ["Korporatsiya", "Korporaciya", "Korporacija", "Korporatsija", "Korporaciâ"],
        ["Gazprom", "Gasprom"],
        ["Sovkomflot", "Sowkomflot"],
        ["Rosneft", "Rosneft'", "Rosneftʹ"],
        ["Vagner", "Wagner"],
    ],
)
def test_russian_schemes_fold_to_one_spelling(spellings: list[str]) -> None:
    assert len({fold_russian(s) for s in spellings}) == 1, [fold_russian(s) for s in spellings]


def test_united_and_association_stay_two_words() -> None:
    # the doubled n of объединённая against объединение's ни
    assert fold_russian("Obyedinyonnaya") != fold_russian("Obyedineniye")
    assert reading("Nauchno-Proizvodstvennoye Obyedineniye Almaz") == (
        "research production association Almaz"
    )
    assert reading("Obyedinyonnaya Aviastroitelnaya Korporatsiya") == (
        "united aircraft corporation"
    )


def test_japanese_long_vowels_and_korean_schemes_fold() -> None:
    assert len({fold_japanese(s) for s in ["Jūkōgyō", "Jukougyou", "Jukoogyoo", "Jukogyo"]}) == 1
    assert fold_korean("Jeonja") == fold_korean("Chŏnja")
    assert fold_korean("Eunhaeng") == fold_korean("Ŭnhaeng")


def test_russian_words_come_from_the_cyrillic_glossary_at_load_time() -> None:
    tables = build_tables([], [], {"шоколад": "chocolate"}, {"кондитерск*": "confectionery"}, [])
    ru = tables.languages["ru"]
    assert ru.words[fold_russian("shokolad")] == "chocolate"
    assert any(gloss == "confectionery" for c in ru.stems.values() for _, gloss, _ in c)


def test_the_data_files_are_in_the_cache_fingerprint() -> None:
    names = {p.name for p in fingerprinted_files()}
    assert {"romanised_words.tsv", "romanised_legal_forms.tsv"} <= names


# -- readings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Neftyanaya Kompaniya Rosneft", "oil company Rosneft"),
        ("Neftjanaja Kompanija Rosneft'", "oil company Rosneft'"),
        ("Gruppa Kompaniy PIK", "group company PIK"),
        ("OOO Strakhovaya Kompaniya Soglasie", "OOO insurance company Soglasie"),
        ("Zhongguo Hangkong Gongye Jituan", "china aviation industry group"),
        ("Zhong Guo Dian Xin Ji Tuan Youxian Gongsi", "china telecom group Youxian Gongsi"),
        ("Mitsubishi Jūkōgyō Kabushiki Kaisha", "Mitsubishi heavy industries Kabushiki Kaisha"),
        ("Mitsui Bussan K.K.", "Mitsui trading K.K."),  # one word and a legal form
        ("Mitsui Bussan", "Mitsui trading"),  # one word alone, of six letters
        ("Hyundai Jungongeop Jusik Hoesa", "Hyundai heavy industries Jusik Hoesa"),
        ("Samsung Chŏnja Chusik Hoesa", "Samsung electronics Chusik Hoesa"),
        ("Sherkat-e Melli-ye Naft-e Iran", "company national oil Iran"),
        # two words read and a place of Iran
        ("Bank-e Melli Iran", "bank national Iran"),
        # generic words alone, read whole: the matcher meets them only with the same generic
        # name and the entry's country named (test_persian_arabic.py)
        ("Neft Gaz", "oil gas"),
        ("Neftyanaya Gazovaya Kompaniya", "oil gas company"),
        # one word read, of six letters or more and no English word, in a name of two words
        # or more
        ("Samseong Jeonja", "samsung electronics"),
        ("Bonyad Mostazafan Iran", "foundation oppressed Iran"),
        ("Fudan Daxue", "Fudan university"),  # five letters in pinyin
        # four in Hepburn, beside words of Japanese syllables only
        ("Mitsui Ginko", "Mitsui bank"),
        ("Tanaka Shoji", "Tanaka trading"),
        ("Yokohama Gomu", "Yokohama rubber"),
        ("Sanaye Shahid Hemmat", "industries Shahid Hemmat"),
        ("Zhongguo Yancao Zonggongsi", "china tobacco corporation"),
        ("Nizhegorodskiy Teplokhodnyy Zavod", "nizhny novgorod motor ship plant"),
        ("Tulskiy Patronnyy Zavod", "tula cartridge plant"),
        ("Moskovskiy Institut Teplotekhniki", "moscow institute thermal technology"),
    ],
)
def test_names_read_in_english(name: str, expected: str | None) -> None:
    assert reading(name) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Gazprom Neft",  # one word read and no legal form
        "Gornyakov Sergey",  # one word a stem starts (горн-, mining): a surname
        "ZHELEZNYAK, Sergei",  # a person's name, surname first
        "Neft Rosneft",  # one word read and a name: no second word nor a place of Russia
        "Sanaye Havafaza",  # two words read, one of them not generic, and nothing else
        "Central Systems Technology Group",  # English words are not read as Russian
        "Joint Stock Company Penzensky Research Institution",
        "Лаборатория Касперского",  # other scripts are the glossary's
        "Rosneft",
        "Kasai Mining",  # the word beside is English
        "Global Ginko",  # ... and not of Japanese syllables
    ],
)
def test_names_not_read(name: str) -> None:
    assert latin_reading(name) is None


def test_a_person_is_never_read() -> None:
    assert len(name_variants("Neftyanaya Kompaniya Rosneft", "person")) == 1
    assert len(name_variants("Neftyanaya Kompaniya Rosneft", "organization")) == 2
    assert score("P Neftyanaya Kompaniya Rosneft", "Rosneft Oil Company", "Person") < 0.5


# -- the matcher ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Neftyanaya Kompaniya Rosneft", "Rosneft Oil Company"),
        ("Gruppa Kompaniy Pik", "PIK Group"),
        ("Obyedinyonnaya Sudostroitelnaya Korporatsiya", "United Shipbuilding Corporation"),
        ("Ob'edinennaja sudostroitel'naja korporacija", "United Shipbuilding Corporation"),
        ("Obedinennaa Aviastroitelnaa Korporacia", "United Aircraft Corporation"),
        ("Mitsubishi Jukogyo Kabushiki Kaisha", "Mitsubishi Heavy Industries, Ltd."),
        ("Hyundai Jungongeop Jusikhoesa", "Hyundai Heavy Industries Co., Ltd."),
        ("Sherkat-e Melli-ye Naft-e Iran", "National Iranian Oil Company"),
        ("Zhongguo Dianxin Jituan Youxian Gongsi", "China Telecom Group Co., Ltd."),
        # 电网 power grid, or grid as State Grid writes it
        ("Guojia Dianwang Youxian Gongsi", "State Grid Corporation"),
        # the list's romanised name against the English one typed
        ("Rosneft Oil Company", "Neftyanaya Kompaniya Rosneft"),
        # the glossary's Chinese companies in pinyin, Taiwanese and Hong Kong ones too
        ("Fushikang Keji Jituan", "Foxconn Technology Group"),
        ("Changrong Hangkong", "EVA Airways Corporation"),
        ("Dianxun Yingke", "PCCW Limited"),
        ("Anshi Bandaoti", "Nexperia B.V."),
        (
            "Zhongguo Jianzhu Jituan Youxian Gongsi",
            "China State Construction Engineering Corporation",
        ),
        ("Sekiyu Shigen Kaihatsu Kabushiki Kaisha", "Japan Petroleum Exploration Co., Ltd."),
        # the Japanese words of Han words the glossary reads (貨物, kamotsu: cargo)
        ("Nippon Kamotsu Koku", "Nippon Cargo Airlines"),
        # vozdushno-, air, before another word
        (
            "Kontsern Vozdushno-Kosmicheskoy Oborony Almaz-Antey",
            "Almaz-Antey Air and Space Defence Corporation",
        ),
        # 自動車 (jidosha) read as Motor, which a company may write Motors
        ("Mitsubishi Jidosha Kogyo", "Mitsubishi Motors Corporation"),
        # комбинат, a combine as Soviet plants are called in English
        ("Gorno-Khimicheskiy Kombinat", "Mining and Chemical Combine"),
        (
            "Zhongguo Renmin Jiefangjun Guofang Keji Daxue",
            "National University of Defense Technology",
        ),
        ("Sharikat al-Ittisalat al-Mutanaqila", "Mobile Telecommunications Company"),
    ],
)
def test_romanised_names_match_their_english_names(query: str, entry: str) -> None:
    result = matcher.score(Query.of(query, schema="Company"), company(entry))
    assert result.score >= DEFAULT_THRESHOLD
    assert result.features["name"]["read_in_english"]


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # the same words, another company
        ("Neftyanaya Kompaniya Lukoil", "Rosneft Oil Company"),
        ("Obyedinyonnaya Aviastroitelnaya Korporatsiya", "United Shipbuilding Corporation"),
        ("Gruppa Kompaniy Pik", "Gruppa Kompaniy Samolet"),
        ("Mitsubishi Jukogyo Kabushiki Kaisha", "Kawasaki Heavy Industries, Ltd."),
        ("Mitsubishi Jidosha Kogyo", "Mitsubishi Electric Corporation"),
        ("Guofang Daxue", "National University of Defense Technology"),
        # the same brand, another legal entity
        ("Neftyanaya Kompaniya Rosneft", "Rosneft Deutschland GmbH"),
        # generic words alone
        ("Neftyanaya Gazovaya Kompaniya", "Oil Gas Company"),
        # a Chinese company's name in pinyin, but not its words
        ("Changrong Haiyun", "EVA Airways Corporation"),
        ("Fushi Keji", "Foxconn Technology Group"),
    ],
)
def test_hard_negatives_stay_apart(query: str, entry: str) -> None:
    assert score(query, entry) < DEFAULT_THRESHOLD


def test_a_hit_names_the_words_read() -> None:
    result = matcher.score(
        Query.of("Neftyanaya Kompaniya Rosneft", schema="Company"), company("Rosneft Oil Company")
    )
    assert result.features["name"]["read_in_english"] == {
        "query": ["Neftyanaya=oil", "Kompaniya=company"]
    }


def test_a_reading_does_not_make_its_words_commoner() -> None:
    names = ["Sistemy Bezopasnosti Alfa", "Beta Systems", "Gamma Holdings"]
    items = [
        [normalize_name(v, "organization") for v in name_variants(n, "organization")] for n in names
    ]
    marks = [[False] + [True] * (len(item) - 1) for item in items]
    assert len(items[0]) == 2  # the name and its reading "systems security Alfa"
    plain = NameIndex([item[:1] for item in items])
    with_readings = NameIndex(items, marks)
    assert with_readings.idf("systems") == plain.idf("systems")
    assert with_readings.idf("alfa") == plain.idf("alfa")


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # Chinese: 石油 Oil as well as Petroleum, 海洋 Offshore, 集团 Corporation, 研究院 Academy
        (
            "Zhongguo Haiyang Shiyou Jituan Youxian Gongsi",
            "China National Offshore Oil Corporation",
        ),
        (
            "Zhongguo Hangkong Gongye Jituan Youxian Gongsi",
            "Aviation Industry Corporation of China",
        ),
        ("Zhongguo Gongcheng Wuli Yanjiuyuan", "China Academy of Engineering Physics"),
        # Japanese: Nihon is Japan, Nippon stays Nippon
        ("Nihon Tabako Sangyo Kabushiki Kaisha", "Japan Tobacco Inc."),
        ("Nippon Denshin Denwa Kabushiki Kaisha", "Nippon Telegraph and Telephone Corporation"),
        # Korean, South and North (McCune-Reischauer: 조선 Choson is Korea there)
        ("Hanguk Jeollyeok Gongsa", "Korea Electric Power Corporation"),
        ("Choson Kwangop Kaebal Muyok Hoesa", "Korea Mining Development Trading Corporation"),
        ("Choson Tangun Muyok Hoesa", "Korea Tangun Trading Corporation"),
        ("Tanchon Sangop Unhaeng", "Tanchon Commercial Bank"),
        ("Taedong Sinyong Unhaeng", "Daedong Credit Bank"),
        ("Choson Undong Kigu Hapyong Hoesa", "Korea Sports Equipment Joint Venture Company"),
        # Persian: the ezafe written onto the word without its hyphen; research, nuclear
        ("Sazmane Sanaye Defa", "Defense Industries Organization"),
        ("Daneshgah-e Emam Hossein", "Imam Hossein University"),
        ("Markaz al-Dirasat wal-Buhuth al-Ilmiya", "Scientific Studies and Research Center"),
        # Arabic, Russian
        ("Al-Masraf al-Tijari al-Suri", "Commercial Bank of Syria"),
        ("Rossiyskiy Fond Pryamykh Investitsiy", "Russian Direct Investment Fund"),
        ("Hay'at al-Tasnee' al-Harbi", "Military Industrialization Authority"),
        # моторный, a motor or an engine plant
        ("Permskiy Motornyy Zavod", "Perm Engine Plant"),
        ("Permskiy Motornyy Zavod", "Perm Motor Plant"),
        # a production association is an industrial association in some English names
        (
            "Ufimskoye Motorostroitelnoye Proizvodstvennoye Obyedineniye",
            "Ufa Engine Industrial Association",
        ),
    ],
)
def test_romanised_words_with_their_second_senses(query: str, entry: str) -> None:
    result = matcher.score(Query.of(query, schema="Company"), company(entry))
    assert result.score >= DEFAULT_THRESHOLD
    assert result.features["name"]["read_in_english"]


def test_a_second_sense_gives_the_reading_an_alternate() -> None:
    found = latin_reading("Zhongguo Haiyang Shiyou Jituan Youxian Gongsi")
    assert found is not None
    assert found.text == "china ocean petroleum group Youxian Gongsi"
    assert found.alternate == "china offshore oil corporation Youxian Gongsi"
    assert found.alternate_words == (
        "Zhongguo=china", "Haiyang=offshore", "Shiyou=oil", "Jituan=corporation",
    )  # fmt: skip
    # as written, the two readings, and one of each three words in its second sense alone
    assert len(name_variants("Zhongguo Haiyang Shiyou Jituan Youxian Gongsi", "organization")) == 6
    # one sense only: no alternate
    assert latin_reading("Neftyanaya Kompaniya Rosneft").alternate is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # the same words, another organisation
        ("Zhongguo Haiyang Shiyou Jituan Youxian Gongsi", "China National Petroleum Corporation"),
        ("Choson Kwangop Kaebal Muyok Hoesa", "Korea Tangun Trading Corporation"),
        ("Hanguk Jeollyeok Gongsa", "Korea Gas Corporation"),
        ("Nihon Tabako Sangyo Kabushiki Kaisha", "Japan Airlines Co., Ltd."),
        ("Choson Kwangson Unhaeng", "Tanchon Commercial Bank"),
        ("Permskiy Motornyy Zavod", "Perm Powder Plant"),
        ("Ufa Engine Industrial Association", "Ufa Engine Research Association"),
    ],
)
def test_second_senses_keep_other_organisations_apart(query: str, entry: str) -> None:
    assert score(query, entry) < DEFAULT_THRESHOLD


def test_three_words_read_in_two_phrases_say_enough_with_a_place() -> None:
    """Three words read count as three, whether in one phrase or two ("Hava Peyma" aircraft,
    "Sazi" manufacturing): with a place left, the reading identifies the organisation."""
    found = latin_reading("Hava Peyma Sazi-e Iran")
    assert found is not None and found.text == "aircraft manufacturing Iran"
    assert score("Hava Peyma Sazi-e Iran", "Iran Aircraft Manufacturing Industrial Company") >= (
        DEFAULT_THRESHOLD
    )
    # two words read and a place are still not enough
    assert latin_reading("Sanaye Havafaza") is None
    assert score("Zen Nippon Kuyu Kabushiki Kaisha", "All Nippon Airways Co., Ltd.") >= (
        DEFAULT_THRESHOLD
    )
    assert score("Zen Nippon Kuyu Kabushiki Kaisha", "Nippon Cargo Airlines Co., Ltd.") < (
        DEFAULT_THRESHOLD
    )
    assert score("Choson Kwangson Unhaeng", "Korea Kwangson Banking Corporation") >= (
        DEFAULT_THRESHOLD
    )


# -- a city or province of the name's country identifies a reading -----------------------


@pytest.mark.parametrize(
    ("name", "read"),
    [
        # Shiraz Petrochemical Company, as the Tehran Stock Exchange's Codal writes it
        ("Petroshimi Shiraz", "petrochemical Shiraz"),
        ("Foolad Khuzestan", "steel Khuzestan"),
    ],
)
def test_one_word_read_beside_a_city_or_province_of_its_country_is_a_reading(
    name: str, read: str
) -> None:
    assert reading(name) == read


def test_a_country_or_capital_beside_one_word_read_is_no_reading_that_identifies() -> None:
    # "Bank" is no Persian word read
    assert reading("Bank Shiraz") is None
    # the country (or rigour's capital) names no one company: a generic name, which meets
    # only the same generic name
    for name, read in (("Petroshimi Iran", "petrochemical Iran"), ("Naft Tehran", "oil Tehran")):
        found = latin_reading(name)
        assert found is not None and found.generic and found.text == read
    assert score("Naft Tehran", "Tehran Oil Company") >= DEFAULT_THRESHOLD
    assert score("Naft Tehran", "Tehran Oil Refining Company") < DEFAULT_THRESHOLD
    assert score("Petroshimi Iran", "National Petrochemical Company of Iran") < DEFAULT_THRESHOLD
    assert score("Petroshimi Iran", "Iran Petrochemical Commercial Company") < DEFAULT_THRESHOLD


def test_a_company_named_by_its_city_meets_that_city_s_company_only() -> None:
    assert score("Petroshimi Shiraz", "Shiraz Petrochemical Company") >= DEFAULT_THRESHOLD
    assert score("Foolad Khuzestan", "Khuzestan Steel Company") >= DEFAULT_THRESHOLD
    # another province's company of the same trade, or another company of the province
    assert score("Petroshimi Khorasan", "Shiraz Petrochemical Company") < 0.5
    assert score("Foolad Khuzestan", "Hormozgan Steel Company") < 0.5
    assert score("Foolad Khuzestan", "Khuzestan Oxin Steel Company") < 0.5
    assert score("Foolad Khuzestan", "Oxin Steel Company") < 0.5


# -- the Chinese company words in pinyin, from CC-CEDICT ---------------------------------


def test_pinyin_words_come_from_the_company_vocabulary() -> None:
    zh = tables().languages["zh"]
    # 信息 Information, 证券 Securities: no hand-written row, read from pinyin_words.tsv
    assert zh.words[fold_chinese("xinxi")] == "information"
    assert zh.words[fold_chinese("zhengquan")] == "securities"
    # the Japanese rows of cjk_senses.tsv are no Chinese words (新聞 Shimbun, 汽船 Kisen)
    assert fold_chinese("xinwen") not in zh.words
    assert fold_chinese("qichuan") not in zh.words
    # the hand-written row wins (shiyou: Petroleum|Oil)
    assert zh.words[fold_chinese("shiyou")] == "petroleum|oil"
    # a spelling that is a place the matcher knows is left as written
    built = build_tables([], [], {}, {}, [], [("tian jin", "Ford"), ("xin xi", "Information")])
    assert fold_chinese("tianjin") not in built.languages["zh"].words
    assert fold_chinese("xinxi") in built.languages["zh"].words


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # Haitong Securities (SSE 600837); CICT (SASAC's register of central enterprises)
        ("Haitong Zhengquan Gufen Youxian Gongsi", "Haitong Securities Co., Ltd."),
        (
            "Zhongguo Xinxi Tongxin Keji Jituan Youxian Gongsi",
            "China Information and Communication Technology Group Co., Ltd.",
        ),
        # renshou: life; hegongye: nuclear industry, of a "China National" group
        ("Zhongguo Renshou Baoxian", "China Life Insurance Company"),
        ("Zhongguo Hegongye Jituan", "China National Nuclear Corporation"),
        ("Dongfeng Qiche Jituan", "Dongfeng Motor Group"),
        # Persian: enerzhi, energy; atomi, atomic
        ("Sazman-e Enerzhi-ye Atomi-ye Iran", "Atomic Energy Organization of Iran"),
        # gongsi alone is a company, a legal form; xintuo trust, chukou export, xinyong
        # credit, yanye salt industry, tongxunshe news agency, ligong daxue an institute of
        # technology
        (
            "Zhongguo Guoji Xintuo Touzi Gongsi",
            "China International Trust and Investment Corporation",
        ),
        ("Zhongguo Chukou Xinyong Baoxian Gongsi", "China Export & Credit Insurance Corporation"),
        ("Zhongguo Yanye Jituan", "China National Salt Industry Group"),
        ("Xinhua Tongxunshe", "Xinhua News Agency"),
        ("Beijing Ligong Daxue", "Beijing Institute of Technology"),
        # romanised Arabic: ittisalat telecommunications, tadeen mining, jihaz an authority,
        # butas potash, libi Libyan, khariji foreign
        ("Sharikat al-Ittisalat al-Saudiya", "Saudi Telecom Company"),
        ("Sharikat al-Tadeen al-Arabiya al-Saudiya", "Saudi Arabian Mining Company"),
        ("Jihaz Qatar lil-Istithmar", "Qatar Investment Authority"),
        ("Sharikat al-Butas al-Arabiya", "Arab Potash Company"),
        # the air lines: Airlines or Airways
        ("Sharikat al-Khutut al-Jawiya al-Suriya", "Syrian Arab Airlines"),
        ("al-Masraf al-Libi al-Khariji", "Libyan Foreign Bank"),
        # the pinyin of companies' own names: baoli Poly, zhongmei China Coal, changjiang
        # sanxia Three Gorges, zhongguo waiyun Sinotrans
        ("Zhongguo Baoli Jituan Youxian Gongsi", "China Poly Group Corporation Limited"),
        (
            "Zhongguo Zhongmei Nengyuan Jituan Youxian Gongsi",
            "China National Coal Group Corporation",
        ),
        ("Zhongguo Changjiang Sanxia Jituan Youxian Gongsi", "China Three Gorges Corporation"),
        ("Zhongguo Waiyun Gufen Youxian Gongsi", "Sinotrans Limited"),
        # Japanese: jukikai kogyo heavy industries, gurupu honsha holdings
        ("Sumitomo Jukikai Kogyo Kabushiki Kaisha", "Sumitomo Heavy Industries, Ltd."),
        ("Kabushiki Kaisha Yomiuri Shimbun Gurupu Honsha", "The Yomiuri Shimbun Holdings"),
        # seitetsu: steel, or steel manufacturing
        ("Tokyo Seitetsu Kabushiki Kaisha", "Tokyo Steel Manufacturing Co., Ltd."),
        ("東京製鐵株式会社", "Tokyo Steel Manufacturing Co., Ltd."),
        ("Nippon Seitetsu Kabushiki Kaisha", "Nippon Steel Corporation"),
        # Uzbek: temir yo'llari railways, AJ a joint stock company
        ("O'zbekiston Temir Yo'llari AJ", "Uzbekistan Railways JSC"),
        # Halyk, people's in Kazakh, kept in English
        ("Narodnyy Sberegatelnyy Bank Kazakhstana AO", "Halyk Savings Bank of Kazakhstan JSC"),
    ],
)
def test_company_words_read_a_romanised_name(query: str, entry: str) -> None:
    assert score(query, entry) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # another securities house; another central enterprise of the same trade
        ("Guotai Junan Zhengquan Gufen Youxian Gongsi", "Haitong Securities Co., Ltd."),
        (
            "Zhongguo Dianzi Keji Jituan Youxian Gongsi",
            "China Information and Communication Technology Group Co., Ltd.",
        ),
        # agriculture is as generic as agricultural: another bank of the same words
        ("Zhongguo Nongye Yinhang", "Agricultural Development Bank of China"),
        # "National" after China counts nothing in the entry's name only
        ("China National Nuclear Corporation", "China General Nuclear Power Corporation"),
        # a country's brand and a line of business on the query's side: China Railway
        # Construction is not China Railway
        ("Zhongguo Tiedao Jianzhu Jituan Youxian Gongsi", "China Railway Group Limited"),
    ],
)
def test_pinyin_company_words_keep_other_companies_apart(query: str, entry: str) -> None:
    assert score(query, entry) < DEFAULT_THRESHOLD


# -- two words read beside a legal form ------------------------------------------------------


def test_two_words_read_beside_a_legal_form_say_enough_with_a_name() -> None:
    # 고려아연 주식회사 (Korea Zinc, DART), romanised: zinc is a name in English
    assert reading("Koryo Ayeon Jusikhoesa") == "korea zinc Jusikhoesa"
    assert score("Koryo Ayeon Jusikhoesa", "Korea Zinc Company, Ltd.") >= DEFAULT_THRESHOLD
    assert score("Koryo Ayeon Jusikhoesa", "Korea Resources Corporation") < 0.5


@pytest.mark.parametrize(
    "name",
    [
        # a country and a generic word: a generic name, not every Chinese bank, not every
        # Japanese steel maker
        "Zhongguo Yinhang Youxian Gongsi",
        "Nippon Seitetsu Kabushiki Kaisha",
    ],
)
def test_a_place_and_a_generic_word_beside_a_legal_form_are_no_name(name: str) -> None:
    found = latin_reading(name)
    assert found is None or found.generic
    assert score(name, "The Japan Steel Works, Ltd.") < DEFAULT_THRESHOLD
    assert score(name, "China Construction Bank Corporation") < DEFAULT_THRESHOLD


def test_a_country_s_generic_name_read_whole_is_that_generic_name() -> None:
    # 中国银行, Bank of China
    assert score("Zhongguo Yinhang Youxian Gongsi", "Bank of China Limited") >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Qazaqstan Respublikasynyn Ulttyq Banki", "National Bank of the Republic of Kazakhstan"),
        ("Ulttyq Ekonomika Ministrligi", "Ministry of National Economy"),
    ],
)
def test_kazakh_in_latin_letters_is_read_with_the_cyrillic_words(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Sharikat Naft al-Shamal", "North Oil Company"),
        ("Sharikat Tasweeq al-Naft", "Oil Marketing Company"),
        ("Hanguk Hanggong Uju Saneop", "Korea Aerospace Industries"),
        ("Zhongguo Renmin Yinhang", "People's Bank of China"),
        ("Beijing Daxue", "Peking University"),  # Peking: Beijing in the postal romanisation
        ("Fudan Daxue", "Fudan University"),
        ("Zhongguo Zhaoshang Jituan", "China Merchants Group"),
        ("Zhongguo Youzheng Chuxu Yinhang", "Postal Savings Bank of China Co., Ltd."),
        ("Huabei Dianli Daxue", "North China Electric Power University"),
        # the DPRK is Korea; 발전 is power (發電) or development (發展)
        ("Choson Chungang Unhaeng", "Central Bank of the DPRK"),
        ("Choson Tongil Palchon Unhaeng", "Korea Unification Development Bank"),
        ("Sepah-e Pasdaran-e Enqelab-e Eslami", "Islamic Revolutionary Guard Corps"),
        ("Bank Abu Dhabi al-Awwal", "First Abu Dhabi Bank"),
        # the Arab states' names in Arabic
        ("Bank al-Urdun", "Bank of Jordan"),
        # восточно-, западно- (east-, west-) as the first part of a compound
        ("Vostochno-Sibirskaya Neftegazovaya Kompaniya", "East Siberian Oil and Gas Company"),
        ("Западно-Сибирский металлургический комбинат", "West Siberian Metallurgical Plant"),
        # горно-металлургическая компания, written out, is MMC
        ("Gorno-Metallurgicheskaya Kompaniya Norilskiy Nikel", "MMC Norilsk Nickel"),
        ("Горно-металлургическая компания Норильский никель", "PJSC MMC Norilsk Nickel"),
        # электрохимический (electrochemical), not электро- (electric); a комбинат is an
        # integrated plant
        ("АО «Уральский электрохимический комбинат»", "Ural Electrochemical Integrated Plant"),
        ("Pribaltiyskiy Sudostroitelnyy Zavod Yantar", "Baltic Shipbuilding Plant Yantar"),
        (
            "Tsentralnoye Konstruktorskoye Byuro Morskoy Tekhniki Rubin",
            "Central Design Bureau for Marine Engineering Rubin",
        ),
        ("Nauchno-Issledovatelskiy Institut Radiofiziki", "Research Institute of Radio Physics"),
        # проектно-конструкторское бюро: a design bureau
        ("Severnoye Proyektno-Konstruktorskoye Byuro", "Severnoye Design Bureau"),
        (
            "Gosudarstvennyy nauchno-issledovatelskiy institut aviatsionnykh sistem",
            "State Research Institute of Aviation Systems",
        ),
        (
            "Federalnoe gosudarstvennoe byudzhetnoe uchrezhdenie nauki Institut prikladnoy "
            "fiziki Rossiyskoy akademii nauk",
            "Institute of Applied Physics of the Russian Academy of Sciences",
        ),
        ("Publichnoe akcionernoe obshhestvo Gazprom", "PJSC Gazprom"),
        # one word read through a long stem beside a name ("gosudarstvenn-": state); гвардия,
        # a guard; Ukrainian безпека (security) and прикордонний (border)
        ("Gosudarstvennaya Duma", "State Duma"),
        ("Natsionalnaya Gvardiya", "National Guard"),
        ("Sluzhba Bezpeky Ukrainy", "Security Service of Ukraine"),
        ("Державна прикордонна служба України", "State Border Guard Service of Ukraine"),
        # 商事: the trading houses write it Corporation
        ("Sumitomo Shoji Kabushiki Kaisha", "Sumitomo Corporation"),
        # 電工, electric industries; ビール, a brewery
        ("Sumitomo Denko", "Sumitomo Electric Industries, Ltd."),
        ("Kirin Biiru", "Kirin Brewery Company, Limited"),
        # 국방, national defence; 적십자사, the Red Cross
        ("Hanguk Gukbang Yeonguwon", "Korea Institute for Defense Analyses"),
        ("Daehan Jeoksipjasa", "Korean Red Cross"),
    ],
)
def test_more_romanised_words_read_in_english(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed", "country"),
    [
        ("Federalnaya Sluzhba Bezopasnosti", "Federal Security Service", "ru"),
        ("Jiaotong Yinhang", "Bank of Communications", "cn"),
    ],
)
def test_a_generic_name_read_from_the_entry_s_language_meets_the_same_name(
    query: str, listed: str, country: str
) -> None:
    # a generic name read from Russian or pinyin is the same generic name of a Russian or
    # Chinese entry; of an entry of another country, or none, it says too little
    assert score_in(query, listed, country) >= DEFAULT_THRESHOLD
    assert score_in(query, listed, "us") < DEFAULT_THRESHOLD
    assert score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Vertolety Rossii", "Russian Helicopters"),
        ("Pochta Rossii", "Russian Post"),
        ("Ukrainska Zaliznytsia", "Ukrainian Railways"),
        # "po" (for) between two words read is dropped
        (
            "Gosudarstvennaya Korporatsiya po Atomnoy Energii Rosatom",
            "State Atomic Energy Corporation Rosatom",
        ),
        ("Bayt al-Tamwil al-Kuwaiti", "Kuwait Finance House"),
        ("Nihon Yubin Kabushiki Kaisha", "Japan Post"),
        ("Joseon Minjujuui Inmin Gonghwaguk", "Democratic People's Republic of Korea"),
    ],
)
def test_two_words_read_one_the_language_s_country_are_a_reading(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Admiralteyskie Verfi", "Admiralty Shipyards"),
        ("Vysokotochnye Kompleksy", "High Precision Systems JSC"),
    ],
)
def test_a_russian_name_read_whole_one_word_a_name_in_english_is_a_reading(
    query: str, listed: str
) -> None:
    # no word is left as written, none is a country: the name translated whole
    assert score(query, listed) >= DEFAULT_THRESHOLD


def test_two_words_of_other_languages_are_no_reading() -> None:
    # a country of another language does not make two words Russian
    assert reading("Pochta Iran") is None


@pytest.mark.parametrize(
    ("name", "read", "mixed", "listed", "country"),
    [
        # Makine is machinery or mechanical, Kimya chemical or chemistry
        (
            "Makine ve Kimya Endüstrisi A.Ş.",
            latin_reading,
            "mechanical chemical industry A.Ş.",
            "Mechanical and Chemical Industry Corporation",
            "tr",
        ),
        # 航空 is Airlines or Aviation, 研究院 Research Institute or Academy
        (
            "北京航空材料研究院",
            read_han,
            "Beijing Aviation Materials Research Institute",
            "Beijing Institute of Aeronautical Materials",
            "cn",
        ),
    ],
)
def test_a_name_is_read_in_mixes_of_its_words_senses(
    name: str, read: Callable[[str], Reading | None], mixed: str, listed: str, country: str
) -> None:
    """The English name takes the second sense of one word and the first of the other."""
    found = read(name)
    assert found is not None
    texts = [text for text, _ in found.variants]
    assert mixed in texts
    assert len(texts) == len(set(texts))
    assert score_in(name, listed, country) >= DEFAULT_THRESHOLD


def test_a_state_enterprise_s_words_are_read() -> None:
    assert (
        score_in("Türkiye Kömür İşletmeleri Kurumu", "Turkish Coal Enterprises", "tr")
        >= DEFAULT_THRESHOLD
    )


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        (
            "Zhonghua Renmin Gongheguo Shangwubu",
            "Ministry of Commerce of the People's Republic of China",
        ),
        ("Guojia Waihui Guanliju", "State Administration of Foreign Exchange"),
    ],
)
def test_the_ministries_and_bodies_of_chinas_state_council_in_pinyin(
    query: str, listed: str
) -> None:
    assert score_in(query, listed, "cn") >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Hanhwa Eeoroseupeiseu Jusikhoesa", "Hanwha Aerospace Co., Ltd."),
        ("Samseong SDI Jusikhoesa", "Samsung SDI Co., Ltd."),
    ],
)
def test_a_jusikhoesa_is_written_co_ltd_in_english(query: str, entry: str) -> None:
    """A Korean jusikhoesa's English name is a "Co., Ltd.", a "Corporation" or an "Inc.", as
    a kabushiki kaisha's is: not a joint-stock company of another country."""
    assert score(query, entry) >= DEFAULT_THRESHOLD
    assert score_in(query, entry.replace("Co., Ltd.", "Corporation"), "kr") >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Hanhwa Sisyeutemjeu", "Hanwha Systems Co., Ltd."),
        ("Hanhwa Solrusyeon Jusikhoesa", "Hanwha Solutions Corporation"),
        ("Hanhwa Eeoroseupeiseu", "Hanwha Aerospace Co., Ltd."),
    ],
)
def test_english_loanwords_in_revised_romanization_are_read(query: str, entry: str) -> None:
    """시스템즈 sisyeutemjeu is Systems, 솔루션 sollusyeon Solutions, 에어로스페이스
    eeoroseupeiseu Aerospace, as the companies' registered names write them in Hangul."""
    result = matcher.score(Query.of(query, schema="Company"), company(entry))
    assert result.score >= DEFAULT_THRESHOLD
    assert result.features["name"]["read_in_english"]


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # a contracted name of two roots, which the English name keeps as written
        (
            "Obyedinennaya Promyshlennaya Korporatsiya Oboronprom",
            "United Industrial Corporation Oboronprom",
        ),
        # the last word, a brand made of a common word, after three words that say what the
        # body is
        ("Nauchno-Proizvodstvennoye Obyedineniye Mashinostroyeniya", "NPO Mashinostroyeniya"),
    ],
)
def test_a_compound_of_a_stem_and_another_root_is_kept_as_written(query: str, entry: str) -> None:
    assert score(query, entry) >= DEFAULT_THRESHOLD


def test_an_inflected_word_is_no_compound() -> None:
    found = latin_reading("Obyedinennaya Promyshlennaya Korporatsiya Oboronnaya")
    assert found is not None and found.kept is None
    found = latin_reading("Obyedinennaya Promyshlennaya Korporatsiya Oboronprom")
    assert found is not None and found.kept == "united industrial corporation Oboronprom"
