"""Document dates: parsing date values and the built-in date resolution.

Order: the record's own date field (read by the reader), then the built-in
implementation of ``corpus_linter_document_date`` below (front matter, a date
in the file name, a dateline or the first full date near the top of the text,
the configured default), then other plugins' answers.  Every date keeps its
source and precision, so findings can say what they were checked against.
"""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
from typing import Any

import regex

from typing import TYPE_CHECKING

from linter.document import Document, DocumentDate
from linter.plugin import hookimpl

if TYPE_CHECKING:
    from linter.config import Config

_ISO = regex.compile(r"(?<!\d)(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ][\d:.+\-Z]*)?(?!\d)")
_YEAR = regex.compile(r"^\d{4}$")
_COMPACT = regex.compile(r"^(?:1[0-9]|20|21)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$")
_FILE_NAME_DATE = regex.compile(r"(?<!\d)((?:19|20)\d{2})[-_]?(0[1-9]|1[0-2])[-_]?(0[1-9]|[12]\d|3[01])(?!\d)")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR4 = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_WRITTEN_DATES = [
    regex.compile(rf"(?<![\w-]){_MONTH}\s+{_DAY},?[ \t]+{_YEAR4}", regex.IGNORECASE),
    regex.compile(rf"(?<![\w-]){_DAY}\s+(?:of\s+)?{_MONTH},?[ \t]+{_YEAR4}", regex.IGNORECASE),
    regex.compile(r"(?<![\w-])(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d])"),
]
_MONTH_YEAR = regex.compile(rf"(?<![\w-]){_MONTH},?\s+{_YEAR4}", regex.IGNORECASE)
_YEAR_ONLY = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
WRITTEN_DATE_REACH = 40
"""How far before its year a written date can start ("Wednesday 2nd of September, 2025" is within it)."""
# What may stand before a dateline's date on its line: a city in capitals
# ("WASHINGTON, "), a weekday, or a publication marker ("Published:").
_DATELINE_LEAD = regex.compile(
    r"(?:[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][\w.'\- ]{1,30})?(?:\s*\([^)]{1,30}\))?\s*[,:\u2014\u2013-]?\s*)?"
    r"(?i:(?:published|updated|posted|last\s+updated|first\s+published|date|dated)\b\s*(?:on|at)?\s*:?\s*)?"
    r"(?i:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\.?,?\s+)?\Z"
)
_MARKER = regex.compile(r"(?:published|updated|posted|dated?)\b", regex.IGNORECASE)
_EVENT_WORDS = regex.compile(r"(?:since|until|till|before|after|from|between|by|to|and)\s+(?:the\s+)?\Z", regex.IGNORECASE)
DATELINE_SPAN = 3000
"""How far into a text a dateline is looked for."""
OPENING_SPAN = 1000
"""How far into a text the first full date may stand and still date the document."""

_FRONT_MATTER_DATE = regex.compile(r"\A---\r?\n(?:.*\r?\n)*?date:\s*['\"]?([^'\"\r\n]+)['\"]?\r?\n(?:.*\r?\n)*?---", regex.V0)


def parse_date_value(value: Any, source: str) -> DocumentDate | None:
    """A DocumentDate from a metadata value.

    Accepts ISO dates and datetimes, year-month, a year, ``YYYYMMDD`` (as
    GDELT writes dates, number or string), RFC 2822 (``Mon, 02 Jun 2025
    10:00:00 GMT``, as RSS feeds do), and Unix timestamps in seconds or
    milliseconds.
    """
    if isinstance(value, dt.datetime):
        return DocumentDate(value.date(), "day", source)
    if isinstance(value, dt.date):
        return DocumentDate(value, "day", source)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_number(value, source)
    if not isinstance(value, str):
        return None
    value = value.strip()
    if _YEAR.match(value):
        return _make(int(value), 1, 1, "year", source)
    if _COMPACT.match(value):
        return _make(int(value[:4]), int(value[4:6]), int(value[6:8]), "day", source)
    match = _ISO.match(value)
    if not match:
        return _from_rfc2822(value, source)
    year, month, day = match.group(1), match.group(2), match.group(3)
    if day is None:
        return _make(int(year), int(month), 1, "month", source)
    return _make(int(year), int(month), int(day), "day", source)


