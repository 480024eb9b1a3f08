"""TYP: a proper noun or proper adjective in lower case ("istanbul", "russian")."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Iterator

import regex

from linter import Document, Finding, Fix, Option, Rule
from rules.typos import lexicon
from rules.typos.text import (
    GAZETTEER_OPTIONS,
    LOWER_WORD,
    Analysis,
    Gazetteer,
    analyse,
    fold,
    gazetteer_for,
    title_case,
)

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
    ... officials said kovalchuk"), and it is no ordinary English word by
    wordfreq's frequencies and the dictionary ("bank", "radio", "court" and
    "budget" are capitalised in names, but are words). Capitals
    inside several-word names ("the Sistine Chapel") and in headlines are no
    evidence.

    ## Why
    Lower-cased names are a sign of careless or machine-spun text, and they
    hide the names from anything that looks for them.

    ## What it leaves alone
    Names that are also ordinary words (turkey, china, march, may, bill,
    rose, polish, trump: `rules/typos/data/ambiguous.txt`), words in URLs,
    e-mail addresses, hashtags and handles, hyphenated compounds, short
    quotations and words before [sic], texts that are not English, lines in
    another language within an English text, and texts written in lower case
    throughout.

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
    default_options = {**GAZETTEER_OPTIONS, "allowed": Option([], items=str)}

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = analyse(document)
        findings = list(self._findings(document, analysis))
        # Tested last: the language and casing tests cost passes over the text, and most documents have no finding.
        if findings and analysis.english and analysis.cased:
            yield from findings

    def _findings(self, document: Document, analysis: Analysis) -> Iterator[Finding]:
        text = document.text
        gazetteer = gazetteer_for(self)
        allowed = {fold(word) for word in self.options["allowed"]}
        # Decide per distinct word, not per occurrence, which words can be names at all:
        # known to the gazetteer, or possibly a name on this document's own evidence.
        known: set[str] = set()
        unknown: dict[str, str] = {}
        for raw in self._worth_a_look(analysis, gazetteer):
            folded, is_known, form = _word_kind(raw, gazetteer)
            if folded in allowed:
                continue
            if is_known:
                known.add(raw)
            if form is not None:
                unknown[raw] = form
        capitalised = self._standalone_capitalised(analysis, set(unknown.values()) & analysis.capitalised_counts.keys())
        candidates = known | {raw for raw, form in unknown.items() if form in capitalised}
        starts = sorted(start for raw in candidates for start in analysis.lower_word_starts(raw))
        covered = 0
        for start in starts:
            if start < covered:
                continue  # inside a several-word name already reported
            match = LOWER_WORD.match(text, start)
            raw = match.group()
            word = _without_possessive(raw)
            end = start + len(word)
            folded = fold(word)
            phrase = _phrase_at(text, match, gazetteer.phrases.get(folded, ()))
            # The kept spans (quotations, [sic]) cost a pass over the text: looked at only for a word that is a name.
            if (phrase is None and not gazetteer.unambiguous(word) and raw not in unknown) or analysis.is_kept(start, end):
                continue
            if analysis.in_foreign_line(start):
                continue  # a word of another language, not a name
            if phrase is not None:
                end, name = phrase
                covered = end
                fix = Fix.replace(start, end, name, description=f"write {name!r}")
                yield self.finding(document, start, end, f"proper noun in lower case: {text[start:end]!r} is {name!r}", fix=fix)
            elif gazetteer.unambiguous(word):
                fix = Fix.replace(start, end, title_case(word), description=f"capitalise {word!r}")
                yield self.finding(document, start, end, f"proper noun in lower case: {word!r} is a name", fix=fix)
            elif raw in unknown and capitalised[unknown[raw]] >= max(MIN_EVIDENCE, len(analysis.lower_word_starts(word)) + 1):
                fix = Fix.replace(start, end, title_case(word), safe=False, description=f"capitalise {word!r}")
                yield self.finding(
                    document,
                    start,
                    end,
                    f"proper noun in lower case: {word!r} is written {title_case(word)!r} elsewhere in this document",
                    fix=fix,
                )

    @staticmethod
    def _worth_a_look(analysis: Analysis, gazetteer: Gazetteer) -> set[str]:
        """The lower-case words that may be names: a superset of those the gazetteer or the document shows to be names.

        Most words are plain ASCII without an apostrophe, which folding leaves
        as they are, so set operations pick out the few of those that matter
        (gazetteer words, and lower-case twins of the document's capitalised
        words); the others are all looked at.
        """
        words = analysis.distinct_words
        # A capitalised word has only lower-case letters after its capital, so lower() gives its twin.
        twins = set(map(str.lower, filter(str.isascii, analysis.capitalised_counts)))
        # The few words picked out of all are then narrowed to those in lower case (``lower_words``).
        return set(filter(str.islower, (words & gazetteer.first_words) | (words & twins) | _changed_by_folding(words)))

    @staticmethod
    def _standalone_capitalised(analysis: Analysis, forms: set[str]) -> Counter[str]:
        """How often each of ``forms`` is written capitalised on its own in mid-sentence.

        Not at a sentence start or in a headline, where any word is capitalised,
        and not inside a several-word name (after a given name or before another
        capitalised word).
        """
        return Counter(
            name.text
            for form in forms
            for name in analysis.name_tokens(form)
            if not analysis.is_initial(name)
            and not analysis.given_names([name])
            and not NEXT_CAPITALISED.match(analysis.text, name.end)
            and not analysis.in_heading(name.start)
        )


def _changed_by_folding(words: set[str]) -> set[str]:
    """The words that folding or dropping a possessive may change: not plain ASCII, or with an apostrophe.

    Looked for in the words joined into one string (words hold no spaces): most texts have a
    few such words or none, and a test of every word cost a third of the rule's time.
    """
    joined = " ".join(words)
    found = set() if joined.isascii() else {word for word in words if not word.isascii()}
    at = joined.find("'")
    while at >= 0:
        end = joined.find(" ", at)
        end = len(joined) if end < 0 else end
        found.add(joined[joined.rfind(" ", 0, at) + 1 : end])
        at = joined.find("'", end)
    return found


@lru_cache(maxsize=65536)
def _word_kind(raw: str, gazetteer: Gazetteer) -> tuple[str, bool, str | None]:
    """What a lower-case word (as written) can be: its folded form without a possessive,
    whether the gazetteer knows it as an unambiguous name or the first word of a name, and the
    capitalised form under which the document may show it to be a name (None for
    short, ambiguous and English words)."""
    word = _without_possessive(raw)
    folded = fold(word)
    is_known = folded in gazetteer.phrases or (folded in gazetteer.single and folded not in gazetteer.ambiguous)
    could_be_name = len(word) >= 4 and folded not in gazetteer.ambiguous and not lexicon.is_ordinary(word)
    return folded, is_known, title_case(word) if could_be_name else None


def _without_possessive(word: str) -> str:
    for suffix in POSSESSIVES:
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _phrase_at(text: str, first: regex.Match, candidates) -> tuple[int, str] | None:
    """The end and spelling of the longest several-word name starting with the word ``first``, in lower case, on one line."""
    if not candidates:
        return None
    longest = max(len(folded_words) for folded_words, _ in candidates)
    # The words that follow, each after a single space: the only ones a name can go on with.
    run = [first]
    while len(run) < longest:
        end = run[-1].end()
        following = LOWER_WORD.match(text, end + 1) if text[end : end + 1] in (" ", "\u00a0") else None
        if following is None:
            break
        run.append(following)
    best: tuple[int, int, str] | None = None
    for folded_words, name in candidates:
        length = len(folded_words)
        if length > len(run) or any(fold(_without_possessive(m.group())) != w for m, w in zip(run, folded_words)):
            continue
        if best is None or length > best[0]:
            best = (length, run[length - 1].end(), name)
    return None if best is None else best[1:]
