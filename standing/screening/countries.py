"""The country of a name to screen, as users give it: a code in any case or a country's name."""

from __future__ import annotations

from standing.errors import Invalid


def query_country(value: str, field: str = "country") -> str:
    """The FollowTheMoney country code for ``value`` ("RU", "ru", "Russia", "Russian
    Federation" -> "ru"); lists carry such codes, so the query is compared in the same terms."""
    from followthemoney import registry

    code = registry.country.clean(value.strip())
    if code is None:
        raise Invalid(
            f"{field}: {value[:60]!r} is not a country FollowTheMoney knows; "
            "give an ISO 3166-1 alpha-2 code (e.g. RU) or the country's name"
        )
    return str(code)