def _from_number(value: float, source: str) -> DocumentDate | None:
    if 1000 <= value <= 9999:
        return _make(int(value), 1, 1, "year", source)
    if 10_000_101 <= value <= 99_991_231 and float(value).is_integer():
        compact = _make(int(value) // 10000, int(value) // 100 % 100, int(value) % 100, "day", source)
        if compact is not None:
            return compact
    seconds = value / 1000 if value > 100_000_000_000 else value  # milliseconds since 1970
    try:
        return DocumentDate(dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date(), "day", source)
    except (OverflowError, OSError, ValueError):
        return None


def _from_rfc2822(value: str, source: str) -> DocumentDate | None:
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return DocumentDate(parsed.date(), "day", source) if parsed else None


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


DATELINE = "dateline"
FIRST_DATE_IN_TEXT = "first date in the text"
METADATA_SOURCES = ("record field", "front matter", "file name")
"""How the sources of dates stored beside a document's text begin (a crawl or import date can be wrong)."""


def from_metadata(date: DocumentDate) -> bool:
    """Whether the date came with the document (a record field, front matter, its file name),
    rather than from its own text or from the user (``--date``, config, the API)."""
    return date.source.startswith(METADATA_SOURCES)


def _year_windows(text: str, before: int, after: int) -> list[tuple[int, int]]:
    """Merged spans around each year in ``text``: every written date holds a year, so the
    date patterns need only search there (the main process dates every document)."""
    windows: list[tuple[int, int]] = []
    for match in _YEAR_ONLY.finditer(text):
        start, end = max(0, match.start() - before), min(len(text), match.end() + after)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _written_dates(text: str) -> list[tuple[int, DocumentDate]]:
    """Full dates written in ``text`` ("June 2, 2025", "2 June 2025", "2025-06-02"), by position."""
    found = {}
    for window_start, window_end in _year_windows(text, WRITTEN_DATE_REACH, 6):
        for pattern in _WRITTEN_DATES:
            for match in pattern.finditer(text, window_start, window_end):
                month = match.group("month")
                number = int(month) if month.isdigit() else _MONTHS[month.lower()]
                date = _make(int(match.group("year")), number, int(match.group("day")), "day", "")
                if date is not None:
                    found[(match.start(), pattern.pattern)] = date
    return sorted(((start, date) for (start, _), date in found.items()), key=lambda item: item[0])


def date_from_text(document: Document) -> DocumentDate | None:
    """A dateline near the top ("WASHINGTON, June 2, 2025 -", "Published: 2 June 2025"), else the first full date in the opening.

    A dateline is a date at the start of a line, after at most a city in
    capitals, a weekday or a publication marker.  Without one, the first
    full date in the first ``OPENING_SPAN`` characters is taken, unless it
    reads as the edge of a period ("since June 2, 2022").  A month and year
    ("Published: June 2025") date a document to the month.
    """
    head = document.text[:DATELINE_SPAN]
    dates = _written_dates(head)
    for start, date in dates:
        line_start = head.rfind("\n", 0, start) + 1
        if _DATELINE_LEAD.match(head[line_start:start]):
            return DocumentDate(date.value, "day", DATELINE)
    month_years = (m for start, end in _year_windows(head, WRITTEN_DATE_REACH, 6) for m in _MONTH_YEAR.finditer(head, start, end))
    for match in month_years:
        line_start = head.rfind("\n", 0, match.start()) + 1
        lead = head[line_start : match.start()]
        if _MARKER.search(lead) and _DATELINE_LEAD.match(lead):
            return _make(int(match.group("year")), _MONTHS[match.group("month").lower()], 1, "month", DATELINE)
    for start, date in dates:
        if start >= OPENING_SPAN:
            break
        if not _EVENT_WORDS.search(head[max(0, start - 20) : start]):
            return DocumentDate(date.value, "day", FIRST_DATE_IN_TEXT)
    return None


@hookimpl(tryfirst=True)
def corpus_linter_document_date(document: Document, config: Config) -> DocumentDate | None:
    """Built-in date resolution: front matter, file name, a date in the text, then the configured default.

    It runs first, so other plugins answer only for documents it leaves undated.
    """
    return (
        date_from_front_matter(document)
        or date_from_file_name(document)
        or date_from_text(document)
        or config.date
    )


def date_span(date: DocumentDate) -> tuple[dt.date, dt.date]:
    """The first and last day a date of its precision may mean."""
    value = date.value
    if date.precision == "year":
        return dt.date(value.year, 1, 1), dt.date(value.year, 12, 31)
    if date.precision == "month":
        last = calendar.monthrange(value.year, value.month)[1]
        return value.replace(day=1), value.replace(day=last)
    return value, value


def own_date(document: Document, date: DocumentDate) -> DocumentDate | None:
    """The date the text itself states (a dateline, or the first full date of its opening), when the
    document's date came with it as metadata and disagrees with it (a date the user gave is kept).

    Rules that judge the text by its date (anachronisms, weekdays) report only what is wrong on
    both: scraped archives often carry the crawl date, and a reader goes by the page's own."""
    if not from_metadata(date):
        return None
    stated = date_from_text(document)
    if stated is None:
        return None
    first, last = date_span(date)
    return stated if not first <= stated.value <= last else None
