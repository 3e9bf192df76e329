"""The specificity guard (pure): does a text say something particular about its case?

Decisions' facts, appeal and reinstatement replies and lift reasons are judged with the
subject's names, identifiers, legal forms and account names taken out. What is left must carry
at least one checkable *particular* of the case -- a date or period, an amount, count or rate,
an identifier (list entry, case number, document, URL), a named third party, authority or act,
or a quoted claim -- and must not be close to generic text: the rule's title, criteria and
remedy, the shipped corpus of stock enforcement wording (``policies/boilerplate.yaml``), or
earlier texts. The same sentence sent to several subjects is caught as a template, and a reply
must take up something of the appeal it answers. The callers supply every text compared
against; nothing here reads a file or a database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz

from standing.errors import Invalid

#: The kinds of particular, in the order a refusal asks for them.
KINDS = ("date", "figure", "identifier", "name", "quote")

#: Share of the words left (names and particulars out) that one generic text covers, at or
#: above which a text is that generic text over again.
CLOSE = 0.72
#: The same, for the generic texts together (a patchwork of stock sentences).
CLOSE_ALL = 0.85
#: Share of the content words, with only dates or figures for particulars, that may be stock
#: wording before the dates and figures are taken as a notice's, not the case's.
STOCK_ONLY = 0.85
#: Share of a quote's words the appellant's text must have for the quote to be of it.
QUOTED = 0.7
#: Distinctive words of the appellant's a reply must take up, when it shares no particular.
TAKEN_UP = 2
#: Fewer words left than this are too few to judge closeness on.
MIN_CLOSE_WORDS = 4
#: Similarity (0..100) of two texts' skeletons (names, particulars masked) at or above which
#: they are the same template.
TEMPLATE = 90.0


@dataclass(frozen=True, slots=True)
class Particular:
    """One checkable particular: its kind, the text as written and a key to compare by."""

    kind: str
    text: str
    key: str
    unit: str = ""  # of a figure: the word after it ("percent", "days")


@dataclass(frozen=True, slots=True)
class Mentions:
    """How a text may name its subject: names and identifier values (with legal form), names
    without their legal form, and ids as written (subject, accounts, the decision)."""

    names: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Generic:
    """A generic text a judged text must not be close to, and how a refusal names it."""

    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Earlier:
    """An earlier text of another case (another subject's facts, another appeal's reply)."""

    ref: str  # how a refusal names it: "decision dec-...", "appeal apl-..."
    text: str


@dataclass(frozen=True, slots=True)
class Appealed:
    """What a reply answers: the appellant's text and attachments, and what the decision
    relies on (its facts and evidence)."""

    text: str
    attachments: tuple[str, ...] = ()
    facts: str = ""
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the guard found: the particulars of the text and the text it was judged on."""

    particulars: tuple[Particular, ...]
    stripped: str
    kinds: tuple[str, ...] = ()  # the kinds of particular found, in the order of ``KINDS``


# --- normalising -----------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)
_UNSPACED = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
)


