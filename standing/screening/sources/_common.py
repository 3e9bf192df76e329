"""Shared plumbing for the list parsers: results, errors, names, countries, dates, XML records.

Everything here is pure: bytes in, plain data out. Parsers never print and never touch the
store; problems a user must fix raise `standing.errors.Invalid` with ``file:position: what``,
problems that lose a little detail but not the entry become warnings on the result.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
import xml.etree.ElementTree as ET
import xml.parsers.expat
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Final

from rigour.langs import iso_639_alpha2, iso_639_alpha3
from rigour.territories import lookup_territory
from rigour.text.scripts import text_scripts

from standing.errors import Invalid
from standing.screening.model import Entry, EntryIdentifier, EntryName

Source = Path | bytes
"""What a parser reads: a file path, or the file's bytes (then pass ``name`` for messages)."""


@dataclass(frozen=True, slots=True)
class ParseResult:
    """The entries of one list file, in file order, with what the parser had to say.

    ``warnings`` are human-readable notes on details that could not be kept (an unknown
    country name, a truncated alias); ``skipped`` holds the ids of source records that were
    left out on purpose (e.g. OFAC ALT.CSV aliases whose ``ent_num`` is not in the primary
    file); ``published`` is the list's own publication date or timestamp when it states one.
    """

    entries: tuple[Entry, ...]
    warnings: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    published: str | None = None


def read_source(src: Source, name: str | None) -> tuple[bytes, str]:
    """The bytes to parse and the file name used in messages."""
    if isinstance(src, bytes):
        return src, name or "<bytes>"
    try:
        return src.read_bytes(), name or src.name
    except OSError as exc:
        raise Invalid(f"{name or src.name}: cannot read the file: {exc.strerror or exc}") from exc


def invalid(filename: str, where: str | int | None, message: str) -> Invalid:
    """An `Invalid` error naming the file and the position: ``file:where: message``."""
    if where is None or where == "":
        return Invalid(f"{filename}: {message}")
    return Invalid(f"{filename}:{where}: {message}")


def decode_text(data: bytes, filename: str, encodings: Iterable[str] = ("utf-8-sig",)) -> str:
    """Decode with the first encoding that works; the error names the first bad line."""
    first_error: UnicodeDecodeError | None = None
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
    assert first_error is not None
    line = data[: first_error.start].count(b"\n") + 1
    raise invalid(filename, line, f"not valid text ({first_error.reason})")


# --- text and names -------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_C1 = re.compile(r"[\x80-\x9f]")


def _cp1252(match: re.Match[str]) -> str:
    return bytes([ord(match[0])]).decode("cp1252", errors="ignore")


def clean(value: str | None) -> str:
    """Unicode NFC, whitespace collapsed, stripped; ``None`` becomes ``""``.

    C1 control characters, which lists carry where Windows-1252 text was decoded as latin-1
    ("Gui\x92an"), become the Windows-1252 characters they stand for ("Gui’an").
    """
    if not value:
        return ""
    if _C1.search(value):
        value = _C1.sub(_cp1252, value)
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def split_values(value: str | None, sep: str = ";") -> list[str]:
    """Non-empty cleaned parts of a ``sep``-separated cell."""
    return [part for part in (clean(p) for p in (value or "").split(sep)) if part]


#: Unicode script names (as rigour reports them) to ISO 15924 codes.
SCRIPT_CODES: Final[dict[str, str]] = {
    "Latin": "Latn",
    "Cyrillic": "Cyrl",
    "Greek": "Grek",
    "Arabic": "Arab",
    "Hebrew": "Hebr",
    "Han": "Hani",
    "Hiragana": "Hira",
    "Katakana": "Kana",
    "Hangul": "Hang",
    "Georgian": "Geor",
    "Armenian": "Armn",
    "Thai": "Thai",
    "Lao": "Laoo",
    "Khmer": "Khmr",
    "Myanmar": "Mymr",
    "Tibetan": "Tibt",
    "Devanagari": "Deva",
    "Bengali": "Beng",
    "Gurmukhi": "Guru",
    "Gujarati": "Gujr",
    "Oriya": "Orya",
    "Tamil": "Taml",
    "Telugu": "Telu",
    "Kannada": "Knda",
    "Malayalam": "Mlym",
    "Sinhala": "Sinh",
    "Ethiopic": "Ethi",
    "Mongolian": "Mong",
    "Syriac": "Syrc",
    "Thaana": "Thaa",
}


