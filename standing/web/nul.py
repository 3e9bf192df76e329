"""NUL characters in requests: refused up front, with where they are.

SQLite stores NUL in text and PostgreSQL refuses it; no id, name or text of this service has
one, so the app refuses a NUL in the path, the query string or the body (422) before any
route sees it, the same on both databases.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl

# The JSON escape of NUL: \u0000 after an even number of backslashes (an escaped backslash
# followed by the text u0000 is no NUL).
_NUL_ESCAPE = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")


def nul_in_query(query_string: bytes) -> str | None:
    """Which part of a raw query string holds a NUL (%00 or a raw NUL byte), if any."""
    if b"\x00" not in query_string and b"%00" not in query_string:
        return None
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    names = [name for name, value in pairs if "\x00" in name or "\x00" in value]
    return "the query string may not contain NUL characters" + (
        f" (in {names[0]!r})" if names else ""
    )


def nul_in_body(body: bytes) -> str | None:
    """Which field of a body holds a NUL (a raw NUL byte or the JSON escape), if any."""
    if b"\x00" not in body and not (b"\\u0000" in body and _NUL_ESCAPE.search(body)):
        return None
    try:
        doc = json.loads(body, strict=False)  # strict=False: raw control characters in strings
    except (ValueError, RecursionError):
        doc = None
    where = _nul_location(doc)
    return "the body may not contain NUL characters" + (f" (in {where})" if where else "")


def _nul_location(doc: Any) -> str | None:
    """Where the first NUL in a JSON document is, written as validation errors write it."""
    stack: list[tuple[tuple[str, ...], Any]] = [((), doc)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, str):
            if "\x00" in value:
                return ".".join(loc) or "body"
        elif isinstance(value, dict):
            for key in value:
                if "\x00" in key:
                    return ".".join((*loc, repr(key)))
            stack.extend(((*loc, k), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*loc, str(i)), v) for i, v in reversed(list(enumerate(value))))
    return None
