"""Build the labelled screening pairs, tests/data/screening_pairs.csv (seeded, deterministic).

Usage: .venv/bin/python bench/make_screening_pairs.py [--data ../shared/data] [--out FILE]

Inputs are the real lists in shared/data (parsed minimally here, independent of the package's
parsers and of the matcher) and the labelled files in shared/data/labelled. Each row pairs a
query (a party, as a platform would hold it) with a candidate (a list entry's name):

| column | meaning |
| --- | --- |
| pair_id | stable id of the row |
| query, candidate | names; several names of one side are separated by ` | ` |
| schema | FtM schema of both sides: Person, Company, Organization, LegalEntity, Vessel |
| match | 1 = same party, 0 = different parties |
| category | how the pair was made (see CATEGORIES) |
| query_country, candidate_country | ISO 3166-1 alpha-2, `|`-separated, may be empty |
| query_birth_date, candidate_birth_date | ISO date or year, may be empty |
| query_identifier, candidate_identifier | registration number / IMO / LEI, may be empty |
| split | dev (used to choose rules and the threshold) or test (held out) |
| origin | where the candidate came from (list and its own id) |

Positives are derived from a list entry by a realistic change (a transliteration, another
spelling of the legal form, a typo, another word order, the brand without its legal form,
the name in its original script). Negatives pair names of *different* parties that look
alike. Negatives from the lists are kept only when each side has a distinctive word that the
other side lacks entirely (no spelling variant of it), so a reviewer would call them
different parties from the names alone; near-identical names of different entries are left
out as ambiguous.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import random
import re
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import icu
import yaml
from rapidfuzz import fuzz
from rigour.territories import lookup_territory

ROOT = Path(__file__).resolve().parent.parent
SEED = 20260227


def words_set(text: str) -> set[str]:
    return set(text.split())


CATEGORIES = {
    "transliteration": "a Latin list name written in Cyrillic or Greek, or romanised another way",
    "cross_script": "a list name against its original script (UN list; names translated into "
    "English left out) or watchman's pairs",
    "company_form": "the legal form spelled, abbreviated, translated, moved or added",
    "typo": "one or two edits inside words of 5+ letters",
    "word_order": "the name's words in another order",
    "partial": "the brand without legal form and generic words; a person without middle names",
    "identifier": "a different name with the same registration number / IMO (positive)",
    "birth_date": "same person name with the same (positive) or another birth year (negative)",
    "similar_party": "names of two different list entries that share words (negative)",
    "sibling": "the same brand with a legal form and country of another jurisdiction (negative)",
    "lookalike": "a short name changed by one letter (ZTE / ZTT) or another surname (negative)",
    "generic_only": "a name of generic words only against entries containing them (negative)",
    "nomenklatura_checks": "nomenklatura's entity bench checks (their labels)",
    "cross_script_negative": "a list name in its original script against the Latin name of "
    "another entry sharing a word (negative)",
}

GENERIC = words_set(
    """
    supply supplies impex commercial engineering machinery import export trade trading
    company companies group trading trade international holding holdings technologies
    technology industries industrial enterprise enterprises services service solutions
    global general import export investment investments management consulting
    development systems products partners agency center centre network commercial
    logistics shipping marine maritime transport energy resources capital finance
    financial bank insurance exchange lab labs laboratory electronics engineering
    construction research institute factory plant equipment materials oil gas petroleum
    chemical chemicals airlines aviation air tourism media communications telecom
    software foundation fund trust society organization
    """
)
# English (and French/Spanish) words: a list name containing them is a translation, not a
# transliteration ("MOUVEMENT POUR L'UNIFICATION ET LE JIHAD EN AFRIQUE DE L'OUEST")
ENGLISH = GENERIC | words_set(
    """
    islamic group army state organization organisation fighting combatant movement front
    brigade brigades battalion network company party foundation society committee
    council charity relief international of the in and for people peoples national
    liberation emigrants supporters holy war martyrs union association bank
    mouvement pour et le les du des en ouest est nord sud unification armee groupe
    islamique combattant combattants brigades bataillon organisation societe comite
    movimiento ejercito fuerzas frente organizacion para
    """
)
# words that name a part of an organisation, not which one: "TAIBAH INTERNATIONAL - BOSNIA
# BRANCH" and "... - BOSNIA OFFICES" are one party
DESCRIPTORS = words_set(
    """
    branch branches office offices bureau representative representation division
    department subsidiary affiliate
    """
)
# legal-form abbreviations that may stand inside a name
LEGAL_WORDS = words_set(
    """
    co corp inc ltd llc lp llp plc sa ag ao oao zao ooo pao jsc ojsc cjsc pjsc bv nv gmbh
    spa srl sas ab as oy kg se pt tbk cc ad ead ood doo sal fze fzco fzc sarl cia
    """
)
RUSSIAN_FORM_RE = re.compile(
    r"^(OOO|AO|ZAO|OAO|PAO|OBSHCHESTVO|AKTSIONERNOE|ZAKRYTOE|OTKRYTOE|PUBLICHNOE)\b"
)
STOP = words_set(
    """
    the of and for de del la le el al y et und von van bin ibn
    """
)
LEGAL_RE = re.compile(
    r"\b(LLC|L\.L\.C\.|LTD\.?|LIMITED|INC\.?|INCORPORATED|CORP\.?|CORPORATION|CO\.?,? LTD\.?|"
    r"JSC|OJSC|CJSC|PJSC|OAO|ZAO|PAO|AO|OOO|TOO|GMBH|AG|S\.A\.|SA|S\.P\.A\.|SPA|B\.V\.|BV|"
    r"N\.V\.|NV|PLC|LLP|FZE|FZCO|FZC|SARL|S\.A\.R\.L\.|SDN\.? BHD\.?|PTE\.? LTD\.?|PVT\.? LTD\.?|"
    r"PTY\.? LTD\.?|PTY\.? LIMITED|PTE\.? LIMITED|PVT\.? LIMITED|FZ[- ]LLC|"
    r"JOINT STOCK COMPANY|PUBLIC JOINT STOCK COMPANY|OPEN JOINT STOCK COMPANY|"
    r"CLOSED JOINT STOCK COMPANY|LIMITED LIABILITY COMPANY|COMPANY LIMITED|CO\.?|"
    r"AD|EAD|OOD|DOO|D\.O\.O\.|SRL|S\.R\.L\.|SAS|AS|AB|OY|KG|LDA|LTDA|SAL|SE|PT|TBK|CC|"
    r"S\.A\.S\.|S\.A\. DE C\.V\.|SA DE CV|GMBH & CO\. KG|SDN BHD)\s*$",
    re.IGNORECASE,
)
LEGAL_PREFIX_RE = re.compile(
    r"^(OOO|AO|ZAO|OAO|PAO|PJSC|JSC|OJSC|CJSC|TOO|LLC|FGUP|GUP|JOINT STOCK COMPANY|"
    r"OPEN JOINT[ -]STOCK COMPANY|CLOSED JOINT[ -]STOCK COMPANY|PUBLIC JOINT[ -]STOCK COMPANY|"
    r"LIMITED LIABILITY COMPANY|FEDERAL STATE UNITARY ENTERPRISE|STATE UNITARY ENTERPRISE|"
    r"OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU|AKTSIONERNOE OBSHCHESTVO)\s+",
    re.IGNORECASE,
)

# equivalent spellings of one legal form: (class, spellings, jurisdictions)
LEGAL_FAMILIES: list[tuple[str, list[str], list[str]]] = [
    (
        "llc_ru",
        [
            "OOO",
            "LLC",
            "Limited Liability Company",
            "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU",
            "L.L.C.",
        ],
        ["ru"],
    ),
    ("jsc_ru", ["AO", "JSC", "Joint Stock Company", "AKTSIONERNOE OBSHCHESTVO", "A.O."], ["ru"]),
    (
        "pjsc_ru",
        ["PAO", "PJSC", "Public Joint Stock Company", "PUBLICHNOE AKTSIONERNOE OBSHCHESTVO"],
        ["ru"],
    ),
    ("ojsc_ru", ["OAO", "OJSC", "Open Joint Stock Company", "Open Joint-Stock Company"], ["ru"]),
    (
        "cjsc_ru",
        ["ZAO", "CJSC", "Closed Joint Stock Company", "Closed Joint-Stock Company"],
        ["ru"],
    ),
    ("ltd", ["Ltd", "Limited", "Ltd.", "LTD"], ["gb"]),
    ("coltd", ["Co., Ltd.", "Company Limited", "Co. Ltd", "CO LTD"], ["cn"]),
    ("inc", ["Inc", "Inc.", "Incorporated", "INC"], ["us"]),
    ("corp", ["Corp", "Corporation", "Corp."], ["us"]),
    ("gmbh", ["GmbH", "Gesellschaft mit beschrankter Haftung", "GMBH"], ["de"]),
    ("ag", ["AG", "Aktiengesellschaft"], ["de"]),
    ("sa", ["S.A.", "SA", "Sociedad Anonima"], ["es"]),
    ("spa", ["S.p.A.", "SpA", "Societa per Azioni"], ["it"]),
    ("bv", ["B.V.", "BV", "Besloten Vennootschap"], ["nl"]),
    ("fze", ["FZE", "F.Z.E."], ["ae"]),
    ("sdnbhd", ["Sdn Bhd", "Sdn. Bhd.", "SDN BHD"], ["my"]),
    ("pteltd", ["Pte Ltd", "Pte. Ltd.", "PTE LTD"], ["sg"]),
]
# families that are one legal concept in different places (not "siblings" of each other)
FAMILY_GROUP = {
    "llc_ru": "ru", "jsc_ru": "ru", "pjsc_ru": "ru", "ojsc_ru": "ru", "cjsc_ru": "ru",
    "ltd": "ltd", "coltd": "ltd", "pteltd": "ltd", "sdnbhd": "ltd", "inc": "us", "corp": "us",
}  # fmt: skip
FAMILY_OF: dict[str, int] = {}
for _i, (_cls, _spellings, _) in enumerate(LEGAL_FAMILIES):
    for _s in _spellings:
        FAMILY_OF.setdefault(_s.upper().replace(".", "").replace(",", ""), _i)

TRANSLIT_RULES = [
    ("kh", "h"), ("ya", "ia"), ("yu", "iu"), ("iy", "y"), ("ii", "iy"), ("ks", "x"), ("ei", "ey"),
    ("ou", "u"), ("zh", "j"), ("ov", "off"), ("ch", "tch"), ("sh", "ch"), ("y", "i"),
    ("u", "ou"), ("ie", "ye"), ("ts", "tz"), ("ph", "f"), ("ee", "i"), ("oo", "u"), ("dzh", "j"),
    ("mohammad", "muhammad"), ("mohammed", "muhammad"), ("muhammad", "mohamed"),
    ("abdul", "abd al"), ("abd al", "abdul"), ("hussein", "husain"), ("hassan", "hasan"),
    ("ahmad", "ahmed"), ("ahmed", "ahmad"),
]  # fmt: skip


@dataclass
class Party:
    source: str
    pid: str
    kind: str  # person | organization | vessel
    name: str
    aliases: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    dob: str = ""
    identifiers: list[str] = field(default_factory=list)
    original_script: list[str] = field(default_factory=list)

    @property
    def schema(self) -> str:
        return {"person": "Person", "organization": "Organization", "vessel": "Vessel"}.get(
            self.kind, "LegalEntity"
        )


@dataclass
class Pair:
    query: str
    candidate: str
    schema: str
    match: int
    category: str
    origin: str
    query_country: str = ""
    candidate_country: str = ""
    query_birth_date: str = ""
    candidate_birth_date: str = ""
    query_identifier: str = ""
    candidate_identifier: str = ""
    split: str = ""


# -- reading the lists ---------------------------------------------------------------------

MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}


def country_code(name: str) -> str:
    name = name.strip().strip(".")
    if not name:
        return ""
    try:
        t = lookup_territory(name)
    except Exception:
        return ""
    return t.code if t is not None and len(t.code) == 2 else ""


def parse_dob(text: str) -> str:
    m = re.search(r"DOB (\d{1,2}) (\w{3}) (\d{4})", text)
    if m and m.group(2).lower() in MONTHS:
        return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    m = re.search(r"DOB (?:circa )?(\d{4})", text)
    return m.group(1) if m else ""


def ofac_name(name: str, kind: str) -> str:
    name = name.strip()
    if kind == "person" and ", " in name:
        last, first = name.split(", ", 1)
        return f"{last}, {first}"
    return name


def read_ofac(path: Path, source: str, alt: Path | None) -> list[Party]:
    text = path.read_bytes().decode("latin-1").replace("\x1a", "")
    out: dict[str, Party] = {}
    for row in csv.reader(io.StringIO(text)):
        if len(row) < 12:
            continue
        row = [c.strip() for c in row]
        row = ["" if c == "-0-" else c for c in row]
        typ = row[2].lower()
        kind = {"individual": "person", "vessel": "vessel", "aircraft": "vessel"}.get(
            typ, "organization"
        )
        remarks = row[11]
        p = Party(source, row[0], kind, ofac_name(row[1], kind))
        p.aliases = re.findall(r"a\.k\.a\. '([^']+)'", remarks)
        p.dob = parse_dob(remarks)
        for m in re.finditer(r"[Nn]ationality ([A-Za-z ]+?)[;.]", remarks):
            cc = country_code(m.group(1))
            if cc:
                p.countries.append(cc)
        for m in re.finditer(
            r"(?:Registration ID|Tax ID No\.|Company Number|IMO|Registration Number) "
            r"([0-9A-Z-]{5,})",
            remarks,
        ):
            p.identifiers.append(m.group(1))
        for m in re.finditer(r"\(([A-Z][A-Za-z ]+)\)", remarks):
            cc = country_code(m.group(1))
            if cc and cc not in p.countries and kind != "person":
                p.countries.append(cc)
        out[p.pid] = p
    if alt is not None:
        text = alt.read_bytes().decode("latin-1").replace("\x1a", "")
        for row in csv.reader(io.StringIO(text)):
            if len(row) >= 4 and row[0].strip() in out:
                name = row[3].strip()
                if name and name != "-0-":
                    out[row[0].strip()].aliases.append(name)
    return list(out.values())


def read_un(path: Path) -> list[Party]:
    root = ET.parse(path).getroot()
    out: list[Party] = []
    for ind in root.iter("INDIVIDUAL"):
        parts = [
            (ind.findtext(t) or "").strip()
            for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
        ]
        # "na" marks a name part the UN does not know ("FAIZULLAH KHAN NOORZAI na")
        name = " ".join(p for p in parts if p and p.lower() not in ("na", "n/a"))
        if not name:
            continue
        p = Party("un_sc", ind.findtext("REFERENCE_NUMBER") or "", "person", name)
        orig = (ind.findtext("NAME_ORIGINAL_SCRIPT") or "").strip()
        if orig:
            p.original_script.append(orig)
        for nat in ind.iter("NATIONALITY"):
            for v in nat.iter("VALUE"):
                cc = country_code(v.text or "")
                if cc:
                    p.countries.append(cc)
        for d in ind.iter("INDIVIDUAL_DATE_OF_BIRTH"):
            date = (d.findtext("DATE") or "").strip()
            year = (d.findtext("YEAR") or "").strip()
            if date or year:
                p.dob = date[:10] or year
                break
        for a in ind.iter("INDIVIDUAL_ALIAS"):
            if (a.findtext("QUALITY") or "").strip().lower() == "good":
                alias = (a.findtext("ALIAS_NAME") or "").strip()
                if alias:
                    p.aliases.append(alias)
        out.append(p)
    for ent in root.iter("ENTITY"):
        name = (ent.findtext("FIRST_NAME") or "").strip()
        if not name:
            continue
        p = Party("un_sc", ent.findtext("REFERENCE_NUMBER") or "", "organization", name)
        orig = (ent.findtext("NAME_ORIGINAL_SCRIPT") or "").strip()
        if orig:
            p.original_script.append(orig)
        for a in ent.iter("ENTITY_ALIAS"):
            alias = (a.findtext("ALIAS_NAME") or "").strip()
            if alias:
                p.aliases.append(alias)
        for addr in ent.iter("ENTITY_ADDRESS"):
            cc = country_code(addr.findtext("COUNTRY") or "")
            if cc and cc not in p.countries:
                p.countries.append(cc)
        out.append(p)
    return out


def read_csl(path: Path) -> list[Party]:
    out: list[Party] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            name = (row.get("name") or "").strip()
            if not name:
                continue
            typ = (row.get("type") or "").lower()
            kind = (
                "person" if typ == "individual" else "vessel" if typ == "vessel" else "organization"
            )
            p = Party("us_csl", f"csl-{i}", kind, name)
            p.aliases = [a.strip() for a in (row.get("alt_names") or "").split(";") if a.strip()]
            out.append(p)
    return out


def read_uk(path: Path) -> list[Party]:
    with zipfile.ZipFile(path) as z:
        content = z.read("content.xml")
    root = ET.fromstring(content)
    ns = {
        "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    }
    out: list[Party] = []
    table = root.find(".//table:table", ns)
    if table is None:
        return out
    header: list[str] = []
    for row in table.iter(f"{{{ns['table']}}}table-row"):
        cells: list[str] = []
        for cell in row.iter(f"{{{ns['table']}}}table-cell"):
            rep = int(cell.get(f"{{{ns['table']}}}number-columns-repeated", "1"))
            txt = "".join(cell.itertext()).strip()
            cells.extend([txt] * min(rep, 50))
        if not header:
            header = cells
            continue
        rec = dict(zip(header, cells, strict=False))
        name = rec.get("Name", "").strip()
        if not name:
            continue
        typ = rec.get("Type", "").lower()
        kind = "person" if typ == "individual" else "vessel" if typ == "ship" else "organization"
        out.append(Party("uk_fcdo", rec.get("Unique ID", name), kind, name))
    return out


def read_parties(data: Path) -> list[Party]:
    parties = read_ofac(
        data / "us_ofac_sdn_2024-05-03.csv", "us_ofac_sdn", data / "us_ofac_alt_2025-08.csv"
    )
    parties += read_ofac(data / "us_ofac_cons_prim_2025-12.csv", "us_ofac_cons", None)
    parties += read_un(data / "un_sc_consolidated_2026-02-27.xml")
    parties += read_csl(data / "us_csl_sample_2019.csv")
    parties += read_uk(data / "uk_sanctions_list_2025-08-11.ods")
    return [p for p in parties if p.name and len(p.name) < 120]


# -- helpers -------------------------------------------------------------------------------


def words(name: str) -> list[str]:
    name = re.sub(r"['’.]", "", name.lower())
    return [w for w in re.split(r"[^\w]+", name) if w]


def distinctive(name: str) -> list[str]:
    name = re.sub(r"\([^)]*\)", " ", name)  # bracketed remarks are not the name
    base = LEGAL_PREFIX_RE.sub("", LEGAL_RE.sub("", name))
    return [w for w in words(base) if w not in GENERIC and w not in STOP and len(w) > 1]


def split_of(key: str) -> str:
    h = hashlib.sha256(f"{SEED}:{key}".encode()).digest()
    return "dev" if h[0] % 2 == 0 else "test"


def person_display(name: str) -> str:
    """OFAC 'LAST, First Middle' -> 'First Middle Last'."""
    if ", " in name:
        last, first = name.split(", ", 1)
        return f"{first} {last}"
    return name


def clean_case(name: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return name.title()
    if r < 0.6:
        return name.lower()
    return name


def typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(["sub", "del", "ins", "swap"])
    letters = "abcdefghijklmnopqrstuvwxyz"
    if op == "sub":
        return word[:i] + rng.choice(letters.replace(word[i].lower(), "")) + word[i + 1 :]
    if op == "del":
        return word[:i] + word[i + 1 :]
    if op == "ins":
        return word[:i] + rng.choice(letters) + word[i:]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def legal_parts(name: str) -> tuple[str, str, str]:
    """(prefix legal form, base, suffix legal form)."""
    pre = ""
    m = LEGAL_PREFIX_RE.match(name)
    if m:
        pre = m.group(1)
        name = name[m.end() :]
    suf = ""
    m2 = LEGAL_RE.search(name)
    if m2 and m2.start() > 0:
        suf = m2.group(1)
        name = name[: m2.start()].rstrip(" ,")
    return pre, name.strip(), suf


def family(form: str) -> int | None:
    return FAMILY_OF.get(form.upper().replace(".", "").replace(",", "").strip())


def translit(name: str, tid: str) -> str:
    return icu.Transliterator.createInstance(tid).transliterate(name)


# -- categories ----------------------------------------------------------------------------


def gen_transliteration(parties: list[Party], rng: random.Random, n: int) -> Iterator[Pair]:
    persons = [p for p in parties if p.kind == "person" and p.source.startswith("us_ofac")]
    ru = [p for p in persons if p.countries and p.countries[0] in ("ru", "ua", "by")] or persons
    rng.shuffle(ru)
    count = 0
    for p in ru:
        if count >= n // 2:
            break
        display = person_display(p.name)
        if not display.isascii():
            continue
        cyr = translit(display.lower(), "Latin-Russian/BGN")
        cyr = re.sub(r"(?<=[кгхн])ы\b", "ий", cyr)  # BGN leaves "-sky" as "-скы"
        if rng.random() < 0.3:  # Russian order: surname first
            parts = cyr.split()
            cyr = " ".join([parts[-1], *parts[:-1]])
        cyr = " ".join(w.capitalize() for w in cyr.split())
        yield Pair(cyr, p.name, "Person", 1, "transliteration", f"{p.source}:{p.pid}")
        count += 1
    # Russian company names romanised on the list, written back in Cyrillic
    orgs = [
        p
        for p in parties
        if p.kind == "organization"
        and p.name.isascii()
        and RUSSIAN_FORM_RE.match(p.name)
        and not set(words(p.name)) & ENGLISH
    ]
    rng.shuffle(orgs)
    for p in orgs[: n // 8]:
        cyr = translit(p.name.lower(), "Latin-Russian/BGN")
        cyr = re.sub(r"(?<=[кгхн])ы\b", "ий", cyr).upper()
        yield Pair(cyr, p.name, "Organization", 1, "transliteration", f"{p.source}:{p.pid}")
    rng.shuffle(persons)
    count = 0
    for p in persons:
        if count >= n - n // 2 - n // 8:
            break
        display = person_display(p.name).lower()
        for a, b in rng.sample(TRANSLIT_RULES, len(TRANSLIT_RULES)):
            if re.search(rf"{a}", display):
                variant = display.replace(a, b, 1)
                if variant != display:
                    yield Pair(clean_case(variant, rng), p.name, "Person", 1, "transliteration",
                               f"{p.source}:{p.pid}")  # fmt: skip
                    count += 1
                    break


def gen_cross_script(parties: list[Party], data: Path) -> Iterator[Pair]:
    for p in parties:
        if set(words(p.name)) & ENGLISH:
            continue  # the list name is a translation of the original, not a transliteration
        for orig in p.original_script:
            if orig.isascii():
                continue
            yield Pair(orig, p.name, p.schema, 1, "cross_script", f"{p.source}:{p.pid}",
                       candidate_country="|".join(p.countries[:2]))  # fmt: skip
    path = data / "labelled" / "watchman_cross_script_pairs.csv"
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    for i, row in enumerate(csv.reader(lines)):
        if len(row) >= 2 and row[0].strip() and row[1].strip():
            yield Pair(row[0].strip(), row[1].strip(), "Person", 1, "cross_script", f"watchman:{i}")


def gen_company_form(parties: list[Party], rng: random.Random, n: int) -> Iterator[Pair]:
    orgs = [p for p in parties if p.kind == "organization" and p.name.isascii()]
    rng.shuffle(orgs)
    count = 0
    for p in orgs:
        if count >= n:
            break
        pre, base, suf = legal_parts(p.name)
        if len(distinctive(base)) == 0:
            continue
        form = pre or suf
        fam = family(form) if form else None
        if fam is not None:
            spellings = [s for s in LEGAL_FAMILIES[fam][1] if family(s) == fam or True]
            other = rng.choice([s for s in spellings if s.upper() != form.upper()] or spellings)
            query = f"{other} {base}" if rng.random() < 0.5 else f"{base} {other}"
        elif not form:
            fam = rng.randrange(len(LEGAL_FAMILIES))
            other = rng.choice(LEGAL_FAMILIES[fam][1])
            query = f"{base} {other}" if rng.random() < 0.7 else f"{other} {base}"
        else:
            continue
        yield Pair(
            clean_case(query, rng), p.name, "Company", 1, "company_form", f"{p.source}:{p.pid}"
        )
        count += 1


def gen_typo(parties: list[Party], rng: random.Random, n: int) -> Iterator[Pair]:
    pool = [p for p in parties if p.name.isascii() and p.kind in ("person", "organization")]
    rng.shuffle(pool)
    count = 0
    for p in pool:
        if count >= n:
            break
        name = person_display(p.name) if p.kind == "person" else p.name
        ws = name.split()
        longs = [
            i for i, w in enumerate(ws) if len(w) >= 5 and w.isalpha() and w.lower() not in GENERIC
        ]
        if not longs:
            continue
        edits = 2 if len(longs) >= 2 and rng.random() < 0.3 else 1
        for i in rng.sample(longs, edits):
            ws[i] = typo(ws[i], rng)
        yield Pair(
            clean_case(" ".join(ws), rng), p.name, p.schema, 1, "typo", f"{p.source}:{p.pid}"
        )
        count += 1


def gen_word_order(parties: list[Party], rng: random.Random, n: int) -> Iterator[Pair]:
    persons = [
        p for p in parties if p.kind == "person" and p.name.isascii() and len(words(p.name)) >= 2
    ]
    rng.shuffle(persons)
    for p in persons[:n]:
        ws = person_display(p.name).split()
        orig = list(ws)
        for _ in range(5):
            rng.shuffle(ws)
            if ws != orig:
                break
        yield Pair(
            clean_case(" ".join(ws), rng), p.name, "Person", 1, "word_order", f"{p.source}:{p.pid}"
        )


def gen_partial(parties: list[Party], rng: random.Random, n: int) -> Iterator[Pair]:
    orgs = [p for p in parties if p.kind == "organization" and p.name.isascii()]
    rng.shuffle(orgs)
    count = 0
    for p in orgs:
        if count >= n // 2:
            break
        pre, base, suf = legal_parts(p.name)
        if not (pre or suf):
            continue
        ws = base.split()
        keep = [w for w in ws if w.lower() not in GENERIC or rng.random() < 0.3]
        if not distinctive(" ".join(keep)) or (keep == ws and rng.random() < 0.5):
            keep = ws
        yield Pair(
            clean_case(" ".join(keep), rng), p.name, "Company", 1, "partial", f"{p.source}:{p.pid}"
        )
        count += 1
    # persons written "LAST, First Middle": first given name and the surname
    persons = [p for p in parties if p.kind == "person" and p.name.isascii() and ", " in p.name]
    rng.shuffle(persons)
    count = 0
    for p in persons:
        if count >= n - n // 2:
            break
        ws = person_display(p.name).split()
        if len(ws) < 3 or ws[0].lower() in STOP | {"abu", "abou", "bin", "ibn"}:
            continue
        short = [ws[0], ws[-1]]
        yield Pair(
            clean_case(" ".join(short), rng), p.name, "Person", 1, "partial", f"{p.source}:{p.pid}"
        )
        count += 1


def gen_identifier(parties: list[Party], rng: random.Random, n: int) -> Iterator[Pair]:
    with_ids = [p for p in parties if p.identifiers and p.aliases and p.kind != "person"]
    rng.shuffle(with_ids)
    for p in with_ids[:n]:
        alias = rng.choice(p.aliases)
        yield Pair(alias, p.name, p.schema, 1, "identifier", f"{p.source}:{p.pid}",
                   query_identifier=p.identifiers[0],
                   candidate_identifier=p.identifiers[0])  # fmt: skip


def gen_birth_date(parties: list[Party], rng: random.Random, n: int) -> Iterator[Pair]:
    persons = [p for p in parties if p.kind == "person" and p.dob and p.name.isascii()]
    rng.shuffle(persons)
    for i, p in enumerate(persons[:n]):
        name = person_display(p.name)
        if i % 2 == 0:
            yield Pair(name, p.name, "Person", 1, "birth_date", f"{p.source}:{p.pid}",
                       query_birth_date=p.dob[:4], candidate_birth_date=p.dob)  # fmt: skip
        else:
            year = int(p.dob[:4]) + rng.choice([-15, -9, -6, 5, 8, 12, 20])
            yield Pair(name, p.name, "Person", 0, "birth_date", f"{p.source}:{p.pid}",
                       query_birth_date=str(year), candidate_birth_date=p.dob)  # fmt: skip


def has_counterpart(word: str, others: list[str]) -> bool:
    return any(
        fuzz.ratio(word, o) >= 70 or o.startswith(word) or word.startswith(o) for o in others
    )


def different_parties(a: str, b: str) -> bool:
    da = [w for w in distinctive(a) if w not in DESCRIPTORS]
    db = [w for w in distinctive(b) if w not in DESCRIPTORS]
    if not da or not db:
        return False
    a_only = [w for w in da if not has_counterpart(w, db) and len(w) >= 3]
    b_only = [w for w in db if not has_counterpart(w, da) and len(w) >= 3]
    return bool(a_only) and bool(b_only)


def words_index(parties: list[Party]) -> dict[str, list[Party]]:
    """Latin-script parties by each distinctive word of 4 letters or more in their name."""
    by_word: dict[str, list[Party]] = defaultdict(list)
    for p in parties:
        if not p.name.isascii():
            continue
        for w in set(distinctive(p.name)):
            if len(w) >= 4:
                by_word[w].append(p)
    return by_word


def different_neighbours(
    p: Party, by_word: dict[str, list[Party]], rng: random.Random, same_name: bool = True
) -> Iterator[Party]:
    """Parties of the same kind sharing a distinctive word with ``p`` that are different
    parties by every name; one random pick per shared word (words shared by more than 400
    parties are too common to say anything). ``same_name=False`` also skips namesakes."""
    ws = sorted(w for w in set(distinctive(p.name)) if len(w) >= 4)
    rng.shuffle(ws)
    for w in ws:
        others = [
            o for o in by_word[w] if o.kind == p.kind and (o.source, o.pid) != (p.source, p.pid)
        ]
        if not others or len(others) > 400:
            continue
        o = rng.choice(others)
        if not same_name and o.name == p.name:
            continue
        names_p = [p.name, *p.aliases]
        names_o = [o.name, *o.aliases]
        if all(different_parties(x, y) for x in names_p for y in names_o):
            yield o


def gen_cross_script_negative(parties: list[Party], rng: random.Random, n: int) -> Iterator[Pair]:
    """The original-script name of one entry against the Latin name of another that shares a
    distinctive word with its Latin name: different parties by the rule of similar_party."""
    by_word = words_index(parties)
    pool = [
        p
        for p in parties
        if p.name.isascii()
        and not set(words(p.name)) & ENGLISH
        and any(not o.isascii() for o in p.original_script)
    ]
    rng.shuffle(pool)
    count = 0
    for p in pool:
        if count >= n:
            break
        for o in different_neighbours(p, by_word, rng):
            orig = next(x for x in p.original_script if not x.isascii())
            yield Pair(orig, o.name, p.schema, 0, "cross_script_negative", f"{o.source}:{o.pid}",
                       candidate_country="|".join(o.countries[:2]))  # fmt: skip
            count += 1
            break


def gen_similar_party(parties: list[Party], rng: random.Random, n: int) -> Iterator[Pair]:
    by_word = words_index(parties)
    pool = [p for p in parties if p.name.isascii() and p.kind in ("person", "organization")]
    rng.shuffle(pool)
    count = 0
    seen: set[tuple[str, str]] = set()
    for p in pool:
        if count >= n:
            break
        for o in different_neighbours(p, by_word, rng, same_name=False):
            key = tuple(sorted((p.pid, o.pid)))
            if key in seen:
                continue
            seen.add(key)
            query = person_display(o.name) if p.kind == "person" else o.name
            yield Pair(
                clean_case(query, rng), p.name, p.schema, 0, "similar_party", f"{p.source}:{p.pid}"
            )
            count += 1
            break


def gen_sibling(parties: list[Party], rng: random.Random, n: int) -> Iterator[Pair]:
    orgs = [p for p in parties if p.kind == "organization" and p.name.isascii()]
    rng.shuffle(orgs)
    count = 0
    for p in orgs:
        if count >= n:
            break
        pre, base, suf = legal_parts(p.name)
        form = pre or suf
        fam = family(form) if form else None
        if fam is None or not distinctive(base):
            continue
        here = LEGAL_FAMILIES[fam][2][0]
        cand_country = p.countries[0] if p.countries else here
        group = FAMILY_GROUP.get(LEGAL_FAMILIES[fam][0], LEGAL_FAMILIES[fam][0])
        choices = [
            i
            for i, f in enumerate(LEGAL_FAMILIES)
            if cand_country not in f[2]
            and here not in f[2]
            and FAMILY_GROUP.get(f[0], f[0]) != group
        ]
        other = LEGAL_FAMILIES[rng.choice(choices)]
        query = f"{base} {rng.choice(other[1])}"
        yield Pair(clean_case(query, rng), p.name, "Company", 0, "sibling", f"{p.source}:{p.pid}",
                   query_country=other[2][0], candidate_country=cand_country)  # fmt: skip
        # and the same company registered where the candidate is: a positive
        same = rng.choice(LEGAL_FAMILIES[fam][1])
        yield Pair(clean_case(f"{base} {same}", rng), p.name, "Company", 1, "company_form",
                   f"{p.source}:{p.pid}", query_country=cand_country,
                   candidate_country=cand_country)  # fmt: skip
        count += 1


def gen_lookalike(parties: list[Party], rng: random.Random, n: int) -> Iterator[Pair]:
    orgs = [p for p in parties if p.kind == "organization" and p.name.isascii()]
    rng.shuffle(orgs)
    count = 0
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for p in orgs:
        if count >= n // 2:
            break
        d = distinctive(p.name)
        # a legal form inside the name ("Al-Inma Holding Co. For ...") is not the name: a
        # letter changed there ("TO.") leaves the same party
        words_ = [w for w in d if len(w) >= 2 and w.isalpha() and w not in LEGAL_WORDS]
        if not d or any(len(w) > 4 for w in d) or not words_:
            continue
        target = rng.choice(words_)
        i = rng.randrange(len(target))
        # a consonant for another letter, never a spelling variant (y/i, c/k, b/p, d/t...)
        near = {"b": "p", "p": "b", "d": "t", "t": "d", "c": "kq", "k": "cq", "q": "ck"}
        pool = [ch for ch in letters.lower() if ch in "bdfglmnprt" and ch != target[i]]
        pool = [ch for ch in pool if ch not in near.get(target[i], "")]
        new = target[:i] + rng.choice(pool) + target[i + 1 :]
        query = re.sub(
            rf"\b{re.escape(target)}\b", new.upper(), p.name, count=1, flags=re.IGNORECASE
        )
        if query.lower() == p.name.lower():
            continue
        yield Pair(query, p.name, "Company", 0, "lookalike", f"{p.source}:{p.pid}")
        count += 1
    yield Pair("ZTT Corporation", "ZTE Corporation", "Company", 0, "lookalike", "readme:zte")
    # persons: same given name, a different surname sharing its first letters
    persons = [p for p in parties if p.kind == "person" and p.name.isascii() and ", " in p.name]
    surnames: dict[str, list[str]] = defaultdict(list)
    for p in persons:
        last = p.name.split(", ")[0]
        if " " not in last and len(last) >= 5:
            surnames[last[:3].upper()].append(last)
    rng.shuffle(persons)
    count = 0
    for p in persons:
        if count >= n - n // 2:
            break
        last, first = p.name.split(", ", 1)
        if " " in last or "-" in last:
            continue
        pool = [
            s
            for s in set(surnames.get(last[:3].upper(), []))
            if fuzz.ratio(s.lower(), last.lower()) < 70
        ]
        if not pool:
            continue
        other = rng.choice(sorted(pool))
        yield Pair(
            clean_case(f"{first} {other}", rng),
            p.name,
            "Person",
            0,
            "lookalike",
            f"{p.source}:{p.pid}",
        )
        count += 1


def gen_generic_only(parties: list[Party], rng: random.Random, n: int) -> Iterator[Pair]:
    orgs = [p for p in parties if p.kind == "organization" and p.name.isascii()]
    generic_words = sorted(GENERIC - {"bank", "air", "oil", "gas"})
    by_word: dict[str, list[Party]] = defaultdict(list)
    for p in orgs:
        for w in set(words(p.name)):
            if w in GENERIC:
                by_word[w].append(p)
    forms = ["", "LLC", "Ltd", "Co.", "Inc", "Company", "GmbH", "JSC"]
    count = 0
    tries = 0
    while count < n and tries < n * 20:
        tries += 1
        k = rng.choice([1, 2, 2, 3])
        ws = rng.sample(generic_words, k)
        query = " ".join(w.capitalize() for w in ws)
        form = rng.choice(forms)
        if form:
            query = f"{query} {form}"
        cands = by_word.get(ws[0], [])
        if not cands:
            continue
        c = rng.choice(cands)
        if not distinctive(c.name):
            continue
        yield Pair(query, c.name, "Company", 0, "generic_only", f"{c.source}:{c.pid}")
        count += 1


def gen_nomenklatura_checks(data: Path) -> Iterator[Pair]:
    checks = yaml.safe_load(
        (data / "labelled" / "nomenklatura_entity_bench_checks.yml").read_text()
    )
    for i, check in enumerate(checks["checks"]):
        sides: list[list[str]] = []
        for side in ("query", "candidate"):
            props = check[side]
            names = props.get("name", [])
            names = [names] if isinstance(names, str) else list(names)
            parts = [props.get(k) for k in ("firstName", "middleName", "fatherName", "lastName")]
            flat = [x if isinstance(x, str) else " ".join(x) for x in parts if x]
            if flat:
                names.append(" ".join(flat))
            sides.append(names)
        if not sides[0] or not sides[1]:
            continue
        yield Pair(" | ".join(sides[0]), " | ".join(sides[1]), check["schema"],
                   int(bool(check["match"])),
                   "nomenklatura_checks", f"nomenklatura:{i}")  # fmt: skip


# -- main ----------------------------------------------------------------------------------


def build(data: Path) -> list[Pair]:
    rng = random.Random(SEED)
    parties = read_parties(data)
    parties.sort(key=lambda p: (p.source, p.pid))
    pairs: list[Pair] = []
    gens: Iterable[Iterator[Pair]] = [
        gen_transliteration(parties, rng, 360),
        gen_cross_script(parties, data),
        gen_company_form(parties, rng, 320),
        gen_typo(parties, rng, 400),
        gen_word_order(parties, rng, 240),
        gen_partial(parties, rng, 360),
        gen_identifier(parties, rng, 100),
        gen_birth_date(parties, rng, 160),
        gen_similar_party(parties, rng, 900),
        gen_sibling(parties, rng, 160),
        gen_lookalike(parties, rng, 300),
        gen_generic_only(parties, rng, 200),
        gen_nomenklatura_checks(data),
        # own generator, so that adding it left the pairs above as they were
        gen_cross_script_negative(parties, random.Random(SEED + 1), 150),
    ]
    seen: set[tuple[str, str, str]] = set()
    for gen in gens:
        for pair in gen:
            pair.query = unicodedata.normalize("NFC", " ".join(pair.query.split()))
            key = (pair.query.lower(), pair.candidate.lower(), pair.query_country)
            if key in seen or not pair.query.strip():
                continue
            seen.add(key)
            pair.split = split_of(pair.origin)
            pairs.append(pair)
    return pairs


HEADER = """\
# Labelled screening pairs, generated by bench/make_screening_pairs.py (seed {seed}) from the
# lists in shared/data (OFAC SDN 2024-05-03 + ALT 2025-08, OFAC consolidated 2025-12, UN SC
# 2026-02-27, UK FCDO 2025-08-11, US CSL sample 2019) and shared/data/labelled (watchman
# cross-script pairs, nomenklatura entity bench checks). Columns: see the script's docstring.
# Several names on one side are separated by " | ". match: 1 same party, 0 different parties.
"""

COLUMNS = [
    "pair_id", "query", "candidate", "schema", "match", "category", "query_country",
    "candidate_country", "query_birth_date", "candidate_birth_date", "query_identifier",
    "candidate_identifier", "split", "origin",
]  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "data" / "screening_pairs.csv")
    args = ap.parse_args()
    pairs = build(args.data)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER.format(seed=SEED))
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(COLUMNS)
        for i, p in enumerate(pairs):
            w.writerow([
                f"p{i:05d}", p.query, p.candidate, p.schema, p.match, p.category, p.query_country,
                p.candidate_country, p.query_birth_date, p.candidate_birth_date,
                p.query_identifier, p.candidate_identifier, p.split, p.origin,
            ])  # fmt: skip
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for p in pairs:
        counts[p.category][p.match] += 1
    print(f"{len(pairs)} pairs -> {args.out}")
    for cat, (neg, pos) in sorted(counts.items()):
        print(f"  {cat:22} {pos:5} positive {neg:5} negative")


if __name__ == "__main__":
    main()
