"""The DSA Transparency Database submission schema of 1 July 2025 (API v2), and its rules.

The values and rules are those of the Commission's open-source application
(``digital-services-act/transparency-database``: the enumerations of ``app/Models/Statement.php``
and ``app/Services/European*Service.php``, the validation of
``app/Http/Requests/StatementStoreRequest.php``, the API documentation in
``resources/markdown/``). ``validate_record`` applies those rules to one record and returns every
violation, so nothing the database would refuse is ever written or sent. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

#: The schema these values and rules belong to.
SCHEMA_VERSION = "2025-07-01"
#: The latest date any date field may carry (``before_or_equal:2038-01-01``).
LAST_DATE = date(2038, 1, 1)
FIRST_CONTENT_DATE = date(2000, 1, 1)
FIRST_APPLICATION_DATE = date(2020, 1, 1)
#: Statements per call of the "multiple" endpoint.
MAX_PER_CALL = 100

STATEMENT_CATEGORIES: dict[str, str] = {
    "STATEMENT_CATEGORY_ANIMAL_WELFARE": "Animal welfare",
    "STATEMENT_CATEGORY_CONSUMER_INFORMATION": "Consumer information infringements",
    "STATEMENT_CATEGORY_CYBER_VIOLENCE": "Cyber violence",
    "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN": "Cyber violence against women",
    "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS": (
        "Data protection and privacy violations"
    ),
    "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH": "Illegal or harmful speech",
    "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS": "Intellectual property infringements",
    "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS": (
        "Negative effects on civic discourse or elections"
    ),
    "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE": (
        "Type of alleged illegal content not specified by the notifier"
    ),
    "STATEMENT_CATEGORY_OTHER_VIOLATION_TC": "Other violation of provider's terms and conditions",
    "STATEMENT_CATEGORY_PROTECTION_OF_MINORS": "Protection of minors",
    "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY": "Risk for public security",
    "STATEMENT_CATEGORY_SCAMS_AND_FRAUD": "Scams and/or fraud",
    "STATEMENT_CATEGORY_SELF_HARM": "Self-harm",
    "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS": (
        "Unsafe, non-compliant or prohibited products"
    ),
    "STATEMENT_CATEGORY_VIOLENCE": "Violence",
}

#: Categories of the earlier schema, and what the changelog of 1 July 2025 maps them to.
REMOVED_CATEGORIES: dict[str, str | None] = {
    "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE": "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
    "STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS": (
        "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS"
    ),
    "STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR": "STATEMENT_CATEGORY_CYBER_VIOLENCE",
    "STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT": None,
}

#: The keywords (``category_specification``).
KEYWORDS: dict[str, str] = {
    "KEYWORD_ANIMAL_HARM": "Animal harm",
    "KEYWORD_ADULT_SEXUAL_MATERIAL": "Adult sexual material",
    "KEYWORD_AGE_SPECIFIC_RESTRICTIONS": "Age-specific restrictions",
    "KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS": "Age-specific restrictions concerning minors",
    "KEYWORD_BIOMETRIC_DATA_BREACH": "Biometric data breach",
    "KEYWORD_BULLYING_AGAINST_GIRLS": "Cyber bullying and intimidation against girls",
    "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL": "Child sexual abuse material",
    "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE": (
        "Child sexual abuse material containing deepfake or similar technology"
    ),
    "KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS": "Content promoting eating disorders",
    "KEYWORD_COORDINATED_HARM": "Coordinated harm",
    "KEYWORD_COPYRIGHT_INFRINGEMENT": "Copyright infringements",
    "KEYWORD_CYBER_BULLYING_INTIMIDATION": "Cyber bullying and intimidation",
    "KEYWORD_CYBER_HARASSMENT": "Cyber harassment",
    "KEYWORD_CYBER_HARASSMENT_AGAINST_WOMEN": "Cyber harassment against women",
    "KEYWORD_CYBER_INCITEMENT": "Cyber incitement to hatred or violence",
    "KEYWORD_CYBER_STALKING": "Cyber stalking",
    "KEYWORD_CYBER_STALKING_AGAINST_WOMEN": "Cyber stalking against women",
    "KEYWORD_DATA_FALSIFICATION": "Data falsification",
    "KEYWORD_DEFAMATION": "Defamation",
    "KEYWORD_DESIGN_INFRINGEMENT": "Design infringements",
    "KEYWORD_DISCRIMINATION": "Discrimination",
    "KEYWORD_MISINFORMATION_DISINFORMATION": (
        "Misinformation, disinformation, foreign information manipulation and interference"
    ),
    "KEYWORD_FEMALE_GENDERED_DISINFORMATION": "Gendered disinformation",
    "KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT": "Geographic indications infringements",
    "KEYWORD_GEOGRAPHICAL_REQUIREMENTS": "Geographical requirements",
    "KEYWORD_GOODS_SERVICES_NOT_PERMITTED": (
        "Goods/services not permitted to be offered on the platform"
    ),
    "KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS": "Grooming/sexual enticement of minors",
    "KEYWORD_HATE_SPEECH": (
        "Illegal incitement to violence and hatred based on protected characteristics (hate speech)"
    ),
    "KEYWORD_HIDDEN_ADVERTISEMENT": (
        "Hidden advertisement or commercial communication, including by influencers"
    ),
    "KEYWORD_HUMAN_EXPLOITATION": "Human exploitation",
    "KEYWORD_HUMAN_TRAFFICKING": "Human trafficking",
    "KEYWORD_ILLEGAL_ORGANIZATIONS": "Illegal organizations",
    "KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING": "Impersonation or account hijacking",
    "KEYWORD_INAUTHENTIC_ACCOUNTS": "Inauthentic accounts",
    "KEYWORD_INAUTHENTIC_LISTINGS": "Inauthentic listings",
    "KEYWORD_INAUTHENTIC_USER_REVIEWS": "Inauthentic user reviews",
    "KEYWORD_INCITEMENT_AGAINST_WOMEN": "Illegal incitement to violence and hatred against women",
    "KEYWORD_INCITEMENT_VIOLENCE_HATRED": "General calls or incitement to violence and/or hatred",
    "KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS": "Insufficient information on traders",
    "KEYWORD_LANGUAGE_REQUIREMENTS": "Language requirements",
    "KEYWORD_MISLEADING_INFO_CONSUMER_RIGHTS": (
        "Misleading information about the consumer's rights"
    ),
    "KEYWORD_MISLEADING_INFO_GOODS_SERVICES": (
        "Misleading information about the characteristics of the goods and services"
    ),
    "KEYWORD_MISSING_PROCESSING_GROUND": "Missing processing ground for data",
    "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING": (
        "Non-consensual (intimate) material sharing, including (image-based) sexual abuse "
        "(excluding content depicting minors)"
    ),
    "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN": (
        "Non-consensual (intimate) material sharing against women, including (image-based) "
        "sexual abuse against women (excluding content depicting minors)"
    ),
    "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE": (
        "Non-consensual sharing of material containing deepfake or similar technology using a "
        "third party's features (excluding content depicting minors)"
    ),
    "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN": (
        "Non-consensual sharing of material containing deepfake or similar technology using a "
        "third party's features against women (excluding content depicting minors)"
    ),
    "KEYWORD_NONCOMPLIANCE_PRICING": "Non-compliance with pricing regulations",
    "KEYWORD_NUDITY": "Nudity",
    "KEYWORD_PATENT_INFRINGEMENT": "Patent infringements",
    "KEYWORD_PHISHING": "Phishing",
    "KEYWORD_PROHIBITED_PRODUCTS": "Prohibited or restricted products",
    "KEYWORD_PYRAMID_SCHEMES": "Pyramid schemes",
    "KEYWORD_RIGHT_TO_BE_FORGOTTEN": "Right to be forgotten",
    "KEYWORD_RISK_ENVIRONMENTAL_DAMAGE": "Risk for environmental damage",
    "KEYWORD_RISK_PUBLIC_HEALTH": "Risk for public health",
    "KEYWORD_SELF_MUTILATION": "Self-mutilation",
    "KEYWORD_STALKING": "Stalking",
    "KEYWORD_SUICIDE": "Suicide",
    "KEYWORD_TERRORIST_CONTENT": "Terrorist content",
    "KEYWORD_TRADE_SECRET_INFRINGEMENT": "Trade secret infringements",
    "KEYWORD_TRADEMARK_INFRINGEMENT": "Trademark infringements",
    "KEYWORD_TRAFFICKING_WOMEN_GIRLS": "Trafficking in women and girls",
    "KEYWORD_UNLAWFUL_SALE_ANIMALS": "Unlawful sale of animals",
    "KEYWORD_UNSAFE_CHALLENGES": "Unsafe challenges",
    "KEYWORD_UNSAFE_PRODUCTS": "Unsafe or non-compliant products",
    "KEYWORD_VIOLATION_EU_LAW": "Violation of EU law relevant to civic discourse or elections",
    "KEYWORD_VIOLATION_NATIONAL_LAW": (
        "Violation of national law relevant to civic discourse or elections"
    ),
    "KEYWORD_OTHER": "Not captured by any other keyword",
}

#: Keywords of the earlier schema, and their successor where the changelog names one.
REMOVED_KEYWORDS: dict[str, str | None] = {
    "KEYWORD_DISINFORMATION": "KEYWORD_MISINFORMATION_DISINFORMATION",
    "KEYWORD_MISINFORMATION": "KEYWORD_MISINFORMATION_DISINFORMATION",
    "KEYWORD_FOREIGN_INFORMATION_MANIPULATION": "KEYWORD_MISINFORMATION_DISINFORMATION",
    "KEYWORD_ONLINE_BULLYING_INTIMIDATION": "KEYWORD_CYBER_BULLYING_INTIMIDATION",
    "KEYWORD_NON_CONSENSUAL_ITEMS_DEEPFAKE": "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE",
    "KEYWORD_IMAGE_BASED_SEXUAL_ABUSE": "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING",
    "KEYWORD_INSUFFICIENT_INFORMATION_TRADERS": "KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS",
    "KEYWORD_REGULATED_GOODS_SERVICES": "KEYWORD_PROHIBITED_PRODUCTS",
    "KEYWORD_DANGEROUS_TOYS": "KEYWORD_UNSAFE_PRODUCTS",
    "KEYWORD_GENDER_BASED_VIOLENCE": None,
}

DECISION_VISIBILITIES = (
    "DECISION_VISIBILITY_CONTENT_REMOVED",
    "DECISION_VISIBILITY_CONTENT_DISABLED",
    "DECISION_VISIBILITY_CONTENT_DEMOTED",
    "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
    "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
    "DECISION_VISIBILITY_CONTENT_LABELLED",
    "DECISION_VISIBILITY_OTHER",
)
DECISION_MONETARIES = (
    "DECISION_MONETARY_SUSPENSION",
    "DECISION_MONETARY_TERMINATION",
    "DECISION_MONETARY_OTHER",
)
DECISION_PROVISIONS = (
    "DECISION_PROVISION_PARTIAL_SUSPENSION",
    "DECISION_PROVISION_TOTAL_SUSPENSION",
    "DECISION_PROVISION_PARTIAL_TERMINATION",
    "DECISION_PROVISION_TOTAL_TERMINATION",
)
DECISION_ACCOUNTS = ("DECISION_ACCOUNT_SUSPENDED", "DECISION_ACCOUNT_TERMINATED")
ACCOUNT_TYPES = ("ACCOUNT_TYPE_BUSINESS", "ACCOUNT_TYPE_PRIVATE")
DECISION_GROUNDS = ("DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT")
CONTENT_TYPES = (
    "CONTENT_TYPE_APP",
    "CONTENT_TYPE_AUDIO",
    "CONTENT_TYPE_IMAGE",
    "CONTENT_TYPE_PRODUCT",
    "CONTENT_TYPE_SYNTHETIC_MEDIA",
    "CONTENT_TYPE_TEXT",
    "CONTENT_TYPE_VIDEO",
    "CONTENT_TYPE_OTHER",
)
SOURCE_TYPES = (
    "SOURCE_ARTICLE_16",
    "SOURCE_TRUSTED_FLAGGER",
    "SOURCE_TYPE_OTHER_NOTIFICATION",
    "SOURCE_VOLUNTARY",
)
AUTOMATED_DECISIONS = (
    "AUTOMATED_DECISION_FULLY",
    "AUTOMATED_DECISION_PARTIALLY",
    "AUTOMATED_DECISION_NOT_AUTOMATED",
)
YES_NO = ("Yes", "No")

#: The territories a decision may name (``EuropeanCountriesService::EUROPEAN_COUNTRY_CODES``):
#: the EU member states and Iceland, Liechtenstein and Norway.
EEA = (
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
    "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
)  # fmt: skip

#: ``content_language``: upper-case ISO 639-1 (``EuropeanLanguagesService::ALL_LANGUAGES``).
LANGUAGES = frozenset(
    (
        "AB", "AA", "AF", "AK", "SQ", "AM", "AR", "AN", "HY", "AS", "AV", "AE", "AY", "AZ",
        "BM", "BA", "EU", "BE", "BN", "BH", "BI", "BS", "BR", "BG", "MY", "CA", "KM", "CH",
        "CE", "NY", "ZH", "CU", "CV", "KW", "CO", "CR", "HR", "CS", "DA", "DV", "NL", "DZ",
        "EN", "EO", "ET", "EE", "FO", "FJ", "FI", "FR", "FF", "GD", "GL", "LG", "KA", "DE",
        "KI", "EL", "KL", "GN", "GU", "HT", "HA", "HE", "HZ", "HI", "HO", "HU", "IS", "IO",
        "IG", "ID", "IA", "IE", "IU", "IK", "GA", "IT", "JA", "JV", "KN", "KR", "KS", "KK",
        "RW", "KV", "KG", "KO", "KJ", "KU", "KY", "LO", "LA", "LV", "LB", "LI", "LN", "LT",
        "LU", "MK", "MG", "MS", "ML", "MT", "GV", "MI", "MR", "MH", "RO", "MN", "NA", "NV",
        "ND", "NG", "NE", "SE", "NO", "NB", "NN", "II", "OC", "OJ", "OR", "OM", "OS", "PI",
        "PA", "PS", "FA", "PL", "PT", "QU", "RM", "RN", "RU", "SM", "SG", "SA", "SC", "SR",
        "SN", "SD", "SI", "SK", "SL", "SO", "ST", "NR", "ES", "SU", "SW", "SS", "SV", "TL",
        "TY", "TG", "TA", "TT", "TE", "TH", "BO", "TI", "TO", "TS", "TN", "TR", "TK", "TW",
        "UG", "UK", "UR", "UZ", "VE", "VI", "VO", "WA", "CY", "FY", "WO", "XH", "YI", "YO",
        "ZA", "ZU",
    )
)  # fmt: skip

#: The limits on free text (``max:N``).
MAX_LENGTHS: dict[str, int] = {
    "decision_visibility_other": 500,
    "decision_monetary_other": 500,
    "category_specification_other": 500,
    "decision_ground_reference_url": 500,
    "illegal_content_legal_ground": 500,
    "illegal_content_explanation": 2000,
    "incompatible_content_ground": 500,
    "incompatible_content_explanation": 2000,
    "content_type_other": 500,
    "decision_facts": 5000,
    "source_identity": 500,
    "puid": 500,
}
MAX_FACTS = MAX_LENGTHS["decision_facts"]
MAX_EXPLANATION = MAX_LENGTHS["illegal_content_explanation"]
MAX_GROUND = MAX_LENGTHS["illegal_content_legal_ground"]

PUID = re.compile(r"[a-zA-Z0-9_-]+")
_DATES = {
    "content_date": FIRST_CONTENT_DATE,
    "application_date": FIRST_APPLICATION_DATE,
    "end_date_account_restriction": None,
    "end_date_monetary_restriction": None,
    "end_date_service_restriction": None,
    "end_date_visibility_restriction": None,
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Every field the store request knows.
FIELDS = frozenset(
    {
        "decision_visibility",
        "decision_monetary",
        "decision_provision",
        "decision_account",
        "account_type",
        "category_specification",
        "decision_ground",
        "incompatible_content_illegal",
        "content_type",
        "category",
        "category_addition",
        "territorial_scope",
        "content_language",
        "content_id",
        "source_type",
        "automated_detection",
        "automated_decision",
        *MAX_LENGTHS,
        *_DATES,
    }
)


@dataclass(frozen=True, slots=True)
class Violation:
    """One rule of the database one field of one record breaks."""

    field: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.rule}: {self.message}"


def _present(value: Any) -> bool:
    """Laravel's ``required``: not null, not an empty string, not an empty list."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple, dict)):
        return bool(value)
    return True


