"""FollowTheMoney JSON lines -> parties, ownership edges and accounts (pure; no I/O).

Each line is parsed and validated with the ``followthemoney`` model: the schema must exist,
every property must belong to it, entity references must be single ids. Errors raise
``LineError`` with the field and the reason; the importer adds the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson
from followthemoney import model
from rigour.text.scripts import text_scripts

from standing.graph.model import Account, Identifier, Name, Ownership, Party

NAME_PROPS = ("name", "alias", "previousName", "weakAlias", "abbreviation")
COUNTRY_PROPS = ("country", "jurisdiction", "mainCountry", "nationality", "citizenship")
IDENTIFIER_TYPES = ("identifier", "url")
_PERCENT = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*%?\s*$")


#: How left-out ownership lines are counted.
OWN_SHARES = "Ownership (of itself)"
NO_PERCENTAGE = "Ownership (without a percentage)"


class LineError(ValueError):
    """A line is malformed; ``field`` names the offending part (or ``line``)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Skipped:
    """A line counted and left out: ``schema`` says what it was (for the count), ``id`` is the
    entity's id when the line named one (so that an edge to it can be left out as well)."""

    schema: str
    id: str | None = None


#: The most characters a stored text may have (the store's column widths).
MAX_ID = 200
MAX_NAME = 1000
MAX_IDENTIFIER = 400
MAX_SERVICE = 200
MAX_USERNAME = 400


Parsed = Party | Ownership | Account | Skipped


def script_of(text: str) -> str | None:
    scripts = sorted(text_scripts(text))
    return scripts[0] if len(scripts) == 1 else ("Mixed" if scripts else None)


def parse_percentage(values: list[str]) -> float:
    if not values:
        raise LineError("percentage", "missing; give the share in percent, e.g. 50 or 50%")
    if len(values) > 1:
        raise LineError("percentage", f"has {len(values)} values; give exactly one")
    match = _PERCENT.match(values[0])
    if match is None:
        raise LineError(
            "percentage", f"{values[0]!r} is not a percentage (accepted: 50, 50%, 50.0)"
        )
    share = float(match.group(1))
    if not 0 <= share <= 100:
        raise LineError("percentage", f"{values[0]!r} is outside 0-100")
    return share


def _single_ref(props: dict[str, list[str]], prop: str, required: bool) -> str | None:
    values = props.get(prop, [])
    if not values:
        if required:
            raise LineError(prop, "missing; it must name the id of an entity")
        return None
    if len(values) > 1:
        raise LineError(prop, f"has {len(values)} values; give exactly one entity id")
    return values[0]


def _single_text(props: dict[str, list[str]], prop: str, limit: int) -> str:
    values = [v.strip() for v in props.get(prop, []) if v.strip()]
    if not values:
        raise LineError(prop, "missing")
    return _bounded(f"properties.{prop}", values[0], limit)


def _optional_date(props: dict[str, list[str]], prop: str) -> date | None:
    """The earliest date of an FtM date property ("2014", "2014-05", "2014-05-02" or a time
    after it; a year or month counts from its first day)."""
    days = []
    for value in props.get(prop, []):
        match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ].*)?", value)
        try:
            if match is None:
                raise ValueError(value)
            year, month, day = match.groups()
            days.append(date(int(year), int(month or 1), int(day or 1)))
        except ValueError:
            raise LineError(f"properties.{prop}", f"{value!r} is not a date") from None
    return min(days) if days else None


def _bounded(field: str, value: str, limit: int) -> str:
    if len(value) > limit:
        raise LineError(field, f"is {len(value)} characters long; at most {limit} are kept")
    return value


def imported(schema_name: str) -> bool:
    """Whether lines of this FtM schema are imported: every legal entity (Company,
    Organization, PublicBody, Person, LegalEntity...) as a party, Ownership, UserAccount."""
    schema = model.get(schema_name)
    if schema is None:
        return False
    return schema.is_a("LegalEntity") or schema_name in ("Ownership", "UserAccount")


