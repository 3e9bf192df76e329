"""Korean and Japanese organisation names read in English with their company vocabulary
(`data/cjk_senses.tsv`, `data/romanised_words.tsv`): North and South Korean words in Hangul and
romanised in McCune-Reischauer or Revised Romanization, written whole or syllable by syllable,
조선/Choson read Korea at the head of a name and Shipbuilding after another word; Japanese kanji
and kana words, 日本 Japan or Nippon. Two bodies sharing only their generic words stay apart."""

from __future__ import annotations

import pytest

from standing.screening.glossary import company_senses, reading
from standing.screening.match import DEFAULT_THRESHOLD, Query
from standing.screening.normalize import normalize_name
from standing.screening.romanised import latin_reading
from tests.screening.names import company, matcher, score


def test_the_table_has_korean_and_japanese_company_words() -> None:
    senses = company_senses()
    assert senses["^조선"] == ("Korea",)  # 朝鮮, at the start of a word
    assert senses["조선"] == ("Shipbuilding",)  # 造船, after another word
    assert senses["연합"] == ("Associated", "United")
    assert senses["수출입"][0] == "Export-Import"
    assert senses["합영"] == ("Joint Venture",)
    assert senses["日本"] == ("Japan", "Nippon")
    assert senses["たばこ"] == ("Tobacco",)
    assert senses["ホールディングス"] == ("Holdings",)


def test_choson_is_korea_at_the_head_of_a_name_and_shipbuilding_after_another_word() -> None:
    found = reading("조선광업개발무역회사")
    assert found is not None
    assert found.text == "Korea Mining Development Foreign Trade 회사"
    assert found.alternate == "Korea Mining Development Trading 회사"
    assert found.words[0] == "조선=Korea"
    mipo = reading("현대미포조선")
    assert mipo is not None and mipo.words == ("조선=Shipbuilding",)
    dsme = reading("대우조선해양")
    assert dsme is not None and dsme.text == "대우 Shipbuilding & Marine Engineering"
    # romanised alike: the first word only
    north = latin_reading("Choson Muyok Unhaeng")
    assert north is not None and north.text == "korea foreign trade bank"
    south = latin_reading("Daewoo Joseon Haeyang")
    assert south is not None and south.words[0] == "Joseon=shipbuilding"


@pytest.mark.parametrize(
    "name",
    [
        "Choson Ryonha Kigye Hapyong Hoesa",  # McCune-Reischauer
        "Joseon Ryeonha Gigye Hapyeong Hoesa",  # Revised Romanization
        "Choson Ryonha Ki Gye Hap Yong Hoe Sa",  # syllable by syllable
    ],
)
def test_korean_romanised_in_either_scheme_whole_or_by_syllables(name: str) -> None:
    found = latin_reading(name)
    assert found is not None
    assert " machinery joint venture company" in found.text
    assert found.text.startswith("korea ")
    assert found.alternate is not None and found.alternate.endswith("joint venture corporation")


def test_japanese_kana_are_read_with_the_kanji() -> None:
    jt = reading("日本たばこ産業株式会社")
    assert jt is not None
    assert jt.text == "Japan Tobacco Industries 株式会社"
    assert jt.words == ("日本=Japan", "たばこ=Tobacco", "産業=Industries")
    assert jt.alternate == "Nippon Tobacco Sangyo 株式会社"
    ana = reading("全日本空輸株式会社")
    assert ana is not None and ana.alternate == "All Nippon Airways 株式会社"
    # kana none of the tables has stay one word, a name
    toyota = reading("トヨタ自動車株式会社")
    assert toyota is not None and toyota.text == "トヨタ Motor 株式会社"
    kirin = reading("キリンホールディングス株式会社")
    assert kirin is not None and kirin.text == "キリン Holdings 株式会社"


def test_a_japanese_name_of_generic_words_and_a_place_is_not_read() -> None:
    # "Japan Steel" is a country's generic name, which meets only the same name: not The
    # Japan Steel Works
    steel = reading("日本製鉄株式会社")
    assert steel is not None and steel.generic
    assert score("日本製鉄株式会社", "Nippon Steel Corporation") >= DEFAULT_THRESHOLD
    assert score("日本製鉄株式会社", "The Japan Steel Works, Ltd.") < DEFAULT_THRESHOLD
    found = latin_reading("Nippon Seitetsu Kabushiki Kaisha")
    assert found is not None and found.generic
    assert (
        score("Nippon Seitetsu Kabushiki Kaisha", "Nippon Steel Corporation") >= DEFAULT_THRESHOLD
    )