def _in(record: dict[str, Any], field: str, allowed: Any, out: list[Violation]) -> None:
    value = record.get(field)
    if value is None:
        return
    if not isinstance(value, str) or value not in allowed:
        hint = ""
        if field in ("category", "category_addition") and value in REMOVED_CATEGORIES:
            hint = _successor(REMOVED_CATEGORIES[value])
        out.append(Violation(field, "in", f"{value!r} is not an allowed value{hint}"))


def _successor(value: str | None) -> str:
    suffix = f"; use {value}" if value else ""
    return f" (removed with the schema of 1 July 2025{suffix})"


def _array_in(record: dict[str, Any], field: str, allowed: Any, out: list[Violation]) -> None:
    value = record.get(field)
    if value is None:
        return
    if not isinstance(value, list):
        out.append(Violation(field, "array", f"must be a list, not {type(value).__name__}"))
        return
    for item in value:
        if not isinstance(item, str) or item not in allowed:
            hint = ""
            if item in REMOVED_CATEGORIES:
                hint = _successor(REMOVED_CATEGORIES[item])
            elif item in REMOVED_KEYWORDS:
                hint = _successor(REMOVED_KEYWORDS[item])
            out.append(Violation(field, "in", f"{item!r} is not an allowed value{hint}"))


def _date(record: dict[str, Any], field: str, out: list[Violation]) -> date | None:
    value = record.get(field)
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        out.append(Violation(field, "date_format", f"{value!r} is not a date YYYY-MM-DD"))
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        out.append(Violation(field, "date_format", f"{value!r} is not a calendar date"))
        return None
    first = _DATES[field]
    if first is not None and day < first:
        out.append(Violation(field, "after_or_equal", f"{value} is before {first.isoformat()}"))
    if day > LAST_DATE:
        out.append(Violation(field, "before_or_equal", f"{value} is after {LAST_DATE.isoformat()}"))
    return day


