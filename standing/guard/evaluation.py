"""The labelled guard corpus (``bench/data/guard/``) and how the guard does on it: each text is
judged as the services judge it, with its case's subject, rule, decision and appeal, and
boilerplate should be refused, specific texts accepted."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from standing.appeals.model import check_reply_length
from standing.decisions.model import validate_facts
from standing.decisions.service import short_names
from standing.errors import Invalid, InvalidSpec
from standing.guard.model import Appealed, Earlier, Mentions, judge_facts, judge_reply
from standing.guard.service import generic_texts, rule_texts, stock_vocabulary
from standing.policies.model import Policy

KINDS = ("facts", "replies")
LABELS = ("boilerplate", "specific")


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    names: tuple[str, ...]
    ids: tuple[str, ...]
    accounts: tuple[str, ...]
    rule: str
    facts: str
    evidence: tuple[str, ...]
    appeal: str

    def mentions(self) -> Mentions:
        return Mentions(self.names + self.accounts, short_names(self.names), self.ids)


@dataclass(frozen=True, slots=True)
class Item:
    kind: str  # facts | replies
    label: str  # boilerplate | specific
    case: str
    text: str
    note: str  # what boilerplate imitates, where a specific text comes from


@dataclass(frozen=True, slots=True)
class Judged:
    item: Item
    refused: bool
    message: str

    @property
    def right(self) -> bool:
        return self.refused == (self.item.label == "boilerplate")


def _load(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidSpec(f"{path}: {exc}") from exc


def load_cases(path: Path) -> dict[str, Case]:
    data = _load(path)
    out: dict[str, Case] = {}
    for key, c in data["cases"].items():
        out[key] = Case(
            id=key,
            names=tuple(str(n) for n in c["names"]),
            ids=tuple(c.get("ids", ())),
            accounts=tuple(c.get("accounts", ())),
            rule=c["rule"],
            facts=" ".join(c["facts"].split()),
            evidence=tuple(c.get("evidence", ())),
            appeal=" ".join(c["appeal"].split()),
        )
    return out


def load_items(path: Path, cases: dict[str, Case]) -> list[Item]:
    data = _load(path)
    out: list[Item] = []
    for kind in KINDS:
        for index, raw in enumerate(data.get(kind, [])):
            where = f"{path}: {kind}.{index}"
            if raw.get("case") not in cases:
                raise InvalidSpec(f"{where}.case: unknown case {raw.get('case')!r}")
            if raw.get("label") not in LABELS:
                raise InvalidSpec(f"{where}.label: {raw.get('label')!r} is not one of {LABELS}")
            note = raw.get("imitates") if raw["label"] == "boilerplate" else raw.get("source")
            if not note:
                raise InvalidSpec(f"{where}: say what it imitates (imitates) or its source")
            out.append(Item(kind, raw["label"], raw["case"], " ".join(raw["text"].split()), note))
    return out


def judge_item(item: Item, case: Case, policy: Policy, earlier: Sequence[Earlier] = ()) -> Judged:
    """Judge one text as ``record_decision`` or ``review_appeal`` would."""
    rule = policy.rule(case.rule)
    mentions = case.mentions()
    try:
        if item.kind == "facts":
            facts = validate_facts(
                item.text, rule.criteria, mentions.names, mentions.short, case.ids
            )
            judge_facts(
                facts,
                mentions,
                generic_texts(policy, rule, "facts"),
                rule_texts(rule),
                earlier,
                stock_vocabulary(policy),
            )
        else:
            reply = check_reply_length(item.text)
            judge_reply(
                reply,
                mentions,
                Appealed(case.appeal, facts=case.facts, evidence=case.evidence),
                generic_texts(policy, rule, "reply"),
                rule_texts(rule),
                earlier,
                stock_vocabulary(policy),
            )
    except Invalid as exc:
        return Judged(item, True, exc.message)
    return Judged(item, False, "")


def rates(judged: Iterable[Judged]) -> dict[str, dict[str, Any]]:
    """Per kind: the share of boilerplate refused and of specific texts accepted."""
    out: dict[str, dict[str, Any]] = {}
    rows = list(judged)
    for kind in KINDS:
        mine = [j for j in rows if j.item.kind == kind]
        boiler = [j for j in mine if j.item.label == "boilerplate"]
        specific = [j for j in mine if j.item.label == "specific"]
        out[kind] = {
            "boilerplate": len(boiler),
            "boilerplate_refused": sum(j.refused for j in boiler),
            "boilerplate_refused_rate": _rate(sum(j.refused for j in boiler), len(boiler)),
            "specific": len(specific),
            "specific_accepted": sum(not j.refused for j in specific),
            "specific_accepted_rate": _rate(sum(not j.refused for j in specific), len(specific)),
        }
    return out


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def as_template(item: Item, case: Case, other: Case) -> Item | None:
    """``item``'s text sent to ``other``'s subject: the same sentence with the name swapped."""
    for name in case.names:
        if name in item.text:
            return Item(
                item.kind, "boilerplate", other.id, item.text.replace(name, other.names[0]), ""
            )
    return None
