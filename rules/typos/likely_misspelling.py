"""TYP: a word no list holds, one slip away from a common word ("goverments", "comittee")."""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Iterator

from collections import defaultdict

import regex
from rapidfuzz.distance import OSA

from linter import Document, Finding, Fix, Option, Rule
from linter.cache import compiled
from rules.typos import lexicon
from rules.typos.text import Analysis, analyse
from rules.typos.vocabulary import misspelled_words

MIN_LENGTH = 4
"""Shorter words are one slip away from too many others to tell a slip from a word."""
MAX_LENGTH = 30
"""Longer strings of letters are no words (glued text, a run of one letter)."""
RARE = 2.0
"""Words at least this common (Zipf: once in ten million words) are in real use, whatever they look like."""
COINED = 1.0
"""A word built from a known one ("hopers", "financings") must be this common (Zipf) to pass as a coinage:
slips are mostly unknown to wordfreq ("demandd", "wared")."""
CANDIDATE = 3.0
"""A correction must be a common dictionary word."""
MARGIN = 1.5
"""A correction must be at least this much more common (Zipf): 30 times."""
SUFFIXES = ("s", "es", "ed", "ing", "er", "ers", "est", "ly", "y", "ish", "able", "ise", "ised", "ize", "ized")
"""Endings that a slip can imitate (a letter doubled at the end: "demandd", "euross"): a word with one must be in some use."""
SUFFIXES_OF_COINAGES = ("ness", "ment", "ments", "ism", "ist", "ists", "ship", "less", "ful", "ification", "wise")
"""Endings no slip imitates: a known word with one is a coinage ("tieless")."""
COMPOUND_PART = 4
"""Both halves of a closed compound ("grassroot") have at least this many letters."""
PREFIXES = ("re", "un", "de", "dis", "pre", "non", "co", "over", "under", "mis", "out", "anti", "inter", "sub", "super", "hyper", "micro", "mega", "cyber", "e")
NEIGHBOURHOOD = 3
"""Words either side looked at for a foreign phrase."""
ASCII_WORD = regex.compile(r"[a-z]+")


@cache
def _deletion_index() -> dict[str, tuple[str, ...]]:
    """The common dictionary words (candidate corrections) under every string one deletion leaves of them.

    Two words one substitution or swap apart leave a common string after one deletion each, and a
    word one insertion from another leaves it after one deletion: so the corrections of a word are
    found with a dozen look-ups instead of hundreds of generated strings (the SymSpell idea).
    """
    return compiled("deletion-index", _build_deletion_index, inputs=[Path(__file__).parent], packages=["wordfreq", "pyspellchecker"])


def _build_deletion_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = defaultdict(list)
    for word in lexicon.dictionary_words_at_least(CANDIDATE):
        for at in range(1, len(word)):
            index[word[:at] + word[at + 1 :]].append(word)
    return {key: tuple(words) for key, words in index.items()}


def one_slip_from(word: str) -> set[str]:
    """The common dictionary words one deletion, insertion, substitution or swap of neighbours from
    ``word``, with the same first letter."""
    candidates = lexicon.dictionary_words_at_least(CANDIDATE)
    index = _deletion_index()
    deletions = {word[:at] + word[at + 1 :] for at in range(1, len(word))}
    found = {d for d in deletions if d in candidates}  # a letter added
    found.update(c for key in (word, *deletions) for c in index.get(key, ()))  # dropped, replaced, swapped
    return {c for c in found if c != word and OSA.distance(c, word) == 1}


@lru_cache(maxsize=65536)
def corrections(word: str) -> tuple[str, ...]:
    """The common dictionary words that one slip turns into ``word``, most common first; empty when ``word`` is no slip."""
    frequency = lexicon.zipf(word)
    if (
        lexicon.in_dictionary(word)
        or frequency >= RARE
        or _coined(word, SUFFIXES_OF_COINAGES)
        or (frequency >= COINED and _coined(word, SUFFIXES))
        or (frequency >= COINED and _compound(word))
    ):
        return ()
    floor = frequency + MARGIN
    found = [c for c in one_slip_from(word) if lexicon.zipf(c) >= floor]
    return tuple(sorted(found, key=lambda c: (-lexicon.zipf(c), c)))


def _coined(word: str, suffixes: tuple[str, ...]) -> bool:
    """A known word with one of ``suffixes`` or a common prefix ("strugglers", "demerge", "tieless")."""
    for suffix in suffixes:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and any(map(lexicon.is_ordinary, _stem_forms(stem, suffixes is SUFFIXES))):
            return True
    return any(word.startswith(prefix) and lexicon.is_ordinary(word[len(prefix) :]) for prefix in PREFIXES if len(word) - len(prefix) >= 4)