def _required_if(
    record: dict[str, Any], field: str, condition: bool, reason: str, out: list[Violation]
) -> None:
    if condition and not _present(record.get(field)):
        out.append(Violation(field, "required_if", f"is required when {reason}"))


def validate_record(record: dict[str, Any]) -> list[Violation]:
    """Every rule of the database's store request that ``record`` breaks (none: accepted)."""
    out: list[Violation] = []
    for field in sorted(set(record) - FIELDS):
        out.append(Violation(field, "known", "is not a field of the schema of 1 July 2025"))
    # What was decided: at least one of the four kinds of restriction.
    kinds = ("decision_visibility", "decision_monetary", "decision_provision", "decision_account")
    if not any(_present(record.get(k)) for k in kinds):
        out.append(
            Violation(
                "decision_visibility",
                "required_without_all",
                "one of decision_visibility, decision_monetary, decision_provision or "
                "decision_account is required",
            )
        )
    _array_in(record, "decision_visibility", DECISION_VISIBILITIES, out)
    visibility = record.get("decision_visibility") or []
    _required_if(
        record,
        "decision_visibility_other",
        isinstance(visibility, list) and "DECISION_VISIBILITY_OTHER" in visibility,
        "decision_visibility has DECISION_VISIBILITY_OTHER",
        out,
    )
    _in(record, "decision_monetary", DECISION_MONETARIES, out)
    _required_if(
        record,
        "decision_monetary_other",
        record.get("decision_monetary") == "DECISION_MONETARY_OTHER",
        "decision_monetary is DECISION_MONETARY_OTHER",
        out,
    )
    _in(record, "decision_provision", DECISION_PROVISIONS, out)
    _in(record, "decision_account", DECISION_ACCOUNTS, out)
    _in(record, "account_type", ACCOUNT_TYPES, out)
    _array_in(record, "category_specification", KEYWORDS, out)
    # The ground and its explanation.
    ground = record.get("decision_ground")
    if not _present(ground):
        out.append(Violation("decision_ground", "required", "is required"))
    else:
        _in(record, "decision_ground", DECISION_GROUNDS, out)
    illegal = ground == "DECISION_GROUND_ILLEGAL_CONTENT"
    incompatible = ground == "DECISION_GROUND_INCOMPATIBLE_CONTENT"
    for field in ("illegal_content_legal_ground", "illegal_content_explanation"):
        _required_if(record, field, illegal, "decision_ground is illegal content", out)
    for field in ("incompatible_content_ground", "incompatible_content_explanation"):
        _required_if(record, field, incompatible, "decision_ground is incompatible content", out)
    _in(record, "incompatible_content_illegal", YES_NO, out)
    url = record.get("decision_ground_reference_url")
    if url is not None:
        parts = urlsplit(url) if isinstance(url, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            out.append(Violation("decision_ground_reference_url", "url", f"{url!r} is no URL"))
    # What the decision is about.
    if not _present(record.get("content_type")):
        out.append(Violation("content_type", "required", "is required"))
    _array_in(record, "content_type", CONTENT_TYPES, out)
    content_type = record.get("content_type") or []
    _required_if(
        record,
        "content_type_other",
        isinstance(content_type, list) and "CONTENT_TYPE_OTHER" in content_type,
        "content_type has CONTENT_TYPE_OTHER",
        out,
    )
    if not _present(record.get("category")):
        out.append(Violation("category", "required", "is required"))
    else:
        _in(record, "category", STATEMENT_CATEGORIES, out)
    _array_in(record, "category_addition", STATEMENT_CATEGORIES, out)
    _array_in(record, "territorial_scope", EEA, out)
    _in(record, "content_language", LANGUAGES, out)
    content_id = record.get("content_id")
    if content_id is not None and (
        not isinstance(content_id, dict)
        or set(content_id) - {"EAN-13"}
        or not all(re.fullmatch(r"\d{13}", str(v)) for v in content_id.values())
    ):
        out.append(Violation("content_id", "ean13", "only EAN-13 product numbers are accepted"))
    # Dates.
    for field in ("content_date", "application_date"):
        if not _present(record.get(field)):
            out.append(Violation(field, "required", "is required"))
    days = {field: _date(record, field, out) for field in _DATES}
    start = days["application_date"]
    for field, day in days.items():
        if field.startswith("end_date") and day is not None and start is not None and day < start:
            out.append(
                Violation(
                    field,
                    "after_or_equal",
                    f"{day.isoformat()} is before the application date {start.isoformat()}",
                )
            )
    # The rest.
    if not _present(record.get("decision_facts")):
        out.append(Violation("decision_facts", "required", "is required"))
    if not _present(record.get("source_type")):
        out.append(Violation("source_type", "required", "is required"))
    else:
        _in(record, "source_type", SOURCE_TYPES, out)
    if not _present(record.get("automated_detection")):
        out.append(Violation("automated_detection", "required", "is required"))
    else:
        _in(record, "automated_detection", YES_NO, out)
    if not _present(record.get("automated_decision")):
        out.append(Violation("automated_decision", "required", "is required"))
    else:
        _in(record, "automated_decision", AUTOMATED_DECISIONS, out)
    for field, limit in MAX_LENGTHS.items():
        value = record.get(field)
        if isinstance(value, str) and len(value) > limit:
            out.append(Violation(field, "max", f"{len(value)} characters, more than {limit}"))
    puid = record.get("puid")
    if not _present(puid):
        out.append(Violation("puid", "required", "is required"))
    elif not isinstance(puid, str) or not PUID.fullmatch(puid):
        out.append(
            Violation("puid", "regex", f"{puid!r} has characters other than a-z, A-Z, 0-9, - and _")
        )
    return out
