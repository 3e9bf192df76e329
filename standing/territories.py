"""Territories: the one parser of the ISO 3166-1 alpha-2 codes decisions apply in and checks
ask about (the CLI, the HTTP API and the gate all read a territory with `territory_code`)."""

from __future__ import annotations

from standing.errors import Invalid

_COUNTRY_CODES: frozenset[str] | None = None


#: Two-letter codes FollowTheMoney knows that name no place a decision can apply in.
_NOT_TERRITORIES = frozenset(
    {"EU", "UN", "ZZ", "IP"}
)  # a union, an organisation, "global", cyberspace


class InvalidTerritory(Invalid, ValueError):
    """Not a territory code; a `ValueError` too, as the gate's checks raise for bad input."""


def country_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes of today's countries and territories (Kosovo's XK too), as
    FollowTheMoney knows them: no historical countries (SU, DD), no sub-national regions
    (GB-SCT), no groupings (EU) and no "global" (ZZ)."""
    global _COUNTRY_CODES
    if _COUNTRY_CODES is None:
        from followthemoney import registry
        from rigour.territories import get_territory

        codes = set()
        for code in registry.country.names:
            territory = get_territory(code)
            if len(code) == 2 and territory is not None and not territory.is_historical:
                codes.add(code.upper())
        _COUNTRY_CODES = frozenset(codes - _NOT_TERRITORIES)
    return _COUNTRY_CODES


def territory_code(value: str, field: str = "territory", *, listed: bool = True) -> str:
    """A territory as decisions store it: an upper-case ISO 3166-1 alpha-2 code ("de" is DE).

    ``listed`` (decisions, the API) takes only the codes of `country_codes`. The gate passes
    ``listed=False``: any two letters, a code no decision names being a territory where only
    global decisions count; anything else ("", "DEU", "Germany") is still refused, as read
    as "some other territory" it would fail open.
    """
    code = value.strip().upper()
    if listed and code not in country_codes():
        raise InvalidTerritory(f"{field}: {value!r} is not an ISO 3166-1 alpha-2 country code")
    if not listed and not (len(code) == 2 and code.isascii() and code.isalpha()):
        raise InvalidTerritory(f"{field}: {value!r} is not an ISO 3166-1 alpha-2 code")
    return code