def fold(text: str) -> str:
    """Lower case, no accents, words separated by single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_WORD.findall(text.casefold()))


def _words(text: str) -> list[str]:
    """Folded words; a run of a script written without spaces counts a word per character
    pair, so that closeness works on Japanese and Chinese text too."""
    out: list[str] = []
    for word in fold(text).split():
        if _UNSPACED.search(word):
            out += [word[i : i + 2] for i in range(0, len(word), 2)]
        else:
            out.append(word)
    return out


def unspaced(text: str) -> bool:
    """Whether ``text`` has a script written without spaces between words (Japanese, Chinese,
    Thai ...)."""
    return _UNSPACED.search(text) is not None


def comparable(text: str) -> str:
    """``text`` as fast fuzzy comparison takes it: folded words, Japanese and Chinese in
    character pairs."""
    return " ".join(_words(text))


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


# --- taking the subject out --------------------------------------------------------------------


def _legal_forms(text: str) -> set[str]:
    from rigour.names import extract_org_types

    return {form for _, form in extract_org_types(text)}


def strip_subject(text: str, mentions: Mentions) -> str:
    """``text`` with the subject's ids, names (with a legal form of its own after them) and
    names without legal form taken out. A name without its legal form followed by another
    legal form is another company and stays ("Acme GmbH" when the subject is "Acme Ltd")."""
    text = unicodedata.normalize("NFKC", text)
    for entity_id in sorted(set(mentions.ids), key=len, reverse=True):
        if entity_id:
            text = re.sub(rf"(?<![\w-]){re.escape(entity_id)}(?![\w-])", " ", text)
    own_forms = {f for n in mentions.names for f in _legal_forms(n)}
    for name in sorted({n for n in mentions.names if n.strip()}, key=len, reverse=True):
        text = _remove_name(text, name, None)
    for short in sorted({s for s in mentions.short if s.strip()}, key=len, reverse=True):
        text = _remove_name(text, short, own_forms)
    text = re.sub(r"\s+([,.;:!?)])", r"\1", " ".join(text.split()))
    return re.sub(r"^[,.;:]\s*|(?<=\w)\s*,(?=[,.;:])", "", text).strip()


def _remove_name(text: str, name: str, own_forms: set[str] | None) -> str:
    """Remove ``name`` (and a possessive after it) wherever it names the subject."""
    words = r"\s+".join(re.escape(w) for w in unicodedata.normalize("NFKC", name).split())
    unspaced = bool(_UNSPACED.search(name))
    # a name ends where a word does, or where Japanese or Chinese text follows it
    cjk = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    pattern = words if unspaced else rf"(?<![^\W{cjk}]){words}(?![^\W{cjk}])"
    pattern += r"(?:['\u2019]s\b)?"
    if own_forms is None:
        return re.sub(pattern, " ", text, flags=re.I)
    out, last = [], 0
    for match in re.finditer(pattern + r"(\s*,?\s*[\w.]+)?", text, flags=re.I):
        following = match.group(1) or ""
        word = following.strip(" ,")
        forms = _legal_forms(word) if word[:1].isupper() else set()
        if forms and not forms & own_forms:
            continue  # another company of that name
        end = match.end() if forms else match.end() - len(following)
        out.append(text[last : match.start()] + " ")
        last = end
    out.append(text[last:])
    return "".join(out)


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _set_list(words: str) -> list[str]:
    return words.split()


# --- particulars -------------------------------------------------------------------------------

_MONTHS = {
    # English, German, French, Spanish, Italian, Dutch, Portuguese, Polish (genitive),
    # Russian (genitive and nominative)
    1: "january jan januar janvier enero gennaio januari janeiro stycznia январь января",
    2: "february feb februar fevrier febrero febbraio februari fevereiro lutego февраль февраля",
    3: "march mar marz mars marzo maart marco marca март марта",
    4: "april apr avril abril aprile kwietnia апрель апреля",
    5: "may mai mayo maggio mei maio maja май мая",
    6: "june jun juni juin junio giugno junho czerwca июнь июня",
    7: "july jul juli juillet julio luglio julho lipca июль июля",
    8: "august aug aout agosto augustus sierpnia август августа",
    9: "september sep sept septembre septiembre settembre setembro wrzesnia сентябрь сентября",
    10: "october oct oktober octobre octubre ottobre oktober outubro pazdziernika октябрь октября",
    11: "november nov novembre noviembre novembro listopada ноябрь ноября",
    12: "december dec dezember decembre diciembre dicembre dezembro grudnia декабрь декабря",
}
_MONTH_OF = {name: number for number, names in _MONTHS.items() for name in names.split()}
_MONTH = r"(?P<month>[^\W\d_]{3,11})\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATES = [
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<dd>[0-3]?\d)[./](?P<mm>[01]?\d)[./](?P<year>(?:19|20)\d\d)(?!\d)"),
    re.compile(
        rf"(?<!\d)(?P<dd>[0-3]?\d)(?:\.|er|st|nd|rd|th|º)?\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?{_YEAR}"
    ),
    re.compile(rf"{_MONTH}\s+(?P<dd>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}"),
    re.compile(
        r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<mm>1[0-2]|0?[1-9])\s*月(?:\s*(?P<dd>[0-3]?\d)\s*日)?"
    ),
    re.compile(rf"{_MONTH}\s+(?:de\s+)?{_YEAR}"),
    re.compile(r"(?<![\w/-])(?P<q>Q[1-4]|H[12])\s+(?P<year>(?:19|20)\d\d)(?!\d)"),
    re.compile(r"(?<![\w/.,-])(?P<year>(?:19|20)\d\d)(?![\w/-]|[.,]\d)"),
    re.compile(r"(?<!\d)(?P<jmm>1[0-2]|0?[1-9])\s*月(?:\s*(?P<jdd>[0-3]?\d)\s*日)?"),
    re.compile(
        r"(?<!\d)(?P<ndd>[0-3]?\d)(?:\.|er|st|nd|rd|th|º)?\s+(?:de\s+)?"
        r"(?P<nomonth>[^\W\d_]{3,11})(?!\s*\d)"
    ),
    re.compile(
        r"(?i)(?<!\w)(?:in|since|until|during|from|to|en|depuis|im|seit|bis|ab|desde|durante|"
        r"в|с|до)\s+(?P<lone>[^\W\d_]{4,11})(?!\w)"
    ),
]
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"')\]]+"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|eu|int|io|de|fr|uk|ru|cn|jp|ch|nl|info|biz|shop)\b",
    re.I,
)
_QUOTES = [
    re.compile(r"\u201c([^\u201d]{3,})\u201d"),
    re.compile(r"\u201e([^\u201c\u201d]{3,})[\u201c\u201d]"),
    re.compile(r"\u00ab\s?([^\u00bb]{3,}?)\s?\u00bb"),
    re.compile(r"[\u300c\u300e]([^\u300d\u300f]{2,})[\u300d\u300f]"),
    re.compile(r'"([^"]{3,})"'),
    re.compile(r"(?<!\w)'([^']{3,}?)'(?!\w)"),
    re.compile(r"(?<!\w)\u2018([^\u2019]{3,}?)\u2019(?!\w)"),
]
#: A figure of the platform's own procedure, not of the case ("within 14 days").
_PROCEDURAL = re.compile(
    r"\b(?:within|in|after)\s+(?:the\s+next\s+)?\d+\s+(?:business\s+|working\s+|calendar\s+)?"
    r"(?:days?|hours?|weeks?)\b",
    re.I,
)
_TOKEN = re.compile(r"[^\W_][\w/#:.,&-]*[^\W_]|\d", re.UNICODE)
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:[.,]\d+)?$")
#: Nouns after which a bare number is an identifier, not a figure.
_ID_NOUNS = _set(
    """
    no nr number entry case ticket reference ref order invoice file docket register section
    article art paragraph para rule regulation resolution directive law act item list id
    registration record report claim complaint version programme program
    """
)
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        _set_list(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        )
    )
    if i >= 2
} | {
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
    "hundreds": "100s",
    "dozen": "12",
    "dozens": "12s",
    "thousand": "1000",
    "thousands": "1000s",
    "million": "1e6",
    "millions": "1e6s",
    "billion": "1e9",
    "billions": "1e9s",
    "twice": "2",
}
#: Capitalised words that name nobody: forms of address, the platform's own vocabulary of
#: stock notices, labels of identifiers, calendar words.
_NOT_NAMES = _set(
    """
    i we our us you your dear hello hi thank thanks regards sincerely kind best team ads ad
    advertising advertiser advertisers advertisement advertisements policy policies terms
    term service services community standards standard guidelines guideline rules rule
    platform trust safety integrity support help center centre business businesses manager
    account accounts page pages commerce marketplace customer customers partner partners
    review reviewer appeal appeals decision decisions notice statement reasons reason
    restriction restrictions enforcement compliance legal operations internet online web
    the a an this that these those it its he she they their his her following after before
    upon unfortunately please note however therefore as per in on at by for with from to of
    and or but if when while we've company companies program programme requirements
    requirement agreement hub portal tools network networks monday tuesday wednesday
    thursday friday saturday sunday today yesterday tomorrow inn ogrn lei vat ein kpp cik
    duns id ids url urls faq ok pdf png jpeg utc gmt eur usd gbp rub jpy cny chf am pm no
    nr ref art para sec section article annex acceptable unacceptable prohibited restricted
    practices practice conduct activity activities content product products identity
    verification eligibility eligible ineligible violation violations breach die das den
    dem ein eine einer eines le la les un une el los las sie ihr ihre ihres ihrer ihnen
    ihren ihrem wir uns unser unsere sehr geehrte geehrter
    """
)
#: Words that carry no matter of their own (English; other languages' are short or rare here).
_FUNCTION = _set(
    """
    the a an and or but nor of to in on at by for with from into onto over under about after
    before since until than then that this these those there here which who whom whose what
    when where while why how is are was were be been being has have had having do does did
    will would shall should can could may might must not no yes also very just only still
    your yours you we our ours us they them their theirs its his her it he she i me my
    any all each every some such other another more most less least same own so as if
    because therefore however thus hence upon within without again further once now today
    """
)
#: Words any answer to an appeal uses, whatever the appeal said.
_ANSWERING = _set(
    """
    appeal appeals appealed review reviewed reviewing decision decisions decided account
    accounts policy policies advertising restriction restrictions restricted case cases
    information evidence request requests team platform rules believe think consider
    considered stands upheld overturned remain remains lifted lift ends business company
    customers users please thank thanks regards dear sincerely complies comply compliance
    """
)
#: German authorities and courts are often one word.
_GERMAN_AUTHORITY = re.compile(
    r"(?:amt|agentur|behörde|gericht|gerichtshof|ministerium|zentrale|aufsicht|anstalt|"
    r"kammer|verband|kommission)$",
    re.I,
)
#: Endings of German common nouns (Prüfung, Sicherheit, Gesellschaft, Information).
_GERMAN_NOUN = re.compile(
    r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|nis|nisse|ismus)$",
    re.I,
)
_CONNECTORS = _set(
    """
    of the for and de du des la le von der van di del da y & on
    """
)
_GERMAN = _set(
    """
    der die das den dem des und nicht wurde wurden gegen unsere unserer mit ist sind für
    dass wir ihr ihre ihres ihrer ihnen nach bei von zu auf aus eine ein einer haben hat
    wird werden bleibt auch als oder im am vom zum zur
    """
)
#: Japanese and Chinese names of authorities, acts and companies: a few Han characters and the
#: word for ministry, agency, bureau, commission, court, directive, bank, company, association,
#: or an act (three characters or more before "law", not "cannot", "method", "illegal" ...).
_CJK_NAME = re.compile(
    r"[\u4e00-\u9fff]{1,8}(?:省|庁|局|委員会|委员会|裁判所|法院|指令|銀行|银行|公司|会社|協会|协会)"
    r"|[\u4e00-\u9fff]{3,8}(?<![无無办辦方合非违違立司宪憲])法(?!人)"
)
_SENTENCE_BREAK = re.compile(
    r"(?:^|[.!?;:\u3002\uff01\uff1f]\s+|\n\s*|[(\[\"\u201c\u201e\u00ab]\s*)$"
)


def _date_key(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    if parts.get("lone"):  # a month without a year: "in April", "en juin"
        lone = _MONTH_OF.get(fold(parts["lone"]))
        return f"M-{lone:02d}" if lone is not None else None
    if parts.get("nomonth"):  # a day without a year: "12 September", "1er juillet"
        named = _MONTH_OF.get(fold(parts["nomonth"]))
        nth = int(parts["ndd"])
        return f"M-{named:02d}-{nth:02d}" if named is not None and 1 <= nth <= 31 else None
    if parts.get("jmm"):  # 9月, 9月12日
        key = f"M-{int(parts['jmm']):02d}"
        return key + (f"-{int(parts['jdd']):02d}" if parts.get("jdd") else "")
    year = parts.get("year") or ""
    if parts.get("q"):
        return f"{year}-{parts['q'].upper()}"
    month: int | None = None
    if parts.get("month"):
        month = _MONTH_OF.get(fold(parts["month"]).replace(" ", ""))
        if month is None:
            return None  # not a month: "Section 2018", "Kaspersky 2017"
    elif parts.get("mm"):
        month = int(parts["mm"])
        if not 1 <= month <= 12:
            return None
    day = int(parts["dd"]) if parts.get("dd") else None
    if day is not None and not 1 <= day <= 31:
        return None
    key = year
    if month is not None:
        key += f"-{month:02d}"
        if day is not None:
            key += f"-{day:02d}"
    return key


_UNITS = {"%": "percent", "per": "percent", "prozent": "percent", "pour": "percent"}


def _unit(after: str) -> str:
    """The unit of a figure: the word after it, folded ("%" and its spellings are "percent")."""
    match = re.match(r"\s*(%|[^\W\d_]+)", after)
    if match is None:
        return ""
    word = fold(match.group(1)) if match.group(1) != "%" else "%"
    return _UNITS.get(word, word.rstrip("s"))


def _number_key(token: str) -> str:
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", token):
        token = token.replace(",", "")
    return token.replace(",", ".").lstrip("0") or "0"


def _id_key(token: str) -> str:
    return re.sub(r"[\W_]+", "", fold(token))


@lru_cache(maxsize=4096)
def _is_country(word: str) -> bool:
    from followthemoney import registry

    return len(word) > 3 and registry.country.clean_text(word) is not None


def _sentence_start(text: str, start: int) -> bool:
    return _SENTENCE_BREAK.search(text[:start]) is not None


def particulars(text: str, not_names: frozenset[str] = frozenset()) -> tuple[Particular, ...]:
    """Every checkable particular of ``text`` (see ``KINDS``). ``not_names`` are further folded
    words that name nobody (the vocabulary of stock wording)."""
    text = unicodedata.normalize("NFKC", text)
    found: list[Particular] = []
    rest = text
    for pattern in _QUOTES:
        for match in pattern.finditer(rest):
            inner = match.group(1)
            if len(inner.split()) >= 2 or len(_UNSPACED.findall(inner)) >= 4:
                found.append(Particular("quote", inner.strip(), fold(inner)))
                rest = _blank(rest, match.start(), match.start() + 1)
                rest = _blank(rest, match.end() - 1, match.end())
    for match in _URL.finditer(rest):
        url = match.group(0).rstrip(".,;:")
        key = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower()).rstrip("/")
        found.append(Particular("identifier", url, key))
        rest = _blank(rest, match.start(), match.end())
    for pattern in _DATES:
        for match in pattern.finditer(rest):
            day = _date_key(match)
            if day is not None:
                found.append(Particular("date", match.group(0), day))
                rest = _blank(rest, match.start(), match.end())
    for match in _PROCEDURAL.finditer(rest):
        rest = _blank(rest, match.start(), match.end())
    previous = ""
    spaced = _UNSPACED.sub(" ", rest)  # digits inside Japanese or Chinese text stand alone
    for match in _TOKEN.finditer(spaced):
        token = match.group(0).rstrip(".,:")
        if any(c.isdigit() for c in token):
            if _NUMBER.match(token):
                if fold(previous) in _ID_NOUNS or previous in ("#", "§", "No.", "no."):
                    found.append(Particular("identifier", token, _id_key(token)))
                else:
                    after = spaced[match.start() + len(token) :]
                    found.append(Particular("figure", token, _number_key(token), _unit(after)))
            else:
                found.append(Particular("identifier", token, _id_key(token)))
            rest = _blank(rest, match.start(), match.start() + len(token))
        elif token.casefold() in _NUMBER_WORDS:
            after = spaced[match.start() + len(token) :]
            found.append(Particular("figure", token, _NUMBER_WORDS[token.casefold()], _unit(after)))
        previous = token
    found += _names(rest, not_names)
    return tuple(found)


def _names(text: str, not_names: frozenset[str]) -> list[Particular]:
    """Named third parties, authorities, acts and places: acronyms, runs of capitalised words
    (a single one not at the start of a sentence; in German text, where every noun has a
    capital, two that are no common nouns), other companies (a name and a legal form), country
    names, German one-word authorities, and in Japanese and Chinese the names of authorities,
    acts and companies."""
    german = len({w for w in fold(text).split() if w in _GERMAN}) >= 2
    stop = _NOT_NAMES | not_names
    out: list[Particular] = []
    for match in _CJK_NAME.finditer(text):
        out.append(Particular("name", match.group(0), fold(match.group(0))))
    tokens = [
        (m.group(0), m.start()) for m in re.finditer(r"[^\W\d_][\w'’&.-]*[^\W_]|[^\W\d_]", text)
    ]
    i = 0
    while i < len(tokens):
        word, start = tokens[i]
        if not (word[0].isupper() and not _UNSPACED.search(word)):
            i += 1
            continue
        run = [word]
        j = i + 1
        while j < len(tokens):
            nxt = tokens[j][0]
            between = text[tokens[j - 1][1] + len(tokens[j - 1][0]) : tokens[j][1]]
            if re.search(r"[.!?;:,()\"]", between):
                break
            if (nxt[0].isupper() and not _UNSPACED.search(nxt)) or (
                nxt.casefold() in _CONNECTORS
                and j + 1 < len(tokens)
                and tokens[j + 1][0][0].isupper()
            ):
                run.append(nxt)
            else:
                break
            j += 1
        initial = _sentence_start(text, start)
        significant = [
            w
            for w in run
            if fold(w) not in stop and w.casefold() not in _CONNECTORS and fold(w) not in _MONTH_OF
        ]
        if not significant:
            counts = False
        elif any(len(w) >= 2 and w.isupper() for w in significant) or any(
            _is_country(w) for w in significant
        ):
            counts = True  # an acronym (DHS, OFAC) or a country
        elif any(_GERMAN_AUTHORITY.search(w) for w in significant):
            counts = True  # Bundesnetzagentur, Landgericht, Kartellamt
        elif len(run) >= 2 and any(_legal_forms(w) for w in run[1:]):
            counts = True  # another company: "Acme GmbH", "Kaspersky Lab, Inc."
        elif german:  # German capitalises every noun: two that are no common nouns
            counts = len([w for w in significant if not _GERMAN_NOUN.search(w)]) >= 2
        elif initial:  # a capital that may only start a sentence
            counts = len(significant) >= 2
        else:
            counts = True
        if counts:
            phrase = " ".join(run)
            out.append(Particular("name", phrase, " ".join(fold(w) for w in significant)))
        i = j
    return out


# --- comparing ---------------------------------------------------------------------------------


def _residue(stripped: str, found: Sequence[Particular]) -> list[str]:
    """The words of ``stripped`` that are neither particulars nor names."""
    text = stripped
    for p in found:
        text = text.replace(p.text, " ") if p.kind != "quote" else text
    return _words(text)


def _coverage(words: Sequence[str], generic: Sequence[str]) -> list[bool]:
    covered = [False] * len(words)
    matcher = SequenceMatcher(None, words, generic, autojunk=False)
    for block in matcher.get_matching_blocks():
        if block.size >= 2 or (block.size == 1 and len(words[block.a]) > 3):
            for k in range(block.a, block.a + block.size):
                covered[k] = True
    return covered


def closest(words: Sequence[str], generic: Iterable[Generic]) -> tuple[Generic | None, float]:
    """The generic text that covers most of ``words``, and how much; a patchwork of generic
    texts counts at the union's share above ``CLOSE_ALL``."""
    if len(words) < MIN_CLOSE_WORDS:
        return None, 0.0
    best: tuple[Generic | None, float] = (None, 0.0)
    union = [False] * len(words)
    joined = " ".join(words)
    for g in generic:
        gwords = _generic_words(g.text)
        if fuzz.partial_token_set_ratio(joined, " ".join(gwords)) < 50:
            continue
        covered = _coverage(words, gwords)
        share = sum(covered) / len(words)
        union = [a or b for a, b in zip(union, covered, strict=True)]
        if share > best[1]:
            best = (g, share)
    if best[1] < CLOSE and sum(union) / len(words) >= CLOSE_ALL:
        return best[0], sum(union) / len(words)
    return best


