"""Chinese, Japanese and Korean organisation names read with the English senses companies use
(`data/cjk_senses.tsv`): 电气 Electric, 汽车 Automobile or Motor, 深圳 Shenzhen or SZ."""

from __future__ import annotations

import pytest

from standing.screening.glossary import (
    chinese_number,
    company_senses,
    parse_han_words,
    parse_senses,
    read_han,
    reading,
    segment,
)
from standing.screening.match import Query, Screener, explain_name, name_variants
from standing.screening.match.config import DEFAULT_THRESHOLD
from tests.screening.names import company, matched_ids, matcher, organisation, score, score_in


def test_the_table_has_company_senses_of_the_common_words() -> None:
    senses = company_senses()
    assert len(senses) >= 300
    assert senses["电气"] == ("Electric",)
    assert senses["汽车"] == ("Automobile", "Motor")
    assert senses["航空"][0] == "Airlines"
    assert senses["南方"] == ("Southern",)
    assert senses["商事"] == ("Trading", "Shoji")
    assert senses["중공업"] == ("Heavy Industries",)


def test_a_word_given_twice_or_without_senses_is_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        parse_senses([("电气", "Electric"), ("电气", "Electrical")])
    with pytest.raises(ValueError, match="senses"):
        parse_senses([("电气", "Electric|")])


def test_company_senses_win_over_the_dictionary_and_the_generic_words() -> None:
    table = parse_han_words(
        "电气\telectricity\tword\n上海\tShanghai\tplace\n",
        {"电气": "electric"},
        senses={"电气": ("Electric",)},
    )
    assert segment("上海电气", table) == [
        ("上海", "Shanghai", "place"),
        ("电气", "Electric", "sense"),
    ]


def test_names_read_with_the_words_companies_use() -> None:
    found = read_han("上海电气集团股份有限公司")
    assert found is not None
    assert found.text == "Shanghai Electric Group 股份有限公司"
    assert found.words == ("上海=Shanghai", "电气=Electric", "集团=Group")
    south = read_han("中国南方电网有限责任公司")
    assert south is not None and south.text.startswith("China Southern Power Grid")
    mitsui = reading("三井物産株式会社")
    assert mitsui is not None
    assert (mitsui.text, mitsui.alternate) == ("Mitsui Bussan 株式会社", "Mitsui Trading 株式会社")
    assert reading("三菱重工業株式会社") is not None
    assert reading("三菱重工業株式会社").text == "Mitsubishi Heavy Industries 株式会社"  # type: ignore[union-attr]


def test_the_alternate_reading_takes_second_senses_and_place_syllables() -> None:
    found = read_han("长城汽车股份有限公司")
    assert found is not None
    assert found.text == "Great Wall Automobile 股份有限公司"
    assert found.alternate == "Great Wall Motor 股份有限公司"
    assert found.alternate_words == ("长城=Great Wall", "汽车=Motor")
    dji = read_han("深圳市大疆创新科技有限公司")
    assert dji is not None
    assert dji.text == "Shenzhen DJI Technology 有限公司"
    assert dji.alternate == "SZ DJI Technology 有限公司"
    # at most two readings a name: the first and one alternate
    assert len(dji.variants) == 2
    variants = name_variants("深圳市大疆创新科技有限公司", "organization")
    assert "Shenzhen DJI Technology 有限公司" in variants
    assert "SZ DJI Technology 有限公司" in variants


def test_company_senses_do_not_change_which_names_are_read() -> None:
    # generic words and places only, as before: no reading to meet other companies with
    assert read_han("北京科技有限公司") is None
    # China + Southern + Airlines: a country's generic name, which meets only the same name
    southern = read_han("中国南方航空股份有限公司")
    assert southern is not None and southern.generic
    assert read_han("上海东方贸易有限公司") is None
    assert reading("은행") is None  # a Korean generic word alone


