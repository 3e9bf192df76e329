"""The tuned numbers of scoring, in one place: thresholds, weights, caps and penalties.

They were chosen on the dev half of tests/data/screening_pairs.csv and the tuning half of
tests/data/org_pairs.csv (bench/screening.py prints precision and recall around them).
`DEFAULT_CONFIG` is the one set in use; the scoring modules read it once, at import.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class ScoringConfig:
    """Every tuned constant of the matcher (see the fields' comments)."""

    #: Decision threshold: a hit at or above it is a match to review.
    threshold: float = 0.8
    #: Hits below this are not reported at all by `Screener.screen`.
    report_floor: float = 0.5
    #: Score of an equal identifier (before adding a share of the name score).
    identifier_score: float = 0.99
    #: Cap for names that agree only on generic words, legal forms or places.
    generic_cap: float = 0.5
    #: Score of two generic-only names that are equal after normalisation.
    generic_exact: float = 0.85
    #: Score lost per unit of token dissimilarity in a generic name.
    generic_typo: float = 0.25
    #: Weight of query tokens the entry lacks.
    query_extra: float = 1.0
    #: Class weight of a generic word the query has and the entry lacks: what a company does
    #: tells it apart ("Mahan Airlines" / "Mahan Travel", "Star Group" / "Star").
    query_generic_extra: float = 0.3
    #: ... when the entry has another word of the same kind in its place, a generic word for a
    #: generic word, a form descriptor for a form descriptor: the names say different things
    #: ("China Aerospace Science and Industry" / "... Science and Technology", "Aerospace
    #: Industries Association" / "... Organization"), not one of them more.
    query_generic_swapped: float = 0.6
    #: Class weight of the name of the entry's own country that the query has and the entry
    #: lacks ("DRDO India" / Defence Research and Development Organisation): it says little
    #: more than the entry's country; less than a city of it, which may name a branch.
    query_home_country_extra: float = 0.1
    #: Weight of entry tokens the query lacks (a brand against a full name).
    entry_extra: float = 0.5
    #: ... for a one-token person query against a longer name.
    entry_extra_person_single: float = 1.0
    #: ... for a multi-token person query fully matched.
    entry_extra_person_multi: float = 0.1
    #: Most entry-extra weight counted for such a person, relative to what matched.
    person_extra_cap: float = 1.5
    #: Cap when a short word is all the names have in common and the query says more.
    short_lone_cap: float = 0.78
    #: Factor of a name the list gives as a weak alias.
    weak_alias: float = 0.92
    #: Least score of an organisation's brand whose every word stands in the entry's name.
    brand_floor: float = 0.8
    #: Score of two Latin names whose words are the same letters split otherwise.
    compact_equal: float = 0.97
    #: Weight of an unmatched repetition of a matched token.
    repeated: float = 0.2
    #: Similarity of an acronym of three letters and the words it spells ("MTS" / "Mobile
    #: TeleSystems"): the score of a name that is the acronym of the other.
    sim_acronym: float = 0.82
    #: ... of four letters or more ("SMIC" / "Semiconductor Manufacturing International
    #: Corporation").
    sim_acronym_long: float = 0.86
    #: ... of two letters or a common word ("LG", "ACE") alone: below any threshold.
    sim_acronym_weak: float = 0.7
    #: ... of two letters or a common word beside another identifying word that matched
    #: ("UC Rusal" / "United Company RUSAL").
    sim_acronym_weak_beside: float = 0.8
    #: ... less this in a loose form: a word's first letters ("KEPCO" / "Korea Electric Power
    #: Corporation"), K for C, words after "and" or the last word left out.
    acronym_loose: float = 0.02
    #: ... of three letters in a loose form ("CGN" / "China General Nuclear Power
    #: Corporation"): below the threshold, unless the list knows the acronym as that name's.
    sim_acronym_loose_short: float = 0.78
    #: ... of an acronym the list gives as an organisation's name, that organisation writing
    #: it out in the same words (the acronym is known to be that name's).
    sim_acronym_known: float = 0.9
    #: An acronym the list gives as the name of organisations that write it out otherwise is
    #: weak evidence of other words, in a loose form or when shorter than this; a plain one
    #: this long is rarely another's by chance.
    acronym_distinct: int = 5
    #: An acronym that this many different names of the list spell is weak evidence of any.
    acronym_spellers: int = 4
    #: Similarity of a person's initials and the names they stand for, beside other names
    #: that matched ("JC Juncker" / "Jean-Claude Juncker").
    sim_initials_person: float = 0.8
    #: Most score of an acronym matched against an entry's alias that the entry also
    #: writes out, when the query's words are not the ones it writes.
    acronym_spelled_otherwise: float = 0.7
    #: Similarity of an abbreviated generic word ("intl" / "international").
    sim_abbreviation: float = 0.8
    #: Similarity of two four-letter names of a person one letter apart.
    sim_short_typo: float = 0.6
    #: ... when that letter is another first consonant ("Jong" / "Tong").
    sim_short_other: float = 0.3
    #: Similarity of a brand made of the first syllables of an organisation's words and
    #: those words ("Petrobras" / Petroleo Brasileiro; `standing.screening.contractions`).
    sim_contraction: float = 0.84
    #: Least similarity of joined neighbours against one token ("Hua Wei" / "Huawei").
    sim_joined: float = 0.85
    #: Least similarity of a pair of identifying words that makes a name more than generic.
    sim_significant: float = 0.7
    #: Least similarity of two whole names compared without spaces, and its factor.
    compact_least: float = 0.88
    compact_factor: float = 0.97
    #: Factor of the consonant skeletons' similarity of a name in Hangul.
    compact_skeleton: float = 0.95
    #: Factor of a person against a company, organisation or vessel.
    schema_conflict: float = 0.6
    #: Factors of disjoint known countries, for bodies and for people.
    country_conflict_org: float = 0.9
    #: ... in all, for an organisation whose listed name names its own country, which the query
    #: leaves out and is given in another ("Bank Saderat PLC" of the UK / "Bank Saderat Iran"):
    #: the same brand abroad, another legal entity (still reported).
    country_named_conflict_org: float = 0.8
    country_conflict_person: float = 0.95
    #: Factor of legal forms of different jurisdictions (sibling companies).
    legal_jurisdiction_conflict: float = 0.85
    #: Factor of a near name under another legal form (a near-brand or a sibling).
    near_other_form: float = 0.82
    #: Factor of two bodies of different kinds by their names ("... College" / "... College
    #: Hospital", "... Laboratory" / "... Establishment").
    body_kind_conflict: float = 0.78
    #: Most score of a body named by its place and kind alone against one the other name
    #: qualifies otherwise ("Istanbul University" / "Istanbul Technical University").
    place_body_cap: float = 0.75
    #: Factors of birth years more than one apart, and one apart.
    birth_conflict: float = 0.7
    birth_near: float = 0.9
    #: Share of the remaining distance to 1.0 gained by agreeing birth dates, from this score.
    birth_agree_gain: float = 0.5
    birth_agree_least: float = 0.6
    #: Factor of different identifiers under the same scheme.
    identifier_conflict: float = 0.85


DEFAULT_CONFIG: Final = ScoringConfig()

DEFAULT_THRESHOLD: Final = DEFAULT_CONFIG.threshold
REPORT_FLOOR: Final = DEFAULT_CONFIG.report_floor
IDENTIFIER_SCORE: Final = DEFAULT_CONFIG.identifier_score
GENERIC_CAP: Final = DEFAULT_CONFIG.generic_cap
GENERIC_EXACT: Final = DEFAULT_CONFIG.generic_exact
SIM_ACRONYM: Final = DEFAULT_CONFIG.sim_acronym
SIM_SHORT_TYPO: Final = DEFAULT_CONFIG.sim_short_typo
SIM_SHORT_OTHER: Final = DEFAULT_CONFIG.sim_short_other
