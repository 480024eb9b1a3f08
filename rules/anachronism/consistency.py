"""Checks of the knowledge base as data: what ``data/README.md`` promises about every file.

The loader (``kb.py``) already notes malformed entries; these checks look at
the data as a whole: overlapping terms, terms outside the file's ``as_of``,
ids that disagree across files (``consistency_problems``), gaps without a
holder that the office does not declare (``gap_problems``) and files not
verified to the target date (``stale_files``). A wrong term is a false alarm for
every user, so the test suite runs them on every built-in file.
"""

from __future__ import annotations

import datetime as dt
import re

from rules.anachronism.kb import APPROXIMATE_MARGIN, KnowledgeBase, Office

AS_OF_TARGET = dt.date(2025, 12, 31)
"""The date every built-in file should be verified up to."""
_HOMONYM = re.compile(r"-\d+$")
"""Ids ending in a number ("andris-berzins-1944") mark two people with one name."""
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def consistency_problems(kb: KnowledgeBase, *, whole_base: bool = True) -> list[str]:
    """What is wrong with the data, beyond the loader's per-entry problems.

    ``whole_base`` adds the checks that need every file loaded (a central
    bank's ``country`` names a known jurisdiction); a single file checked
    alone skips them.
    """
    problems = list(kb.problems)
    by_name: dict[str, str] = {}
    for person in kb.people.values():
        if not _ID.fullmatch(person.id):
            problems.append(f"person id {person.id!r} is not lower-case words joined by hyphens")
        other = by_name.setdefault(person.name, person.id)
        if other != person.id and not (_HOMONYM.search(other) and _HOMONYM.search(person.id)):
            problems.append(f"{person.name!r} has two ids: {other} and {person.id}")
    if whole_base:
        for jurisdiction in kb.jurisdictions.values():
            if jurisdiction.country and jurisdiction.country not in kb.jurisdictions:
                problems.append(f"{jurisdiction.path}: country {jurisdiction.country} is no jurisdiction of the base")
    for office in kb.offices.values():
        problems.extend(_office_problems(kb, office))
    return problems


def _office_problems(kb: KnowledgeBase, office: Office) -> list[str]:
    where = f"{office.path}: {office.id}"
    problems = []
    if not office.id.startswith(office.jurisdiction.lower() + "-") or not _ID.fullmatch(office.id):
        problems.append(f"{where}: an office id is '<jurisdiction in lower case>-<office>' in lower-case words")
    for term in office.terms:
        if term.person not in kb.people:
            problems.append(f"{where}: term of unknown person {term.person}")
        if term.end is not None and term.end <= term.start:
            problems.append(f"{where}: term of {term.person} ends ({term.end}) before it starts ({term.start})")
        if term.start > office.as_of:
            problems.append(f"{where}: term of {term.person} starts after the file's as_of {office.as_of}")
        if term.end is not None and term.end > office.as_of + dt.timedelta(days=1) and not term.elect:
            problems.append(f"{where}: term of {term.person} ends ({term.end}) after the file's as_of {office.as_of}")
    if office.single_holder:
        problems.extend(_succession_problems(office, where))
    return problems


def _succession_problems(office: Office, where: str) -> list[str]:
    """Overlapping terms of a single-holder office."""
    problems = []
    open_terms = [t for t in office.tenures if t.end is None]
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


def gap_problems(kb: KnowledgeBase) -> list[str]:
    """Times a single-holder office had no recorded holder for longer than it allows.

    A gap is allowed up to the office's ``max_gap_days``, 45 days more next to
    an approximate boundary (it may be that far off), plus any declared
    ``vacancies``; acting holders' terms fill gaps.
    """
    problems = []
    for office in kb.offices.values():
        if not office.single_holder:
            continue
        held_until, uncertain = None, False
        for term in office.tenures:
            if held_until is not None and term.start > held_until:
                unexplained = _days_not_declared(office, held_until, term.start)
                allowed = office.max_gap_days + (APPROXIMATE_MARGIN.days if uncertain or term.approximate_start else 0)
                if unexplained > allowed:
                    problems.append(
                        f"{office.path}: {office.id}: no holder from {held_until} to {term.start} ({unexplained} days not "
                        f"declared in 'vacancies', more than max_gap_days {office.max_gap_days}); record the acting holder or the vacancy"
                    )
            if term.end is None:
                break
            if held_until is None or term.end >= held_until:
                held_until, uncertain = term.end, term.approximate_end
    return problems


def _days_not_declared(office: Office, first: dt.date, end: dt.date) -> int:
    """Days in ``[first, end)`` outside the office's declared vacancies."""
    days = (end - first).days
    for vacancy in office.vacancies:
        overlap = (min(end, vacancy.end) - max(first, vacancy.start)).days
        days -= max(0, overlap)
    return days


def stale_files(kb: KnowledgeBase, target: dt.date = AS_OF_TARGET) -> list[str]:
    """The files whose ``as_of`` is before ``target``, with their date."""
    return sorted(f"{j.path}: as_of {j.as_of}" for j in kb.jurisdictions.values() if j.as_of < target)
