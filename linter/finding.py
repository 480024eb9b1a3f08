"""What a rule reports: a coded message about a span, maybe with a fix."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (offsets are code points)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of edits applied together.

    ``safe`` fixes are applied by ``--fix``; unsafe ones need
    ``--unsafe-fixes`` too, because they involve judgement (ruff's contract).
    """

    edits: tuple[Edit, ...]
    safe: bool = True
    description: str = ""

    @classmethod
    def replace(cls, start: int, end: int, replacement: str, *, safe: bool = True, description: str = "") -> Fix:
        return cls((Edit(start, end, replacement),), safe=safe, description=description)

    @classmethod
    def delete(cls, start: int, end: int, *, safe: bool = True, description: str = "") -> Fix:
        return cls.replace(start, end, "", safe=safe, description=description)

    def to_dict(self) -> dict[str, Any]:
        return {
            "safe": self.safe,
            "description": self.description,
            "edits": [asdict(e) for e in self.edits],
        }


@dataclass(frozen=True, slots=True)
class Location:
    """A span in some document, with line and column already resolved.

    Locations are computed in the per-document phase, where the text is at
    hand, and carried from there; nothing re-searches a text to find a place.
    """

    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    record: int | None = None
    id: str | None = None
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        return cls(**data)


@dataclass(frozen=True, slots=True)
class Snippet:
    """The source line a finding sits on (a window of it, for long lines).

    ``offset`` is the 0-based column in the line where ``text`` starts, so a
    reporter can draw a caret under the span without the document at hand.
    """

    text: str
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported problem."""

    code: str
    name: str
    category: str
    severity: Severity
    message: str
    location: Location
    fix: Fix | None = None
    related: tuple[Location, ...] = field(default=())
    snippet: Snippet | None = field(default=None, compare=False)

    @property
    def path(self) -> str:
        return self.location.path

    @property
    def start(self) -> int:
        return self.location.start

    @property
    def end(self) -> int:
        return self.location.end

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.record if loc.record is not None else -1, loc.start, loc.end, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape every machine-readable reporter starts from."""
        loc = self.location
        return {
            "path": loc.path,
            "id": loc.id,
            "record": loc.record,
            "line": loc.line,
            "column": loc.column,
            "end_line": loc.end_line,
            "end_column": loc.end_column,
            "start": loc.start,
            "end": loc.end,
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "fix": self.fix.to_dict() if self.fix else None,
            "related": [r.to_dict() for r in self.related],
        }
