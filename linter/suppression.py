"""Silencing one finding where it stands: inline comments in text, a field in a record.

In a text or Markdown document an HTML comment, which renders as nothing:

    <!-- corpus-linter: ignore TYP001 -->        the next line (alone on its line)
    The mayor's speach. <!-- corpus-linter: ignore TYP001 -->   its own line
    <!-- corpus-linter: ignore-file ANA -->      the whole document

A directive ends its line (``ignore-file`` stands alone on it), and one in
a fenced code block is an example, not a directive: so text that quotes or
documents a directive (in prose, in backticks, in a code block) silences
nothing, and is reported like any other HTML in the text.

Without selectors, ``ignore`` and ``ignore-file`` silence every rule.
Selectors are those of ``--ignore``: a code, a prefix, a name or a category.
In JSON lines and Parquet a record field (``ignore-field``, by default
``lint.ignore``) lists selectors for its whole record:
``{"text": "...", "lint": {"ignore": ["TYP001"]}}``.  A directive itself is
never reported (it would otherwise look like HTML left in the text).
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from typing import Any, Callable

import regex

from linter.finding import Finding

MARKER = "corpus-linter:"
SUPPRESSION_FACTS = "corpus-linter:suppressions"
"""The engine's own fact code: a document's suppressions travel to the corpus phase with its facts."""
DIRECTIVE = regex.compile(r"<!--[ \t]*corpus-linter:[ \t]*(ignore-file|ignore)\b([^>\n]*?)[ \t]*-->")
SELECTOR = regex.compile(r"[A-Za-z][A-Za-z0-9-]*")
FENCE = regex.compile(r"^ {0,3}(`{3,}|~{3,})", regex.MULTILINE)
"""A Markdown code fence: a block opened by one is closed by a run of the same character at least as long."""
EVERYTHING = ("ALL",)


@dataclass(frozen=True)
class Suppressions:
    """What one document silences: all of it for some rules, some lines for others."""

    document: tuple[str, ...] = ()
    """Selectors silenced in the whole document."""
    lines: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """1-based line -> selectors silenced on it."""
    directives: tuple[tuple[int, int], ...] = ()
    """Spans of the directives themselves (offsets into the document's text as read)."""

    def silences(self, finding: Finding, matches: Callable[[str], bool]) -> bool:
        """Whether the finding is silenced; ``matches(selector)`` says if a selector names its rule."""
        location = finding.location
        if any(start <= location.start and location.end <= end for start, end in self.directives):
            return True
        selectors = self.document + self.lines.get(location.line, ())
        return any(matches(selector) for selector in selectors)

    def to_value(self) -> dict[str, Any]:
        """A JSON-friendly form, for fact files of distributed runs."""
        return {"document": list(self.document), "lines": {str(k): list(v) for k, v in self.lines.items()},
                "directives": [list(span) for span in self.directives]}

    @classmethod
    def from_value(cls, value: dict[str, Any]) -> Suppressions:
        return cls(
            tuple(value["document"]),
            {int(k): tuple(v) for k, v in value["lines"].items()},
            tuple((start, end) for start, end in value["directives"]),
        )


def _selectors(text: str) -> tuple[str, ...]:
    found = tuple(SELECTOR.findall(text))
    return found or EVERYTHING


def parse(text: str, record_selectors: Any = None) -> Suppressions | None:
    """The document's suppressions, or None when it has none (the common case, found at once)."""
    document = record_field_selectors(record_selectors)
    if MARKER not in text:
        return Suppressions(document) if document else None
    lines: dict[int, tuple[str, ...]] = {}
    directives = []
    line_starts = [0] + [match.end() for match in regex.finditer("\n", text)]
    fenced = _fenced_blocks(text)
    for match in DIRECTIVE.finditer(text):
        kind, selectors = match.group(1), _selectors(match.group(2))
        line = bisect.bisect_right(line_starts, match.start())  # 1-based
        line_start = line_starts[line - 1]
        line_end = line_starts[line] - 1 if line < len(line_starts) else len(text)
        alone = not text[line_start : match.start()].strip()
        if text[match.end() : line_end].strip() or (kind == "ignore-file" and not alone):
            continue  # quoted or documented mid-line, not a directive
        if any(start <= match.start() < end for start, end in fenced):
            continue  # an example in a code block
        directives.append(match.span())
        if kind == "ignore-file":
            document += selectors
            continue
        target = _next_text_line(text, line_starts, line) if alone else line
        if target is not None:
            lines[target] = lines.get(target, ()) + selectors
    return Suppressions(document, lines, tuple(directives))


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the fenced code blocks (an unclosed fence runs to the end of the text)."""
    blocks = []
    opened: regex.Match[str] | None = None
    for fence in FENCE.finditer(text):
        if opened is None:
            opened = fence
        elif fence.group(1)[0] == opened.group(1)[0] and len(fence.group(1)) >= len(opened.group(1)):
            blocks.append((opened.start(), fence.end()))
            opened = None
    if opened is not None:
        blocks.append((opened.start(), len(text)))
    return blocks


def _next_text_line(text: str, line_starts: list[int], line: int) -> int | None:
    for following in range(line + 1, len(line_starts) + 1):
        start = line_starts[following - 1]
        end = line_starts[following] - 1 if following < len(line_starts) else len(text)
        if text[start:end].strip():
            return following
    return None


def record_field_selectors(value: Any) -> tuple[str, ...]:
    """A record's ignore field: a list of selectors, or one selector, or true for every rule."""
    if value is True:
        return EVERYTHING
    if isinstance(value, str) and value.strip():
        return (value.strip(),)
    if isinstance(value, list):
        return tuple(item.strip() for item in value if isinstance(item, str) and item.strip())
    return ()


def suppression_fact(where: tuple[str, int | None], suppressions: Suppressions) -> tuple[str, str, Any]:
    """The fact that carries a document's suppressions to the corpus phase (also through fact files)."""
    return SUPPRESSION_FACTS, json.dumps(list(where)), suppressions.to_value()


def suppressions_from_facts(facts: dict[str, dict[str, list[Any]]]) -> dict[tuple[str, int | None], Suppressions]:
    """(path, record) -> suppressions, from the facts of a run."""
    found = {}
    for key, values in facts.get(SUPPRESSION_FACTS, {}).items():
        path, record = json.loads(key)
        found[(path, record)] = Suppressions.from_value(values[-1])
    return found
