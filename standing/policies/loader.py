"""Load and validate ``policies/*.yaml``; every error names the file, line and field.

Each file is a mapping with any of ``version`` (exactly once across the directory),
``capabilities`` (name -> description), ``sources``, ``rules`` (a list), ``boilerplate``
(generic enforcement wording the specificity guard refuses, each with an ``id``, a ``text`` and
what it is compared with, ``use``) and ``redress`` (exactly once: the certified out-of-court
dispute settlement bodies and the courts every outcome names). A rule's appeal window is at
least six months (``MIN_APPEAL_WINDOW_DAYS``). Validation runs in two passes:
the shape of each file, then the references between them (a rule restricting an unknown
capability, a duplicate rule id).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from standing.errors import InvalidSpec
from standing.policies.model import (
    MIN_APPEAL_WINDOW_DAYS,
    Boilerplate,
    Capability,
    Court,
    LegalGround,
    Policy,
    Redress,
    Rule,
    SettlementBody,
    Source,
)
from standing.transparency.dsa_schema import (
    KEYWORDS,
    REMOVED_CATEGORIES,
    REMOVED_KEYWORDS,
    STATEMENT_CATEGORIES,
)


class LegalGroundSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_.-]*$")
    act: str = Field(min_length=3)
    jurisdiction: str = Field(pattern=r"^([A-Z]{2}|EU|UN)$")
    sources: list[str] = Field(default_factory=list)
    url: str = ""


def _dsa_value(value: str, allowed: dict[str, str], removed: dict[str, str | None]) -> str:
    if value in allowed:
        return value
    if value in removed:
        successor = removed[value]
        use = f"; use {successor}" if successor else ""
        raise ValueError(
            f"{value!r} was removed from the DSA Transparency Database schema on 1 July 2025{use}"
        )
    raise ValueError(
        f"{value!r} is not a value of the DSA Transparency Database schema of 1 July 2025"
    )


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_.-]*$")
    title: str = Field(min_length=3)
    criteria: str = Field(min_length=20)
    ground: Literal["platform_policy", "legal_obligation"]
    reference: str = Field(min_length=3)
    restricts: list[str] = Field(min_length=1)
    reach: Literal["subject", "controlled"]
    threshold: float = Field(50.0, gt=0, le=100)
    remedy: str = Field(min_length=20)
    appeal_window_days: int = Field(gt=0)
    review_days: int = Field(gt=0)
    dsa_category: str = Field(min_length=3)
    dsa_category_addition: list[str] = Field(default_factory=list)
    dsa_keywords: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    automated_decision: bool = False
    legal_grounds: list[LegalGroundSpec] = Field(default_factory=list)
    recheck_days: int | None = Field(None, gt=0, le=3660)

    @field_validator("dsa_category")
    @classmethod
    def _category(cls, value: str) -> str:
        return _dsa_value(value, STATEMENT_CATEGORIES, REMOVED_CATEGORIES)

    @field_validator("dsa_category_addition")
    @classmethod
    def _additions(cls, values: list[str]) -> list[str]:
        return [_dsa_value(v, STATEMENT_CATEGORIES, REMOVED_CATEGORIES) for v in values]

    @field_validator("dsa_keywords")
    @classmethod
    def _keywords(cls, values: list[str]) -> list[str]:
        return [_dsa_value(v, KEYWORDS, REMOVED_KEYWORDS) for v in values]

    @field_validator("criteria", "remedy", "title", "reference")
    @classmethod
    def _strip(cls, value: str) -> str:
        return " ".join(value.split())


class SourceSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=3)
    authority: str = Field(min_length=2)
    format: str = Field(min_length=2)
    threshold: float = Field(gt=0, le=1)
    url: str = ""
    accepts: list[str] = Field(default_factory=list)


Use = Literal["facts", "reply", "reason"]


def _every_use() -> list[Use]:
    return ["facts", "reply", "reason"]


class BoilerplateSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_.-]*$")
    text: str = Field(min_length=20)
    use: list[Use] = Field(default_factory=_every_use, min_length=1)

    @field_validator("text")
    @classmethod
    def _strip(cls, value: str) -> str:
        return " ".join(value.split())


_URL = r"^https://[^\s/$.?#][^\s]*$"


class SettlementBodySpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_.-]*$")
    name: str = Field(min_length=3)
    country: str = Field(pattern=r"^[A-Z]{2}$")
    url: str = Field(pattern=_URL)
    certified_by: str = ""


class CourtSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_.-]*$")
    name: str = Field(min_length=3)
    description: str = Field(min_length=20)
    url: str = Field("", pattern=r"^(https://[^\s/$.?#][^\s]*)?$")

    @field_validator("description", "name")
    @classmethod
    def _strip(cls, value: str) -> str:
        return " ".join(value.split())


class RedressSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    settlement_bodies: list[SettlementBodySpec] = Field(min_length=1)
    courts: list[CourtSpec] = Field(min_length=1)
    register_url: str = Field("", pattern=r"^(https://[^\s/$.?#][^\s]*)?$")


class PolicyFileSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    redress: RedressSpec | None = None

    version: str | None = None
    capabilities: dict[str, str] = Field(default_factory=dict)
    sources: list[SourceSpec] = Field(default_factory=list)
    rules: list[RuleSpec] = Field(default_factory=list)
    boilerplate: list[BoilerplateSpec] = Field(default_factory=list)


class _AliasRefused(yaml.YAMLError):
    def __init__(self, name: str, line: int) -> None:
        super().__init__(name)
        self.name, self.line = name, line


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers where each mapping key and list item starts, and refuses
    aliases as it composes, before anything is expanded: a policy file has no use for them,
    and nested aliases (a "billion laughs") expand to gigabytes."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _AliasRefused(str(event.anchor), event.start_mark.line + 1)
        return super().compose_node(parent, index)


def _compose(text: str, path: Path) -> tuple[Any, dict[tuple[Any, ...], int]]:
    lines: dict[tuple[Any, ...], int] = {}

    def walk(node: yaml.Node, where: tuple[Any, ...]) -> Any:
        lines.setdefault(where, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = loader.construct_object(key_node, deep=True)
                lines[(*where, key)] = key_node.start_mark.line + 1
                out[key] = walk(value_node, (*where, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [walk(item, (*where, i)) for i, item in enumerate(node.value)]
        return loader.construct_object(node, deep=True)

    loader = _LineLoader(text)
    try:
        root = loader.get_single_node()
    except _AliasRefused as exc:
        raise InvalidSpec(
            f"{path}:{exc.line}: alias *{exc.name}: aliases are not allowed in policy files; "
            "write the value out"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise InvalidSpec(f"{path}{line}: not valid YAML: {exc}") from exc
    finally:
        loader.dispose()
    if root is None:
        return {}, lines
    return walk(root, ()), lines


def _line_of(lines: dict[tuple[Any, ...], int], loc: tuple[Any, ...]) -> int:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return 1


RULES_FILE = "rules.yaml"
REDRESS_FILE = "redress.yaml"


def _read_text(path: Path) -> str:
    """The file as UTF-8 text; anything else names the file, the line and the byte."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InvalidSpec(
            f"{path}:{line}: not UTF-8 text (byte {data[exc.start : exc.start + 1]!r} at column "
            f"{column}); save the policy file as UTF-8"
        ) from None


