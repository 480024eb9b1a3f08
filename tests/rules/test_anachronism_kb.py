"""The knowledge base as data: every file in ``rules/anachronism/data/kb`` loads and is consistent."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

from rules.anachronism.consistency import AS_OF_TARGET, consistency_problems, gap_problems, stale_files
from rules.anachronism.kb import APPROXIMATE_MARGIN, builtin_files, load

FILES = builtin_files()


def test_there_are_files() -> None:
    names = {path.stem for path in FILES}
    assert {"us", "gb", "un", "nato", "eu", "ecb", "fed", "holy-see"} <= names


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_each_file_is_consistent(path: Path) -> None:
    """No overlapping terms in a single-holder office, start before end, every person used exists, every term sourced."""
    problems = consistency_problems(load([path]), whole_base=False)
    assert not problems, "\n".join(problems)


def test_all_files_together_are_consistent() -> None:
    """People shared by files (same id) carry the same name; office ids are unique across files; countries exist."""
    problems = consistency_problems(load(FILES))
    assert not problems, "\n".join(problems)


AS_OF_STRICT = False
"""While the data is being brought up to date the stale files are a warning; then this becomes True."""
GAPS_STRICT = False
"""While the data writers declare their offices' vacancies (data/README.md) the gaps are a warning; then True."""


def test_offices_have_no_unexplained_gaps() -> None:
    """No single-holder office without a recorded holder for longer than it allows (max_gap_days, vacancies, acting terms)."""
    gaps = gap_problems(load(FILES))
    message = f"{len(gaps)} gaps without a recorded or declared holder:\n" + "\n".join(gaps)
    if GAPS_STRICT:
        assert not gaps, message
    elif gaps:
        warnings.warn(message, stacklevel=1)


def test_files_are_verified_to_the_target_date() -> None:
    stale = stale_files(load(FILES), AS_OF_TARGET)
    message = f"{len(stale)} files verified only to before {AS_OF_TARGET}:\n" + "\n".join(stale)
    if AS_OF_STRICT:
        assert not stale, message
    elif stale:
        warnings.warn(message, stacklevel=1)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_file_name_matches_jurisdiction(path: Path) -> None:
    kb = load([path])
    assert len(kb.jurisdictions) == 1
    key = next(iter(kb.jurisdictions))
    assert key == key.upper()
    for office in kb.offices.values():
        assert office.titles, office.id


def test_checker_catches_bad_data(tmp_path: Path) -> None:
    bad = tmp_path / "xx.yaml"
    bad.write_text(
        """
jurisdiction: XX
as_of: 2025-01-01
names: [Xland]
people:
  - {id: a, name: Ann}
  - {id: b, name: Bob}
offices:
  - id: xx-president
    titles: [President]
    single_holder: true
    terms:
      - {person: a, start: 2010-01-01, end: 2015-01-01, source: s}
      - {person: b, start: 2014-06-01, end: 2014-01-01, source: s}
      - {person: c, start: 2016-01-01, end: null}
      - {person: b, start: nonsense, end: null, source: s}
""",
        encoding="utf-8",
    )
    problems = "\n".join(consistency_problems(load([bad]), whole_base=False))
    assert "terms overlap" in problems
    assert "ends (2014-01-01) before it starts" in problems
    assert "unknown person c" in problems
    assert "has no 'source'" in problems
    assert "an ISO 'start'" in problems