@pytest.mark.parametrize("name", ["中國鋼鐵股份有限公司", "中国钢铁股份有限公司"])
def test_a_country_s_generic_name_is_read_by_its_generic_sense(name: str) -> None:
    # 鋼鐵 is Iron and Steel, or Steel: a generic name of a country, "Iron and Steel" read
    # as Steel (equivalent_words.tsv)
    steel = reading(name)
    assert steel is not None and steel.generic
    assert normalize_name(steel.text, "organization").tokens == ("china", "steel")
    assert score(name, "China Steel Corporation") >= DEFAULT_THRESHOLD
    assert score(name, "China Steel Chemical Corporation") < DEFAULT_THRESHOLD
    assert score(name, "China Iron and Steel Research Institute Group") < DEFAULT_THRESHOLD
    assert score(name, "Nippon Steel Corporation") < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed", "words"),
    [
        (
            "조선광업개발무역회사",
            "Korea Mining Development Trading Corporation",
            ["조선=Korea", "광업=Mining", "개발=Development", "무역=Trading"],
        ),
        (
            "조선무역은행",
            "Foreign Trade Bank of the Democratic People's Republic of Korea",
            ["조선=Korea", "무역=Foreign Trade", "은행=Bank"],
        ),
        (
            "Choson Muyok Unhaeng",
            "Foreign Trade Bank of the Democratic People's Republic of Korea",
            ["Choson=korea", "Muyok=foreign trade", "Unhaeng=bank"],
        ),
        ("조선련봉총회사", "Korea Ryonbong General Corporation", ["조선=Korea"]),
        # Chosun, as some English names spell 조선
        (
            "Chosun Ryonbong Chonghoesa",
            "Korea Ryonbong General Corporation",
            ["Chosun=korea", "Chonghoesa=corporation"],
        ),
        ("조선광선은행", "Korea Kwangson Banking Corporation", ["조선=Korea", "은행=Banking"]),
        ("조선단군무역회사", "Korea Tangun Trading Corporation", ["조선=Korea", "무역=Trading"]),
        (
            "조선련하기계합영회사",
            "Korea Ryonha Machinery Joint Venture Corporation",
            ["조선=Korea", "기계=Machinery", "합영=Joint Venture"],
        ),
        (
            "Choson Ryonha Ki Gye Hap Yong Hoe Sa",
            "Korea Ryonha Machinery Joint Venture Corporation",
            ["Choson=korea", "Ki Gye=machinery", "Hap Yong=joint venture", "Hoe Sa=company"],
        ),
        (
            "조선민족보험총회사",
            "Korea National Insurance Corporation",
            ["조선=Korea", "민족=National", "보험=Insurance"],
        ),
        (
            "Choson Minjok Pohom Chonghoesa",
            "Korea National Insurance Corporation",
            ["Choson=korea", "Minjok=national", "Pohom=insurance", "Chonghoesa=corporation"],
        ),
        ("일심국제은행", "Ilsim International Bank", ["국제=International", "은행=Bank"]),
        (
            "Ilsim Kukje Unhaeng",
            "Ilsim International Bank",
            ["Kukje=international", "Unhaeng=bank"],
        ),
        (
            "한국수출입은행",
            "The Export-Import Bank of Korea",
            ["한국=Korea", "수출입=Export-Import", "은행=Bank"],
        ),
        (
            "HD한국조선해양 주식회사",
            "HD Korea Shipbuilding & Offshore Engineering Co., Ltd.",
            ["한국=Korea", "조선해양=Shipbuilding & Offshore Engineering"],
        ),
        (
            "日本電信電話株式会社",
            "Nippon Telegraph and Telephone Corporation",
            ["日本=Nippon", "電信=Telegraph", "電話=Telephone"],
        ),
        (
            "日本たばこ産業株式会社",
            "Japan Tobacco Inc.",
            ["日本=Japan", "たばこ=Tobacco", "産業=Industries"],
        ),
        (
            "全日本空輸株式会社",
            "All Nippon Airways Co., Ltd.",
            ["全日本=All Nippon", "空輸=Airways"],
        ),
        (
            "関西電力株式会社",
            "The Kansai Electric Power Company, Incorporated",
            ["関西=Kansai", "電力=Electric Power"],
        ),
        (
            "東日本旅客鉄道株式会社",
            "East Japan Railway Company",
            ["東日本=East Japan", "旅客鉄道=Railway"],
        ),
        (
            "Higashi Nihon Ryokaku Tetsudo Kabushiki Kaisha",
            "East Japan Railway Company",
            ["Higashi Nihon=east japan", "Ryokaku Tetsudo=railway"],
        ),
    ],
)
def test_names_read_with_the_vocabulary_find_their_english_names(
    query: str, listed: str, words: list[str]
) -> None:
    hit = matcher.score(Query.of(query, schema="Company"), company(listed))
    assert hit.score >= DEFAULT_THRESHOLD
    assert hit.features["name"]["read_in_english"] == {"query": words}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # X Trading Corporation of Korea, another X
        ("조선혁신무역회사", "Korea Heungjin Trading Company"),
        ("Choson Hyoksin Muyok Hoesa", "Korea Heungjin Trading Company"),
        ("조선단군무역회사", "Korea Kwangsong Trading Corporation"),
        ("조선광업개발무역회사", "Korea Tangun Trading Corporation"),
        ("조선련봉총회사", "Korea Tangun Trading Corporation"),
        ("조선민족보험총회사", "Korea Tangun Trading Corporation"),
        ("조선광선은행", "Korea Kwangsong Trading Corporation"),
        # a bank of the same kind, another bank
        ("조선대성은행", "Korea Development Bank"),
        ("조선무역은행", "Korea Exchange Bank"),
        ("조선광선은행", "Foreign Trade Bank of the Democratic People's Republic of Korea"),
        ("한국수출입은행", "Export-Import Bank of China"),
        ("Hanguk Suchulip Eunhaeng", "Export-Import Bank of China"),
        ("단천상업은행", "Commercial Bank of Korea"),
        # the same shipbuilding words, another shipbuilder
        ("HD한국조선해양 주식회사", "Daewoo Shipbuilding & Marine Engineering Co., Ltd."),
        # Japan X, another X; the same region's word, another company
        ("東日本旅客鉄道株式会社", "West Japan Railway Company"),
        ("西日本旅客鉄道株式会社", "East Japan Railway Company"),
        ("Higashi Nihon Ryokaku Tetsudo Kabushiki Kaisha", "West Japan Railway Company"),
        ("全日本空輸株式会社", "Japan Airlines Co., Ltd."),
        ("日本航空株式会社", "All Nippon Airways Co., Ltd."),
        ("日本たばこ産業株式会社", "Japan Airlines Co., Ltd."),
        ("日本製鉄株式会社", "The Japan Steel Works, Ltd."),
        ("関西電力株式会社", "Tokyo Electric Power Company Holdings, Incorporated"),
        ("関西電力株式会社", "Kansai Paint Co., Ltd."),
        ("キリンホールディングス株式会社", "Panasonic Holdings Corporation"),
        ("Tokyo Gasu Kabushiki Kaisha", "Osaka Gas Co., Ltd."),
    ],
)
def test_bodies_sharing_only_generic_words_stay_apart(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


# -- the third round's words: 国際協力 (international cooperation), 运载火箭 (launch vehicle),
# 发动机 in pinyin (engine)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # the Japanese corporate number register's name of JBIC, in kanji and in Hepburn
        ("株式会社国際協力銀行", "Japan Bank for International Cooperation"),
        ("Kokusai Kyoryoku Ginko", "Japan Bank for International Cooperation"),
        # CALT, of the BIS Entity List: 研究院 read Academy with the launch vehicle
        ("中国运载火箭技术研究院", "China Academy of Launch Vehicle Technology"),
        ("Zhongguo Yunzai Huojian Jishu Yanjiuyuan", "China Academy of Launch Vehicle Technology"),
    ],
)
def test_cooperation_and_launch_vehicle_are_read(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # another Japanese state bank; another academy of the same group
        ("Kokusai Kyoryoku Ginko", "Japan Finance Corporation"),
        ("株式会社国際協力銀行", "Development Bank of Japan Inc."),
        ("中国运载火箭技术研究院", "China Academy of Space Technology"),
        ("Zhongguo Yunzai Huojian Jishu Yanjiuyuan", "China Academy of Space Technology"),
    ],
)
def test_the_words_read_keep_other_bodies_apart(query: str, listed: str) -> None:
    assert score(query, listed) < 0.5


