"""Text no field can hold, refused up front with where it is: NUL characters and lone
UTF-16 surrogates.

SQLite stores NUL in text and PostgreSQL refuses it; a lone surrogate (the JSON escape
``\\ud800`` without its pair) is no character at all and cannot be written as UTF-8 -- to the
database, the audit digest or the response. No id, name or text of this service holds
either, so the app refuses them in the path, the query string or the body (422) before any
route sees them, the same on both databases.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl

# The JSON escape of NUL, or of a surrogate (a pair is checked once decoded), after an even
# number of backslashes (an escaped backslash followed by the text u0000 is no escape).
_SUSPECT_ESCAPE = re.compile(rb"(?<!\\)(?:\\\\)*\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _bad(text: str) -> str | None:
    """What is wrong with a decoded string, if anything."""
    if "\x00" in text:
        return "NUL characters"
    if _SURROGATE.search(text):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return "lone UTF-16 surrogates (\\ud800-\\udfff without their pair)"
    return None


def query_problem(query_string: bytes) -> str | None:
    """What a raw query string holds that no field may (%00 or a raw NUL byte), if anything."""
    if b"\x00" not in query_string and b"%00" not in query_string:
        return None
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    names = [name for name, value in pairs if "\x00" in name or "\x00" in value]
    return "the query string may not contain NUL characters" + (
        f" (in {names[0]!r})" if names else ""
    )


def path_problem(path: str) -> str | None:
    what = _bad(path)
    return f"the path may not contain {what}" if what else None


def body_problem(body: bytes) -> str | None:
    """What a body holds that no field may (a raw NUL byte, the JSON escape of NUL, a lone
    surrogate escape), and in which field, if anything."""
    if b"\x00" not in body and not (b"\\u" in body and _SUSPECT_ESCAPE.search(body)):
        return None
    try:
        doc = json.loads(body, strict=False)  # strict=False: raw control characters in strings
    except (ValueError, RecursionError):
        if b"\x00" in body:
            return "the body may not contain NUL characters"
        return None  # not JSON: the route says so
    found = _locate(doc)
    if found is None:
        return None  # escapes of whole surrogate pairs (emoji) are fine
    where, what = found
    return f"the body may not contain {what}" + (f" (in {where})" if where else "")


def _locate(doc: Any) -> tuple[str, str] | None:
    """Where the first bad string of a JSON document is (written as validation errors write
    it) and what is wrong with it."""
    stack: list[tuple[tuple[str, ...], Any]] = [((), doc)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, str):
            what = _bad(value)
            if what:
                return ".".join(loc) or "body", what
        elif isinstance(value, dict):
            for key in value:
                what = _bad(key)
                if what:
                    return ".".join((*loc, repr(key))), what
            stack.extend(((*loc, k), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*loc, str(i)), v) for i, v in reversed(list(enumerate(value))))
    return None
