"""TYP: a proper noun or proper adjective in lower case ("istanbul", "russian")."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

import regex

from linter import Document, Finding, Fix, Rule
from rules.typos.text import GAZETTEER_OPTIONS, LOWER_WORD, analyse, fold, given_names, is_english_word, gazetteer_for, title_case

POSSESSIVES = ("'s", "’s")
NEXT_CAPITALISED = regex.compile(r"[ \t]+\p{Lu}")
MIN_EVIDENCE = 2
"""Capitalised mid-sentence occurrences needed before an unknown name's lower-case form is flagged."""


class LowercaseProperNoun(Rule):
    """A proper noun or adjective written in lower case ("in istanbul", "the russian delegation").

    ## What it flags
    Lower-case words that are names, on evidence: either the gazetteer
    (`rules/typos/data/gazetteer.txt`: countries, cities, nationalities,
    languages, days and months, well-known people) knows them, or the same
    document writes the word capitalised on its own in mid-sentence at least
    twice, more often than in lower case ("met Kovalchuk ... said Kovalchuk
    ... officials said kovalchuk"), and it is no English word. Capitals
    inside several-word names ("the Sistine Chapel") and in headlines are no
    evidence.

    ## Why
    Lower-cased names are a sign of careless or machine-spun text, and they
    hide the names from anything that looks for them.

    ## What it leaves alone
    Names that are also ordinary words (turkey, china, march, may, bill,
    rose, polish, trump: `rules/typos/data/ambiguous.txt`), words in URLs,
    e-mail addresses, hashtags and handles, hyphenated compounds, short
    quotations and words before [sic], texts that are not English, and
    texts written in lower case throughout.

    ## Example
    "Peace talks in istanbul" becomes "Peace talks in Istanbul".

    ## Fix
    Capitalises the word (each word of a several-word name). Safe when the
    gazetteer knows the name; unsafe when the evidence is the document alone.

    ## Options
    `extra-names`: more names, one string each ("Kallas", "Nizhny Novgorod").
    `extra-gazetteer-files`: files of names, one a line, relative to the
    config file. `allowed`: lower-case words never to flag.
    """

    code = "TYP004"
    name = "lowercase-proper-noun"
    category = "typo"
    fixable = True
    default_options = {**GAZETTEER_OPTIONS, "allowed": []}

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = analyse(document)
        if not analysis.english or not analysis.cased:
            return
        text = document.text
        gazetteer = gazetteer_for(self)
        allowed = {fold(word) for word in self.options["allowed"]}
        capitalised = Counter(
            name.text
            for name in analysis.names
            if not name.initial
            and not given_names([name])
            and not NEXT_CAPITALISED.match(text, name.end)
            and not analysis.in_heading(name.start)
        )
        words = list(LOWER_WORD.finditer(text))
        lower_counts = Counter(m.group() for m in words)
        index = 0
        while index < len(words):
            match = words[index]
            index += 1
            word = _without_possessive(match.group())
            start, end = match.start(), match.start() + len(word)
            folded = fold(word)
            if folded in allowed:
                continue
            phrases = gazetteer.phrases.get(folded, ())
            if not phrases and folded not in gazetteer.single and title_case(word) not in capitalised:
                continue
            if analysis.is_kept(start, end):
                continue
            phrase = _phrase_at(text, words, index - 1, phrases)
            if phrase is not None:
                length, name = phrase
                end = words[index - 1 + length - 1].end()
                index += length - 1
                fix = Fix.replace(start, end, name, description=f"write {name!r}")
                yield self.finding(document, start, end, f"proper noun in lower case: {text[start:end]!r} is {name!r}", fix=fix)
            elif gazetteer.unambiguous(word):
                fix = Fix.replace(start, end, title_case(word), description=f"capitalise {word!r}")
                yield self.finding(document, start, end, f"proper noun in lower case: {word!r} is a name", fix=fix)
            elif (
                len(word) >= 4
                and folded not in gazetteer.ambiguous
                and capitalised[title_case(word)] >= max(MIN_EVIDENCE, lower_counts[word] + 1)
                and not is_english_word(word)
            ):
                fix = Fix.replace(start, end, title_case(word), safe=False, description=f"capitalise {word!r}")
                yield self.finding(
                    document,
                    start,
                    end,
                    f"proper noun in lower case: {word!r} is written {title_case(word)!r} elsewhere in this document",
                    fix=fix,
                )


def _without_possessive(word: str) -> str:
    for suffix in POSSESSIVES:
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _phrase_at(text: str, words: list, index: int, candidates) -> tuple[int, str] | None:
    """The longest several-word name starting at words[index], all in lower case, on one line."""
    best: tuple[int, str] | None = None
    for folded_words, name in candidates:
        length = len(folded_words)
        if index + length > len(words):
            continue
        run = words[index : index + length]
        if any(fold(_without_possessive(m.group())) != w for m, w in zip(run, folded_words)):
            continue
        gaps = [text[a.end() : b.start()] for a, b in zip(run, run[1:])]
        if all(gap in (" ", "\u00a0") for gap in gaps) and (best is None or length > best[0]):
            best = (length, name)
    return best
