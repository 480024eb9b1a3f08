"""What the anachronism rules share: the knowledge base, the document's mentions, dates.

The three rules read the same mentions; they are found once per document
(``document.cache``) and resolved against the base: a mention is checked
only when its name is one person who held an office with that title (in the
jurisdiction named, if one is).  Anything ambiguous stays silent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Iterator, Mapping

from linter import Document, Finding, Option, Rule
from linter.cache import compiled
from linter.dates import own_date
from linter.document import DocumentDate
from linter.rule import RuleOptionError
from rules.anachronism.kb import KnowledgeBase, KnowledgeBaseError, Office, Person, Term, builtin_files, load
from rules.anachronism.context import Layout
from rules.anachronism.matcher import Index, Mention, build_index, cues, scan
from rules.anachronism.periods import clause_end, clause_start, opening, relative_periods

ONE_DAY = dt.timedelta(days=1)
SHARED_OPTIONS: dict[str, Any] = {"extra-kb-files": Option([], items=str, file=True), "coverage-start": "1990-01-01"}


@cache
def knowledge(extra_files: tuple[str, ...]) -> tuple[KnowledgeBase, Index]:
    """The built-in base plus the user's files, and its match index (once per process).

    A problem in a user's file stops the rules with a message naming the file
    and entry; problems in the built-in files are the consistency test's job.
    """
    missing = [p for p in extra_files if not Path(p).is_file()]
    if missing:
        raise KnowledgeBaseError(f"extra-kb-files: no such file: {', '.join(missing)}")
    inputs = [Path(__file__).parent, *(Path(p) for p in extra_files)]
    return compiled("knowledge-base", lambda: _build_knowledge(extra_files), inputs=inputs, packages=["hyperscan"])


def _build_knowledge(extra_files: tuple[str, ...]) -> tuple[KnowledgeBase, Index]:
    kb = load([*builtin_files(), *(Path(p) for p in extra_files)])
    problems = [p for p in kb.problems if p.startswith(extra_files)] if extra_files else []
    if problems:
        raise KnowledgeBaseError("extra-kb-files: " + "; ".join(problems))
    return kb, build_index(kb)


@dataclass(frozen=True)
class Reading:
    """A mention resolved to one person and the offices with that title they held."""

    mention: Mention
    person: Person
    offices: tuple[Office, ...]

    def tenures(self) -> list[tuple[Office, Term]]:
        return [(o, t) for o in self.offices for t in o.tenures if t.person == self.person.id]


def resolve(kb: KnowledgeBase, index: Index, mention: Mention) -> Reading | None:
    """The one person and their offices a mention can mean, or None when it is ambiguous or unknown."""
    offices = [kb.offices[i] for i in sorted(index.titles.get(mention.title, ()))]
    if mention.jurisdictions:
        named = mention.jurisdictions
        offices = [o for o in offices if o.jurisdiction in named or o.country in named]
    held: dict[str, tuple[Office, ...]] = {}
    for person_id in mention.person_ids:
        mine = tuple(o for o in offices if person_id in o.holder_ids)
        if mine and person_id in kb.people:
            held[person_id] = mine
    if len(held) != 1:
        return None
    person_id, mine = held.popitem()
    return Reading(mention, kb.people[person_id], mine)


def describe_date(date: DocumentDate) -> str:
    where = "on" if date.precision == "day" else "in"
    return f"{where} {date} (document date from {date.source})"


def describe_terms(terms: list[Term], as_of: dt.date) -> str:
    parts = []
    for term in terms:
        end = f"to {term.end.isoformat()}" if term.end else f"(still in office as of {as_of.isoformat()})"
        acting = " as acting holder" if term.acting else ""
        parts.append(f"from {term.start.isoformat()} {end}{acting}")
    return " and ".join(parts)


def holders(kb: KnowledgeBase, office: Office, first: dt.date, last: dt.date) -> list[str]:
    """Who held the office in ``[first, last]`` (names, in order)."""
    names = [kb.people[t.person].name if t.person in kb.people else t.person for t in office.tenures if t.overlaps(first, last)]
    return list(dict.fromkeys(names))


def year_range(first_year: int, last_year: int) -> tuple[dt.date, dt.date]:
    return dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)


@dataclass(frozen=True)
class Sentence:
    """The sentence around a mention and the times it speaks of: the narrative the mention is read in."""

    text: str
    """The sentence, the mention's own characters blanked out (its words are no cues)."""
    mention_at: int
    """Where the mention starts in ``text``."""
    periods: list[tuple[dt.date, dt.date]]
    """The years and decades written before the mention or in its clause, and the relative times ("last
    year", "in March") in its clause or the sentence's opening (not in clauses set off from it)."""
    earlier_years: list[tuple[dt.date, dt.date]]
    """The years written in the paragraph before the sentence."""
    past_event: bool
    """Whether the mention is the object of a past event ("the assassination of", "the bombing that nearly killed")."""