def test_people_merge_by_id(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("jurisdiction: A\nas_of: 2025-01-01\npeople: [{id: p, name: Pat, aliases: [P1]}]\n", encoding="utf-8")
    second.write_text("jurisdiction: B\nas_of: 2025-01-01\npeople: [{id: p, name: Pat, aliases: [P2]}]\n", encoding="utf-8")
    kb = load([first, second])
    assert kb.people["p"].aliases == ("P1", "P2")
    assert not consistency_problems(kb)


def test_known_facts() -> None:
    """Spot checks of the core files against well-known dates."""
    kb = load(FILES)

    def holder(office: str, day: str) -> list[str]:
        date = dt.date.fromisoformat(day)
        return [kb.people[t.person].name for t in kb.offices[office].tenures if t.held_on(date)]

    assert holder("gb-prime-minister", "2025-06-02") == ["Keir Starmer"]
    assert holder("gb-prime-minister", "2022-09-05") == ["Boris Johnson"]
    assert holder("us-president", "2025-06-02") == ["Donald Trump"]
    assert holder("us-president", "2025-01-19") == ["Joe Biden"]
    assert holder("va-pope", "2025-04-30") == []
    assert holder("va-pope", "2025-05-08") == ["Leo XIV"]
    assert holder("nato-secretary-general", "2024-10-01") == ["Mark Rutte"]
    assert holder("un-secretary-general", "2006-12-31") == ["Kofi Annan"]


def write_office(tmp_path: Path, office_lines: str, head: str = "") -> Path:
    """A one-office file for the consistency checks (people a, b and c)."""
    path = tmp_path / "xx.yaml"
    path.write_text(
        "jurisdiction: XX\nas_of: 2025-01-01\n" + head + "people:\n"
        "  - {id: a, name: Ann}\n  - {id: b, name: Bob}\n  - {id: c, name: Cy}\n"
        "offices:\n  - id: xx-president\n    titles: [President]\n" + office_lines,
        encoding="utf-8",
    )
    return path


GAP_TERMS = """    terms:
      - {person: a, start: 2010-01-01, end: 2015-01-01, source: s}
      - {person: b, start: 2015-06-01, end: null, source: s}
"""


def test_gap_longer_than_allowed_is_a_problem(tmp_path: Path) -> None:
    problems = gap_problems(load([write_office(tmp_path, GAP_TERMS)]))
    assert len(problems) == 1 and "no holder from 2015-01-01 to 2015-06-01 (151 days" in problems[0]


@pytest.mark.parametrize(
    "declaration",
    [
        "    max_gap_days: 160\n",
        "    vacancies: [{start: 2015-01-01, end: 2015-06-01, source: s}]\n",
        "    vacancies: [{start: 2015-01-15, end: 2015-05-20, source: s}]\n",
    ],
    ids=["max_gap_days", "vacancy", "vacancy leaving a short gap"],
)
def test_declared_gap_is_accepted(tmp_path: Path, declaration: str) -> None:
    problems = gap_problems(load([write_office(tmp_path, declaration + GAP_TERMS)]))
    assert not problems, problems


def test_acting_holder_fills_a_gap(tmp_path: Path) -> None:
    terms = GAP_TERMS + "      - {person: c, start: 2015-01-01, end: 2015-06-01, source: s, acting: true}\n"
    assert not gap_problems(load([write_office(tmp_path, terms)]))


def test_ids_and_references_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "xx.yaml"
    path.write_text(
        "jurisdiction: XX\nkind: central-bank\ncountry: YY\nas_of: 2025-01-01\n"
        "people: [{id: Ann_Smith, name: Ann Smith}]\n"
        "offices: [{id: president, titles: [President], terms: [{person: Ann_Smith, start: 2010-01-01, end: null, source: s}]}]\n",
        encoding="utf-8",
    )
    problems = "\n".join(consistency_problems(load([path])))
    assert "person id 'Ann_Smith'" in problems
    assert "an office id is '<jurisdiction in lower case>-<office>'" in problems
    assert "country YY is no jurisdiction" in problems
    assert "country YY" not in "\n".join(consistency_problems(load([path]), whole_base=False))


def test_bad_flags_are_reported(tmp_path: Path) -> None:
    lines = "    max_gap_days: soon\n    terms:\n      - {person: a, start: 2010-01-01, end: null, source: s, approximate: maybe}\n"
    path = write_office(tmp_path, lines, head="kind: planet\n")
    problems = "\n".join(consistency_problems(load([path]), whole_base=False))
    assert "kind must be one of" in problems
    assert "max_gap_days must be a whole number" in problems
    assert "approximate must be true, false, 'start' or 'end'" in problems


@pytest.mark.parametrize(("flag", "start", "end"), [("true", True, True), ("start", True, False), ("end", False, True), ("false", False, False)])
def test_approximate_boundaries(tmp_path: Path, flag: str, start: bool, end: bool) -> None:
    """An approximate boundary widens what a term may hold and narrows what it surely holds, by the margin."""
    lines = f"    terms:\n      - {{person: a, start: 2010-03-01, end: 2015-03-01, source: s, approximate: {flag}}}\n"
    term = load([write_office(tmp_path, lines)]).offices["xx-president"].terms[0]
    assert (term.approximate_start, term.approximate_end) == (start, end)
    just_before, just_after = dt.date(2010, 3, 1) - dt.timedelta(days=30), dt.date(2015, 3, 1) + dt.timedelta(days=30)
    assert term.may_hold(just_before, just_before) == start
    assert term.may_hold(just_after, just_after) == end
    inside_start, inside_end = dt.date(2010, 3, 1) + dt.timedelta(days=30), dt.date(2015, 3, 1) - dt.timedelta(days=30)
    assert term.surely_holds(inside_start, inside_start) != start
    assert term.surely_holds(inside_end, inside_end) != end
    far = dt.date(2010, 3, 1) - APPROXIMATE_MARGIN - dt.timedelta(days=1)
    assert not term.may_hold(far, far)


def test_gap_next_to_an_approximate_boundary_may_be_longer(tmp_path: Path) -> None:
    terms = """    terms:
      - {person: a, start: 2010-01-01, end: 2015-01-01, source: s, approximate: end}
      - {person: b, start: 2015-03-01, end: null, source: s}
"""
    assert not gap_problems(load([write_office(tmp_path, terms)]))
