"""The anachronism probe: one-line dated sentences built from the knowledge base on disk, scored.

    .venv/bin/python benchmarks/anachronism_probe.py               # every office and term
    .venv/bin/python benchmarks/anachronism_probe.py --sample 500  # a random sample of terms
    .venv/bin/python benchmarks/anachronism_probe.py --write /tmp/probe   # corpus + gold for score.py
    .venv/bin/python benchmarks/anachronism_probe.py --show 40     # more misses and false alarms

For every term of every office, sentences give the holder a title of that
office, in several forms ("Prime Minister X", "X, the prime minister,", with
the country named: "British Prime Minister X", "Britain's prime minister X"):

- on a day inside the term: must be silent; "former <title> X" there must fire (ANA002);
- on a day at least 30 days before or after the term, inside the neighbouring
  holder's term (not across a second handover): must fire (ANA001); "former
  <title> X" after the term must be silent;
- "<title>-elect X" at least 30 days after the term started: must fire (ANA003),
  for heads of state and government.

Cases the rules leave alone by design are not built: a name that can mean two
holders of the title, a day before the base covers the office or after its
``as_of``, a day within 45 days of an ``approximate`` boundary. The probe
regenerates from whatever files are in ``rules/anachronism/data/kb``, so it
grows with the base; the test suite runs a sample of it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from linter.dates import parse_date_value
from linter.document import Document
from linter.checker import check_document
from rules.anachronism.common import knowledge
from rules.anachronism.elect_title import ElectTitle
from rules.anachronism.former_title import FormerTitleSitting
from rules.anachronism.kb import APPROXIMATE_MARGIN, KnowledgeBase, Office, Term
from rules.anachronism.matcher import Index
from rules.anachronism.title_not_held import TitleNotHeld

COVERAGE_START = dt.date(1990, 1, 1)
"""The rules' default `coverage-start`."""
MIN_DISTANCE = dt.timedelta(days=30)
"""How far outside a term a must-fire date lies, at least."""
MAX_DISTANCE = dt.timedelta(days=400)
"""How far outside, at most (so the date stays near the term it tests)."""
ELECT_WINDOW_DAYS = int(ElectTitle().options["elect-window-days"])
SAFE = dt.timedelta(days=2)
"""Distance from an exact boundary for a must-be-silent date inside a term."""
TEMPLATES = (
    "{m} said on Tuesday that the talks would continue.",
    "Speaking in the capital on Monday, {m} promised new funding for schools.",
    "Officials said {m} would meet the delegation on Thursday.",
    "The statement issued by {m} on Friday called for calm.",
)
"""Sentences a mention is put in: no time cue, quotation or hypothetical."""


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    date: dt.date
    form: str
    expect: str
    """The rule code that must fire, or "" for a sentence that must stay silent."""
    name_start: int
    name_end: int
    office: str


@dataclass(frozen=True)
class Form:
    """A way to write a title with a name: ``{t}`` the title capitalised, ``{l}`` in lower case, ``{p}`` a name of the place."""

    label: str
    pattern: str
    kind: str
    """"current" (silent in the term, fires outside it), "former" (fires in the term, silent after) or "then" (silent outside)."""
    place: str = ""
    """"noun" or "any" when the form names the jurisdiction."""
    surname: bool = False
    """Whether the person is named by the surname alone."""


FORMS = (
    Form("Title Name", "{t} {n}", "current"),
    Form("Name, the title,", "{n}, the {l},", "current"),
    Form("the title, Name,", "the {l}, {n},", "current"),
    Form("Place Title Name", "{p} {t} {n}", "current", "any"),
    Form("Place's title Name", "{p}'s {l} {n}", "current", "noun"),
    Form("Name, Place's title,", "{n}, {p}'s {l},", "current", "noun"),
    Form("Title Surname", "{t} {n}", "current", surname=True),
    Form("former Title Name", "former {t} {n}", "former"),
    Form("ex-Title Name", "ex-{t} {n}", "former"),
    Form("Name, the former title,", "{n}, the former {l},", "former"),
    Form("then-Title Name", "then-{t} {n}", "then"),
)
_ADJECTIVE_ENDINGS = ("an", "ish", "ese", "ch", "ic", "i")
"""Jurisdiction names that are adjectives ("British", "Danish"): no possessive "'s" after them."""


@dataclass(frozen=True)
class Written:
    """A title and name written in one form: the mention (``{n}`` where the name goes), the name, the title's key."""

    form: Form
    mention: str
    name: str
    title: str


