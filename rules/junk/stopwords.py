"""Stop-word lists of about 100 languages, from the jusText package, and a document's language by them.

jusText (Pomikálek 2011) judges a paragraph by its share of stop words: prose
is full of function words ("the", "of", "und", "de"), menus and headline
lists are not.  Its lists, one per language and ordered by frequency in
Wikipedia, ship as text files inside the package; they are read here as
data, without importing jusText itself (which would load lxml).  The
language of a document is the one whose most frequent stop words it uses
most; only that language's full list is then loaded.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from functools import cache
from itertools import chain
from pathlib import Path

DETECTION_WORDS = 40
"""How many of each list's most frequent words decide the language."""
MIN_DETECTION_HITS = 3
SECOND_LANGUAGE_SHARE = 0.3
MAX_LANGUAGES_PER_WORD = 10
"""A word frequent in more languages than this ("a", "de", "la") tells none of them apart, and is not counted."""
FALLBACK_LANGUAGE = "English"
VARIANTS = frozenset({"Simple_English"})
"""Lists of a language already listed (Simple English Wikipedia): they would only split its votes."""


@cache
def stoplist_folder() -> Path:
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the junk rules need the justext package for their stop-word lists: pip install justext")
    return Path(next(iter(spec.submodule_search_locations))) / "stoplists"


def _words(path: Path) -> list[str]:
    return [word.strip().casefold() for word in path.read_text(encoding="utf-8").splitlines() if word.strip()]


@cache
def languages() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in stoplist_folder().glob("*.txt") if path.stem not in VARIANTS))


@cache
def detection_table() -> dict[str, tuple[str, ...]]:
    """Each language's most frequent stop words, mapped to the languages that use them."""
    table: dict[str, list[str]] = {}
    for language in languages():
        seen: set[str] = set()
        with (stoplist_folder() / f"{language}.txt").open(encoding="utf-8") as handle:
            for raw in handle:
                word = raw.strip().casefold()
                if word and word not in seen:
                    seen.add(word)
                    table.setdefault(word, []).append(language)
                if len(seen) == DETECTION_WORDS:
                    break
    return {word: tuple(names) for word, names in table.items() if len(names) <= MAX_LANGUAGES_PER_WORD}


@cache
def stopwords(language: str) -> frozenset[str]:
    """One language's stop words, case-folded."""
    return frozenset(_words(stoplist_folder() / f"{language}.txt"))


def detect_languages(words: list[str]) -> tuple[str, ...]:
    """The languages whose frequent stop words occur among ``words`` (case-folded), most used first.

    A page may mix languages (an English post under Spanish comments): a
    second language is kept when the words that are not the leader's give
    it at least SECOND_LANGUAGE_SHARE of the leader's votes.  Counting only
    the words the leader lacks keeps out lists that merely share its words
    (several Wikipedia stop lists hold English words).
    """
    table = detection_table()
    hits = list(filter(None, map(table.get, words)))
    votes = Counter(chain.from_iterable(hits))
    if not votes or votes.most_common(1)[0][1] < MIN_DETECTION_HITS:
        return (FALLBACK_LANGUAGE,)
    leader, leader_votes = votes.most_common(1)[0]
    others = Counter(chain.from_iterable(languages for languages in hits if leader not in languages))
    if others:
        second, second_votes = others.most_common(1)[0]
        if second_votes >= max(MIN_DETECTION_HITS, SECOND_LANGUAGE_SHARE * leader_votes):
            return (leader, second)
    return (leader,)


def detect_language(words: list[str]) -> str:
    """The language whose frequent stop words occur most among ``words`` (case-folded)."""
    return detect_languages(words)[0]


@cache
def stopwords_of(languages: tuple[str, ...]) -> frozenset[str]:
    """The stop words of several languages together."""
    return frozenset().union(*(stopwords(language) for language in languages))
