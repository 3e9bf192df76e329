"""Vietnam's company forms in Vietnamese, with or without its marks: the limited liability
company (Công ty TNHH; of one member, MTV) is a "Co., Ltd." or "Company Limited" in English,
the joint-stock company (Công ty Cổ phần, CTCP) a "Joint Stock Company", and a joint-stock
commercial bank (Ngân hàng TMCP) is one in English too: forms, not words of the name the
English name lacks."""

from __future__ import annotations

import pytest

from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import normalize_name
from tests.screening.names import score, score_in


@pytest.mark.parametrize(
    ("name", "form", "tokens"),
    [
        ("Công ty TNHH Minh Anh", "coltd", ("minh", "anh")),
        ("Cong ty TNHH Minh Anh", "coltd", ("minh", "anh")),
        ("Công ty TNHH MTV Minh Anh", "coltd", ("minh", "anh")),
        ("Công ty Trách nhiệm Hữu hạn Minh Anh", "coltd", ("minh", "anh")),
        ("Công ty Cổ phần FPT", "jsc", ("fpt",)),
        ("CTCP Minh Anh", "jsc", ("minh", "anh")),
        ("Minh Anh Trading One Member Co., Ltd.", "coltd", ("minh", "anh", "trading")),
    ],
)
def test_the_forms_are_read_as_forms(name: str, form: str, tokens: tuple[str, ...]) -> None:
    found = normalize_name(name, "organization")
    assert form in found.legal_forms
    assert found.tokens == tokens


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Công ty TNHH Samsung Electronics Việt Nam", "Samsung Electronics Vietnam Co., Ltd."),
        ("Công ty TNHH Minh Anh", "Minh Anh Company Limited"),
        ("Cong ty TNHH Minh Anh", "Minh Anh Co., Ltd"),
        ("Công ty TNHH MTV Thương mại ABC", "ABC Trading One Member Co., Ltd."),
        ("Công ty TNHH Thương mại Dịch vụ Minh Anh", "Minh Anh Trading Service Co., Ltd."),
        ("Công ty Cổ phần Vinamilk", "Vinamilk"),
        ("Công ty Cổ phần FPT", "FPT Corporation"),
        ("Công ty Cổ phần Tập đoàn Hòa Phát", "Hoa Phat Group JSC"),
        ("Công ty Cổ phần Hàng không VietJet", "Vietjet Aviation Joint Stock Company"),
        ("Tổng Công ty Hàng không Việt Nam - CTCP", "Vietnam Airlines JSC"),
        (
            "Ngân hàng TMCP Ngoại thương Việt Nam",
            "Joint Stock Commercial Bank for Foreign Trade of Vietnam",
        ),
    ],
)
def test_a_vietnamese_company_is_found_by_its_english_name(query: str, entry: str) -> None:
    assert score_in(query, entry, "vn") >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Công ty TNHH Minh Anh", "Minh An Company Limited"),
        ("Công ty TNHH Samsung Electronics Việt Nam", "Samsung Display Vietnam Co., Ltd."),
        ("Công ty Cổ phần Tập đoàn Hòa Phát", "Hoa Sen Group JSC"),
        ("Công ty TNHH Thương mại Dịch vụ Minh Anh", "Minh Anh Construction Co., Ltd."),
    ],
)
def test_another_company_stays_apart(query: str, entry: str) -> None:
    assert score(query, entry) < DEFAULT_THRESHOLD


@pytest.mark.parametrize("name", ["One Member Services Ltd", "Cong Xu Trading Co"])
def test_the_words_elsewhere_are_the_name_s(name: str) -> None:
    assert "coltd" not in normalize_name(name, "organization").legal_forms
