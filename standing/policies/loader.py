"""Load and validate ``policies/*.yaml``; every error names the file, line and field.

Each file is a mapping with any of ``version`` (exactly once across the directory),
``capabilities`` (name -> description) and ``rules`` (a list). Validation runs in two passes:
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
from standing.policies.model import Capability, Policy, Rule, Source


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
    sources: list[str] = Field(default_factory=list)
    automated_decision: bool = False

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


class PolicyFileSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: str | None = None
    capabilities: dict[str, str] = Field(default_factory=dict)
    sources: list[SourceSpec] = Field(default_factory=list)
    rules: list[RuleSpec] = Field(default_factory=list)


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers where each mapping key and list item starts."""


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


def load_policy(directory: Path) -> Policy:
    """Read every ``*.yaml`` file of ``directory`` into one validated ``Policy``."""
    if not directory.is_dir():
        raise InvalidSpec(f"{directory}: policy directory not found (set STANDING_POLICIES)")
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise InvalidSpec(f"{directory}: no policy files (*.yaml) found")
    digest = hashlib.sha256()
    version: tuple[str, Path] | None = None
    capabilities: dict[str, Capability] = {}
    rules: dict[str, Rule] = {}
    sources: dict[str, Source] = {}
    rule_lines: dict[str, tuple[Path, dict[tuple[Any, ...], int], int]] = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
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
            )
            rule_lines[rs.id] = (path, lines, index)
    if version is None:
        raise InvalidSpec(f"{directory}: no policy file declares a version")
    for rule in rules.values():
        path, lines, index = rule_lines[rule.id]
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
    return Policy(
        version=f"{version[0]}+{digest.hexdigest()[:8]}",
        capabilities=capabilities,
        rules=rules,
        sources=sources,
    )
