"""Document dates: parsing date values and the built-in date resolution.

Order: the record's own date field (read by the reader), then the built-in
implementation of ``corpus_linter_document_date`` below (front matter, a date
in the file name, the configured default), then other plugins' answers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import regex

from typing import TYPE_CHECKING

from linter.document import Document, DocumentDate
from linter.plugin import hookimpl

if TYPE_CHECKING:
    from linter.config import Config

_ISO = regex.compile(r"(?<!\d)(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ][\d:.+\-Z]*)?(?!\d)")
_YEAR = regex.compile(r"^\d{4}$")
_FILE_NAME_DATE = regex.compile(r"(?<!\d)((?:19|20)\d{2})[-_]?(0[1-9]|1[0-2])[-_]?(0[1-9]|[12]\d|3[01])(?!\d)")
_FRONT_MATTER_DATE = regex.compile(r"\A---\r?\n(?:.*\r?\n)*?date:\s*['\"]?([^'\"\r\n]+)['\"]?\r?\n(?:.*\r?\n)*?---", regex.V0)


def parse_date_value(value: Any, source: str) -> DocumentDate | None:
    """A DocumentDate from a metadata value: ISO date or datetime, year-month, year, or a timestamp."""
    if isinstance(value, dt.datetime):
        return DocumentDate(value.date(), "day", source)
    if isinstance(value, dt.date):
        return DocumentDate(value, "day", source)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1000 <= value <= 9999:
            return _make(int(value), 1, 1, "year", source)
        try:
            return DocumentDate(dt.datetime.fromtimestamp(value, dt.timezone.utc).date(), "day", source)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    value = value.strip()
    if _YEAR.match(value):
        return _make(int(value), 1, 1, "year", source)
    match = _ISO.match(value)
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    if day is None:
        return _make(int(year), int(month), 1, "month", source)
    return _make(int(year), int(month), int(day), "day", source)


def _make(year: int, month: int, day: int, precision: str, source: str) -> DocumentDate | None:
    try:
        return DocumentDate(dt.date(year, month, day), precision, source)  # type: ignore[arg-type]
    except ValueError:
        return None


def date_from_front_matter(document: Document) -> DocumentDate | None:
    if not document.text.startswith("---"):
        return None
    match = _FRONT_MATTER_DATE.match(document.text[:4096])
    return parse_date_value(match.group(1), "front matter") if match else None


def date_from_file_name(document: Document) -> DocumentDate | None:
    name = document.path.replace("\\", "/").rsplit("/", 1)[-1]
    match = _FILE_NAME_DATE.search(name)
    if not match:
        return None
    return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), "day", "file name")


@hookimpl(tryfirst=True)
def corpus_linter_document_date(document: Document, config: Config) -> DocumentDate | None:
    """Built-in date resolution: front matter, file name, then the configured default.

    It runs first, so other plugins answer only for documents it leaves undated.
    """
    return date_from_front_matter(document) or date_from_file_name(document) or config.date