def load_policy(directory: Path) -> Policy:
    """Read every ``*.yaml`` file of ``directory`` into one validated ``Policy``."""
    if not directory.is_dir():
        raise InvalidSpec(f"{directory}: policy directory not found (set STANDING_POLICIES)")
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise InvalidSpec(f"{directory}: no policy files (*.yaml) found")
    if not (directory / RULES_FILE).is_file():
        raise InvalidSpec(
            f"{directory / RULES_FILE}: missing; the published rules live there (without them "
            "no decision could be recorded or explained)"
        )
    digest = hashlib.sha256()
    version: tuple[str, Path] | None = None
    capabilities: dict[str, Capability] = {}
    rules: dict[str, Rule] = {}
    sources: dict[str, Source] = {}
    rule_lines: dict[str, tuple[Path, dict[tuple[Any, ...], int], int]] = {}
    boilerplate: dict[str, Boilerplate] = {}
    redress: tuple[Redress, Path] | None = None
    for path in files:
        text = _read_text(path)
        digest.update(path.name.encode() + b"\0" + text.encode() + b"\0")
        data, lines = _compose(text, path)
        if not isinstance(data, dict):
            raise InvalidSpec(f"{path}:1: a policy file must be a mapping")
        try:
            spec = PolicyFileSpec.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = tuple(err["loc"])
            field = ".".join(str(p) for p in loc)
            raise InvalidSpec(f"{path}:{_line_of(lines, loc)}: {field}: {err['msg']}") from None
        if spec.version is not None:
            if version is not None:
                raise InvalidSpec(
                    f"{path}:{_line_of(lines, ('version',))}: version: declared again "
                    f"(already declared in {version[1].name})"
                )
            version = (spec.version, path)
        if spec.redress is not None:
            if redress is not None:
                raise InvalidSpec(
                    f"{path}:{_line_of(lines, ('redress',))}: redress: declared again "
                    f"(already declared in {redress[1].name})"
                )
            redress = (_redress(spec.redress, path, lines), path)
        for name, description in spec.capabilities.items():
            if name in capabilities:
                raise InvalidSpec(
                    f"{path}:{_line_of(lines, ('capabilities', name))}: capabilities.{name}: "
                    "declared twice"
                )
            capabilities[name] = Capability(name, " ".join(description.split()))
        for index, ss in enumerate(spec.sources):
            if ss.id in sources:
                line = _line_of(lines, ("sources", index))
                raise InvalidSpec(f"{path}:{line}: sources.{index}.id: {ss.id!r} declared twice")
            sources[ss.id] = Source(
                ss.id,
                ss.title,
                ss.authority,
                ss.format,
                ss.threshold,
                ss.url,
                tuple(ss.accepts),
            )
        for index, rs in enumerate(spec.rules):
            line = _line_of(lines, ("rules", index))
            if rs.id in rules:
                raise InvalidSpec(f"{path}:{line}: rules.{index}.id: rule {rs.id!r} declared twice")
            rules[rs.id] = Rule(
                id=rs.id,
                title=rs.title,
                criteria=rs.criteria,
                ground=rs.ground,
                reference=rs.reference,
                restricts=tuple(rs.restricts),
                reach=rs.reach,
                threshold=rs.threshold,
                remedy=rs.remedy,
                appeal_window_days=rs.appeal_window_days,
                review_days=rs.review_days,
                dsa_category=rs.dsa_category,
                sources=tuple(rs.sources),
                automated_decision=rs.automated_decision,
                dsa_category_addition=tuple(rs.dsa_category_addition),
                dsa_keywords=tuple(rs.dsa_keywords),
                legal_grounds=tuple(
                    LegalGround(
                        g.id, " ".join(g.act.split()), g.jurisdiction, tuple(g.sources), g.url
                    )
                    for g in rs.legal_grounds
                ),
                recheck_days=rs.recheck_days,
            )
            rule_lines[rs.id] = (path, lines, index)
        for index, bs in enumerate(spec.boilerplate):
            if bs.id in boilerplate:
                line = _line_of(lines, ("boilerplate", index))
                raise InvalidSpec(
                    f"{path}:{line}: boilerplate.{index}.id: {bs.id!r} declared twice"
                )
            boilerplate[bs.id] = Boilerplate(bs.id, bs.text, tuple(dict.fromkeys(bs.use)))
    if version is None:
        raise InvalidSpec(f"{directory}: no policy file declares a version")
    if not rules:
        raise InvalidSpec(f"{directory / RULES_FILE}: declares no rules")
    if redress is None:
        raise InvalidSpec(
            f"{directory / REDRESS_FILE}: missing; every statement of reasons and every appeal "
            "outcome names the certified out-of-court dispute settlement bodies and the courts "
            "(DSA Art. 20(5) and 21): declare them under 'redress:' with 'settlement_bodies' "
            "and 'courts'"
        )
    for rule in rules.values():
        path, lines, index = rule_lines[rule.id]
        if rule.appeal_window_days < MIN_APPEAL_WINDOW_DAYS:
            line = _line_of(lines, ("rules", index, "appeal_window_days"))
            raise InvalidSpec(
                f"{path}:{line}: rules.{index}.appeal_window_days: rule {rule.id!r} gives "
                f"{rule.appeal_window_days} days; an appeal stays open at least six months "
                f"(DSA Art. 20(1)), that is at least {MIN_APPEAL_WINDOW_DAYS} days (the longest "
                "six calendar months)"
            )
        for i, cap in enumerate(rule.restricts):
            if cap not in capabilities:
                line = _line_of(lines, ("rules", index, "restricts", i))
                raise InvalidSpec(
                    f"{path}:{line}: rules.{index}.restricts.{i}: unknown capability {cap!r}"
                )
        for i, source in enumerate(rule.sources):
            if source not in sources:
                line = _line_of(lines, ("rules", index, "sources", i))
                raise InvalidSpec(
                    f"{path}:{line}: rules.{index}.sources.{i}: unknown source {source!r}"
                )
        seen: set[str] = set()
        for g, ground in enumerate(rule.legal_grounds):
            where = ("rules", index, "legal_grounds", g)
            if ground.id in seen:
                raise InvalidSpec(
                    f"{path}:{_line_of(lines, where)}: rules.{index}.legal_grounds.{g}.id: "
                    f"{ground.id!r} declared twice"
                )
            seen.add(ground.id)
            for i, source in enumerate(ground.sources):
                if source not in rule.sources:
                    line = _line_of(lines, (*where, "sources", i))
                    raise InvalidSpec(
                        f"{path}:{line}: rules.{index}.legal_grounds.{g}.sources.{i}: "
                        f"{source!r} is not one of the rule's sources"
                    )
        if rule.ground == "legal_obligation" and not rule.legal_grounds:
            line = _line_of(lines, ("rules", index))
            raise InvalidSpec(
                f"{path}:{line}: rules.{index}.legal_grounds: a rule resting on a legal "
                "obligation names the acts it rests on"
            )
    return Policy(
        version=f"{version[0]}+{digest.hexdigest()[:8]}",
        capabilities=capabilities,
        rules=rules,
        sources=sources,
        boilerplate=tuple(boilerplate.values()),
        redress=redress[0],
    )


def _redress(spec: RedressSpec, path: Path, lines: dict[tuple[Any, ...], int]) -> Redress:
    """The redress as published; ids are unique within each list."""
    ids = {
        "settlement_bodies": [b.id for b in spec.settlement_bodies],
        "courts": [c.id for c in spec.courts],
    }
    for key, values in ids.items():
        seen: set[str] = set()
        for index, value in enumerate(values):
            if value in seen:
                line = _line_of(lines, ("redress", key, index))
                raise InvalidSpec(
                    f"{path}:{line}: redress.{key}.{index}.id: {value!r} declared twice"
                )
            seen.add(value)
    return Redress(
        bodies=tuple(
            SettlementBody(b.id, " ".join(b.name.split()), b.country, b.url, b.certified_by)
            for b in spec.settlement_bodies
        ),
        courts=tuple(Court(c.id, c.name, c.description, c.url) for c in spec.courts),
        register_url=spec.register_url,
    )
