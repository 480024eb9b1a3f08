"""What event a report is about, for the corpus phase: the kind of event and the names it gives.

Reports meet only when they name the same kind of event (an earthquake, a ferry sinking, a
prisoner exchange) and share names (places, people, organisations), so two disasters of one kind
in one week, in two countries, are never compared.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import regex

from linter import Document
from rules.numeric.lexicon import alternation, data_yaml, not_names

CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}])(\p{Lu}[\p{Ll}\p{M}’'-]+)")
OPENS = regex.compile(r"(?:^|[.!?:\n][\"“”’')\]]?\s*|\n\s*)$")
"""What stands before a word that opens a sentence, a line or a headline."""
LEAD = 600
"""Characters of a report's start (headline and lead) whose names all count as key terms."""


@cache
def event_kinds() -> dict[str, str]:
    """An event word (lower case) -> its kind ("quake" -> "earthquake")."""
    return {term.lower(): kind for kind, terms in data_yaml("event_kinds.yaml").items() for term in terms}


@cache
def event_pattern() -> regex.Pattern:
    return regex.compile(rf"\b(?:{alternation(list(event_kinds()))})\b", regex.IGNORECASE)


def event_near(text: str, start: int, end: int, floor: int, ceiling: int) -> str | None:
    """The kind of the event word nearest text[start:end] within its sentence (floor..ceiling)."""
    best: tuple[int, str] | None = None
    for match in event_pattern().finditer(text, max(floor, start - 80), min(ceiling, end + 80)):
        distance = match.start() - end if match.start() >= end else start - match.end()
        kind = event_kinds()[regex.sub(r"\s+", " ", match.group().lower())]
        if best is None or max(distance, 0) < best[0]:
            best = (max(distance, 0), kind)
    return best[1] if best else None


def lead_event(document: Document) -> str | None:
    """The kind of event a report's start names most often, if it names one."""
    kinds = Counter(event_kinds()[regex.sub(r"\s+", " ", m.group().lower())] for m in event_pattern().finditer(document.text, 0, LEAD))
    if not kinds:
        return None
    (kind, count), *rest = kinds.most_common(2)
    return kind if not rest or rest[0][1] < count else None


def key_terms(document: Document, limit: int = 16) -> list[str]:
    """The names a report is about: capitalised words of its start, and those seen twice anywhere.

    A word counts as a name only if it is capitalised somewhere inside a sentence: "Investigators"
    and "Factory" opening a sentence or a headline are ordinary words."""
    common = not_names()
    text = document.text
    counts: Counter[str] = Counter()
    lead: set[str] = set()
    inside: set[str] = set()
    for match in CAPITALISED.finditer(text, 0, 200_000):
        word = match.group(1).rstrip("’'").lower()
        if word.endswith(("’s", "'s")):
            word = word[:-2]
        if word in common or len(word) <= 2:
            continue
        counts[word] += 1
        if match.start() < LEAD:
            lead.add(word)
        if OPENS.search(text, max(0, match.start() - 3), match.start()) is None:
            inside.add(word)
    terms = [w for w in counts if w in inside and (w in lead or counts[w] >= 2)]
    return sorted(terms, key=lambda w: (-counts[w], w))[:limit]
