"""The knowledge base of offices, people and terms: loading, merging and checking.

One YAML file per jurisdiction or organisation (``data/kb/<key>.yaml``); the
format, with every key and what the rules make of it, is documented in
``data/README.md`` (the people who write the data read it there).

Terms are ``[start, end)``: ``end`` is the first day the person no longer
held the office, ``null`` while they hold it on the file's ``as_of`` date.

Loading never raises on a bad entry: it is skipped and described in
``KnowledgeBase.problems`` (with the file), so one bad row in a user's file
is reported, not fatal, and the consistency test lists every problem at once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable

import yaml

KB_DIR = Path(__file__).parent / "data" / "kb"
HEAD_OF = {"state", "government", "other"}
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader when PyYAML has it: the base loads several times faster."""
_HOMONYM = re.compile(r"-\d+$")
"""Ids ending in a number ("andris-berzins-1944") mark two people with one name."""


class KnowledgeBaseError(ValueError):
    """A knowledge-base file the user asked for is missing or malformed."""


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """One continuous term of one person in one office: held on days ``start <= day < end``."""

    person: str
    start: dt.date
    end: dt.date | None
    source: str
    acting: bool = False
    elect: bool = False

    def held_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        """Whether the person held the office on some day in ``[first, last]``."""
        return self.start <= last and (self.end is None or self.end > first)

    def covers(self, first: dt.date, last: dt.date) -> bool:
        """Whether the person held the office on every day in ``[first, last]``."""
        return self.start <= first and (self.end is None or self.end > last)


@dataclass(frozen=True)
class Office:
    id: str
    label: str
    jurisdiction: str
    titles: tuple[str, ...]
    terms: tuple[Term, ...]
    as_of: dt.date
    path: str
    metonyms: tuple[str, ...] = ()
    head_of: str | None = None
    single_holder: bool = True
    titled_for_life: bool = False

    @cached_property
    def tenures(self) -> tuple[Term, ...]:
        """The terms in which the office was held (not the elect windows)."""
        return tuple(t for t in self.terms if not t.elect)

    @cached_property
    def holder_ids(self) -> frozenset[str]:
        """Everyone who held the office at some time."""
        return frozenset(t.person for t in self.tenures)

    @cached_property
    def covered_from(self) -> dt.date | None:
        starts = [t.start for t in self.tenures]
        return min(starts) if starts else None


@dataclass(frozen=True)
class Jurisdiction:
    key: str
    label: str
    names: tuple[str, ...]
    as_of: dt.date
    path: str