@lru_cache(maxsize=65536)
def detect_script(value: str) -> str | None:
    """The ISO 15924 code of the script ``value`` is written in, ``None`` if mixed or none.

    Japanese (Han with kana) is ``Jpan``, Korean with Hanja ``Kore``; a name mixing, say,
    Latin and Cyrillic letters has no single script.
    """
    scripts = text_scripts(value)
    if not scripts:
        return None
    if len(scripts) == 1:
        (only,) = scripts
        return SCRIPT_CODES.get(only)
    if scripts <= {"Han", "Hiragana", "Katakana"}:
        return "Jpan"
    if scripts <= {"Han", "Hangul"}:
        return "Kore"
    return None


def language_code(value: str | None) -> str | None:
    """An ISO 639 code (two letters where one exists) for a code or an English language name."""
    text = clean(value)
    if not text:
        return None
    return iso_639_alpha2(text) or iso_639_alpha3(text)


def entry_name(
    value: str | None, kind: str = "name", lang: str | None = None, script: str | None = None
) -> EntryName | None:
    """A cleaned `EntryName` with its script detected, or ``None`` for an empty value."""
    text = clean(value)
    if not text:
        return None
    return EntryName(text, kind, lang, script or detect_script(text))


class NameList:
    """Names of one entry in order, without repeats (case- and spacing-insensitive).

    The first occurrence of a spelling wins, so add the primary name first.
    """

    def __init__(self) -> None:
        self._names: list[EntryName] = []
        self._seen: set[str] = set()

    def add(
        self, value: str | None, kind: str = "name", lang: str | None = None
    ) -> EntryName | None:
        name = entry_name(value, kind, lang)
        if name is None:
            return None
        key = name.value.casefold()
        if key in self._seen:
            return None
        self._seen.add(key)
        self._names.append(name)
        return name

    def add_name(self, name: EntryName) -> None:
        key = name.value.casefold()
        if key not in self._seen:
            self._seen.add(key)
            self._names.append(name)

    def __len__(self) -> int:
        return len(self._names)

    def __bool__(self) -> bool:
        return bool(self._names)

    def names(self) -> tuple[EntryName, ...]:
        return tuple(self._names)


def person_name_in_order(value: str) -> str:
    """``"LAST, First Middle"`` (OFAC's form for people) as ``"First Middle LAST"``.

    Only a single comma splits; anything else is returned as it is.
    """
    text = clean(value)
    if text.count(",") != 1:
        return text
    last, first = (part.strip() for part in text.split(","))
    if not last or not first:
        return text
    return f"{first} {last}"


_LEGAL_FORM = re.compile(
    r"(?:^|[\s,(])(?:LTD|LIMITED|LLC|L\.L\.C|INC|INCORPORATED|CORP|CORPORATION|CO|COMPANY|"
    r"GMBH|AG|S\.?A|S\.?A\.?R\.?L|S\.?R\.?L|B\.?V|N\.?V|PLC|PJSC|OJSC|JSC|CJSC|OOO|ZAO|OAO|AO|"
    r"FZE|FZCO|FZC|LLP|LP|PTE|PTY|SDN\s+BHD|BHD|KG|SPA|S\.P\.A|ENTERPRISES?|INDUSTRIES|"
    r"TRADING|GROUP|HOLDINGS?|AIRLINES?|AIRWAYS|INTERNATIONAL|TECHNOLOGY|TECHNOLOGIES|"
    r"ELECTRONICS|INSTITUTE|UNIVERSITY|BANK|ESTABLISHMENT|FACTORY|FIRM)\.?(?=$|[\s,.)])",
    re.IGNORECASE,
)


def looks_like_organization(name: str) -> bool:
    """True when a name carries a company form or a word only organisations use.

    Used only where the source has no type field (BIS Denied Persons List, some CSL rows),
    and only to say "organization"; a name without such a word stays "unknown".
    """
    return bool(_LEGAL_FORM.search(name))


