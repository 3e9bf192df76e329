"""`romanize.rewrite` does what each rule's regular expression does, in turn, whether the
rule runs as a pattern, a plain replacement or letters deleted."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from standing.screening.romanize import _CHINESE_FOLD, _KOREAN_FOLD, Rule, rewrite, rules
from standing.screening.similarity import _KANA_SOUND_RULES, _LOANWORD_RULES, _SOUND_RULES

_TABLES = (_KOREAN_FOLD, _CHINESE_FOLD, _LOANWORD_RULES, _SOUND_RULES, _KANA_SOUND_RULES)


def _by_patterns(token: str, table: tuple[Rule, ...]) -> str:
    for rx, rep, _, _ in table:
        token = rx.sub(rep, token)
    return token


def test_plain_rules_skip_the_regular_expression() -> None:
    literal, deleted, pattern = rules((("ph", "f"), ("[hwv]", ""), ("c(?=[eiy])", "s")))
    assert literal[2] == ("ph", "f") and literal[3] is None
    assert deleted[2] is None and deleted[3] == {ord("h"): None, ord("w"): None, ord("v"): None}
    assert pattern[2] is None and pattern[3] is None
    assert rewrite("phvce", (literal, deleted, pattern)) == "fse"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcdeghijklmnopqrstuvwxyz'-", max_size=14))
def test_rewrite_is_the_patterns_in_turn(token: str) -> None:
    for table in _TABLES:
        assert rewrite(token, table) == _by_patterns(token, table)