def test_fadongji_is_engine() -> None:
    found = latin_reading("Zhongguo Hangkong Fadongji Jituan Youxian Gongsi")
    assert found is not None and "engine" in found.text.split()


def test_goryeo_is_korea_at_the_head_of_a_word() -> None:
    # 고려아연 (Korea Zinc, DART); Air Koryo's 고려 has its second sense
    assert score("고려아연 주식회사", "Korea Zinc Company, Ltd.") >= DEFAULT_THRESHOLD
    assert score("고려아연 주식회사", "Korea Resources Corporation") < 0.5
    found = reading("고려아연 주식회사")
    assert found is not None and found.alternate is not None
    assert "Koryo" in found.alternate


# -- a further round: aero engine, science and industry, hydro, water resources, Chubu, steel
# works; Chinese words CC-CEDICT lacks spelled from the two words they are made of


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # SASAC register of central enterprises
        ("Zhongguo Hangkong Fadongji Jituan Youxian Gongsi", "Aero Engine Corporation of China"),
        ("中国航空发动机集团有限公司", "Aero Engine Corporation of China"),
        (
            "Zhongguo Hangtian Kegong Jituan Youxian Gongsi",
            "China Aerospace Science and Industry Corporation Limited",
        ),
        # 石油化工, spelled from 石油 and 化工
        ("Zhongguo Shiyou Huagong Jituan Youxian Gongsi", "China Petrochemical Corporation"),
        # ALIO
        ("Hanguk Sujawon Gongsa", "Korea Water Resources Corporation"),
        ("한국수자원공사", "Korea Water Resources Corporation"),
        ("한국수력원자력 주식회사", "Korea Hydro & Nuclear Power Co., Ltd."),
        # the Japanese corporate number register
        ("中部電力株式会社", "Chubu Electric Power Co., Inc."),
        ("Kabushiki Kaisha Kobe Seikosho", "Kobe Steel, Ltd."),
    ],
)
def test_a_further_round_of_company_words_is_read(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # the group's other aerospace corporation; another aviation group
        (
            "Zhongguo Hangtian Kegong Jituan Youxian Gongsi",
            "China Aerospace Science and Technology Corporation",
        ),
        (
            "Zhongguo Hangkong Fadongji Jituan Youxian Gongsi",
            "Aviation Industry Corporation of China",
        ),
        ("中国航空发动机集团有限公司", "Aviation Industry Corporation of China"),
        # another oil company; the group's listed arm is another legal entity
        ("Zhongguo Shiyou Huagong Jituan Youxian Gongsi", "China National Petroleum Corporation"),
        # other Korean public corporations of the same generic words
        ("Hanguk Sujawon Gongsa", "Korea Resources Corporation"),
        ("한국수자원공사", "Korea Resources Corporation"),
        ("Hanguk Suryeok Wonjaryeok Jusikhoesa", "Korea South-East Power Co., Ltd."),
        # another region's power company; another steel works
        ("中部電力株式会社", "The Chugoku Electric Power Co., Inc."),
        ("Kabushiki Kaisha Kobe Seikosho", "The Japan Steel Works, Ltd."),
    ],
)
def test_the_further_round_keeps_other_bodies_apart(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


def test_choson_at_the_head_of_a_name_wins_over_a_longer_word() -> None:
    # 조선소백수무역회사 (UN SC consolidated list: Korea Sobaeksu Trading Company) is 조선 (Korea)
    # and 소백수, not 조선소 (shipyard) and 백수
    found = reading("조선소백수무역회사")
    assert found is not None and found.text.startswith("Korea ")
    assert score("조선소백수무역회사", "Korea Sobaeksu Trading Company") >= DEFAULT_THRESHOLD
    assert score("조선소백수무역회사", "Korea Heungjin Trading Company") < DEFAULT_THRESHOLD
    # after another word 조선 is still Shipbuilding
    found = reading("현대미포조선")
    assert found is not None and "Shipbuilding" in found.text


def test_a_mccune_reischauer_name_is_also_read_in_the_revised_romanization() -> None:
    # OFAC SDN: KOREA DAESONG BANK, a.k.a. CHOSON TAESONG UNHAENG; the unaspirated T of
    # McCune-Reischauer is the Revised Romanization's D
    found = latin_reading("Choson Taesong Unhaeng")
    assert found is not None
    assert found.text == "korea Daesong bank"
    assert found.alternate is not None and "Taesong" in found.alternate
    assert score("Choson Taesong Unhaeng", "Korea Daesong Bank") >= DEFAULT_THRESHOLD
    assert score("Choson Kwangson Unhaeng", "Korea Kwangson Banking Corporation") >= (
        DEFAULT_THRESHOLD
    )
    # the same name's trading company, another bank
    assert score("Choson Taesong Unhaeng", "Korea Daesong General Trading Corporation") < (
        DEFAULT_THRESHOLD
    )
    assert score("Choson Taesong Unhaeng", "Korea Kwangson Banking Corporation") < 0.5


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("한국토지주택공사", "Korea Land and Housing Corporation"),
        ("Hanguk Toji Jutaek Gongsa", "Korea Land and Housing Corporation"),
        (
            "Tokyo Denryoku Horudingusu Kabushiki Kaisha",
            "Tokyo Electric Power Company Holdings, Inc.",
        ),
        # nothing of their own left but a word that names something: bodies of the DPRK
        ("조선로동당", "Workers' Party of Korea"),
        ("정찰총국", "Reconnaissance General Bureau"),
        ("한국과학기술원", "Korea Advanced Institute of Science and Technology"),
    ],
)
def test_korean_and_japanese_company_words_are_read(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("SK하이닉스 주식회사", "SK hynix Inc."),
        ("GS칼텍스 주식회사", "GS Caltex Corporation"),
        ("한화에어로스페이스 주식회사", "Hanwha Aerospace Co., Ltd."),
        # McCune-Reischauer's ch for the Revised Romanization's j
        ("CJ제일제당 주식회사", "CJ CheilJedang Corporation"),
        # 포, read "po", is no descriptor acronym (PO, a production association)
        ("포스코", "POSCO"),
        # 울 of 서울, read "ul", is no function word (the Polish "ul.", a street)
        ("서울대학교", "Seoul National University"),
    ],
)
def test_a_brand_in_hangul_is_read_by_its_sounds(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("SK하이닉스 주식회사", "SK Innovation Co., Ltd."),
        ("한화에어로스페이스 주식회사", "Hanwha Ocean Co., Ltd."),
        ("한화에어로스페이스 주식회사", "Hanwha Systems Co., Ltd."),
    ],
)
def test_brands_of_one_group_in_hangul_stay_apart(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        # 페 of 스페이스 is read "pe", which rigour knows as a legal form
        ("한화에어로스페이스 주식회사", ("coltd",)),
        # 沙 of 沙钢 (Shagang) is read "sha", 奥 "ao", 娱 "yu", 裕 "yu"
        ("江苏沙钢集团有限公司", ("ltd",)),
        ("奥飞娱乐股份有限公司", ("ltd",)),
        ("裕元工业", ()),
    ],
)
def test_a_syllable_in_hangul_or_han_is_no_legal_form(name: str, forms: tuple[str, ...]) -> None:
    assert normalize_name(name, "organization").legal_forms == forms


