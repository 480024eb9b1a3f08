"""The unit every rule looks at: one text, where it came from, and its date."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Literal

from linter.analysis import TextAnalysis
from linter.finding import Edit, Finding, Fix, Location

CRLF = re.compile("\r\n")

Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class DocumentDate:
    """A document's date with how precise it is and where it was found.

    Findings that depend on the date (anachronisms, ages, weekdays) say which
    date they were checked against, so the source travels with the value.
    """

    value: dt.date
    precision: Precision = "day"
    source: str = "unknown"

    def __str__(self) -> str:
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


@dataclass
class Document:
    """A text plus its origin and metadata.

    ``path`` names the file; ``record`` (0-based) and ``id`` name the record
    inside a JSONL or Parquet file.  Line starts are computed once, lazily, so
    turning an offset into a line and column is a binary search.

    Line ends are normalised once, here, for every rule: ``text`` ends its
    lines with "\n" whatever the source used ("\r\n", or a lone "\r").
    The source text stays available as ``source_text``, and the engine maps
    every offset that leaves the per-document phase back to it
    (``to_source``), so reports and fixes point at the file as it is.  A text
    without "\r" (the usual case) costs one scan and is not copied.
    """

    text: str
    path: str
    record: int | None = None
    id: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    date: DocumentDate | None = None
    context_only: bool = False
    """Read only as context for the corpus phase (``--diff-base``: unchanged): no per-document findings."""
    _line_starts: list[int] | None = field(default=None, repr=False, compare=False)
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """Per-document memo for analyses that several rules of a family share; the engine clears it once
    every rule has run on the document, so a rule must not expect it to outlive that."""
    _source: str | None = field(default=None, init=False, repr=False, compare=False)
    """The text as read, when normalising line ends changed it; else None (``text`` is the source)."""
    _removed_returns: list[int] = field(default_factory=list, init=False, repr=False, compare=False)
    """Offsets in ``text`` of each "\n" that stands for a "\r\n" of the source (sorted)."""

    def __post_init__(self) -> None:
        if "\r" in self.text:
            self._normalise_line_ends()

    def _normalise_line_ends(self) -> None:
        source = self.text
        self._source = source
        # The k-th "\r\n" at source offset q becomes the "\n" at q - k.
        self._removed_returns = [match.start() - k for k, match in enumerate(CRLF.finditer(source))]
        self.text = source.replace("\r\n", "\n").replace("\r", "\n")

    @property
    def source_text(self) -> str:
        """The text as the reader gave it, line ends untouched (what fixes and digests refer to)."""
        return self.text if self._source is None else self._source

    @property
    def line_ends_changed(self) -> bool:
        return self._source is not None

    def to_source(self, offset: int) -> int:
        """The offset in ``source_text`` of an offset in ``text``.

        An offset at a normalised "\n" maps to its "\r", so a span that ends
        a line keeps its "\r" outside and a span over the line end covers both.
        """
        removed = self._removed_returns
        return offset + bisect.bisect_left(removed, offset) if removed else offset

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            pos = find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
            self._line_starts = starts
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based character offset."""
        starts = self.line_starts
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets of a 1-based line, without its newline."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return start, end

    def lines(self) -> Iterator[tuple[int, int, str]]:
        """Each line as (start offset, end offset, text without newline)."""
        text = self.text
        starts = self.line_starts
        last = len(starts) - 1
        for i, start in enumerate(starts):
            end = starts[i + 1] - 1 if i < last else len(text)
            yield start, end, text[start:end]

    def source_location(self, location: Location) -> Location:
        """``location`` with offsets in ``source_text`` (lines and columns are the same in both)."""
        if not self._removed_returns or (location.path, location.record) != (self.path, self.record):
            return location
        return dataclasses.replace(location, start=self.to_source(location.start), end=self.to_source(location.end))

    def source_finding(self, finding: Finding) -> Finding:
        """``finding`` with its location, related places and fix edits mapped to ``source_text``."""
        if not self._removed_returns:
            return finding
        fix = finding.fix
        if fix is not None:
            edits = tuple(
                Edit(self.to_source(e.start), self.to_source(e.end), e.replacement.replace("\n", "\r\n"))
                for e in fix.edits
            )
            fix = Fix(edits, safe=fix.safe, description=fix.description)
        return dataclasses.replace(
            finding,
            location=self.source_location(finding.location),
            related=tuple(self.source_location(r) for r in finding.related),
            fix=fix,
        )

    def source_value(self, value: Any) -> Any:
        """A fact's value with every Location of this document mapped to ``source_text``."""
        if not self._removed_returns:
            return value
        if isinstance(value, Location):
            return self.source_location(value)
        if isinstance(value, dict):
            return {key: self.source_value(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.source_value(item) for item in value]
        if isinstance(value, tuple):
            return tuple(self.source_value(item) for item in value)
        return value

    @property
    def analysis(self) -> TextAnalysis:
        """The words of ``text``, found once and shared by the rules (kept in ``cache``, so cleared with it)."""
        analysis = self.cache.get("analysis")
        if analysis is None:
            analysis = self.cache["analysis"] = TextAnalysis(self.text)
        return analysis

    @property
    def display_name(self) -> str:
        """How reports name this document: the path, plus the record's index and id if any."""
        if self.record is None:
            return self.path
        return f"{self.path}[{self.record}]" if self.id is None else f"{self.path}[{self.record}, id={self.id}]"

    def location(self, start: int, end: int, message: str = "") -> Location:
        """A carried place in this document, line and column resolved now."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Location(
            path=self.path,
            start=start,
            end=end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            record=self.record,
            id=self.id,
            message=message,
        )