def slugify(value: str) -> str:
    """A lower-case ASCII slug: ``"AO Kaspersky Lab"`` -> ``"ao-kaspersky-lab"``."""
    ascii_text = (
        unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii").lower()
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def stable_id(*parts: str) -> str:
    """A short hash of the parts, stable across runs and platforms."""
    digest = hashlib.sha256("\x1f".join(clean(p).casefold() for p in parts).encode("utf-8"))
    return digest.hexdigest()[:16]


def unique(values: Iterable[str]) -> tuple[str, ...]:
    """Non-empty values in first-seen order, without repeats."""
    return tuple(dict.fromkeys(v for v in values if v))


def unique_identifiers(values: Iterable[EntryIdentifier]) -> tuple[EntryIdentifier, ...]:
    return tuple(dict.fromkeys(values))


# --- countries ------------------------------------------------------------------------------

_NOT_A_COUNTRY: Final = frozenset(
    {"", "na", "n/a", "none", "none identified", "unknown", "-0-", "00", "xx"}
)


@lru_cache(maxsize=8192)
def country_code(value: str | None) -> str | None:
    """A lower-case country code (ISO 3166-1 alpha-2, FtM style) for a code or a name.

    Names go through rigour's territory database ("Iran (Islamic Republic of)" -> ``ir``,
    "Türkiye" -> ``tr``, "Korea, North" -> ``kp``); territories without an ISO code keep
    FollowTheMoney's code ("former Soviet Union" -> ``suhh``). ``None`` when unknown.
    """
    text = clean(value)
    if text.casefold() in _NOT_A_COUNTRY:
        return None
    territory = lookup_territory(text)
    if territory is None:
        return None
    code = territory.ftm_country or territory.code
    return code.lower() if code else None


def countries_of(values: Iterable[str | None], warnings: list[str], where: str) -> list[str]:
    """Country codes for names or codes; unknown ones become a warning mentioning ``where``."""
    codes: list[str] = []
    for value in values:
        text = clean(value)
        if text.casefold() in _NOT_A_COUNTRY:
            continue
        code = country_code(text)
        if code is None:
            warnings.append(f"{where}: unknown country {text!r}")
        else:
            codes.append(code)
    return codes


# --- dates ----------------------------------------------------------------------------------

_MONTHS: Final[dict[str, int]] = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")
_DMY_TEXT = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})$")
_MDY_TEXT = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not 1000 <= year <= 2999:
        return None
    if month is None or month == 0:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None or day == 0:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(value: str | None, *, day_first: bool = True) -> str | None:
    """An ISO date or prefix (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) from the usual list forms.

    Accepts ``2017-09-13``, ``13 Sep 2017``, ``Sep 2017``, ``March 12, 2021``, ``1961``, and
    numeric ``13/09/2017`` (``day_first``) or ``09/13/2017`` (US order); zero day or month
    (``00/00/1960``) leaves that part out. ``None`` when the text is not a date.
    """
    text = clean(value).rstrip(".")
    if not text:
        return None
    if m := _ISO.match(text):
        return _iso(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)
    if m := _DMY_TEXT.match(text):
        month = _MONTHS.get(m[2].lower())
        if month is None:
            return None
        return _iso(int(m[3]), month, int(m[1]) if m[1] else None)
    if m := _MDY_TEXT.match(text):
        month = _MONTHS.get(m[1].lower())
        if month is None:
            return None
        return _iso(int(m[3]), month, int(m[2]))
    if m := _NUMERIC.match(text):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        day, month = (first, second) if day_first else (second, first)
        return _iso(year, month, day)
    if m := _YEAR.match(text):
        return _iso(int(m[1]))
    return None


def year_range(start: int, end: int, limit: int = 15) -> list[str]:
    """Every year from ``start`` to ``end`` (inclusive) as ``YYYY``; just the ends if too wide."""
    if end < start:
        start, end = end, start
    if end - start > limit:
        return [f"{start:04d}", f"{end:04d}"]
    return [f"{y:04d}" for y in range(start, end + 1)]


# --- XML ------------------------------------------------------------------------------------

LINE_ATTR: Final = "_line"
"""Attribute that `iter_xml_records` sets on every element: its line in the file."""


def local(tag: str) -> str:
    """The local part of a (possibly namespaced) tag or attribute name."""
    return tag.rsplit("}", 1)[-1]


def child(element: ET.Element, name: str) -> ET.Element | None:
    """The first child with local name ``name``."""
    for sub in element:
        if sub.tag == name:
            return sub
    return None


def children(element: ET.Element, name: str) -> list[ET.Element]:
    return [sub for sub in element if sub.tag == name]


def items(element: ET.Element, list_tag: str, item_tag: str) -> list[ET.Element]:
    """The ``item_tag`` children of ``element``'s first ``list_tag`` child (``[]`` if none)."""
    container = child(element, list_tag)
    return [] if container is None else children(container, item_tag)


def text_of(element: ET.Element | None, name: str | None = None) -> str:
    """Cleaned text of ``element`` (or of its first child ``name``); ``""`` when absent."""
    if element is None:
        return ""
    if name is not None:
        element = child(element, name)
        if element is None:
            return ""
    return clean("".join(element.itertext()))


def line_of(element: ET.Element) -> str:
    return element.get(LINE_ATTR, "")


@dataclass(frozen=True, slots=True)
class XmlRoot:
    """The root element's local name and attributes (without its children)."""

    tag: str
    attrib: dict[str, str]


