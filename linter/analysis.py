"""One tokenisation of a document's text, shared by every rule that looks at words.

Rules of several families ask the same questions of a text: which words it holds, which of
them are in lower case, whether a word is printed twice in a row. Each answer used to cost
its own pass over the text with a regular expression; here the words are found once (one
``findall`` in C) and the answers are derived from that list with set operations and
C-level ``map``s, computed on first use (``document.analysis``).
"""

from __future__ import annotations

import itertools
import operator
from functools import cached_property

import regex

WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")
"""A word: letters, with apostrophes inside ("don't", "O'Neill", "l'eau")."""
MAX_BOUNDARIES = 32
"""Places where a doubled word may be that are looked up in the text; more go to the search itself."""


class TextAnalysis:
    """The words of one text and what follows from them, each fact computed once, when first asked for."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def words(self) -> list[str]:
        """Every word (``WORD``), in order, as written."""
        return WORD.findall(self.text)

    @cached_property
    def distinct_words(self) -> set[str]:
        """Every word once: a rule that looks words up in a list intersects this set with the list."""
        return set(self.words)

    @cached_property
    def lower_words(self) -> set[str]:
        """The distinct words in lower case (``str.islower``).

        This holds every whole word of lower-case letters ("goverments", "don't") and a few
        more (a modifier letter inside, a lower-case letter of another kind), which a rule
        that looks a word up where it stands tells apart. A rule that only intersects
        with or subtracts a list costs less on ``distinct_words``, filtering what is left.
        """
        return set(filter(str.islower, self.distinct_words))

    @cached_property
    def may_repeat_a_word(self) -> bool:
        """False when no word, compared without case, follows itself with only white space between.

        A cheap test that lets a rule skip its search for doubled words ("the the") in nearly
        every text: it never says False where such a double exists (a word of the form
        "it's it's" included), and it says True for a few texts that have none.
        """
        # The letter runs of the text, folded, in order: a doubled word leaves two equal runs
        # side by side ("the", "the"), or two equal pairs ("it", "s", "it", "s").
        runs = _fold(" ".join(self.words)).replace("'", " ").replace("’", " ").split(" ")
        single = itertools.compress(range(len(runs)), map(operator.eq, runs, runs[1:]))
        one_apart = itertools.compress(range(len(runs)), map(operator.eq, runs, runs[2:]))
        paired = (k + 1 for k in one_apart if k + 3 < len(runs) and runs[k + 1] == runs[k + 3])
        boundaries = {f"{runs[k]} {runs[k + 1]}" for k in itertools.chain(single, paired)}
        if not boundaries:
            return False
        if len(boundaries) > MAX_BOUNDARIES:
            return True  # each look-up scans the text: past a few, the search itself is cheaper
        # Runs side by side may have had figures or punctuation between them ("£5m-£10m"):
        # the double needs the two with only white space between.
        spaced = " ".join(_fold(self.text).split())
        return any(boundary in spaced for boundary in boundaries)


def _fold(text: str) -> str:
    """Case folded, and the Turkish i's made one: the doubled-word search ignores case as ``regex`` does,
    which also pairs "ı" with "I" and "İ" with "i", letters that case folding keeps apart."""
    return text.casefold().replace("i\u0307", "i").replace("ı", "i")
