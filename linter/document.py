"""The unit every rule looks at: one text, where it came from, and its date."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterator, Literal

from linter.finding import Location

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
    """

    text: str
    path: str
    record: int | None = None
    id: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    date: DocumentDate | None = None
    _line_starts: list[int] | None = field(default=None, repr=False, compare=False)
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """Per-document memo for analyses that several rules of a family share."""

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

    @property
    def display_name(self) -> str:
        """How reports name this document: the path, plus the record if any."""
        if self.record is None:
            return self.path
        return f"{self.path}[{self.id if self.id is not None else self.record}]"

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