def _written(kb: KnowledgeBase, index: Index, office: Office, person: str, rng: random.Random) -> list[Written]:
    """The forms of one term, with one title of the office chosen at random; names that can mean two holders left out."""
    title = rng.choice(office.titles)
    key = title.lower()
    capital = title[:1].upper() + title[1:]
    lower = title if title.isupper() else title.lower()
    jurisdiction = kb.jurisdictions.get(office.jurisdiction)
    places = tuple(p for p in (jurisdiction.names if jurisdiction else ()) if p[:1].isupper())
    nouns = tuple(p for p in places if not p.isupper() and not p.endswith(_ADJECTIVE_ENDINGS))
    full = kb.people[person].name
    surnames = [a for a in kb.people[person].aliases if " " not in a and full.endswith(" " + a)]
    written = []
    for form in FORMS:
        choices = {"any": places, "noun": nouns}.get(form.place, ("",))
        name = surnames[0] if form.surname and surnames else ("" if form.surname else full)
        if not choices or not name or _ambiguous(kb, index, name, key):
            continue
        mention = form.pattern.format(t=capital, l=lower, p=rng.choice(choices), n="{n}")
        written.append(Written(form, mention, name, key))
    return written


def _holds(kb: KnowledgeBase, index: Index, person: str, title: str, day: dt.date, margin: dt.timedelta) -> bool:
    """Whether the person held, on a day within ``margin`` of ``day``, any office carrying ``title``."""
    for office_id in index.titles.get(title, ()):
        for term in kb.offices[office_id].tenures:
            if term.person == person and term.may_hold(day - margin, day + margin):
                return True
    return False


def _may_be_elect(kb: KnowledgeBase, index: Index, person: str, title: str, day: dt.date) -> bool:
    """Whether "-elect" may be right on the day: a term of the person (or its elect window) starts soon after it."""
    for office_id in index.titles.get(title, ()):
        office = kb.offices[office_id]
        window = dt.timedelta(days=office.elect_window_days if office.elect_window_days is not None else ELECT_WINDOW_DAYS)
        for term in office.terms:
            if term.person == person and (term.may_hold(day, day) if term.elect else day < term.latest_start <= day + window):
                return True
    return False


def _ambiguous(kb: KnowledgeBase, index: Index, name: str, title: str) -> bool:
    """Whether the name is that of two people who held an office carrying the title."""
    people = {p.id for p in kb.people.values() if p.name == name or name in p.aliases}
    holders = {t.person for o in index.titles.get(title, ()) for t in kb.offices[o].tenures}
    return len(people & holders) > 1


def _last_day(kb: KnowledgeBase, index: Index, title: str) -> dt.date:
    """The last day every office carrying the title is known for."""
    return min(kb.offices[o].as_of for o in index.titles.get(title, ()))


def _inside(term: Term, last: dt.date, rng: random.Random) -> dt.date | None:
    first = term.start + (APPROXIMATE_MARGIN + SAFE if term.approximate_start else SAFE)
    end = term.end or last
    final = min(end - (APPROXIMATE_MARGIN + SAFE if term.approximate_end and term.end else SAFE), last)
    if final < first:
        return None
    return first + dt.timedelta(days=rng.randint(0, (final - first).days))


def _outside(office: Office, term: Term, after: bool, last: dt.date, rng: random.Random) -> dt.date | None:
    """A day 30-400 days before or after the term, in the neighbouring holder's term only."""
    tenures = office.tenures
    position = tenures.index(term)
    if after:
        if term.end is None or position + 1 >= len(tenures):
            return None
        neighbour = tenures[position + 1]
        low = max(term.end + (max(MIN_DISTANCE, APPROXIMATE_MARGIN + SAFE) if term.approximate_end else MIN_DISTANCE), COVERAGE_START)
        high = min(term.end + MAX_DISTANCE, (neighbour.end or last) - SAFE, last)
    else:
        if position == 0:
            return None
        neighbour = tenures[position - 1]
        high = term.start - (max(MIN_DISTANCE, APPROXIMATE_MARGIN + SAFE) if term.approximate_start else MIN_DISTANCE)
        low = max(term.start - MAX_DISTANCE, neighbour.start + SAFE, COVERAGE_START)
    if neighbour.person == term.person or high < low:
        return None
    return low + dt.timedelta(days=rng.randint(0, (high - low).days))


def build_cases(kb: KnowledgeBase, index: Index, rng: random.Random, sample: int | None = None) -> list[Case]:
    """The probe's sentences for every term (or ``sample`` terms chosen at random)."""
    terms = [(office, term) for office in kb.offices.values() for term in office.tenures if term.person in kb.people]
    if sample is not None and sample < len(terms):
        terms = rng.sample(terms, sample)
    cases: list[Case] = []
    for office, term in terms:
        for written in _written(kb, index, office, term.person, rng):
            last = _last_day(kb, index, written.title)
            inside = _inside(term, last, rng)
            if inside is not None and inside >= COVERAGE_START and written.form.kind != "then":
                expect = "ANA002" if written.form.kind == "former" else ""
                cases.append(_case(office, written, inside, "in term", expect, rng))
                if written.form.label == "Title Name" and _elect_probe(kb, index, office, term, written.title, inside):
                    elect = Written(Form("Title-elect Name", "", "elect"), written.mention.replace(" {n}", "-elect {n}", 1), written.name, written.title)
                    cases.append(_case(office, elect, inside, "in term", "ANA003", rng))
            for after in (True, False):
                outside = _outside(office, term, after, last, rng)
                if outside is None or _holds(kb, index, term.person, written.title, outside, MIN_DISTANCE):
                    continue
                if written.form.kind == "former" and not after:
                    continue
                expect = "ANA001" if written.form.kind == "current" else ""
                cases.append(_case(office, written, outside, "after term" if after else "before term", expect, rng))
    return cases


