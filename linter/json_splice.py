"""Changing one string field of a JSON record without re-serialising the record.

A fix changes a record's text and nothing else, so the new value is spliced
into the line's original characters: numbers such as ``1e400`` or
``1.00000000000000001``, duplicate keys, key order, spacing and a leading BOM
stay byte for byte.  The field is found the way ``json.loads`` reads it: for
a key that occurs twice, the last occurrence.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring
from typing import Any

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def field_span(line: str, dotted: str) -> tuple[int, int] | None:
    """Start and end of the value of the dotted field in a JSON object's text, or None."""
    found = field_value(line, dotted)
    return None if found is None else found[:2]


def field_value(line: str, dotted: str) -> tuple[int, int, Any] | None:
    """Start, end and value of the dotted field in a JSON object's text, or None (one parse of the line)."""
    position = _skip_space(line, 0)
    found = None
    for key in dotted.split("."):
        found = _member(line, position, key)
        if found is None:
            return None
        position = found[0]
    return found


def _member(line: str, position: int, key: str) -> tuple[int, int, Any] | None:
    """The span and value of the last member named ``key`` of the object that starts at ``position``."""
    if not line.startswith("{", position):
        return None
    found = None
    position = _skip_space(line, position + 1)
    if line.startswith("}", position):
        return None
    while True:
        if not line.startswith('"', position):
            return None
        name, position = scanstring(line, position + 1)
        position = _skip_space(line, position)
        if not line.startswith(":", position):
            return None
        start = _skip_space(line, position + 1)
        value, end = _DECODER.raw_decode(line, start)
        if name == key:
            found = (start, end, value)
        position = _skip_space(line, end)
        if line.startswith(",", position):
            position = _skip_space(line, position + 1)
        elif line.startswith("}", position):
            return found
        else:
            return None


def _skip_space(line: str, position: int) -> int:
    return _SPACE.match(line, position).end()  # type: ignore[union-attr]


def string_literal(value: str, like: str) -> str:
    """``value`` as a JSON string literal, escaping non-ASCII as the original literal ``like`` did.

    Text that cannot be written as UTF-8 (a lone surrogate) is escaped, so the
    record stays valid JSON and keeps the character.
    """
    ascii_escaped = like.isascii() and "\\u" in like
    literal = json.dumps(value, ensure_ascii=ascii_escaped)
    try:
        literal.encode("utf-8")
    except UnicodeEncodeError:
        literal = json.dumps(value, ensure_ascii=True)
    return literal


def replace_field(line: str, dotted: str, new_value: str) -> str | None:
    """The line with the string field's value replaced, or None if the field is not a string there."""
    found = field_value(line, dotted)
    if found is None or not isinstance(found[2], str):
        return None
    return splice(line, found[:2], new_value)


def splice(line: str, span: tuple[int, int], new_value: str) -> str:
    """The line with the string literal at ``span`` replaced by one for ``new_value``."""
    start, end = span
    return line[:start] + string_literal(new_value, line[start:end]) + line[end:]