def decode(line: bytes) -> dict[str, Any]:
    if line.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte order mark (an editor's)
        line = line[3:]
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as bad:
            raise LineError(
                "line",
                f"not UTF-8 text (byte {line[bad.start : bad.start + 1]!r} at column "
                f"{bad.start + 1})",
            ) from None
        raise LineError("line", f"not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise LineError("line", "a FollowTheMoney entity must be a JSON object")
    if b"\\u0000" in line or b"\x00" in line:  # a fast scan; the walk says where
        where = _nul_field(data)
        if where is not None:
            raise LineError(where, "contains a NUL character, which no text may hold")
    return data


def _nul_field(value: Any, path: str = "") -> str | None:
    """The first field (dotted path) whose key or text holds a NUL character."""
    if isinstance(value, str):
        return (path or "line") if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}" if path else str(key)
            if "\x00" in str(key):
                return here
            found = _nul_field(item, here)
            if found is not None:
                return found
    if isinstance(value, list):
        for item in value:
            found = _nul_field(item, path)
            if found is not None:
                return found
    return None


def parse_entity(data: dict[str, Any]) -> Parsed:
    """Turn one decoded line into a party, an edge, an account, or a counted skip."""
    entity_id = data.get("id")
    if not isinstance(entity_id, str) or not entity_id.strip():
        raise LineError("id", "missing or not a string")
    _bounded("id", entity_id, MAX_ID)
    schema_name = data.get("schema")
    if not isinstance(schema_name, str):
        raise LineError("schema", "missing or not a string")
    schema = model.get(schema_name)
    if schema is None or not imported(schema_name):
        return Skipped(schema_name, entity_id)  # not read any further: counted, left out
    raw = data.get("properties", {})
    if not isinstance(raw, dict):
        raise LineError("properties", "must be an object of property -> list of values")
    for prop_name, values in raw.items():
        if schema.get(prop_name) is None:
            raise LineError(f"properties.{prop_name}", f"not a property of {schema_name}")
        if isinstance(values, str):
            continue
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise LineError(f"properties.{prop_name}", "must be a string or a list of strings")
    props: dict[str, list[str]] = {}
    for prop_name, values in raw.items():
        listed = [values] if isinstance(values, str) else values
        cleaned = [v.strip() for v in listed if v.strip()]
        if cleaned:
            props[prop_name] = cleaned
    if schema_name == "Ownership":
        owner = _single_ref(props, "owner", required=True)
        asset = _single_ref(props, "asset", required=True)
        assert owner is not None and asset is not None
        if owner == asset:  # treasury shares: no control over anyone else
            return Skipped(OWN_SHARES, entity_id)
        if not props.get("percentage"):  # a share not known cannot add up to control
            return Skipped(NO_PERCENTAGE, entity_id)
        share = parse_percentage(props["percentage"])
        return Ownership(entity_id, owner, asset, share)
    if schema_name == "UserAccount":
        return Account(
            id=entity_id,
            owner=_single_ref(props, "owner", required=False),
            service=_single_text(props, "service", MAX_SERVICE),
            username=_single_text(props, "username", MAX_USERNAME),
            created_at=_optional_date(props, "createdAt"),
        )
    return _party(entity_id, schema_name, props)


def _party(entity_id: str, schema_name: str, props: dict[str, list[str]]) -> Party:
    schema = model.get(schema_name)
    assert schema is not None
    names: list[Name] = []
    seen: set[tuple[str, str]] = set()
    for kind in NAME_PROPS:
        for value in props.get(kind, []):
            value = " ".join(value.split())
            if value and (kind, value) not in seen:
                _bounded(f"properties.{kind}", value, MAX_NAME)
                seen.add((kind, value))
                names.append(Name(value=value, kind=kind))
    if not any(n.kind == "name" for n in names):
        raise LineError("properties.name", f"a {schema_name} needs at least one name")
    countries: list[str] = []
    for prop_name in COUNTRY_PROPS:
        prop = schema.get(prop_name)
        if prop is None:
            continue
        for value in props.get(prop_name, []):
            code = prop.type.clean(value)
            if code is None:
                raise LineError(f"properties.{prop_name}", f"{value!r} is not a known country")
            if code not in countries:
                countries.append(code)
    identifiers: list[Identifier] = []
    for prop_name, values in props.items():
        prop = schema.get(prop_name)
        if prop is None or prop.type.name not in IDENTIFIER_TYPES:
            continue
        if prop_name in ("sourceUrl", "publisherUrl", "alephUrl", "opencorporatesUrl"):
            continue
        for value in values:
            value = _bounded(f"properties.{prop_name}", value.strip(), MAX_IDENTIFIER)
            identifiers.append(Identifier(prop_name, value))
    return Party(entity_id, schema_name, tuple(names), tuple(countries), tuple(identifiers))
