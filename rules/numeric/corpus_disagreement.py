"""NUM002: a figure that disagrees with what several other documents report about the same event."""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache
from typing import Any, Iterator, Sequence
from urllib.parse import urlparse

import regex

from linter import Document, Finding, Option, Rule
from linter.rule import Fact
from rules.numeric import events
from rules.numeric.analysis import analyse
from rules.numeric.lexicon import noun_classes, word_set
from rules.numeric.mentions import Mention

SOURCE_FIELDS = ("source", "domain", "site", "publisher", "outlet", "url")
UNCOUNTABLE = {"percent", "point"}
MAX_CLAIMS_PER_TOPIC = 4
"""How many different figures one document reports for one thing and kind of event: a report
gives one or two; the bound keeps the corpus phase linear in the documents."""


@cache
def reportable_nouns() -> frozenset[str]:
    """The counted nouns whose figures are compared across reports."""
    return frozenset((set(noun_classes().values()) | {"death", "injury"}) - UNCOUNTABLE - word_set("time_nouns.txt"))


def _source(document: Document) -> str:
    """Who published a document: a metadata field when there is one, else the document itself."""
    for name in SOURCE_FIELDS:
        value = document.metadata.get(name)
        if isinstance(value, str) and value.strip():
            if name == "url":
                return urlparse(value).netloc.lower().removeprefix("www.") or value
            return value.strip().lower()
    return document.display_name


