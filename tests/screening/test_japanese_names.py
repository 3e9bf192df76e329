"""Japanese organisations known in English by a name that is no reading of their Japanese one
(日本電気: NEC), from JMnedict (`data/japanese_names.tsv`, written by
bench/make_japanese_names.py): read so in kanji and kana, and in Hepburn beside a Japanese
legal form."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from standing.screening import wordlists
from standing.screening.glossary import japanese_han_words, read_han
from standing.screening.match import Query
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.match.evidence import explain_name
from standing.screening.romanised import japanese_company_reading, latin_reading
from tests.screening.names import company, matcher, score_in

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import make_japanese_names as gen

# -- the table ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gloss", "names"),
    [
        ("NEC (Nippon Electric Company)", ["NEC", "Nippon Electric Company"]),
        ("Organization of American States (OAS)", ["Organization of American States", "OAS"]),
        # a bracket that describes is no name
        ("Sagawa Express (parcel delivery company)", ["Sagawa Express"]),
        ("Hitachi (Corporation)", ["Hitachi"]),
        # not in Latin letters, or too long to be a name
        ("株式会社", []),
        (" ".join(["Word"] * 11), []),
    ],
)
def test_a_gloss_gives_the_names_it_writes(gloss: str, names: list[str]) -> None:
    assert gen.english_names(gloss) == names


def _dictionary(
    path: Path,
    entries: list[tuple[int, list[str], list[str], str, list[str]]],
    words: list[tuple[int, list[str], list[str], list[str], int]] = (),  # type: ignore[assignment]
) -> Path:
    """A JMnedict and JMdict database of jamdict's schema (the tables the generator reads)
    holding the names `entries`: (id, kanji, kana, type, glosses), and the words `words`:
    (id, kanji, kana, glosses, priority marks of its kanji)."""
    con = sqlite3.connect(path)
    con.executescript(
        """
        CREATE TABLE NEKanji (ID INTEGER PRIMARY KEY, idseq INTEGER, text TEXT);
        CREATE TABLE NEKana (ID INTEGER PRIMARY KEY, idseq INTEGER, text TEXT, nokanji BOOLEAN);
        CREATE TABLE NETranslation (ID INTEGER PRIMARY KEY, idseq INTEGER);
        CREATE TABLE NETransType (tid INTEGER, text TEXT);
        CREATE TABLE NETransGloss (tid INTEGER, lang TEXT, gend TEXT, text TEXT);
        CREATE TABLE Kanji (ID INTEGER PRIMARY KEY, idseq INTEGER, text TEXT);
        CREATE TABLE Kana (ID INTEGER PRIMARY KEY, idseq INTEGER, text TEXT, nokanji BOOLEAN);
        CREATE TABLE KJP (kid INTEGER, text TEXT);
        CREATE TABLE KNP (kid INTEGER, text TEXT);
        CREATE TABLE Sense (ID INTEGER PRIMARY KEY, idseq INTEGER);
        CREATE TABLE SenseGloss (sid INTEGER, lang TEXT, gend TEXT, text TEXT);
        """
    )
    for idseq, kanji, kana, glosses, marks in words:
        for k in kanji:
            kid = con.execute("INSERT INTO Kanji (idseq, text) VALUES (?, ?)", (idseq, k)).lastrowid
            con.executemany("INSERT INTO KJP VALUES (?, 'news1')", [(kid,)] * marks)
        con.executemany(
            "INSERT INTO Kana (idseq, text, nokanji) VALUES (?, ?, 0)", [(idseq, k) for k in kana]
        )
        sid = con.execute("INSERT INTO Sense (idseq) VALUES (?)", (idseq,)).lastrowid
        con.executemany(
            "INSERT INTO SenseGloss VALUES (?, 'eng', NULL, ?)", [(sid, g) for g in glosses]
        )
    for idseq, kanji, kana, kind, glosses in entries:
        con.executemany(
            "INSERT INTO NEKanji (idseq, text) VALUES (?, ?)", [(idseq, k) for k in kanji]
        )
        con.executemany(
            "INSERT INTO NEKana (idseq, text, nokanji) VALUES (?, ?, 0)", [(idseq, k) for k in kana]
        )
        tid = con.execute("INSERT INTO NETranslation (idseq) VALUES (?)", (idseq,)).lastrowid
        con.execute("INSERT INTO NETransType VALUES (?, ?)", (tid, kind))
        con.executemany(
            "INSERT INTO NETransGloss VALUES (?, 'eng', NULL, ?)", [(tid, g) for g in glosses]
        )
    con.commit()
    con.close()
    return path


def test_the_generator_keeps_organisations_and_their_acronym_second(tmp_path: Path) -> None:
    db = _dictionary(
        tmp_path / "jamdict.db",
        [
            (1, ["日本電気"], ["にっぽんでんき"], "company", ["NEC (Nippon Electric Company)"]),
            (
                2,
                ["日本放送協会"],
                ["にっぽんほうそうきょうかい"],
                "organization",
                ["Japan Broadcasting Corporation", "Nihon Housou Kyoukai", "NHK"],
            ),
            # a name in katakana alone is kept; a surname is not an organisation
            (3, [], ["ソニー"], "company", ["Sony"]),
            (4, ["鈴木"], ["すずき"], "surname", ["Suzuki"]),
            # one spelling two organisations give different English: neither's
            (5, ["中国銀行"], ["ちゅうごくぎんこう"], "company", ["Chugoku Bank"]),
            (6, ["中国銀行"], ["ちゅうごくぎんこう"], "organization", ["Bank of China"]),
            # one character, or none of kana and kanji: left out
            (7, ["Ｘ"], ["エックス"], "company", ["X Company"]),
        ],
    )
    assert gen.read_entries(db) == {
        "日本電気": (["NEC", "Nippon Electric Company"], "にっぽんでんき"),
        "日本放送協会": (["Japan Broadcasting Corporation", "NHK"], "にっぽんほうそうきょうかい"),
        "ソニー": (["Sony"], "ソニー"),
    }


def test_the_generator_writes_the_table_from_a_dictionary(tmp_path: Path) -> None:
    db = _dictionary(
        tmp_path / "jamdict.db",
        [(1, ["日本電気"], ["にっぽんでんき"], "company", ["NEC (Nippon Electric Company)"])],
    )
    out, words = tmp_path / "japanese_names.tsv", tmp_path / "japanese_words.tsv"
    sys.argv = ["make_japanese_names.py", "--db", str(db), "--out", str(out)]
    sys.argv += ["--words-out", str(words), "--places-out", str(tmp_path / "places.tsv")]
    gen.main()
    lines = out.read_text("utf-8").splitlines()
    assert lines[0].startswith("# Japanese organisations' names in English, from JMnedict")
    assert lines[1:] == ["日本電気\tNEC|Nippon Electric Company\tnippondenki"]
    lines = words.read_text("utf-8").splitlines()
    assert lines[0].startswith("# The company words of Japanese names in Hepburn")
    assert lines[1:] == []  # the dictionary has no words


# -- the words table ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("english", "senses", "agree"),
    [
        ("University", "university; college", True),
        ("Industries", "(manufacturing) industry", True),
        ("Electronics", "electron; electronic", True),
        ("Steel", "iron manufacture", False),
        # the Chinese sense of 工程 is not the Japanese one
        ("Engineering", "process; operation; stage of a process", False),
        # a short word is no stem of a longer one
        ("art", "article; artisan", False),
    ],
)
def test_english_agrees_with_the_dictionary_s_senses(
    english: str, senses: str, agree: bool
) -> None:
    assert gen.agrees(english, senses) is agree


def test_the_words_come_from_the_hand_checked_tables_and_the_names(tmp_path: Path) -> None:
    names = {
        "東京学会": (["Tokyo Society"], "とうきょうがっかい"),
        "大阪学会": (["Osaka Society of Science"], "おおさかがっかい"),
        "京都学会": (["Kyoto Society"], "きょうとがっかい"),
        "日本法人": (["Japan Corporation"], "にっぽんほうじん"),
        "東京法人": (["Tokyo Corporation"], "とうきょうほうじん"),
    }
    db = _dictionary(
        tmp_path / "jamdict.db",
        [],
        [
            # in cjk_senses.tsv: University, and its reading's letters are enough
            (1, ["大学"], ["だいがく"], ["university", "college"], 2),
            # in cjk_senses.tsv as Chinese "Engineering": JMdict disagrees
            (2, ["工程"], ["こうてい"], ["process", "operation"], 2),
            # in three names, two of them saying Society: read so
            (3, ["学会"], ["がっかい"], ["learned society", "academic meeting"], 1),
            # in two names only
            (4, ["法人"], ["ほうじん"], ["corporation", "juridical person"], 1),
            # a place, and its spelling with more priority marks gives the reading
            (5, ["東京"], ["とうきょう"], ["Tokyo"], 2),
            (6, ["東京"], ["ひがしきょう"], ["east capital"], 0),
        ],
    )
    words = gen.japanese_words(gen.Dictionary(db), names)
    assert words["daigaku"] == "University"
    assert words["gakkai"] == "society"
    assert not {"kotei", "hojin", "tokyo", "higashikyo"} & set(words)


def test_the_shipped_words_read_romanised_japanese_names() -> None:
    rows = wordlists.pairs("japanese_words.tsv")
    assert len(rows) > 250
    assert rows["daigaku"] == "University"
    assert rows["gakkai"] == "society"
    assert "hoken" not in rows  # too short: 保険 insurance and 保健 health
    found = latin_reading("Tokyo Daigaku")
    assert found is not None and found.text == "Tokyo University"


def test_the_shipped_table_has_japanese_companies() -> None:
    rows = {row[0]: row for row in wordlists.rows("japanese_names.tsv")}
    assert len(rows) > 5000
    assert rows["日本電気"][1:] == ("NEC|Nippon Electric Company", "nippondenki")
    assert rows["日本航空"][1] == "Japan Air Lines|JAL"
    assert all(len(row) == 3 and row[1] for row in rows.values())


# -- reading Japanese names -----------------------------------------------------------------


def test_a_japanese_name_reads_as_the_organisation_is_known() -> None:
    found = read_han("日本電気株式会社")
    assert found is not None
    assert found.text == "NEC 株式会社"
    assert found.alternate == "Nippon Electric Company 株式会社"
    assert found.words == ("日本電気=NEC",)


def test_cc_cedict_s_proper_nouns_read_as_before() -> None:
    # 住友 is a group in JMnedict; CC-CEDICT's Sumitomo reads it
    assert "住友" not in japanese_han_words().companies
    found = read_han("住友商事株式会社")
    assert found is not None and found.text.startswith("Sumitomo ")


def test_a_chinese_name_is_not_read_with_japanese_organisations() -> None:
    # 中国電力 is Japan's Chugoku Electric Power; a Chinese name is read word by word
    assert japanese_han_words().companies["中国電力"] == "Chugoku Electric Power"
    found = read_han("中国电力有限公司")
    assert found is not None and "Chugoku" not in found.text


@pytest.mark.parametrize(
    ("name", "text", "alternate"),
    [
        (
            "Nippon Denki Kabushiki Kaisha",
            "NEC Kabushiki Kaisha",
            "Nippon Electric Company Kabushiki Kaisha",
        ),
        (
            "Kabushiki Kaisha Nippon Denki",
            "Kabushiki Kaisha NEC",
            "Kabushiki Kaisha Nippon Electric Company",
        ),
        # Japan is Nippon or Nihon
        ("Nihon Koku KK", "Japan Air Lines KK", "JAL KK"),
    ],
)
def test_a_romanised_name_with_a_japanese_legal_form_reads_as_the_organisation_is_known(
    name: str, text: str, alternate: str
) -> None:
    found = latin_reading(name)
    assert found is not None
    assert (found.text, found.alternate) == (text, alternate)


@pytest.mark.parametrize(
    "name", ["Nippon Denki", "Nippon Denki Limited", "Nippon Denki Kaisha Kabushiki X"]
)
def test_a_romanised_name_without_a_japanese_legal_form_is_not_looked_up(name: str) -> None:
    assert japanese_company_reading(name) is None


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("日本電気株式会社", "NEC Corporation"),
        ("日本電気株式会社", "Nippon Electric Company, Limited"),
        ("Nippon Denki Kabushiki Kaisha", "NEC Corporation"),
        ("Nihon Koku KK", "Japan Airlines Co., Ltd."),
        ("全日本空輸株式会社", "All Nippon Airways Co., Ltd."),
        # names JMnedict knows whole, whose words read otherwise (Steamship Mitsui,
        # Mitsubishi Trading), in kanji and in Hepburn
        ("商船三井", "Mitsui O.S.K. Lines, Ltd."),
        ("三菱商事株式会社", "Mitsubishi Corporation"),
        ("Mitsubishi Shoji", "Mitsubishi Corporation"),
    ],
)
def test_japanese_names_match_the_english_name_the_organisation_is_known_by(
    query: str, listed: str
) -> None:
    result = matcher.score(Query.of(query, schema="Company"), company(listed))
    assert result.match, (query, listed, result.score)
    assert "read in English" in explain_name(result.features["name"])


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # another company of the group: NEC Glass is not NEC
        ("日本電気硝子株式会社", "NEC Corporation"),
        # another organisation named by the same words in English
        ("日本航空株式会社", "Japan Airlines Trading Co., Ltd."),
        # the trading house, read as JMnedict knows it, is not the group's heavy industries
        ("三菱商事", "Mitsubishi Heavy Industries, Ltd."),
        ("Mitsubishi Shoji", "Mitsubishi Heavy Industries, Ltd."),
        ("Sumitomo Corporation", "Sumitomo Chemical Company, Limited"),
    ],
)
def test_another_japanese_organisation_stays_apart(query: str, listed: str) -> None:
    assert not matcher.score(Query.of(query, schema="Company"), company(listed)).match


# -- Japan's prefectures and cities ---------------------------------------------------------


def test_the_places_are_jmdict_s_prefectures_and_cities(tmp_path: Path) -> None:
    db = _dictionary(
        tmp_path / "jamdict.db",
        [],
        [
            (1, ["大阪"], ["おおさか"], ["Osaka (city, prefecture)"], 1),
            (2, ["大分"], ["おおいた"], ["\u014cita (city, prefecture)"], 1),
            (3, ["札幌"], ["さっぽろ"], ["Sapporo (city in Hokkaido)"], 1),
            # a common noun, a place of one character, and one no capital names
            (4, ["都市"], ["とし"], ["city", "town"], 1),
            (5, ["津"], ["つ"], ["Tsu (city in Mie)"], 1),
            (6, ["中夏"], ["ちゅうか"], ["capital (city, town)"], 1),
        ],
    )
    assert gen.japanese_places(gen.Dictionary(db)) == {
        "大阪": "Osaka",
        "大分": "Oita",
        "札幌": "Sapporo",
    }


def test_the_shipped_places_read_japanese_names() -> None:
    places = wordlists.pairs("japanese_places.tsv")
    assert len(places) > 60
    assert (places["大阪"], places["神戸"], places["京都"]) == ("Osaka", "Kobe", "Kyoto")
    # CC-CEDICT lacks 大阪: read in any name, as a place, and never by pinyin initials
    osaka = read_han("大阪大学")
    assert osaka is not None and osaka.text == "Osaka University" and osaka.alternate is None
    # CC-CEDICT reads 京都 "capital" and 山口 "mountain pass": a Japanese name reads the place
    kyoto = read_han("京都大学株式会社")
    assert kyoto is not None and kyoto.text.startswith("Kyoto University")
    assert read_han("株式会社山口") is None or "mountain" not in str(read_han("株式会社山口"))


# -- JMdict's words and places against the English names -------------------------------------


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # romanised words (japanese_words.tsv)
        ("Tokyo Daigaku", "The University of Tokyo"),
        # a country's generic name whose country word has two senses (Nippon, Japan)
        ("Nippon Seitetsu Kabushiki Kaisha", "Nippon Steel Corporation"),
        ("Kabushiki Kaisha Nihon Seikosho", "The Japan Steel Works, Ltd."),
        # places (japanese_places.tsv)
        ("大阪大学", "Osaka University"),
        ("株式会社神戸製鋼所", "Kobe Steel, Ltd."),
        ("横浜ゴム株式会社", "The Yokohama Rubber Co., Ltd."),
        # 発動機, an engine: the Motor of the makers' English names
        ("ヤマハ発動機株式会社", "Yamaha Motor Co., Ltd."),
        ("Yamaha Hatsudoki KK", "Yamaha Motor Co., Ltd."),
        # an English word's final c as katakana writes it (ック, kku)
        ("ニデック株式会社", "Nidec Corporation"),
    ],
)
def test_jmdict_s_words_and_places_match_the_english_name(query: str, listed: str) -> None:
    result = matcher.score(Query.of(query, schema="Company"), company(listed))
    assert result.match, (query, listed, result.score)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Nippon Seitetsu Kabushiki Kaisha", "The Japan Steel Works, Ltd."),
        ("Nihon Seitetsu KK", "China Steel Corporation"),
        ("Kyoto Daigaku", "The University of Tokyo"),
        ("大阪大学", "Kyoto University"),
        ("ヤマハ発動機株式会社", "Yamaha Corporation"),
    ],
)
def test_jmdict_s_words_and_places_keep_other_organisations_apart(query: str, listed: str) -> None:
    assert not matcher.score(Query.of(query, schema="Company"), company(listed)).match


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("国立大学法人東京大学", "The University of Tokyo"),
        ("Kokuritsu Daigaku Hojin Tokyo Daigaku", "The University of Tokyo"),
        ("独立行政法人国際協力機構", "Japan International Cooperation Agency"),
        ("Dokuritsu Gyosei Hojin Kokusai Kyoryoku Kiko", "Japan International Cooperation Agency"),
        ("Takeda Yakuhin Kogyo Kabushiki Kaisha", "Takeda Pharmaceutical Company Limited"),
        ("Mitsubishi Jisho Kabushiki Kaisha", "Mitsubishi Estate Co., Ltd."),
    ],
)
def test_statutory_corporations_are_forms_their_english_names_leave_out(
    query: str, listed: str
) -> None:
    """国立大学法人 (a national university corporation) and 独立行政法人 (an incorporated
    administrative agency), in kanji and in Hepburn; 機構 and kiko, an agency; yakuhin and
    jisho, pharmaceutical and estate."""
    assert score_in(query, listed, "jp") >= DEFAULT_THRESHOLD