@lru_cache(maxsize=64)
def _vocabulary(texts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for t in texts for w in _words(t))


@lru_cache(maxsize=1024)
def _generic_words(text: str) -> list[str]:
    return _words(text)


def skeleton(text: str) -> str:
    """The text with particulars and capitalised words masked: what stays the same when a
    template is filled in for another subject."""
    found = particulars(text)
    for p in sorted(found, key=lambda p: len(p.text), reverse=True):
        text = text.replace(p.text, f" {p.kind.upper()} ")
    text = re.sub(r"(?<![\w])[@#]?[\w.-]*[-_@][\w.-]*", " ID ", text)
    words = [w if not w[:1].isupper() else "N" for w in _WORD.findall(text)]
    return " ".join(w.casefold() for w in words)


def vocabulary(generic: Iterable[Generic]) -> frozenset[str]:
    """The folded words of generic texts: capitalised there, they name nobody in particular."""
    return frozenset(w for g in generic for w in fold(g.text).split())


# --- judging ---------------------------------------------------------------------------------

_MISSING = "no date, figure, document or list entry of this case"
_ASK = (
    "say when (a date or period), how much or how many (an amount, count or rate), which "
    "document, list entry, case number or URL, who else (a named authority, act or third "
    "party), or quote the claim"
)