def iter_xml_records(
    data: bytes,
    filename: str,
    record_tags: frozenset[str],
    root: list[XmlRoot] | None = None,
    markers: frozenset[str] = frozenset(),
) -> Iterator[ET.Element]:
    """Stream the elements whose local name is in ``record_tags``, each complete, in order.

    Namespaces are dropped from every tag and attribute name (the formats differ only in
    namespace between versions), each element gets its source line in ``_line``, and a
    document type declaration is refused (list files never need one; this keeps entity
    expansion attacks out). Malformed XML raises `Invalid` with line and column. The first
    item appended to ``root`` (if given) describes the document element. Elements named in
    ``markers`` (outside records) are yielded too, in document order, when they start, as
    empty elements with their attributes (e.g. ``table`` to tell spreadsheet sheets apart).
    """
    parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
    builder: ET.TreeBuilder | None = None
    depth_in_record = 0
    done: list[ET.Element] = []
    state = {"seen_root": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal builder, depth_in_record
        name = local(tag)
        attrib = {local(k): v for k, v in attrs.items()}
        if not state["seen_root"]:
            state["seen_root"] = True
            if root is not None:
                root.append(XmlRoot(name, attrib))
        if builder is None and name in markers and name not in record_tags:
            marker = ET.Element(name, attrib)
            marker.set(LINE_ATTR, str(parser.CurrentLineNumber))
            done.append(marker)
        if builder is None and name in record_tags:
            builder = ET.TreeBuilder()
            depth_in_record = 0
        if builder is not None:
            attrib[LINE_ATTR] = str(parser.CurrentLineNumber)
            builder.start(name, attrib)
            depth_in_record += 1

    def end(tag: str) -> None:
        nonlocal builder, depth_in_record
        if builder is None:
            return
        builder.end(local(tag))
        depth_in_record -= 1
        if depth_in_record == 0:
            done.append(builder.close())
            builder = None

    def chars(text: str) -> None:
        if builder is not None:
            builder.data(text)

    def refuse_doctype(*_args: object) -> None:
        raise invalid(
            filename, parser.CurrentLineNumber, "document type declarations are not accepted"
        )

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.buffer_text = True

    view = memoryview(data)
    chunk = 1 << 16
    for offset in range(0, max(len(data), 1), chunk):
        final = offset + chunk >= len(data)
        try:
            parser.Parse(bytes(view[offset : offset + chunk]), final)
        except xml.parsers.expat.ExpatError as exc:
            message = xml.parsers.expat.ErrorString(exc.code)
            raise invalid(
                filename, f"{exc.lineno}:{exc.offset + 1}", f"malformed XML: {message}"
            ) from exc
        yield from done
        done.clear()


def read_xml_entries(
    data: bytes,
    filename: str,
    record_tags: frozenset[str],
    root_tag: str,
    read_entry: Callable[[ET.Element], Entry | None],
    id_label: str,
    expected: str,
) -> tuple[list[Entry], XmlRoot]:
    """Every entry of an XML list whose document element is ``root_tag``, in file order.

    ``read_entry`` turns one record element into an entry (or None for a record that is not
    one, such as a publication header). A repeated entry id, or another document element
    (described to the user as ``expected``), is an error naming the position.
    """
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    root: list[XmlRoot] = []
    for element in iter_xml_records(data, filename, record_tags, root):
        if root[0].tag != root_tag:
            break
        entry = read_entry(element)
        if entry is None:
            continue
        if entry.entry_id in seen:
            raise invalid(
                filename,
                line_of(element),
                f"{id_label} {entry.entry_id} repeats line {seen[entry.entry_id]}",
            )
        seen[entry.entry_id] = line_of(element)
        entries.append(entry)
    if not root or root[0].tag != root_tag:
        found = f"<{root[0].tag}>" if root else "no element"
        raise invalid(filename, 1, f"expected {expected}, found {found}")
    return entries, root[0]


def csv_records(
    text: str,
    filename: str,
    *,
    delimiter: str = ",",
    required: Sequence[str] = (),
    allowed: Collection[str] | None = None,
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a delimited file with a header row, as ``(line, {column: cleaned cell})``
    with lower-case column names; blank rows are skipped.

    A header lacking a ``required`` column or naming one outside ``allowed``, a row with the
    wrong number of cells, or malformed quoting raises `Invalid` with the line.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        header = [clean(h).lower() for h in next(reader, [])]
        if allowed is not None:
            unknown = [h for h in header if h not in allowed]
            if unknown:
                raise invalid(
                    filename,
                    1,
                    f"unknown column(s) {', '.join(unknown)}; expected {','.join(allowed)}",
                )
        missing = [c for c in required if c not in header]
        if missing:
            found = ", ".join(h for h in header if h) or "nothing"
            raise invalid(
                filename,
                1,
                f"the header lacks the column(s) {', '.join(missing)} (found: {found})",
            )
        start = reader.line_num + 1
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise invalid(filename, line, f"expected {len(header)} columns, found {len(cells)}")
            yield line, {key: clean(cell) for key, cell in zip(header, cells, strict=True)}
    except csv.Error as exc:
        raise invalid(filename, start, f"malformed CSV: {exc}") from exc