def test_korean_words_with_a_second_sense_get_an_alternate_reading() -> None:
    found = reading("현대건설 주식회사")
    assert found is not None
    assert found.text == "현대 Engineering & Construction 주식회사"
    assert found.alternate == "현대 Construction 주식회사"
    assert found.words == ("건설=Engineering & Construction",)
    # 중공업 reads as cjk_generic_words.tsv already reads it in the name itself
    assert reading("현대중공업") is None
    # 조선 is Korea in a North Korean name (the Foreign Trade Bank), not shipbuilding
    bank = reading("조선무역은행")
    assert bank is None or "Shipbuilding" not in bank.text


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("深圳市大疆创新科技有限公司", "SZ DJI Technology Co., Ltd."),
        ("深圳市大疆创新科技有限公司", "Shenzhen DJI Technology Co., Ltd."),
        ("长城汽车股份有限公司", "Great Wall Motor Company Limited"),
        ("长城汽车股份有限公司", "Great Wall Automobile Co., Ltd."),
        ("上海电气集团股份有限公司", "Shanghai Electric Group Company Limited"),
        ("中国南方电网有限责任公司", "China Southern Power Grid Co., Ltd."),
        ("阿里巴巴集团控股有限公司", "Alibaba Group Holding Limited"),
        ("三菱重工業株式会社", "Mitsubishi Heavy Industries, Ltd."),
        ("현대건설 주식회사", "Hyundai Engineering & Construction Co., Ltd."),
        # 华 is a name's syllable, kept for its pinyin beside the words read in English
        ("华能国际电力股份有限公司", "Huaneng Power International, Inc."),
        ("川崎汽船株式会社", "Kawasaki Kisen Kaisha, Ltd."),
        ("北京京东世纪贸易有限公司", "BJ Jingdong Century Trading Co., Ltd."),
        ("삼성증권 주식회사", "Samsung Securities Co., Ltd."),
        # the English names the glossary gives: not the characters' senses (China
        # International Aviation), nor 国家 as "National"
        ("中国国际航空股份有限公司", "Air China Limited"),
        ("浙江吉利控股集团有限公司", "Zhejiang Geely Holding Group Co., Ltd."),
        ("国家能源投资集团有限责任公司", "China Energy Investment Corporation"),
        ("中国建筑股份有限公司", "China State Construction Engineering Corporation Limited"),
        # Japanese companies' English names: 古河 is Koga as a place, Furukawa the company
        ("古河電気工業株式会社", "Furukawa Electric Co., Ltd."),
        ("本田技研工業株式会社", "Honda Motor Co., Ltd."),
        ("国立研究開発法人宇宙航空研究開発機構", "Japan Aerospace Exploration Agency"),
        # Chinese bodies whose characters do not read as their English names
        ("中国人民解放军总医院", "Chinese PLA General Hospital"),
        ("中央电视台", "China Central Television"),
        ("国家航天局", "China National Space Administration"),
        ("中国航发商用航空发动机有限责任公司", "AECC Commercial Aircraft Engine Co., Ltd."),
        # 国防 is national defence; the PLA's universities after its name
        ("中国人民解放军国防大学", "National Defense University"),
        ("中国人民解放军国防科技大学", "National University of Defense Technology"),
        ("国防部", "Ministry of National Defense"),
    ],
)
def test_names_read_with_company_senses_match_their_english_names(query: str, listed: str) -> None:
    assert matcher.score(Query.of(query, schema="Company"), company(listed)).match


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # the same generic words, another company
        ("中国南方航空股份有限公司", "China Eastern Airlines Corporation Limited"),
        ("中国东方航空股份有限公司", "China Southern Airlines Company Limited"),
        ("上海电气集团股份有限公司", "Shanghai Electric Power Co., Ltd."),
        ("上海电力股份有限公司", "Shanghai Electric Group Company Limited"),
        ("长城汽车股份有限公司", "Geely Automobile Holdings Limited"),
        ("华能国际电力股份有限公司", "Datang International Power Generation Co., Ltd."),
        ("中国南方电网有限责任公司", "China Southern Airlines Company Limited"),
        ("中国南方电网有限责任公司", "State Grid Corporation of China"),
        # a place or generic words only
        ("深圳市大疆创新科技有限公司", "Shenzhen Technology Co., Ltd."),
        ("深圳市科技有限公司", "SZ DJI Technology Co., Ltd."),
        ("北京科技有限公司", "Beijing Electric Technology Co., Ltd."),
        ("삼성증권 주식회사", "Mirae Asset Securities Co., Ltd."),
        ("현대건설 주식회사", "GS Engineering & Construction Corp."),
        # 中国 is China in English names: no "Chinese" reading to meet another academy with
        ("中国科学院", "Chinese Academy of Social Sciences"),
        # read "Korea Power", its words split by another company's own (KEPCO is not KHNP)
        ("한국전력공사", "Korea Hydro & Nuclear Power Co., Ltd."),
        ("Korea Power", "Korea Hydro & Nuclear Power Co., Ltd."),
    ],
)
def test_company_senses_keep_other_companies_apart(query: str, listed: str) -> None:
    assert not matcher.score(Query.of(query, schema="Company"), company(listed)).match