def _snippet(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def judge(
    field: str,
    text: str,
    mentions: Mentions,
    generic: Sequence[Generic] = (),
    rule_texts: Sequence[str] = (),
    stock: frozenset[str] = frozenset(),
) -> Verdict:
    """Judge ``text`` on its own: particulars left once the subject is taken out, and not close
    to a generic text. ``rule_texts`` are the rule's own texts: their figures and identifiers
    (its thresholds) are not particulars of the case. ``stock`` is the vocabulary of stock
    wording (see ``vocabulary``). Raises ``Invalid`` naming what is missing."""
    stripped = strip_subject(text, mentions)
    found = particulars(stripped, stock)
    own = {
        (p.key, p.unit)
        for t in rule_texts
        for p in particulars(t)
        if p.kind in ("figure", "identifier")
    }
    case = tuple(p for p in found if (p.key, p.unit) not in own)
    words = _residue(stripped, found)
    near, share = closest(words, generic)
    close = near is not None and share >= CLOSE
    if not case:
        said = _snippet(stripped) or "nothing"
        also = f"; it is close to {near.label}" if close and near is not None else ""
        raise Invalid(
            f"{field}: {_MISSING}: with the subject's names taken out it says "
            f'"{said}", which could be said of anyone{also}; {_ASK}'
        )
    strong = any(p.kind != "date" for p in case)  # a notice's date is no fact of the case
    content = [w for w in words if len(w) >= 3 and w not in _FUNCTION]
    if not strong and content and not close:
        # stock wording, not the rule's words: "the extract of 3 October" is the case's talk
        known = stock or _vocabulary(tuple(g.text for g in generic))
        if sum(w in known for w in content) >= STOCK_ONLY * len(content):
            dated = ", ".join(p.text for p in case)
            raise Invalid(
                f"{field}: {_MISSING}: besides {dated}, every word of it is stock enforcement "
                f'wording ("{_snippet(stripped)}"), which dates a notice but says nothing of '
                f"the case; {_ASK}"
            )
    if close and near is not None:
        raise Invalid(
            f'{field}: close to {near.label} ("{_snippet(near.text)}"): '
            f"{round(share * 100)} % of its words, the subject's names and the particulars "
            f"taken out, are that text; state the particulars of this case in your own words"
        )
    return Verdict(case, stripped, tuple(k for k in KINDS if any(p.kind == k for p in case)))


def template_of(text: str, own: Sequence[Particular], earlier: Iterable[Earlier]) -> Earlier | None:
    """The earlier text ``text`` repeats as a template: the same skeleton, and no particular
    of its own that the earlier text does not have."""
    mine = skeleton(text)
    keys = {p.key for p in own}
    for previous in earlier:
        theirs_skeleton = skeleton(previous.text)
        alike = fuzz.ratio(mine, theirs_skeleton) >= TEMPLATE or (
            # the earlier text with its subject's name, which no capital marks in every script
            len(mine) >= 0.6 * len(theirs_skeleton)
            and fuzz.partial_ratio(mine, theirs_skeleton) >= 95
        )
        if not alike:
            continue
        theirs = {p.key for p in particulars(previous.text)}
        if keys <= theirs or not keys - theirs - {p.key for p in own if p.kind == "name"}:
            return previous
    return None


def judge_facts(
    facts: str,
    mentions: Mentions,
    generic: Sequence[Generic] = (),
    rule_texts: Sequence[str] = (),
    earlier: Iterable[Earlier] = (),
    stock: frozenset[str] = frozenset(),
) -> Verdict:
    """Facts of a decision: specific on their own, and no template sent to other subjects
    (``earlier``: other subjects' facts)."""
    verdict = judge("facts", facts, mentions, generic, rule_texts, stock)
    found = template_of(verdict.stripped, verdict.particulars, earlier)
    if found is not None:
        raise Invalid(
            f"facts: the same text as {found.ref} on another subject, with the names taken "
            f"out; a template sent to several subjects says nothing of this case: {_ASK}"
        )
    return verdict


def _atoms(found: Iterable[Particular]) -> set[str]:
    """What particulars are compared by: their keys, the digit groups of identifiers and the
    words of names."""
    out: set[str] = set()
    for p in found:
        if p.kind == "date":
            out.add(f"date:{p.key}")
        elif p.kind == "name":
            out |= {f"name:{w}" for w in p.key.split() if len(w) >= 3}
        elif p.kind == "quote":
            out.add(f"quote:{p.key}")
        else:
            out.add(f"num:{p.key}")
            out |= {f"num:{d.lstrip('0') or '0'}" for d in re.findall(r"\d{2,}", p.key)}
    return out


def _shares(mine: Iterable[Particular], theirs: Iterable[Particular]) -> bool:
    a, b = _atoms(mine), _atoms(theirs)
    if a & b:
        return True
    dates_a = [x[5:] for x in a if x.startswith("date:")]
    dates_b = [x[5:] for x in b if x.startswith("date:")]
    return any(_same_day_or_month(x, y) for x in dates_a for y in dates_b)


def _same_day_or_month(x: str, y: str) -> bool:
    """Whether two date keys name the same month or day: "2017-09" and "2017-09-13" do, and a
    month or day given without its year ("M-09-13") matches it in any year."""
    if x.startswith("M-") or y.startswith("M-"):
        x, y = (k[2:] if k.startswith("M-") else k[5:] for k in (x, y))
        return len(x) >= 2 and len(y) >= 2 and (x.startswith(y) or y.startswith(x))
    return len(min(x, y, key=len)) >= 7 and (x.startswith(y) or y.startswith(x))


def _quotes_claim(found: Iterable[Particular], text: str) -> bool:
    """Whether a quote of ``found`` is the appellant's: most of its words are in ``text``."""
    said = set(_words(text))
    for p in found:
        words = _words(p.text) if p.kind == "quote" else []
        if len(words) >= 3 and sum(w in said for w in words) >= QUOTED * len(words):
            return True
    return False


def _takes_up(reply: str, text: str) -> bool:
    """Whether ``reply`` takes up enough of the appellant's own words: words of four letters or
    more that are neither function words nor the vocabulary of answering an appeal."""
    mine = {w for w in _words(reply) if _distinctive(w)}
    theirs = {w for w in _words(text) if _distinctive(w)}
    return len(mine & theirs) >= TAKEN_UP


def _distinctive(word: str) -> bool:
    return len(word) >= 4 and not _UNSPACED.search(word) and word not in _FUNCTION | _ANSWERING


def judge_reply(
    reply: str,
    mentions: Mentions,
    appealed: Appealed,
    generic: Sequence[Generic] = (),
    rule_texts: Sequence[str] = (),
    earlier: Iterable[Earlier] = (),
    stock: frozenset[str] = frozenset(),
) -> Verdict:
    """A reply to an appeal or a reinstatement request: specific on its own, not an earlier
    reply again (``earlier``: other appeals' replies), and engaging with the appeal: it shares
    a particular with the appellant's text or attachments or with the decision's facts or
    evidence, or quotes the claim it answers."""
    decision = Generic("the decision's own facts", appealed.facts) if appealed.facts else None
    verdict = judge(
        "reply", reply, mentions, (*generic, *([decision] if decision else [])), rule_texts, stock
    )
    found = template_of(verdict.stripped, verdict.particulars, earlier)
    if found is not None:
        raise Invalid(
            f"reply: repeats an earlier reply ({found.ref}), with the names taken out; "
            "answer this appeal's own points"
        )
    sources = [appealed.text, *appealed.attachments, appealed.facts, *appealed.evidence]
    theirs = [p for s in sources if s for p in particulars(strip_subject(s, mentions), stock)]
    said = " ".join([appealed.text, *appealed.attachments])
    if not (
        _shares(verdict.particulars, theirs)
        or _quotes_claim(verdict.particulars, said)
        or _takes_up(verdict.stripped, strip_subject(said, mentions))
    ):
        raise Invalid(
            "reply: takes up nothing the appellant wrote or the decision relies on: share a "
            "date, figure, document or name with the appeal, its attachments or the decision's "
            "evidence, or quote the claim you answer"
        )
    return verdict


def judge_reason(
    reason: str,
    mentions: Mentions,
    generic: Sequence[Generic] = (),
    stock: frozenset[str] = frozenset(),
) -> Verdict:
    """The reason a decision is lifted: a particular of the case (the remedy's figures count:
    a reason may say the remedy is met), and no stock wording."""
    return judge("reason", reason, mentions, generic, (), stock)