class AnachronismRule(Rule):
    """Shared machinery of the ANA rules (not a rule itself: it has no code)."""

    category = "anachronism"
    default_options: Mapping[str, Any] = SHARED_OPTIONS

    def __init__(self, options: Mapping[str, Any] | None = None, severity: Any = None) -> None:
        super().__init__(options, severity)
        try:
            self.coverage_start = dt.date.fromisoformat(str(self.options["coverage-start"]))
        except ValueError as error:
            raise RuleOptionError(f"{self.code} option coverage-start must be an ISO date: {error}") from None

    def prepare(self) -> None:
        """Load the base (and the user's files) once, before workers fork; a bad user file stops the run here."""
        knowledge(self.extra_files)

    def needs_preparing(self, workers: bool) -> bool:
        """In one process, only the user's files need checking first: the built-in base loads on first use
        (a document with no date never needs it)."""
        return workers or bool(self.options["extra-kb-files"])

    @property
    def extra_files(self) -> tuple[str, ...]:
        """The user's knowledge-base files, relative ones resolved against the config file's folder."""
        paths = []
        for path in self.options["extra-kb-files"]:
            candidate = Path(str(path)).expanduser()
            if not candidate.is_absolute() and self.config_root is not None:
                candidate = self.config_root / candidate
            paths.append(str(candidate))
        return tuple(paths)

    def check(self, document: Document) -> Iterator[Finding]:
        """Findings on the document's date that also hold on the date its own text states, if it states
        another: a record's date field is often a crawl or import date, and a page that says
        "Last updated: 26 November 2007" is read by its own date too, as a reader would."""
        date = document.date
        if date is None:
            return
        findings = list(self.check_on(document, date))
        stated = own_date(document, date) if findings else None
        if stated is not None:
            still = {(finding.start, finding.end) for finding in self.check_on(document, stated)}
            findings = [finding for finding in findings if (finding.start, finding.end) in still]
        yield from findings

    def check_on(self, document: Document, date: DocumentDate) -> Iterator[Finding]:
        """The rule's findings for the document read as of ``date``."""
        raise NotImplementedError

    def readings(self, document: Document) -> Iterator[Reading]:
        """The document's resolved mentions, found once and shared by the family's rules."""
        extra_files = self.extra_files
        key = ("anachronism", extra_files)
        found = document.cache.get(key)
        if found is None:
            kb, index = knowledge(extra_files)
            found = [r for r in (resolve(kb, index, m) for m in scan(index, document.text)) if r is not None]
            document.cache[key] = found
        yield from found

    @property
    def kb(self) -> KnowledgeBase:
        return knowledge(self.extra_files)[0]

    def in_coverage(self, reading: Reading, last: dt.date) -> bool:
        """Whether the base covers the date for these offices at all."""
        starts = [o.covered_from for o in reading.offices if o.covered_from is not None]
        return last >= self.coverage_start and bool(starts) and last >= min(starts)

    def sentence(self, document: Document, reading: Reading, first: dt.date, last: dt.date) -> Sentence:
        """The sentence of a mention, for a document dated ``[first, last]`` (relative times are read from it)."""
        layout = Layout.of(document)
        start, end = layout.sentence(reading.mention.start, reading.mention.end)
        paragraph_start = layout.line(start)[0]
        mention_at, mention_end = reading.mention.start - start, reading.mention.end - start
        # the mention itself is no cue: "Soe Win" holds no talk of winning, "Tony Major" no "then"
        text = document.text[start:end]
        text = text[:mention_at] + " " * (mention_end - mention_at) + text[mention_end:]
        dated = clause_end(text, mention_end)
        clause = text[clause_start(text, mention_at) : dated]
        relative = relative_periods(clause, first, last) + relative_periods(opening(text[:mention_at]), first, last)
        return Sentence(
            text,
            mention_at,
            [year_range(*span) for span in layout.years(start, start + dated)] + relative,
            [year_range(*span) for span in layout.years(paragraph_start, start)],
            cues().past_event(text[max(0, mention_at - 80) : mention_at]),
        )

    def quoted(self, document: Document, reading: Reading) -> bool:
        return Layout.of(document).quoted(reading.mention.start)

    @staticmethod
    def about_other_time(sentence: str, mention_at: int) -> bool:
        return cues().about_other_time(sentence, mention_at)

    @staticmethod
    def hypothetical(sentence: str) -> bool:
        c = cues()
        return c.says(c.hypothetical, sentence)

    def report(self, document: Document, reading: Reading, message: str) -> Finding:
        mention = reading.mention
        return self.finding(document, mention.start, mention.end, message)
