"""TYP: a name spelled differently from the way most documents of the corpus spell it."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any, Iterator, Sequence

import regex

from linter import Document, Finding, Rule, Severity
from linter.rule import Fact
from rules.typos import lexicon
from rules.typos.text import GAZETTEER_OPTIONS, analyse, fold, gazetteer_for, name_candidates

# Spellings that transliterations of one name alternate between, in the order applied.
TRANSLITERATION = (
    ("yy", "y"), ("iy", "y"), ("ii", "i"), ("ya", "ia"), ("yu", "iu"), ("kh", "h"), ("ks", "x"),
    ("w", "v"), ("ph", "f"), ("ck", "k"), ("sch", "sh"), ("tch", "ch"), ("ou", "u"), ("y", "i"),
)
REPEATS = regex.compile(r"(.)\1+")
NEXT_CAPITALISED = regex.compile(r"[ \t]+(\p{Lu}[\p{L}'’-]*)")


@lru_cache(maxsize=65536)
def transliteration_key(name: str) -> str:
    """One key for the transliterations of a name: Medinsky/Medinski, Zelenskyy/Zelenski, Kyslytsya/Kyslytsia.

    Only alternations that transliteration produces are merged, so different
    names one letter apart (Rabin/Robin, Schulz/Scholz) keep different keys.
    """
    key = fold(name)
    for old, new in TRANSLITERATION:
        key = key.replace(old, new)
    return REPEATS.sub(r"\1", key)


class NameSpelledDifferentlyInCorpus(Rule):
    """A name spelled differently from the way most documents of the corpus spell it ("Medinski" vs "Medinsky").

    ## What it flags
    A capitalised name that several other documents spell another way, where
    the two differ only as transliterations do (y/i, yy/y, ya/ia, kh/h, w/v,
    ks/x, ou/u, doubled letters): "Medinski" in one article where two others
    write "Medinsky". Like is compared with like: the two spellings must share
    a neighbouring name somewhere ("Vladimir Medinski", "Vladimir Medinsky";
    "Massachussetts Institute", "Massachusetts Institute"), so a surname is
    not compared with a given name or two people with each other. The usual spelling must
    be used by at least two documents and by more documents than the odd one.
    The first occurrence in each document with the odd spelling is reported,
    with a document that uses the usual spelling as the related place.
    Runs in the corpus phase; info severity, since transliterations differ
    between publishers.

    ## Why
    A corpus that spells one person three ways splits that person in three
    for search, counting and entity linking.

    ## What it leaves alone
    Different names one letter apart (Rabin/Robin, Schulz/Scholz), spellings
    differing only in accents, spellings the gazetteer knows, English words,
    ordinary variants of Western names that are both in common use by
    wordfreq's frequencies (Martyn/Martin, Mathew/Matthew, Denis/Dennis,
    Lehman/Lehmann), names under five letters, ties, and documents that use
    both spellings (the per-document rule TYP007 covers those).

    Off by default: select it by its code to run it.

    ## Example
    Three articles write "Vladimir Medinsky" and one writes "Vladimir
    Medinski": the fourth is reported.

    ## Options
    `extra-names`: more names the gazetteer knows. `extra-gazetteer-files`:
    files of names, one a line, relative to the config file.
    """

    code = "TYP008"
    name = "name-spelled-differently-in-corpus"
    category = "typo"
    severity = Severity.INFO
    enabled_by_default = False
    default_options = dict(GAZETTEER_OPTIONS)

    def collect(self, document: Document) -> Iterator[Fact]:
        analysis = analyse(document)
        if not analysis.english:
            return
        for form, first in name_candidates(analysis, gazetteer_for(self)).items():
            neighbours = set()
            for token in analysis.name_tokens(form):
                neighbours.add(analysis.previous_name(token))
                following = NEXT_CAPITALISED.match(analysis.text, token.end)
                neighbours.add(following.group(1) if following else "")
            neighbours.discard("")
            yield Fact(
                transliteration_key(form),
                {"form": form, "neighbours": sorted(neighbours), "location": document.location(first.start, first.end)},
            )

    def reduce(self, key: str, values: Sequence[Any]) -> Iterator[Finding]:
        by_form: dict[str, list[Any]] = defaultdict(list)
        neighbours: dict[str, set[str]] = defaultdict(set)
        for value in values:
            by_form[value["form"]].append(value["location"])
            neighbours[value["form"]].update(value["neighbours"])
        if len(by_form) < 2:
            return
        gazetteer = gazetteer_for(self)
        usual = max(by_form, key=lambda form: len(by_form[form]))
        usual_documents = {(loc.path, loc.record) for loc in by_form[usual]}
        if len(usual_documents) < 2:
            return
        for form, locations in by_form.items():
            if (
                form == usual
                or len(locations) >= len(by_form[usual])
                or fold(form) == fold(usual)
                or gazetteer.knows(form)
                or (lexicon.is_established(form) and lexicon.is_established(usual))
                or not neighbours[form] & neighbours[usual]
            ):
                continue
            related = by_form[usual][0]
            for location in locations:
                if (location.path, location.record) in usual_documents:
                    continue
                yield self.finding_at(
                    location,
                    f"{form!r} is spelled {usual!r} in {len(usual_documents)} other documents of the corpus",
                    related=[related],
                )