def _elect_probe(kb: KnowledgeBase, index: Index, office: Office, term: Term, title: str, day: dt.date) -> bool:
    """Whether "<title>-elect" on the day is surely wrong and worth probing: a head's term well under way."""
    return (
        office.head_of in ("state", "government")
        and day > term.latest_start + MIN_DISTANCE
        and not _may_be_elect(kb, index, term.person, title, day)
    )


def _case(office: Office, written: Written, day: dt.date, when: str, expect: str, rng: random.Random) -> Case:
    mention = written.mention.replace("{n}", written.name)
    template = rng.choice(TEMPLATES)
    if template.startswith("{m}"):
        mention = mention[:1].upper() + mention[1:]
    text = template.replace("{m}", mention)
    name_start = text.index(mention) + written.mention.index("{n}")
    case_id = f"{office.id}-{day}-{rng.randrange(10**9)}"
    return Case(case_id, text, day, f"{written.form.label}, {when}", expect, name_start, name_start + len(written.name), office.id)


@dataclass
class Score:
    hits: int = 0
    misses: int = 0
    false_alarms: int = 0
    findings: int = 0

    @property
    def precision(self) -> float:
        return 1.0 if not self.findings else (self.findings - self.false_alarms) / self.findings

    @property
    def recall(self) -> float:
        positives = self.hits + self.misses
        return 1.0 if not positives else self.hits / positives


def evaluate(cases: list[Case]) -> tuple[Score, dict[str, Score], list[tuple[Case, str]]]:
    """Run the three rules on every case: the overall score, one per form, and the errors (case, what went wrong)."""
    rules = [TitleNotHeld(), FormerTitleSitting(), ElectTitle()]
    total, by_form, errors = Score(), {}, []
    for case in cases:
        document = Document(text=case.text, path=case.id, date=parse_date_value(case.date.isoformat(), "probe"))
        findings = check_document(rules, document).findings
        score = by_form.setdefault(case.form, Score())
        hit = False
        for finding in findings:
            for tally in (total, score):
                tally.findings += 1
            if case.expect and finding.start < case.name_end and finding.end > case.name_start:
                hit = True
                continue
            for tally in (total, score):
                tally.false_alarms += 1
            errors.append((case, f"false alarm {finding.code}: {finding.message}"))
        if case.expect:
            for tally in (total, score):
                tally.hits += hit
                tally.misses += not hit
            if not hit:
                errors.append((case, f"miss (expected {case.expect})"))
    return total, by_form, errors


def write(cases: list[Case], folder: Path) -> None:
    """The probe as a JSONL corpus (with dates) and gold labels, for ``../shared/eval/score.py``."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "probe.jsonl").open("w", encoding="utf-8") as corpus, (folder / "probe.gold.jsonl").open("w", encoding="utf-8") as gold:
        for case in cases:
            corpus.write(json.dumps({"id": case.id, "text": case.text, "date": case.date.isoformat()}) + "\n")
            if case.expect:
                name = case.text[case.name_start : case.name_end]
                occurrence = case.text[: case.name_start + 1].count(name)
                label = {"doc": case.id, "category": "anachronism", "text": name, "occurrence": occurrence, "level": "must", "why": case.form}
                gold.write(json.dumps(label) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, help="probe this many terms, chosen at random (default: all)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--show", type=int, default=20, help="how many misses and false alarms to print")
    parser.add_argument("--write", type=Path, help="also write probe.jsonl and probe.gold.jsonl to this folder")
    args = parser.parse_args()
    kb, index = knowledge(())
    cases = build_cases(kb, index, random.Random(args.seed), args.sample)
    if args.write:
        write(cases, args.write)
    total, by_form, errors = evaluate(cases)
    terms = sum(len(o.tenures) for o in kb.offices.values())
    kinds = Counter(j.kind for j in kb.jurisdictions.values())
    print(
        f"knowledge base: {kinds['country']} countries, {kinds['organisation']} organisations, {kinds['central-bank']} central banks; "
        f"{len(kb.offices)} offices, {terms} terms, {len(kb.people)} people; probe: {len(cases)} sentences"
    )
    print(f"{'form':<34} {'cases':>6} {'hits':>6} {'misses':>7} {'false':>6} {'precision':>10} {'recall':>7}")
    counts = Counter(c.form for c in cases)
    for form, score in sorted(by_form.items()):
        print(f"{form:<34} {counts[form]:>6} {score.hits:>6} {score.misses:>7} {score.false_alarms:>6} {score.precision:>10.3f} {score.recall:>7.3f}")
    print(f"{'all':<34} {len(cases):>6} {total.hits:>6} {total.misses:>7} {total.false_alarms:>6} {total.precision:>10.3f} {total.recall:>7.3f}")
    for case, what in errors[: args.show]:
        print(f"  {case.date} {what[:160]}\n      {case.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