def _show(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _describe(fact: dict[str, Any]) -> str:
    high = fact["high"]
    if high is None:
        text = f"at least {_show(fact['low'])}"
    elif high == fact["low"]:
        text = _show(high)
    else:
        text = f"{_show(fact['low'])}-{_show(high)}"
    return text + (" per side" if fact["per_side"] else "")


def _compatible(a: dict[str, Any], b: dict[str, Any], tolerance: float) -> bool:
    """Whether two reported figures can both be right (a per-side figure also matches twice it).

    A rounder figure agrees with a more precise one within ``tolerance`` (about 500 and 486);
    two figures written to the same precision (495 and 459) must meet as they are."""
    if a.get("precision") == b.get("precision"):
        tolerance = 0.0

    def interval(fact: dict[str, Any], factor: float = 1.0) -> tuple[float, float]:
        high = float("inf") if fact["high"] is None else fact["high"]
        return fact["low"] * factor * (1 - tolerance), high * factor * (1 + tolerance)

    def meet(x: tuple[float, float], y: tuple[float, float]) -> bool:
        return x[0] <= y[1] and y[0] <= x[1]

    if meet(interval(a), interval(b)):
        return True
    if a["per_side"] != b["per_side"]:
        side, whole = (a, b) if a["per_side"] else (b, a)
        return meet(interval(side, 2.0), interval(whole))
    return False


class CorpusFigureDisagreement(Rule):
    """A figure that disagrees with what several other documents report about the same event.

    ## What it flags
    A count of something (the dead however written, the injured, prisoners,
    homes, seats, votes...) in a report of an event whose value cannot be
    squared with the value that a clear majority of other documents give for
    the same event. Claims meet when they count the same kind of thing
    (synonyms count as one: POWs, prisoners of war, captives), name the same
    kind of event (an earthquake, a ferry sinking, a prisoner exchange:
    `data/event_kinds.yaml`), were published within `window_days` of each
    other, and their documents share at least `min_shared_terms` of their main
    names (people, places, organisations: words capitalised inside a
    sentence), so two disasters of one kind in one week in two countries never
    meet. The figure is flagged only when at least
    `min_agreeing` other sources agree with one another on a value
    incompatible with it, and they make up at least `majority` of the sources
    that give a figure at all. The agreeing figures are listed as related
    locations.

    ## Why
    Figures that disagree with everyone else's are a classic sign of a spun,
    garbled or badly merged article: a number moved from one fact to another
    (the bodies returned become the prisoners exchanged), a digit lost, a
    total mistaken for a per-side count.

    ## What it leaves alone
    A single dissenting outlet (one other source is no majority); several
    copies of one article, or several documents from one source (counted
    once: the source is the `source`, `domain`, `site`, `publisher`,
    `outlet` or `url` metadata field, else the document); figures whose
    sentence marks an update or another time ("earlier", "previous", "rose
    to", "in May"); qualified figures that can agree ("at least 1,000" and
    "1,200"); a per-side figure and a total of twice it; a rounder figure
    within `tolerance` of a more precise one (rounding); undated documents (give the corpus a
    date, e.g. `--date`, to check them).

    ## Example
    Three agencies report that the two sides agreed "to exchange 1,000
    prisoners of war each"; a fourth says "a 6,000 to 6,000 prisoner exchange
    agreement was reached". The fourth figure is flagged, with the three
    others as related locations.

    ## Options
    `min_agreeing` (default 3): how many other sources must agree with one
    another against the figure. `majority` (default 0.75): the share of the
    other sources with a figure that they must make up. `window_days`
    (default 7): how far apart the documents' dates may be. `min_shared_terms`
    (default 2): how many main names two documents must share. `tolerance`
    (default 0.1): the relative margin within which a rounder figure agrees
    with a more precise one.
    """

    code = "NUM002"
    name = "corpus-figure-disagreement"
    category = "numeric"
    default_options = {
        "min_agreeing": Option(3, minimum=1),
        "majority": Option(0.75, minimum=0.5, maximum=1),
        "window_days": Option(7, minimum=0, maximum=3660),
        "min_shared_terms": Option(2, minimum=0),
        "tolerance": Option(0.1, minimum=0, maximum=1),
    }

    def collect(self, document: Document) -> Iterator[Fact]:
        if document.date is None or document.date.precision == "year":
            return
        analysis = analyse(document)
        known = reportable_nouns()
        facts = [m for m in analysis.mentions if self._reportable(m, known)]
        if not facts:
            return
        terms: list[str] | None = None
        """The report's key terms, read only once a figure is tied to an event (most are not)."""
        source = _source(document)
        date = document.date.value
        lead_kind = events.lead_event(document)
        reported: dict[str, set[tuple]] = {}
        for mention in facts:
            sentence_start, sentence_end = analysis.layout.sentence_span(mention.sentence)
            kind = events.event_near(document.text, mention.start, mention.phrase_end, sentence_start, sentence_end) or lead_kind
            if kind is None:
                continue
            if terms is None:
                terms = events.key_terms(document)
            topic = f"{mention.counted}|{kind}"
            values = reported.setdefault(topic, set())
            claim = (mention.low, mention.high, mention.per_side)
            if claim in values or len(values) >= MAX_CLAIMS_PER_TOPIC:
                continue  # the same claim again, or a text that is a table of figures, not a report
            values.add(claim)
            sentence = regex.sub(r"\W+", " ", document.text[sentence_start:sentence_end].lower()).strip()
            value = {
                "location": document.location(mention.start, mention.phrase_end, f"reports {document.text[mention.start:mention.end]}"),
                "low": mention.low,
                "high": mention.high,
                "per_side": mention.per_side,
                "precision": len(mention.digits.rstrip("0")),
                "source": source,
                "copy": hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:16],
                "date": date.isoformat(),
                "terms": terms,
                "home": True,
            }
            yield Fact(f"{topic}|{date:%Y-%m}", value)
            for neighbour in self._neighbour_months(date):
                yield Fact(f"{topic}|{neighbour}", {**value, "home": False})

    @staticmethod
    def _reportable(mention: Mention, known: frozenset[str]) -> bool:
        return (
            mention.unit == "count"
            and mention.counted in known
            and mention.time is None
            and not mention.update
            and not mention.is_range
            and mention.low > 1
        )

    def _neighbour_months(self, date: dt.date) -> list[str]:
        """The adjacent month(s) within the window, so claims either side of a month's end still meet."""
        window = dt.timedelta(days=self.options["window_days"])
        months = {f"{d:%Y-%m}" for d in (date - window, date + window)}
        months.discard(f"{date:%Y-%m}")
        return sorted(months)

    def reduce(self, key: str, values: Sequence[Any]) -> Iterator[Finding]:
        for fact in values:
            if fact["home"]:
                finding = self._judge(fact, values)
                if finding is not None:
                    yield finding

    def _judge(self, fact: dict[str, Any], values: Sequence[dict[str, Any]]) -> Finding | None:
        tolerance = self.options["tolerance"]
        by_source: dict[str, list[dict[str, Any]]] = {}
        copies = {fact["copy"]}
        for other in values:
            if other["source"] == fact["source"] or other["copy"] in copies or not self._same_story(fact, other):
                continue
            copies.add(other["copy"])
            by_source.setdefault(other["source"], []).append(other)
        if not by_source:
            return None
        dissenting = {
            source: facts
            for source, facts in by_source.items()
            if not any(_compatible(fact, other, tolerance) for other in facts)
        }
        best: list[dict[str, Any]] = []
        for facts in dissenting.values():
            for candidate in facts:
                agreeing = [
                    next(o for o in others if _compatible(candidate, o, tolerance))
                    for others in dissenting.values()
                    if any(_compatible(candidate, o, tolerance) for o in others)
                ]
                if len(agreeing) > len(best):
                    best = agreeing
        if len(best) < self.options["min_agreeing"] or len(best) < self.options["majority"] * len(by_source):
            return None
        related = [other["location"] for other in best]
        names = ", ".join(sorted({loc.path if loc.id is None else f"{loc.path}[{loc.id}]" for loc in related}))
        message = (
            f"figure {_describe(fact)} disagrees with {_describe(best[0])} reported by "
            f"{len(best)} other sources about the same event ({names})"
        )
        return self.finding_at(fact["location"], message, related=related)

    def _same_story(self, fact: dict[str, Any], other: dict[str, Any]) -> bool:
        days = abs((dt.date.fromisoformat(fact["date"]) - dt.date.fromisoformat(other["date"])).days)
        shared = len(set(fact["terms"]) & set(other["terms"]))
        return days <= self.options["window_days"] and shared >= self.options["min_shared_terms"]