@dataclass
class KnowledgeBase:
    people: dict[str, Person] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)
    jurisdictions: dict[str, Jurisdiction] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def add_file(self, path: Path) -> None:
        """Read one YAML file into the base, noting (not raising) what is wrong with it."""
        where = str(path)
        self.files.append(where)
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            self.problems.append(f"{where}: cannot be read: {error}")
            return
        if not isinstance(data, dict):
            self.problems.append(f"{where}: expected a mapping with jurisdiction, as_of, people and offices")
            return
        key = _text(data.get("jurisdiction"))
        as_of = _date(data.get("as_of"))
        if not key or as_of is None:
            self.problems.append(f"{where}: needs 'jurisdiction' and an ISO 'as_of' date")
            return
        names = _strings(data.get("names"))
        known = self.jurisdictions.get(key)
        if known:
            names = tuple(dict.fromkeys(known.names + names))
            as_of = min(as_of, known.as_of)
        self.jurisdictions[key] = Jurisdiction(key, _text(data.get("label")) or key, names, as_of, where)
        for entry in _list(data.get("people"), where, "people", self.problems):
            self._add_person(entry, where)
        for entry in _list(data.get("offices"), where, "offices", self.problems):
            self._add_office(entry, key, _date(data.get("as_of")) or as_of, where)

    def _add_person(self, entry: Any, where: str) -> None:
        if not isinstance(entry, dict) or not _text(entry.get("id")) or not _text(entry.get("name")):
            self.problems.append(f"{where}: a person needs 'id' and 'name': {entry!r}")
            return
        person = Person(_text(entry["id"]), _text(entry["name"]), _strings(entry.get("aliases")))
        known = self.people.get(person.id)
        if known is None:
            self.people[person.id] = person
            return
        if known.name != person.name:
            self.problems.append(f"{where}: person {person.id} is named {person.name!r} here but {known.name!r} elsewhere")
        aliases = tuple(dict.fromkeys(known.aliases + person.aliases))
        self.people[person.id] = Person(known.id, known.name, aliases)

    def _add_office(self, entry: Any, jurisdiction: str, as_of: dt.date, where: str) -> None:
        if not isinstance(entry, dict) or not _text(entry.get("id")):
            self.problems.append(f"{where}: an office needs an 'id': {entry!r}")
            return
        office_id = _text(entry["id"])
        if office_id in self.offices:
            self.problems.append(f"{where}: office {office_id} is defined twice (also in {self.offices[office_id].path})")
            return
        head_of = entry.get("head_of")
        if head_of is not None and head_of not in HEAD_OF:
            self.problems.append(f"{where}: office {office_id}: head_of must be one of {sorted(HEAD_OF)}")
        titles = _strings(entry.get("titles"))
        if not titles:
            self.problems.append(f"{where}: office {office_id} has no titles")
        terms = []
        for row in _list(entry.get("terms"), where, f"{office_id} terms", self.problems):
            term = self._term(row, office_id, where)
            if term is not None:
                terms.append(term)
        self.offices[office_id] = Office(
            id=office_id,
            label=_text(entry.get("label")) or office_id,
            jurisdiction=jurisdiction,
            titles=titles,
            terms=tuple(sorted(terms, key=lambda t: (t.start, t.elect))),
            as_of=as_of,
            path=where,
            metonyms=_strings(entry.get("metonyms")),
            head_of=head_of if head_of in HEAD_OF else None,
            single_holder=bool(entry.get("single_holder", True)),
            titled_for_life=bool(entry.get("titled_for_life", False)),
        )

    def _term(self, row: Any, office_id: str, where: str) -> Term | None:
        if not isinstance(row, dict):
            self.problems.append(f"{where}: {office_id}: a term must be a mapping: {row!r}")
            return None
        start, end = _date(row.get("start")), _date(row.get("end"))
        person, source = _text(row.get("person")), _text(row.get("source"))
        if not person or start is None or (row.get("end") is not None and end is None):
            self.problems.append(f"{where}: {office_id}: a term needs 'person', an ISO 'start' and an ISO or null 'end': {row!r}")
            return None
        if not source:
            self.problems.append(f"{where}: {office_id}: the term of {person} from {start} has no 'source'")
        return Term(person, start, end, source, acting=bool(row.get("acting")), elect=bool(row.get("elect")))


def consistency_problems(kb: KnowledgeBase) -> list[str]:
    """What is wrong with the data as a whole, beyond the loader's per-entry problems."""
    problems = list(kb.problems)
    by_name: dict[str, str] = {}
    for person in kb.people.values():
        other = by_name.setdefault(person.name, person.id)
        if other != person.id and not (_HOMONYM.search(other) and _HOMONYM.search(person.id)):
            problems.append(f"{person.name!r} has two ids: {other} and {person.id}")
    for office in kb.offices.values():
        where = f"{office.path}: {office.id}"
        for term in office.terms:
            if term.person not in kb.people:
                problems.append(f"{where}: term of unknown person {term.person}")
            if term.end is not None and term.end <= term.start:
                problems.append(f"{where}: term of {term.person} ends ({term.end}) before it starts ({term.start})")
            if term.start > office.as_of:
                problems.append(f"{where}: term of {term.person} starts after the file's as_of {office.as_of}")
            if term.end is not None and term.end > office.as_of + dt.timedelta(days=1) and not term.elect:
                problems.append(f"{where}: term of {term.person} ends ({term.end}) after the file's as_of {office.as_of}")
        open_terms = [t for t in office.tenures if t.end is None]
        if office.single_holder:
            if len(open_terms) > 1:
                problems.append(f"{where}: {len(open_terms)} open terms for a single-holder office")
            tenures = office.tenures
            for earlier, later in zip(tenures, tenures[1:]):
                if earlier.end is None or earlier.end > later.start:
                    problems.append(
                        f"{where}: terms overlap: {earlier.person} from {earlier.start} to {earlier.end} "
                        f"and {later.person} from {later.start}"
                    )
    return problems


def load(paths: Iterable[Path]) -> KnowledgeBase:
    """A knowledge base from these files, merged in order (people by id)."""
    kb = KnowledgeBase()
    for path in paths:
        kb.add_file(path)
    return kb


def builtin_files() -> list[Path]:
    return sorted(KB_DIR.glob("*.yaml"))


def _text(value: Any) -> str:
    return str(value).strip() if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(dict.fromkeys(s for s in (_text(v) for v in value) if s))


def _list(value: Any, where: str, what: str, problems: list[str]) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(f"{where}: {what} must be a list")
        return []
    return value


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