def test_the_hit_says_which_sense_and_which_place_spelling_matched() -> None:
    hit = matcher.score(
        Query.of("深圳市大疆创新科技有限公司", schema="Company"),
        company("SZ DJI Technology Co., Ltd."),
    )
    assert hit.match
    assert hit.features["name"]["read_in_english"] == {
        "query": ["深圳=SZ", "大疆创新=DJI", "科技=Technology"]
    }
    assert "read in English: 深圳=SZ" in explain_name(hit.features["name"])
    motor = matcher.score(
        Query.of("长城汽车股份有限公司", schema="Company"),
        company("Great Wall Motor Company Limited"),
    )
    assert "汽车=Motor" in motor.features["name"]["read_in_english"]["query"]


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("中国航天科技集团有限公司", "China Aerospace Science and Technology Corporation"),
        ("中国船舶集团有限公司", "China State Shipbuilding Corporation Limited"),
        ("中国广核集团有限公司", "China General Nuclear Power Corporation"),
        ("中国海洋石油集团有限公司", "China National Offshore Oil Corporation"),
    ],
)
def test_a_company_known_by_its_initials_is_read_by_its_full_name_too(
    query: str, entry: str
) -> None:
    found = reading(query)
    assert found is not None and found.alternate is not None
    assert found.text.split()[0].isupper()  # the initials first: CASC, CSSC, CGN, CNOOC
    assert matcher.score(Query.of(query, schema="Company"), company(entry)).score >= 0.8


def test_the_full_name_keeps_the_sister_group_apart() -> None:
    # 中国航天科工 (CASIC) and 中国航天科技 (CASC) are two groups
    assert (
        matcher.score(
            Query.of("中国航天科工集团有限公司", schema="Company"),
            company("China Aerospace Science and Technology Corporation"),
        ).score
        < 0.8
    )


#: State groups and institutes of one list, whose words of what they do are common in it.
_STATE_GROUPS = {
    "casc": "China Aerospace Science and Technology Corporation",
    "casic": "China Aerospace Science and Industry Corporation Limited",
    "cetc": "China Electronics Technology Group Corporation",
    "norinco": "China North Industries Group Corporation Limited",
    "csgc": "China South Industries Group Corporation",
    "avic": "Aviation Industry Corporation of China",
    "cnnc": "China National Nuclear Corporation",
    "cssc": "China State Shipbuilding Corporation Limited",
    "cec": "China Electronics Corporation",
    "hit": "Harbin Institute of Technology",
    "bit": "Beijing Institute of Technology",
    "njust": "Nanjing University of Science and Technology",
    "nwpu": "Northwestern Polytechnical University",
    "caep": "China Academy of Engineering Physics",
    "sast": "Shanghai Academy of Spaceflight Technology",
}


@pytest.mark.parametrize(
    ("query", "group"),
    [("中国航天科技集团有限公司", "casc"), ("中国航天科工集团有限公司", "casic")],
)
def test_a_group_read_from_han_characters_is_not_its_sister_in_a_list(
    query: str, group: str
) -> None:
    """The words of a set phrase are read one way (科技 science and technology, 科工 science
    and industry): one word of what a body does in place of another's is another group, as
    it is in English."""
    screener = Screener([organisation(name, entry_id=key) for key, name in _STATE_GROUPS.items()])
    assert matched_ids(screener, query) == {group}


