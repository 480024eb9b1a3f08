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

KB_DIR = Path(__file__).parent / "data" / "kb"
HEAD_OF = {"state", "government", "other"}
KINDS = {"country", "organisation", "central-bank"}
APPROXIMATE_MARGIN = dt.timedelta(days=45)
"""How far from an approximate boundary (one that may be off by about 30 days) the rules stay silent."""
DEFAULT_MAX_GAP_DAYS = 30
"""The longest an office may go without a recorded holder, unless it says otherwise (a conclave, a confirmation)."""


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
    approximate_start: bool = False
    approximate_end: bool = False

    def held_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        """Whether the person held the office on some day in ``[first, last]``."""
        return self.start <= last and (self.end is None or self.end > first)

    def covers(self, first: dt.date, last: dt.date) -> bool:
        """Whether the person held the office on every day in ``[first, last]``."""
        return self.start <= first and (self.end is None or self.end > last)

    @property
    def earliest_start(self) -> dt.date:
        """The first day the person may have held the office, given an approximate start."""
        return self.start - APPROXIMATE_MARGIN if self.approximate_start else self.start

    @property
    def latest_start(self) -> dt.date:
        """The day by which the person surely held the office, given an approximate start."""
        return self.start + APPROXIMATE_MARGIN if self.approximate_start else self.start

    def may_hold(self, first: dt.date, last: dt.date) -> bool:
        """Whether the person may have held the office on some day in ``[first, last]``, approximate boundaries widened."""
        end = self.end + APPROXIMATE_MARGIN if self.end is not None and self.approximate_end else self.end
        return self.earliest_start <= last and (end is None or end > first)

    def surely_holds(self, first: dt.date, last: dt.date) -> bool:
        """Whether the person held the office on every day in ``[first, last]``, approximate boundaries narrowed."""
        end = self.end - APPROXIMATE_MARGIN if self.end is not None and self.approximate_end else self.end
        return self.latest_start <= first and (end is None or end > last)


@dataclass(frozen=True)
class Vacancy:
    """A declared time without a holder (``[start, end)``), longer than the office's ``max_gap_days``."""

    start: dt.date
    end: dt.date
    source: str


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
    country: str | None = None
    """The country a central bank or national body belongs to: its names reach the office too."""
    max_gap_days: int = DEFAULT_MAX_GAP_DAYS
    vacancies: tuple[Vacancy, ...] = ()
    elect_window_days: int | None = None
    """How long before taking office a winner is called "-elect", when the office says."""

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
    kind: str = "country"
    country: str | None = None


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
        import yaml  # here: a run normally reads the base compiled, from the cache

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's when PyYAML has it: several times faster
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
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
        kind = _text(data.get("kind")) or ("country" if re.fullmatch(r"[A-Z]{2}", key) else "organisation")
        if kind not in KINDS:
            self.problems.append(f"{where}: kind must be one of {sorted(KINDS)}, not {kind!r}")
            kind = "organisation"
        country = _text(data.get("country")) or None
        known = self.jurisdictions.get(key)
        if known:
            names = tuple(dict.fromkeys(known.names + names))
            as_of = min(as_of, known.as_of)
        self.jurisdictions[key] = Jurisdiction(key, _text(data.get("label")) or key, names, as_of, where, kind, country)
        for entry in _list(data.get("people"), where, "people", self.problems):
            self._add_person(entry, where)
        for entry in _list(data.get("offices"), where, "offices", self.problems):
            self._add_office(entry, key, _date(data.get("as_of")) or as_of, where, country)

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

    def _add_office(self, entry: Any, jurisdiction: str, as_of: dt.date, where: str, country: str | None) -> None:
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
        vacancies = []
        for row in _list(entry.get("vacancies"), where, f"{office_id} vacancies", self.problems):
            vacancy = self._vacancy(row, office_id, where)
            if vacancy is not None:
                vacancies.append(vacancy)
        max_gap_days = self._days(entry, "max_gap_days", office_id, where)
        elect_window_days = self._days(entry, "elect_window_days", office_id, where)
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
            country=country,
            max_gap_days=DEFAULT_MAX_GAP_DAYS if max_gap_days is None else max_gap_days,
            vacancies=tuple(sorted(vacancies, key=lambda v: v.start)),
            elect_window_days=elect_window_days,
        )

    def _days(self, entry: dict[str, Any], key: str, office_id: str, where: str) -> int | None:
        value = entry.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.problems.append(f"{where}: office {office_id}: {key} must be a whole number of days, not {value!r}")
            return None
        return value

    def _vacancy(self, row: Any, office_id: str, where: str) -> Vacancy | None:
        start, end = (_date(row.get("start")), _date(row.get("end"))) if isinstance(row, dict) else (None, None)
        source = _text(row.get("source")) if isinstance(row, dict) else ""
        if start is None or end is None or end <= start or not source:
            self.problems.append(f"{where}: {office_id}: a vacancy needs ISO 'start' < 'end' and a 'source': {row!r}")
            return None
        return Vacancy(start, end, source)

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
        approximate = row.get("approximate", False)
        if approximate not in (True, False, None, "start", "end"):
            self.problems.append(f"{where}: {office_id}: approximate must be true, false, 'start' or 'end': {row!r}")
            approximate = True
        return Term(
            person,
            start,
            end,
            source,
            acting=bool(row.get("acting")),
            elect=bool(row.get("elect")),
            approximate_start=approximate in (True, "start"),
            approximate_end=approximate in (True, "end"),
        )


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
