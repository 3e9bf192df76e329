"""The specificity guard's use cases: gather what a text is compared with (the rule's texts,
the shipped boilerplate, earlier facts of other subjects, earlier replies) and ask the pure
guard (``standing.guard.model``)."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process, utils
from sqlalchemy import select
from sqlalchemy.orm import Session

from standing.guard.model import (
    Appealed,
    Earlier,
    Generic,
    Mentions,
    Verdict,
    judge_facts,
    judge_reason,
    judge_reply,
    unspaced,
    vocabulary,
)
from standing.policies.model import Policy, Rule
from standing.store.appeal_tables import AppealRow
from standing.store.tables import DecisionRow

#: Other subjects' facts, newest first, that new facts are compared with for templates.
FACTS_HISTORY = 5000
#: Earlier replies, newest first, that a new reply is compared with.
REPLY_HISTORY = 2000
#: Token-set similarity (0..100) from which an earlier text is looked at closely.
_CANDIDATE = 75.0


def generic_texts(policy: Policy, rule: Rule | None, use: str) -> tuple[Generic, ...]:
    """The generic texts for ``use`` (facts, reply, reason): the rule's title, criteria and
    remedy, and the shipped boilerplate meant for it."""
    out: list[Generic] = []
    if rule is not None:
        out += [
            Generic(f"the title of rule {rule.id}", rule.title),
            Generic(f"the criteria of rule {rule.id}", rule.criteria),
            Generic(f"the remedy of rule {rule.id}", rule.remedy),
        ]
    out += [
        Generic(f"the stock wording {b.id!r} (policies/boilerplate.yaml)", b.text)
        for b in policy.boilerplate
        if use in b.use
    ]
    return tuple(out)


def rule_texts(rule: Rule | None) -> tuple[str, ...]:
    """The rule's own texts: their figures (thresholds, windows) are not the case's."""
    return (rule.title, rule.criteria, rule.remedy) if rule is not None else ()


@lru_cache(maxsize=16)
def _stock(texts: tuple[str, ...]) -> frozenset[str]:
    return vocabulary(Generic("", t) for t in texts)


def stock_vocabulary(policy: Policy) -> frozenset[str]:
    """The words of the shipped boilerplate: capitalised, they name nobody in particular."""
    return _stock(tuple(b.text for b in policy.boilerplate))


def _candidates(text: str, earlier: list[Earlier]) -> list[Earlier]:
    """The earlier texts alike enough to ``text`` to be compared closely (fast, in C): by their
    words, and for Japanese or Chinese text, written without spaces, by their characters."""
    if not earlier:
        return []
    choices = [e.text for e in earlier]
    scorers = [fuzz.token_set_ratio] + ([fuzz.partial_ratio] if unspaced(text) else [])
    found: dict[int, None] = {}
    for scorer in scorers:
        for _, _, index in process.extract(
            text,
            choices,
            scorer=scorer,
            processor=utils.default_process,
            score_cutoff=_CANDIDATE,
            limit=50,
        ):
            found[index] = None
    return [earlier[index] for index in found]


def check_facts(
    session: Session,
    policy: Policy,
    rule: Rule,
    facts: str,
    mentions: Mentions,
    subject_id: str,
    templates: bool = True,
) -> Verdict:
    """Judge a decision's facts against the rule, the boilerplate and (unless ``templates`` is
    false) the facts of decisions on other subjects."""
    rows = (
        session.execute(
            select(DecisionRow.id, DecisionRow.facts)
            .where(DecisionRow.subject_id != subject_id)
            .order_by(DecisionRow.created_at.desc())
            .limit(FACTS_HISTORY)
        ).all()
        if templates
        else []
    )
    earlier = [Earlier(f"decision {i}", f) for i, f in rows]
    return judge_facts(
        facts,
        mentions,
        generic_texts(policy, rule, "facts"),
        rule_texts(rule),
        _candidates(facts, earlier),
        stock_vocabulary(policy),
    )


def check_reply(
    session: Session,
    policy: Policy,
    rule: Rule | None,
    reply: str,
    mentions: Mentions,
    appealed: Appealed,
) -> Verdict:
    """Judge a reply to an appeal or reinstatement request against the rule, the boilerplate,
    the decision's facts and every earlier reply, and for engaging with the appeal."""
    rows = session.execute(
        select(AppealRow.id, AppealRow.reply)
        .where(AppealRow.reply.is_not(None))
        .order_by(AppealRow.decided_at.desc())
        .limit(REPLY_HISTORY)
    ).all()
    earlier = [Earlier(f"the reply to appeal {i}", r) for i, r in rows if r]
    return judge_reply(
        reply,
        mentions,
        appealed,
        generic_texts(policy, rule, "reply"),
        rule_texts(rule),
        _candidates(reply, earlier),
        stock_vocabulary(policy),
    )


def check_reason(policy: Policy, rule: Rule | None, reason: str, mentions: Mentions) -> Verdict:
    """Judge the reason a decision is lifted."""
    return judge_reason(
        reason, mentions, generic_texts(policy, rule, "reason"), stock_vocabulary(policy)
    )
