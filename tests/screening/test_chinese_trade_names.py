"""Chinese organisation names whose English names keep a word in pinyin (China Huaneng,
Dongfang Electric, China Datang, Shanghai Zhenhua) or take a word in the sense companies give
it (出口 Export, 信用 Credit), in Han characters and in pinyin: the tables written from
CC-CEDICT by bench/make_cedict_words.py, and the readings of `read_han` and `latin_reading`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from standing.screening.glossary import han_words, read_han
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.romanised import latin_reading
from tests.screening.names import score

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import make_cedict_words as gen  # noqa: E402


def entry(simplified: str, pinyin: str, *definitions: str, traditional: str = "") -> dict[str, Any]:
    return {
        "simplified": simplified,
        "traditional": traditional or simplified,
        "pinyin": pinyin,
        "definitions": list(definitions),
    }


def test_a_common_word_reads_in_the_sense_company_names_use() -> None:
    vocabulary = gen.company_vocabulary()
    assert {"export", "credit", "insurance", "group"} <= vocabulary
    exit_ = entry("出口", "chu1 kou3", "an exit", "CL:個|个[ge4]", "to speak", "to export")
    credit = entry("信用", "xin4 yong4", "trustworthiness", "(commerce) credit")
    assert gen.reading(exit_, vocabulary) == ("export", "word")
    assert gen.reading(credit, vocabulary) == ("credit", "word")
    # without the vocabulary, the first sense usable in a name
    assert gen.reading(exit_) == ("exit", "word")
    assert gen.reading(credit) == ("trustworthiness", "word")
    # no sense of the vocabulary: the first usable one still
    assert gen.reading(entry("桌子", "zhuo1 zi5", "table", "desk"), vocabulary) == (
        "table",
        "word",
    )
    table = han_words()
    assert (table.english["出口"], table.english["信用"]) == ("export", "credit")


def test_taiwan_is_read_as_taiwan_writes_it() -> None:
    taiwan = entry("台湾", "Tai2 wan1", "Taiwan", traditional="臺灣")
    assert gen.spellings(taiwan) == ("台湾", "臺灣", "台灣")
    assert han_words().english["台灣"] == "Taiwan"
    found = read_han("台灣電力股份有限公司")
    assert found is not None and found.text == "Taiwan Power 股份有限公司"


def test_a_character_is_spelled_with_its_most_frequent_reading() -> None:
    entries = [
        entry("银行", "yin2 hang2", "bank"),
        entry("行人", "xing2 ren2", "pedestrian"),
        entry("步行", "bu4 xing2", "to walk"),
        entry("行", "hang2", "row"),  # one character: not counted
    ]
    syllables = gen.build_syllables(entries)
    assert syllables["行"] == "xing"
    assert syllables["银"] == "yin"
    shipped = han_words().syllables
    assert (shipped["华"], shipped["能"], shipped["振"]) == ("hua", "neng", "zhen")


def test_the_glossary_companies_are_spelled_in_pinyin_every_way_their_characters_read() -> None:
    entries = [
        entry("美", "mei3", "beautiful"),
        entry("亚", "ya4", "Asia"),
        entry("柏", "bai3", "cypress"),
        entry("柏", "bo2", "(used for transcribing names)"),
        entry("科", "ke1", "branch of study"),
        entry("上", "shang4", "on"),
        entry("海", "hai3", "sea"),
        entry("微", "wei1", "micro"),
        entry("电", "dian4", "electric"),
        entry("子", "zi3", "son"),
    ]
    syllables = {"美": "mei", "亚": "ya", "柏": "bo", "科": "ke"}
    syllables |= {"上": "shang", "海": "hai", "微": "wei", "电": "dian", "子": "zi"}
    companies = [("美亚柏科", "Meiya Pico"), ("上海微电子", "SMEE")]
    spelled = gen.build_company_pinyin(entries, companies, syllables, frozenset({"上海"}))
    # a company named after its city is the city and common words in pinyin: left out
    assert spelled == {"mei ya bai ke": "meiya pico", "mei ya bo ke": "meiya pico"}
    # and so is one named with company words only, which the pinyin words read one by one
    words = frozenset({"中国", "航空", "工业"})
    assert gen._cut("中国航空工业", words)
    assert not gen._cut("中国广核", words)


def test_characters_no_table_reads_are_a_name_in_pinyin() -> None:
    found = read_han("中国华能集团有限公司")
    assert found is not None
    assert found.text == "China Huaneng Group 有限公司"
    assert "华能=Huaneng" in found.words
    zhenhua = read_han("上海振华重工（集团）股份有限公司")
    assert zhenhua is not None and zhenhua.text.startswith("Shanghai Zhenhua Heavy Industries")
    assert score("中国华能集团有限公司", "China Huaneng Group Co., Ltd.") >= 0.8
    assert score("中国华能集团有限公司", "China Huadian Corporation Ltd.") < 0.8
    assert score("上海振华重工（集团）股份有限公司", "Zhenhua Oil Co., Ltd.") < 0.8
    # one character alone stays as written, and a Japanese name's kanji are not pinyin: its
    # name in English is JMnedict's (japanese_names.tsv), or it is not read
    assert read_han("株式会社紅丸") is None
    marubeni = read_han("株式会社丸紅")
    assert marubeni is not None and marubeni.words == ("丸紅=Marubeni Corporation",)


def test_the_trade_name_is_kept_in_pinyin_in_a_third_reading() -> None:
    dongfang = read_han("中国东方电气集团有限公司")
    assert dongfang is not None
    assert dongfang.text == "China Oriental Electric Group 有限公司"
    assert dongfang.kept == "China Dongfang Electric Corporation 有限公司"
    # after the first and the alternate, before the mixes of senses
    assert [text for text, _ in dongfang.variants][2] == dongfang.kept
    datang = read_han("中国大唐集团有限公司")
    assert datang is not None and datang.kept == "China Datang Corporation 有限公司"
    assert score("中国大唐集团有限公司", "China Datang Corporation Ltd.") >= 0.8
    assert score("中国大唐集团有限公司", "Datang Telecom Technology Co., Ltd.") < 0.8
    # the group's registered name is no company of a trade named by its brand
    assert score("中国大唐集团有限公司", "China Datang Telecom Technology") < 0.8
    assert score("招商局集团有限公司", "China Merchants Bank") < 0.8
    # a direction alone is no trade name (China Southern Power Grid), nor is a company of
    # the dictionary (China Eastern Airlines)
    south = read_han("中国南方电网有限责任公司")
    eastern = read_han("中国东方航空股份有限公司")
    assert south is not None and south.kept is None
    assert eastern is not None and eastern.kept is None
    # a direction and a place are still not enough to read a name
    assert read_han("北京东方") is None


def test_a_pinyin_trade_name_is_kept_as_written_in_a_third_reading() -> None:
    found = latin_reading("Zhongguo Dongfang Dianqi Jituan Youxian Gongsi")
    assert found is not None
    assert found.text == "china eastern electric group Youxian Gongsi"
    assert found.kept == "china Dongfang electric corporation Youxian Gongsi"
    # a place is no trade name: Hong Kong and China Gas, read as the glossary's company
    gas = latin_reading("Xianggang Zhonghua Meiqi Youxian Gongsi")
    assert gas is not None
    assert (gas.text, gas.kept) == ("hong kong and china gas Youxian Gongsi", None)
    assert (
        score(
            "Xianggang Zhonghua Meiqi Youxian Gongsi", "The Hong Kong and China Gas Company Limited"
        )
        >= 0.8
    )


def test_a_company_in_pinyin_reads_as_in_han_characters() -> None:
    meiya = latin_reading("Xiamen Meiya Baike Xinxi Gufen Youxian Gongsi")
    assert meiya is not None and "Meiya Baike=meiya pico" in meiya.words
    assert (
        score(
            "Xiamen Meiya Baike Xinxi Gufen Youxian Gongsi",
            "Xiamen Meiya Pico Information Co., Ltd.",
        )
        >= 0.8
    )
    cgn = "Zhongguo Guanghe Jituan Youxian Gongsi"
    assert score(cgn, "China General Nuclear Power Corporation") >= 0.8
    assert score(cgn, "China National Nuclear Corporation") < 0.8


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Keda Xunfei", "iFLYTEK Co., Ltd."),
        ("Zhongxing Tongxun", "ZTE Corporation"),
        ("Zhonghai You", "China National Offshore Oil Corporation (CNOOC)"),
        ("Kuangshi Keji", "Megvii Technology Limited"),
    ],
)
def test_a_company_s_name_in_pinyin_alone_says_which_it_is(query: str, entry: str) -> None:
    # three syllables or more of a company of the glossary, or beside another word read
    assert score(query, entry) >= DEFAULT_THRESHOLD


def test_an_exchange_and_clearing_house_in_pinyin() -> None:
    query = "Xianggang Jiaoyi ji Jiesuansuo Youxian Gongsi"
    assert score(query, "Hong Kong Exchanges and Clearing Limited") >= DEFAULT_THRESHOLD
    assert score(query, "Hong Kong Securities Clearing Company Limited") < DEFAULT_THRESHOLD


def test_two_syllables_of_a_company_alone_are_not_read() -> None:
    # "Da Jiang" (大疆, DJI) is as likely any other name written in two syllables
    assert latin_reading("Da Jiang") is None
    assert latin_reading("Dajiang Chuangxin") is not None


def test_company_senses_of_the_words_read_in_both_scripts() -> None:
    assert score("中国出口信用保险公司", "China Export & Credit Insurance Corporation") >= 0.8
    assert score("香港中華煤氣有限公司", "The Hong Kong and China Gas Company Limited") >= 0.8
    assert (
        score("台灣積體電路製造股份有限公司", "Taiwan Semiconductor Manufacturing Company Limited")
        >= 0.8
    )
    assert score("中国铝业股份有限公司", "Aluminum Corporation of China Limited") >= 0.8
    assert (
        score(
            "Zhongguo Hangtian Kongqi Dongli Jishu Yanjiuyuan",
            "China Academy of Aerospace Aerodynamics",
        )
        >= 0.8
    )


def test_a_syllable_after_a_place_is_not_joined_to_it() -> None:
    # "bei jing" is Beijing; "bei jing da", with the first syllable of 大学 (university), is
    # not: Peking University is not the Beijing Institute of Technology
    assert score("北京大学", "Peking University") >= DEFAULT_THRESHOLD
    assert score("北京大学", "Beijing Institute of Technology") < DEFAULT_THRESHOLD