def test_a_hangul_syllable_is_no_descriptor() -> None:
    assert normalize_name("포스코", "organization").tokens == ("po", "seu", "ko")
    # in Latin or Cyrillic letters, the descriptor acronym is read
    assert normalize_name("PO Sevmash", "organization").tokens[:2] == ("production", "association")


@pytest.mark.parametrize(
    ("query", "listed", "match"),
    [
        # a direction before Nippon or Nihon, written apart, with a hyphen or joined
        ("西日本鉄道株式会社", "Nishi-Nippon Railroad Co., Ltd.", True),
        (
            "Higashi Nippon Kosoku Doro Kabushiki Kaisha",
            "East Nippon Expressway Company Limited",
            True,
        ),
        # Nishi-Nippon Railroad is not West Japan Railway (JR West, 西日本旅客鉄道)
        ("West Japan Railway Company", "Nishi-Nippon Railroad Co., Ltd.", False),
    ],
)
def test_a_direction_before_nippon_reads_as_the_companies_write_it(
    query: str, listed: str, match: bool
) -> None:
    assert (score(query, listed) >= DEFAULT_THRESHOLD) is match


def test_a_korean_name_of_a_country_and_generic_words_is_a_generic_name() -> None:
    # 한국은행, Korea Bank: nothing of its own, read as a country's generic name, which meets
    # only the same name
    bank = reading("한국은행")
    assert bank is not None and bank.generic and bank.text == "Korea Bank"
    assert score("한국은행", "Bank of Korea") >= DEFAULT_THRESHOLD
    assert score("한국은행", "Korea Development Bank") < DEFAULT_THRESHOLD
    assert score("한국은행", "Korea Exchange Bank") < DEFAULT_THRESHOLD


