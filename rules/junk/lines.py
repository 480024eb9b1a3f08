"""Line helpers shared by the junk rules: deleting a whole line, cheap line shapes."""

from __future__ import annotations

from linter import Document, Fix


def delete_line(document: Document, offset: int, *, safe: bool, description: str) -> Fix:
    """A fix removing the whole line that holds ``offset``, with its newline.

    The last line of a text has no newline after it; the newline before it
    goes instead, so no empty line is left behind.
    """
    line, _column = document.position(offset)
    start, end = document.line_span(line)
    if end < len(document.text):
        end += 1
    elif start > 0:
        start -= 1
    return Fix.delete(start, end, safe=safe, description=description)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding spaces (tabs, no-break spaces, carriage returns)."""
    while start < end and text[start] in " \t\u00a0\r":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0\r":
        end -= 1
    return start, end


def delete_lines(document: Document, start: int, end: int, *, description: str) -> Fix:
    """An unsafe fix removing the lines from ``start`` to ``end`` (a region) with the newline after them."""
    if end < len(document.text):
        end += 1
    elif start > 0:
        start -= 1
    return Fix.delete(start, end, safe=False, description=description)
