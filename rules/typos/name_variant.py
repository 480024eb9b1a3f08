"""TYP: the same name spelled two ways in one document ("Selenskyy" and "Zelenskyy")."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Callable, Iterator

from rapidfuzz import process
from rapidfuzz.distance import OSA

from linter import Document, Finding, Fix, Rule
from rules.typos import lexicon
from rules.typos.text import (
    GAZETTEER_OPTIONS,
    Analysis,
    Gazetteer,
    NameToken,
    analyse,
    fold,
    gazetteer_for,
    MIN_SLIP_LENGTH,
)

LONG_NAME = 9
"""From this length on, two edits apart still counts as one name; shorter names allow one."""
VOWELS = frozenset("aeiouy")
MIN_COMPARED = 5
"""Both spellings shorter than this (Iran, Iraq, Mali) differ by one letter too often to compare."""
MAJORITY = 2
"""A spelling used more than twice as often as the other is what the document means, whatever the gazetteer knows."""
MAX_NAME = 40
"""Longer capitalised strings are glued words, not names."""
COMPARISON_BUDGET = 20_000
"""Comparisons of possible slips with forms, beyond which forms are paired through an index instead."""
MAX_BUCKET = 20
"""More forms than this a deletion apart are a list or a table of codes, not names spelled two ways."""


def close_spellings(a: str, b: str) -> bool:
    """One edit apart (two for long names), a swap of neighbours counting as one.

    A spelling that extends the other is another word (Russia/Russian, Medvedev/Medvedeva,
    a plural), unless it doubles the last letter ("Manchesterr"; not "yy" or "ii", a
    transliteration: Zelensky/Zelenskyy) or the shorter one is unknown to the lexicon
    ("Chave" for "Chavez").
    """
    folded_a, folded_b = fold(a), fold(b)
    if folded_a == folded_b or max(len(folded_a), len(folded_b)) < MIN_COMPARED:
        return False
    shorter, longer = sorted((folded_a, folded_b), key=len)
    if longer.startswith(shorter):
        doubled_last = len(longer) == len(shorter) + 1 and longer[-1] == shorter[-1] and longer[-1] not in "yi"
        if not doubled_last and (len(longer) > len(shorter) + 1 or longer[-1] == "s" or lexicon.is_established(shorter)):
            return False
    allowed = 2 if min(len(folded_a), len(folded_b)) >= LONG_NAME else 1
    return abs(len(folded_a) - len(folded_b)) <= allowed and OSA.distance(folded_a, folded_b) <= allowed


def same_given_name(analysis: Analysis, rare: list[NameToken], common: list[NameToken]) -> bool:
    """Some occurrence of each spelling comes after the same given name ("Stefan Meyer" ... "Stefan Meier")."""
    rare_given = {fold(name) for name in map(analysis.previous_name, rare) if name}
    return bool(rare_given & {fold(name) for name in map(analysis.previous_name, common) if name})


def different_people(analysis: Analysis, rare: list[NameToken], common: list[NameToken]) -> bool:
    """Both spellings come with given names, and none of them match: two people (Hansen, Jansen)."""
    rare_given, common_given = analysis.given_names(rare), analysis.given_names(common)
    if not rare_given or not common_given:
        return False
    return not any(fold(a) == fold(b) or OSA.distance(fold(a), fold(b)) <= 2 for a in rare_given for b in common_given)


class NameSpelledTwoWays(Rule):
    """A name spelled two ways in one document ("Selenskyy" where the article writes "Zelenskyy").

    ## What it flags
    A capitalised word that the same document also writes with one letter
    different (two for names of nine letters or more), a swap of two
    neighbouring letters counting as one: "Dolmabache" beside "Dolmabahce",
    "Selenskyy" beside "Zelenskyy", "Starmar" beside "Starmer". The spelling
    the gazetteer knows wins; otherwise the more frequent one, which must
    occur at least twice and more often than the other. Each occurrence of
    the odd spelling is reported, with the usual one as the related place.

    ## Why
    A name spelled two ways in one article is almost always a slip, and it
    splits the name in two for search and entity extraction.

    ## What it leaves alone
    Words one of which extends the other (Russia/Russian, Zelensky/Zelenskyy),
    spellings that differ only in accents, English words, names shorter than
    five letters (Iran/Iraq), names the gazetteer knows as distinct
    (Austria/Australia, Slovakia/Slovenia), spellings that differ in their
    last vowel only (Filipino/Filipina), ties,
    spellings that come with different given names (two people), a spelling used more
    than twice as often as the other (the document means it: "La Fenice"
    beside one "Venice"), and a spelling in real use of its own by wordfreq's
    frequencies (another name or a word: "Greene" beside "Greece",
    "Thomson" beside "Thompson", "Hollywood" beside "Bollywood") unless
    both spellings follow the same given name ("Stefan Meyer", "Stefan Meier").
    A spelling on a line in another language is that language's ("Bruselas").

    ## Example
    "Zelenskyy said ... Selenskyy has stated ... Zelenskyy added": the
    "Selenskyy" is reported, fix "Zelenskyy".

    ## Fix
    Replaces the odd spelling with the usual one; unsafe.

    ## Options
    `extra-names`: more names the gazetteer knows. `extra-gazetteer-files`:
    files of names, one a line, relative to the config file.
    """

    code = "TYP007"
    name = "name-spelled-two-ways"
    category = "typo"
    fixable = True
    default_options = dict(GAZETTEER_OPTIONS)

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = analyse(document)
        gazetteer = gazetteer_for(self)
        counts = analysis.capitalised_counts
        forms = [form for form in counts if MIN_SLIP_LENGTH <= len(form) <= MAX_NAME]
        # Only a spelling unknown to the lexicon is a slip, or one that may follow the same given name.
        established = lexicon.words_at_least(lexicon.ESTABLISHED)
        after_capitalised = analysis.forms_after_capitalised
        may_slip = [form for form in forms if form.lower() not in established or form in after_capitalised]
        for first, second in _close_pairs(may_slip, forms, analysis.first_position):
            if not close_spellings(first, second) or _same_but_ending(first, second):
                continue
            # Few documents get this far: the language test (a pass over the text) comes this late.
            if not analysis.english:
                return
            pair = self._rare_and_common(first, second, counts, gazetteer)
            if pair is None:
                continue
            rare, common = pair
            rare_tokens = list(analysis.name_tokens(rare))
            common_tokens = list(analysis.name_tokens(common))
            if (
                counts[rare] > MAJORITY * counts[common]
                # Slips keep the first letter; a name that differs there from a word is another name (Koogle, Google).
                or (fold(rare)[0] != fold(common)[0] and lexicon.is_ordinary(common))
                or (lexicon.is_established(rare) and not same_given_name(analysis, rare_tokens, common_tokens))
                or different_people(analysis, rare_tokens, common_tokens)
            ):
                continue
            usual = next((token for token in common_tokens if not analysis.is_kept(token.start, token.end)), None)
            if usual is None:
                continue
            times = counts[common]
            related = document.location(usual.start, usual.end, f"{common!r} here")
            for token in rare_tokens:
                # On a line in another language, a name has that language's spelling ("Bruselas").
                if analysis.is_kept(token.start, token.end) or analysis.in_foreign_line(token.start):
                    continue
                fix = Fix.replace(token.start, token.end, common, safe=False, description=f"write {common!r}")
                yield self.finding(
                    document,
                    token.start,
                    token.end,
                    f"{rare!r} is spelled {common!r} elsewhere in this document ({times} time{'s' if times > 1 else ''})",
                    fix=fix,
                    related=[related],
                )

    @staticmethod
    def _rare_and_common(a: str, b: str, counts: Counter[str], gazetteer: Gazetteer) -> tuple[str, str] | None:
        known_a, known_b = gazetteer.knows(a), gazetteer.knows(b)
        if known_a and known_b:
            return None
        if known_a or known_b:
            return (b, a) if known_a else (a, b)
        count_a, count_b = counts[a], counts[b]
        if count_a == count_b or max(count_a, count_b) < 2:
            return None
        return (a, b) if count_a < count_b else (b, a)


def _close_pairs(may_slip: list[str], forms: list[str], first_position: Callable[[str], int]) -> list[tuple[str, str]]:
    """Pairs of a form that may be a slip and another form, within two edits, in the order of first occurrences.

    Each possible slip is compared with every form (in C, with rapidfuzz); when there are so many
    that this grows quadratic, forms are paired through the strings left after deleting one letter
    (two for long names), which forms one or two edits apart share: linear in the forms.
    """
    pairs: set[tuple[str, str]] = set()
    slips = set(may_slip)
    if len(may_slip) * len(forms) <= COMPARISON_BUDGET:
        folded = list(map(fold, forms))
        for slip in may_slip:
            for _, _, index in process.extract(fold(slip), folded, scorer=OSA.distance, score_cutoff=2, limit=None):
                if forms[index] != slip:
                    pairs.add(tuple(sorted((slip, forms[index]), key=first_position)))
    else:
        buckets: dict[str, list[str]] = defaultdict(list)
        for form in forms:
            for key in _deletions(fold(form), 2 if len(form) >= LONG_NAME else 1):
                buckets[key].append(form)
        for bucket in buckets.values():
            if 1 < len(bucket) <= MAX_BUCKET:
                pairs.update(
                    tuple(sorted((a, b), key=first_position)) for a in bucket for b in bucket if a != b and (a in slips or b in slips)
                )
    return sorted(pairs, key=lambda pair: (first_position(pair[0]), first_position(pair[1])))


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` and what is left of it after deleting up to ``depth`` letters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:at] + w[at + 1 :] for w in frontier for at in range(len(w))}
        found |= frontier
    return found


def _same_but_ending(a: str, b: str) -> bool:
    """The spellings differ only in a last vowel, as grammatical endings do (Filipino/Filipina, Kovalenko/Kovalenka)."""
    folded_a, folded_b = fold(a), fold(b)
    return len(folded_a) == len(folded_b) and folded_a[:-1] == folded_b[:-1] and {folded_a[-1], folded_b[-1]} <= VOWELS
