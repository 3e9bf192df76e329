"""A Chinese name's syllables written together in Wade-Giles or Taiwan's and Hong Kong's
spellings are the pinyin syllables they spell ("Chunghwa": zhonghua)."""

from __future__ import annotations

import pytest

from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.romanize import chinese_similarity
from tests.screening.names import score


@pytest.mark.parametrize(
    ("pinyin", "latin"),
    [("zhonghua", "chunghwa"), ("zhongguo", "chungkuo"), ("taibei", "taipei"), ("hua", "hwa")],
)
def test_syllables_written_together_are_alike(pinyin: str, latin: str) -> None:
    assert chinese_similarity(pinyin, latin) == 0.9


@pytest.mark.parametrize(
    ("pinyin", "latin"),
    [("beijing", "peking"), ("xianggang", "hongkong"), ("zhonghua", "chungking")],
)
def test_other_syllables_are_not(pinyin: str, latin: str) -> None:
    assert chinese_similarity(pinyin, latin) == 0.0


def test_a_han_name_meets_its_syllables_written_together() -> None:
    assert score("中华电信", "Chung Hwa Telecom") >= DEFAULT_THRESHOLD