def test_a_korean_name_of_generic_words_with_a_place_is_read() -> None:
    """Three words or more with a place (a legal form counts), as a romanised name is read."""
    found = reading("한국전력공사")
    assert found is not None and found.text == "Korea Power 공사"
    for query, entry in [
        ("한국전력공사", "Korea Electric Power Corporation"),
        ("단천상업은행", "Tanchon Commercial Bank"),
    ]:
        assert matcher.score(Query.of(query, schema="Company"), company(entry)).score >= 0.8
    # another body of the same kind and place stays apart; two words alone, a country and a
    # generic word, are a generic name (see test_korean_japanese_words)
    assert (
        matcher.score(
            Query.of("한국가스공사", schema="Company"), company("Korea Electric Power Corporation")
        ).score
        < 0.8
    )
    bank = reading("한국은행")
    assert bank is not None and bank.generic


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # 总公司: a corporation, a legal form like 公司
        ("中国烟草总公司", "China National Tobacco Corporation"),
        # words CC-CEDICT lacks, read by their company senses, which identify
        ("中国盐业集团有限公司", "China National Salt Industry Group Co., Ltd."),
        ("中国铁建股份有限公司", "China Railway Construction Corporation Limited"),
        # companies the glossary knows by a short name, read also by their full English names
        ("中国化工集团有限公司", "China National Chemical Corporation"),
        ("中国联合网络通信集团有限公司", "China United Network Communications Group Co., Ltd."),
        ("中国第一汽车集团有限公司", "China FAW Group Co., Ltd."),
        ("中国人寿保险股份有限公司", "China Life Insurance Company Limited"),
        # contractions of a group's name: 中 for China and the industry's first character
        ("中国中铁股份有限公司", "China Railway Group Limited"),
        ("中核集团", "China National Nuclear Corporation"),
        ("中冶集团", "China Metallurgical Group Corporation"),
        ("中铝集团", "Aluminum Corporation of China"),
        ("中航工业", "Aviation Industry Corporation of China"),
        # 海運: Shipping or Marine; 國泰: Cathay (国泰航空 is Cathay Pacific); 计算: Computing;
        # companies the glossary knows by their initials, read by their names too
        ("長榮海運股份有限公司", "Evergreen Marine Corporation (Taiwan) Ltd."),
        ("國泰人壽保險股份有限公司", "Cathay Life Insurance Co., Ltd."),
        (
            "中国科学院计算技术研究所",
            "Institute of Computing Technology, Chinese Academy of Sciences",
        ),
        ("长鑫存储技术有限公司", "ChangXin Memory Technologies, Inc."),
        (
            "上海微电子装备(集团)股份有限公司",
            "Shanghai Micro Electronics Equipment (Group) Co., Ltd.",
        ),
        # 京都 is Kyoto, not "a capital"
        ("京都大学", "Kyoto University"),
        # "An" after a name is a syllable of it, not an article
        ("中国平安保险(集团)股份有限公司", "Ping An Insurance (Group) Company of China, Ltd."),
        # the words of state bodies: 国务院, 监督管理委员会, 病毒; and 塑膠, plastics
        (
            "国务院国有资产监督管理委员会",
            "State-owned Assets Supervision and Administration Commission of the State Council",
        ),
        ("中国科学院武汉病毒研究所", "Wuhan Institute of Virology, Chinese Academy of Sciences"),
        # 农村, rural (the dictionary's "rural area")
        ("重庆农村商业银行股份有限公司", "Chongqing Rural Commercial Bank Co., Ltd."),
        # 科技大学, a University of Science and Technology
        ("香港科技大學", "The Hong Kong University of Science and Technology"),
        (
            "Zhongguo Kexueyuan Wuhan Bingdu Yanjiusuo",
            "Wuhan Institute of Virology, Chinese Academy of Sciences",
        ),
    ],
)
def test_chinese_state_companies_read_in_english(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # a country's name and a word against the same and another line of business
        ("中国中铁", "China Railway Construction Corporation Limited"),
        ("中国铁路", "China Railway Construction Corporation Limited"),
        ("China Railway", "China Railway Construction Corporation Limited"),
        ("Air China", "Air China Cargo Co., Ltd."),
        ("Iran Khodro", "Iran Khodro Diesel Company"),
        ("مؤسسة البترول الكويتية", "Kuwait Petroleum International Ltd"),
        ("Syrian Oil Company", "Syrian Company for Oil Transport"),
        ("中铝集团", "China Steel Corporation"),
        # another number of the group: another of its institutes
        (
            "中国电子科技集团公司第五十五研究所",
            "China Electronics Technology Group Corporation 54th Research Institute",
        ),
        # the brand in another city: a place read from Han characters is no reader's word
        ("北京航天长峰股份有限公司", "Nanjing Changfeng Aerospace Electronic Technology Co., Ltd."),
    ],
)
def test_a_country_brand_keeps_its_siblings_apart(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("numerals", "number"),
    [("三十八", 38), ("十四", 14), ("十", 10), ("二百零一", 201), ("七〇四", 704), ("二", 2)],
)
def test_chinese_numerals(numerals: str, number: int) -> None:
    assert chinese_number(numerals) == number


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # an ordinal before the kind of body it numbers: its number
        (
            "中国电子科技集团公司第三十八研究所",
            "China Electronics Technology Group Corporation 38th Research Institute",
        ),
        # second senses with the places as written, beside the alternate's initials
        ("南京航空航天大学", "Nanjing University of Aeronautics and Astronautics"),
        ("北京理工大学", "Beijing Institute of Technology"),
        ("南京理工大学", "Nanjing University of Science and Technology"),
        # 及 and, 应用 applications
        ("北京计算机技术及应用研究所", "Beijing Institute of Computer Technology and Applications"),
        # companies of the glossary by their full English names
        ("长江存储科技有限责任公司", "Yangtze Memory Technologies Co., Ltd."),
        ("中国北方工业有限公司", "China North Industries Corporation"),
        ("紫光集团有限公司", "Tsinghua Unigroup Co., Ltd."),
        ("保利科技有限公司", "Poly Technologies Incorporated"),
        # 貨物: freight, not goods
        ("日本貨物鉄道株式会社", "Japan Freight Railway Company"),
        # 社会科学: social sciences (社会 alone is society)
        ("中国社会科学院", "Chinese Academy of Social Sciences"),
        # 集成电路, Integrated Circuit or Semiconductor; 电器, Electric Appliances or Electric
        ("上海兆芯集成电路有限公司", "Shanghai Zhaoxin Semiconductor Co., Ltd."),
        ("四川九洲电器集团有限责任公司", "Sichuan Jiuzhou Electric Group Co., Ltd."),
    ],
)
def test_chinese_institutes_and_companies_read_in_english(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


def test_a_reading_for_the_places_alone_makes_no_legal_form_of_a_word() -> None:
    # 集团 is Group, or Corporation: with Shanghai written out, Group stays
    found = reading("上海电气集团股份有限公司")
    assert found is not None
    texts = [text for text, _ in found.variants]
    assert "Shanghai Electric Group 股份有限公司" in texts
    assert "Shanghai Electric Corporation 股份有限公司" not in texts


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # a county CC-CEDICT knows that no table knows as a place is the trade name (紫金)
        ("紫金矿业集团股份有限公司", "Zijin Mining Group Co., Ltd."),
        ("江西铜业股份有限公司", "Jiangxi Copper Company Limited"),
        ("中华人民共和国商务部", "Ministry of Commerce of the People's Republic of China"),
        ("中国海关总署", "General Administration of Customs of China"),
        ("人民日报社", "People's Daily"),
        ("华为终端有限公司", "Huawei Device Co., Ltd."),
        ("潍柴动力股份有限公司", "Weichai Power Co., Ltd."),
    ],
)
def test_trade_names_that_are_counties_and_the_words_of_ministries(query: str, listed: str) -> None:
    assert score_in(query, listed, "cn") >= DEFAULT_THRESHOLD


def test_a_city_of_the_tables_is_still_where_the_body_is() -> None:
    # 北京 is Beijing: a city and generic words are no trade name
    assert read_han("北京科技有限公司") is None


def test_japanese_ministries_are_read_by_their_english_names() -> None:
    assert score_in("防衛省", "Ministry of Defense", "jp") >= DEFAULT_THRESHOLD
    assert (
        score_in("経済産業省", "Ministry of Economy, Trade and Industry", "jp") >= DEFAULT_THRESHOLD
    )


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("中国银行股份有限公司", "中国建设银行股份有限公司"),
        ("华为技术有限公司", "华为终端有限公司"),
    ],
)
def test_a_chinese_company_is_not_read_as_japanese(query: str, listed: str) -> None:
    """公司 is a Chinese company's word: its on'yomi (kofun yugen koshi) would read the form
    and drop the name, and two companies of one form would meet."""
    assert score(query, listed) < DEFAULT_THRESHOLD
    assert not any("koshi" in v for v in name_variants(query, "organization"))