# -- a Japanese company word beside a name of Japanese syllables ("Mizuho Ginko"), and the
# words of Japanese companies' registered names in Hepburn


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Mizuho Ginko", "Mizuho Bank, Ltd."),
        ("Yokohama Gomu", "The Yokohama Rubber Co., Ltd."),
        ("Kirin Biru", "Kirin Brewery Company, Limited"),
        ("Asahi Biru", "Asahi Breweries, Ltd."),
        ("Toppan Insatsu", "Toppan Printing Co., Ltd."),
        ("Dai Nippon Insatsu", "Dai Nippon Printing Co., Ltd."),
        ("Nippon Itagarasu", "Nippon Sheet Glass Co., Ltd."),
        ("Nippon Keikinzoku", "Nippon Light Metal Company, Ltd."),
        ("Yamato Unyu", "Yamato Transport Co., Ltd."),
        ("Nippon Hoso Kyokai", "Japan Broadcasting Corporation"),
        ("Kyodo Tsushinsha", "Kyodo News"),
        ("Tokyo Kogyo Daigaku", "Tokyo Institute of Technology"),
        ("Tokyo Shoken Torihikijo", "Tokyo Stock Exchange, Inc."),
        ("Shosen Mitsui", "Mitsui O.S.K. Lines, Ltd."),
        ("Toshiba Kikai", "Toshiba Machine Co., Ltd."),
        ("Nihon Yusei", "Japan Post Co., Ltd."),
    ],
)
def test_japanese_company_words_are_read(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Sumitomo Shoji", "Sumitomo Chemical Company, Limited"),
        ("Tokyo Gasu", "Osaka Gas Co., Ltd."),
        ("Kyoto Daigaku", "Kyoto Sangyo University"),
        ("Mizuho Ginko", "Mizuho Securities Co., Ltd."),
        ("Nomura Shoken", "Nomura Holdings, Inc."),
        ("Kirin Biru", "Asahi Breweries, Ltd."),
        ("Tokyo Kogyo Daigaku", "The University of Tokyo"),
    ],
)
def test_japanese_company_words_keep_companies_apart(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # the power companies of KEPCO by their regions, and a North Korean shipping company
        ("Hanguk Jungbu Baljeon", "Korea Midland Power Co., Ltd."),
        ("Hanguk Nambu Baljeon", "Korea Southern Power Co., Ltd."),
        ("Choson Tonghae Haeun Hoesa", "Korea East Sea Shipping Company"),
        # a polytechnic university is a university of technology; 三峡, the Three Gorges
        ("Xibei Gongye Daxue", "Northwestern Polytechnical University"),
        ("Zhongguo Sanxia Jituan", "China Three Gorges Corporation"),
    ],
)
def test_regions_and_polytechnics_are_read(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


def test_regions_keep_sister_companies_apart() -> None:
    assert score("Hanguk Seobu Baljeon", "Korea Midland Power Co., Ltd.") < DEFAULT_THRESHOLD
    assert score("Tomsk Polytechnic University", "Tomsk State University") < DEFAULT_THRESHOLD