def _compound(word: str) -> bool:
    """Two common words written as one ("grassroot", "lawmaker"); slips split into words too ("intern atonal"),
    so only a compound in some use passes."""
    return any(
        lexicon.is_ordinary(word[:at]) and lexicon.is_ordinary(word[at:])
        for at in range(COMPOUND_PART, len(word) - COMPOUND_PART + 1)
    )


def _stem_forms(stem: str, inflected: bool) -> Iterator[str]:
    """What a word looked like before a suffix: "struggl" was "struggle", "happi" "happy", and before
    an inflection, "shopp" was "shop"."""
    yield stem
    yield stem + "e"
    if stem.endswith("i"):
        yield stem[:-1] + "y"
    if inflected and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
        yield stem[:-1]


class LikelyMisspelling(Rule):
    """A word that no dictionary knows, one slip away from a common word ("goverments", "legisation").

    ## What it flags
    A lower-case word of four letters or more that is neither in the dictionary (pyspellchecker's
    English words, with British spellings) nor common (wordfreq), and that one slip turns
    into a common dictionary word at least thirty times as frequent: a letter dropped,
    doubled, added or replaced, or two neighbours swapped, the first letter kept
    ("goverments", "legisation", "consenus", "amibition", "surprisngly").

    ## Why
    Lists of known misspellings (TYP001) hold the common ones; most slips are new
    each time, and only a frequency-aware lexicon tells them from rare words.

    ## What it leaves alone
    Words in real use (wordfreq rates them one in three million or more: jargon, brands,
    variants), dictionary words, coinages from known words ("strugglers", "demerge",
    "spikey"), words written twice or more in the document (used on purpose), words
    the document also capitalises (names), words among other unknown words (a phrase
    in another language), words in URLs, quotations and before [sic], words that
    TYP001 reports, texts that are not English, and lines in another language
    within an English text (a French site's "read also" line).

    ## Example
    "the new legisation" is reported, with the correction "legislation".

    ## Fix
    Replaces the word when exactly one correction fits; unsafe (a rare word may be meant).

    ## Options
    `ignore`: more words never to report (lower case).
    """

    code = "TYP009"
    name = "likely-misspelling"
    category = "typo"
    fixable = True
    default_options = {"ignore": Option([], items=str)}

    prepare_only_loads = True

    def prepare(self) -> None:
        """The lexicon now; the deletion index on first use, since most short runs meet no rare word."""
        lexicon.load()
        super().prepare()

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = analyse(document)
        ignored = {word.lower() for word in self.options["ignore"]}
        # Set operations first: nearly every word is common or a dictionary word, and only the few
        # others are looked at one by one.
        rare = set(filter(str.islower, analysis.distinct_words - lexicon.words_at_least(RARE)))
        rare = rare - lexicon.dictionary() - misspelled_words() - ignored
        unknown = [
            word for word in rare
            if MIN_LENGTH <= len(word) <= MAX_LENGTH and ASCII_WORD.fullmatch(word) and corrections(word)
        ]
        if not unknown:
            return
        capitalised = {form.lower() for form in analysis.capitalised_counts}
        for word in sorted(unknown):
            starts = analysis.lower_word_starts(word)
            if len(starts) != 1 or word in capitalised:
                continue
            start = starts[0]
            end = start + len(word)
            if analysis.is_kept(start, end) or _among_unknown_words(analysis, start, end) or analysis.in_foreign_line(start):
                continue
            # Few documents get this far: the language test (a pass over the text) comes this late.
            if not analysis.english:
                return
            found = corrections(word)
            fix = None
            if len(found) == 1:
                fix = Fix.replace(start, end, found[0], safe=False, description=f"replace with {found[0]!r}")
            suggestion = " or ".join(repr(c) for c in found[:3])
            yield self.finding(document, start, end, f"likely misspelling: {word!r}, did you mean {suggestion}?", fix=fix)


WORD_AROUND = regex.compile(r"\p{L}+")


def _among_unknown_words(analysis: Analysis, start: int, end: int) -> bool:
    """Another word nearby that the lexicon does not know: a phrase in another language, a code, a list of names."""
    text = analysis.text
    before = WORD_AROUND.findall(text, max(0, start - 60), start)[-NEIGHBOURHOOD:]
    after = WORD_AROUND.findall(text, end, end + 60)[:NEIGHBOURHOOD]
    return any(word.islower() and len(word) >= 3 and lexicon.zipf(word) < 1.0 for word in before + after)
