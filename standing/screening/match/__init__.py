"""Scoring a party against list entries: a 0..1 score and the features a reviewer reads.

`Matcher.score(query, entry)` compares every name of the query with every name of the entry
(after `standing.screening.normalize`) and keeps the best pair, then adjusts for the other
evidence:

- names: tokens are aligned one-to-one (exact, initial, edit distance, inflection prefix,
  phonetic; see `standing.screening.similarity`), under the script model of the pair when
  one side was written in Arabic script, Hebrew, Hangul or Han (`script_mode`: letter
  classes of the abjad, Korean and Chinese syllable spellings;
  `standing.screening.romanize`); joined neighbours are tried for split spellings ("Hua Wei"
  / "Huawei", "حزب الله" / "Hezbollah"), and an abjad name is also compared whole, spaces
  and attached articles ignored ("Salahaldin"); a country's adjective stands for the country
  ("Iraqi" / "Iraq", "Egyptian" / "Egypt": an Arabic name's nisba adjective, المصرف العراقي,
  where the English name gives the country, Trade Bank of Iraq). A list name that gives alternatives
  ("Al-Qa'ida/Islamic Army") is compared by each part too, and a name in kanji or kana by
  its Japanese reading too. In an organisation's name, an acronym stands for the words it
  spells, either way round ("MTS" / "Mobile TeleSystems", "SMIC" / "Semiconductor
  Manufacturing International Corporation": 0.82 for three letters, 0.86 for more; two
  letters or a common word 0.7 alone, 0.8 beside another word that matched), capped at 0.7
  when the entry writes its acronym out in other words; abbreviations of the table ("Intl",
  "Mfg", "Dr") match their words (`alignment`). In a person's name, a leftover four-letter
  name one letter off its counterpart counts for part ("Ssad" / "Asad"), and a given name
  and surname found within a long listed name (father's, grandfather's, tribal names) are
  not outweighed by the names the query lacks. A whole query name never counts as an entry's
  initial while one of the entry's whole names is left over ("David Lee" / "David L.
  Maricola"), and the later part of a hyphenated surname without its first part counts
  little ("John Smith" / "John B. Pridmore-Smith"). Each token weighs its rarity in the
  indexed list (IDF) times its class weight (generic words and places count little). The
  name score is covered / (covered + lost + unmatched query weight + a share of unmatched
  entry weight): a query that is a brand or short form of the entry's full legal name
  ("Siemens" / "Siemens Aktiengesellschaft", "Kaspersky Lab" / "AO Kaspersky Lab") scores
  high because legal forms are set apart and generic leftovers of the entry weigh little
  (those of the query more: "Mahan Airlines" is not "Mahan Travel"; and those of the entry
  in full when the query is itself a description in generic words and places: "Syrian Oil
  Company" is no brand of the Syrian Company for Oil Transport), while a single given
  name against a full person name does not, nor does a short word alone when the query says
  more ("Star Group" / "Star"). A token repeated in one name ("Sergey Sergey Shoigu") counts
  little the second time. Names whose matched tokens are all generic ("International Trading
  Company") are capped below any threshold, unless both are the same generic name, typos
  aside ("Gupo W" / "Grupo W"); a generic query never matches a name with an identifying
  word. The acronym of the body a listed one belongs to, in capitals before its whole name
  ("ISRO Vikram Sarabhai Space Centre"), weighs nothing; that acronym alone is not the
  body ("AVIC" / "AVIC Shenyang Aircraft Design and Research Institute"). A body named by its place
  and kind alone is another body when the other name qualifies it ("Istanbul University" /
  "Istanbul Technical University"). The best name is chosen
  after the legal-form check, so an alias never lowers a
  score; joint-stock forms (AO, OAO, ZAO, PAO, JSC, OJSC, CJSC, PJSC) are one family.
- the other evidence -- identifiers, birth dates, countries and the jurisdictions of legal
  forms, the kinds of body the names say (a college is not its hospital), schema -- raises
  or lowers the name score (`adjustments`).

`Screener` holds a `NameIndex` over one list version and screens queries through it (no scan
of every entry); `PartyIndex` does the reverse for re-screening parties after a list update.

The modules, one job each: `parties` (`Query`, `Prepared`), `alignment` (which tokens stand
for which), `scoring` (the name score of an alignment, `compare_names`), `evidence`
(`NameScore`, `TokenPair`, explanations), `adjustments` (identifiers, birth dates,
countries, legal forms, schema), `screener` (`Matcher`, `Screener`, `PartyIndex`) and
`config` (the tuned numbers, `ScoringConfig`).
"""

from standing.screening.match.adjustments import adjust, legal_conflict
from standing.screening.match.alignment import script_mode
from standing.screening.match.config import (
    DEFAULT_CONFIG,
    DEFAULT_THRESHOLD,
    GENERIC_CAP,
    GENERIC_EXACT,
    IDENTIFIER_SCORE,
    REPORT_FLOOR,
    SIM_ACRONYM,
    SIM_SHORT_OTHER,
    SIM_SHORT_TYPO,
    ScoringConfig,
)
from standing.screening.match.evidence import NameScore, TokenPair, explain_name
from standing.screening.match.parties import (
    Prepared,
    Query,
    entry_kind,
    name_variants,
    normalize_identifier,
    schema_kind,
)
from standing.screening.match.scoring import (
    FlatWeights,
    TokenWeights,
    compare_names,
    compound_surnames,
)
from standing.screening.match.screener import Matcher, MatchResult, PartyIndex, Screener
from standing.screening.normalize import place_country
from standing.screening.similarity import ScriptMode

__all__ = [
    "DEFAULT_CONFIG",
    "DEFAULT_THRESHOLD",
    "GENERIC_CAP",
    "GENERIC_EXACT",
    "IDENTIFIER_SCORE",
    "REPORT_FLOOR",
    "SIM_ACRONYM",
    "SIM_SHORT_OTHER",
    "SIM_SHORT_TYPO",
    "FlatWeights",
    "MatchResult",
    "Matcher",
    "NameScore",
    "PartyIndex",
    "Prepared",
    "Query",
    "ScoringConfig",
    "Screener",
    "ScriptMode",
    "TokenPair",
    "TokenWeights",
    "adjust",
    "compare_names",
    "compound_surnames",
    "entry_kind",
    "explain_name",
    "legal_conflict",
    "name_variants",
    "normalize_identifier",
    "place_country",
    "schema_kind",
    "script_mode",
]
