"""Shared analysis for the typo rules: gazetteer and per-document spans.

Several TYP rules need the same facts about a text: which spans are URLs,
e-mail addresses or file names (never prose), which words sit in a short
quotation or before ``[sic]`` (kept on purpose), whether the text is English
at all, and where the capitalised words are. They are computed once per
document and shared through ``document.cache["typos"]``; the words themselves
come from the document's word list, which rules of any family share
(``document.analysis``).

Word lists live apart: ``lexicon`` (wordfreq's frequencies and pyspellchecker's
dictionary) and ``vocabulary`` (codespell's misspellings and corrections).
"""

from __future__ import annotations

import bisect
import itertools
import operator
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, NamedTuple

import regex

from linter import Document, Option, Rule
from linter.analysis import WORD
from rules.typos.language import is_foreign
from rules.typos.vocabulary import DATA, is_english_word, read_list

CACHE_KEY = "typos"
INFINITY = float("inf")

CAPITALISED = regex.compile(r"(?<![\p{L}\p{N}_'’.@#/-])\p{Lu}\p{Ll}+(?:['’]\p{Ll}+)?(?![\p{L}\p{N}_@/]|-\p{L})")
LETTERS_BEFORE = regex.compile(r"[\p{L}'’]*", regex.REVERSE)
"""Matched backwards from a position: the letters and apostrophes just before it."""
PROTECTED = regex.compile(
    r"""
    (?:https?://|ftp://|www\.)[^\s<>"“”]+            # URLs
    | (?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+        # e-mail addresses
    | [@\#]\w+                                          # handles and hashtags
    | `[^`\n]+`                                         # inline code
    | (?<![\w.-])[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.(?:com|org|net|gov|edu|int|mil|info|io|co|uk|de|fr|ru|ua|tr|eu|us|ca|au|in|jp|cn|it|es|nl|pl|ch|se|no|be|at|dk|fi|cz|gr|pt|ie|tv|me|ly|ai|app|news|html?|php|aspx?|pdf|docx?|xlsx?|csv|txt|json|xml|jpe?g|png|gif|svg|mp[34]|zip|py|js|exe)\b
    """,
    regex.VERBOSE,
)
PROTECTED_HINT = regex.compile(r"[@#]|:/|\.[^\s<>\"“”]")
"""Every PROTECTED match but inline code holds one of these: "@", "#", ":/", or a full stop before a non-space."""
SEPARATOR = regex.compile(r"[ \n]")
LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}_'’@#/.-])\p{Ll}+(?:['’]\p{Ll}+)*(?![\p{L}\p{N}_'’@/-])")
SIC = regex.compile(r"\s*[\[(]\s*sic\s*[\])]", regex.IGNORECASE)
SIC_HINT = regex.compile(r"[\[(]\s*sic", regex.IGNORECASE)
# An opening quote; a "‘" only where it cannot be an apostrophe (not after a letter or digit).
QUOTE_OPENING = regex.compile(r"[“«„\"]|‘(?<![\p{L}\p{N}]‘)")
QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"', "‘": "’"}
SHORT_QUOTE_WORDS = 4
POSSESSIVES = ("'s", "’s")
OPENING_CHARACTERS = " \t\"'“‘(«[*•-–—"
"""What may stand between a sentence boundary and the word that starts the sentence."""
SENTENCE_BOUNDARIES = "\n.?!:;|»>"
SAMPLE = 20000
"""Characters looked at to judge a text's language and casing."""
ENGLISH_MARKERS = frozenset(
    "the of and to in a is that for on was with as by at from it are be has have said not an this "
    "but were which will his her their they he she would been who after".split()
)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without accents: "Erdoğan" and "erdogan" compare equal."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.replace("ı", "i").replace("ł", "l").replace("ø", "o"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@cache
def titles() -> frozenset[str]:
    """Abbreviated words (Mr, Dr, Gen): before a name they are titles, not given names."""
    return frozenset(word.lower() for word in read_list(DATA / "abbreviations.txt"))


# -- gazetteer ------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Known names, keyed by their folded form.

    Compared and hashed by identity: one is built per set of options, and
    per-word results are memoised against it.

    ``single`` maps a folded one-word name to its usual spelling; ``phrases``
    maps the folded first word of a several-word name to the folded words of
    each such name and its spelling. ``ambiguous`` holds folded names that are
    also ordinary words (turkey, may) or too short to trust.
    """

    single: dict[str, str]
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]
    ambiguous: frozenset[str]
    first_words: frozenset[str] = field(default=frozenset())
    """Folded one-word names and first words of several-word names: what a name can start with."""

    def knows(self, word: str) -> bool:
        """A known one-word name (in any case and with or without accents)."""
        return fold(word) in self.single

    def unambiguous(self, word: str) -> bool:
        """Known, and its lower-case form is no ordinary word."""
        folded = fold(word)
        return folded in self.single and folded not in self.ambiguous


@cache
def _gazetteer(extra_names: tuple[str, ...], extra_files: tuple[str, ...]) -> Gazetteer:
    names = read_list(DATA / "gazetteer.txt") + list(extra_names)
    for path in extra_files:
        names.extend(read_list(Path(path)))
    common = {fold(w) for w in read_list(DATA / "common_words.txt")}
    ambiguous = {fold(w) for w in read_list(DATA / "ambiguous.txt")}
    single: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for name in names:
        words = name.split()
        folded = tuple(fold(w) for w in words)
        if len(words) == 1:
            single.setdefault(folded[0], name)
            if folded[0] in common or len(folded[0]) < 3:
                ambiguous.add(folded[0])
        else:
            phrases[folded[0]].append((folded, name))
    return Gazetteer(
        single=single,
        phrases=dict(phrases),
        ambiguous=frozenset(ambiguous),
        first_words=frozenset(single) | frozenset(phrases),
    )


def gazetteer_for(rule: Rule) -> Gazetteer:
    """The built-in gazetteer plus the rule's `extra-names` and `extra-gazetteer-files`."""
    root = rule.config_root
    files = tuple(
        str((Path(root) / path) if root is not None and not Path(path).is_absolute() else Path(path))
        for path in rule.options.get("extra-gazetteer-files", ())
    )
    return _gazetteer(tuple(rule.options.get("extra-names", ())), files)


GAZETTEER_OPTIONS: dict[str, Any] = {"extra-names": Option([], items=str), "extra-gazetteer-files": Option([], items=str, file=True)}


# -- per-document analysis ---------------------------------------------------------------


class NameToken(NamedTuple):
    """A capitalised word ("Zelenskyy", "Putin's" without the "'s") where it stands."""

    text: str
    start: int
    end: int


class CapitalisedWords(NamedTuple):
    """The capitalised words of a text (``CAPITALISED``), in order.

    Each form without a possessive, and where its match starts and ends (after a possessive).
    """

    forms: list[str]
    starts: list[int]
    ends: list[int]


class Analysis:
    """The facts about one text that several rules share, each computed on first use.

    A rule pays only for the facts it asks for: the spelling rule never
    looks at capitalised words, the sentence rule never scans for
    quotations, and rules that rarely find anything test the language last.
    """

    def __init__(self, document: Document) -> None:
        self.text = document.text
        self._document = document
        self._headings: dict[int, bool] = {}
        self._foreign_lines: dict[int, bool] = {}
        self._name_candidates: dict[Gazetteer, dict[str, NameToken]] = {}

    @cached_property
    def protected(self) -> list[tuple[int, int]]:
        """Sorted, non-overlapping spans that are not prose: URLs, e-mail addresses, file names, code."""
        return _merge(_protected_spans(self.text))

    @cached_property
    def kept(self) -> list[tuple[int, int]]:
        """Sorted spans kept as written on purpose: words before [sic], short quotations."""
        return _merge([*_sic_words(self.text), *_short_quotes(self.text)])

    @cached_property
    def sample_words(self) -> list[str]:
        """The words of the first ``SAMPLE`` characters, which language and casing are judged on."""
        if len(self.text) <= SAMPLE:
            return self._document.analysis.words
        return WORD.findall(self.text[:SAMPLE])

    @cached_property
    def english(self) -> bool:
        """Enough English function words: the word-level rules speak English only."""
        words = self.sample_words
        if len(words) < 20:
            return True
        markers = sum(map(ENGLISH_MARKERS.__contains__, map(str.lower, words)))
        return markers / len(words) >= 0.12

    @cached_property
    def cased(self) -> bool:
        """Some capitals at all, and in a longer text at least one capitalised word in fifty (lower-case words)."""
        # Every lower-case word starts a word of its own, so the sample's word count bounds theirs:
        # when even that bound passes the one-in-fifty test, only the "some capitals" test is left.
        sample = self.text[:SAMPLE]
        bound = len(self.sample_words)
        if bound >= 50:
            capitalised = self._capitalised_in_sample()
            if capitalised < 0.02 * bound or not any(map(str.isupper, sample)):
                lower_words = len(LOWER_WORD.findall(self.text, 0, SAMPLE))
                if lower_words >= 50:
                    return capitalised >= 0.02 * lower_words
        return any(map(str.isupper, sample))

    def _capitalised_in_sample(self) -> int:
        """How many capitalised words start in the first ``SAMPLE`` characters."""
        if len(self.text) <= SAMPLE:
            return len(self._capitalised.forms)
        count = 0
        for match in CAPITALISED.finditer(self.text):
            if match.start() >= SAMPLE:
                break
            count += 1
        return count

    def is_initial(self, name: NameToken) -> bool:
        """Whether ``name`` starts a line or sentence, where any word is capitalised."""
        # Walk back over spaces, quotes and dashes (at most 40 characters) to what came before.
        text = self.text
        before = name.start - 1
        floor = max(0, name.start - 40)
        while before >= floor and text[before] in OPENING_CHARACTERS:
            before -= 1
        return before < floor or text[before] in SENTENCE_BOUNDARIES

    def previous_name(self, name: NameToken) -> str:
        """The capitalised word just before ``name`` with only spaces between, if any (a given name: "Vladimir" Putin)."""
        text = self.text
        gap_start = name.start
        while gap_start > 0 and text[gap_start - 1] in " \t":
            gap_start -= 1
        if gap_start in (0, name.start):
            return ""
        # The capitalised word must end where the spaces begin; it lies in the run of letters there.
        run = LETTERS_BEFORE.match(text, 0, gap_start)
        previous = [match for match in CAPITALISED.finditer(text, run.start(), gap_start) if match.end() == gap_start]
        if not previous or previous[-1].group().endswith(POSSESSIVES):
            return ""
        return previous[-1].group()

    def given_names(self, names: Iterable[NameToken]) -> set[str]:
        """The capitalised non-English words just before a surname's occurrences ("Vladimir" Putin), not titles ("Mr")."""
        previous = (self.previous_name(name) for name in names)
        return {word for word in previous if word[:1].isupper() and not is_english_word(word) and word.lower() not in titles()}

    @cached_property
    def capitalised_counts(self) -> Counter[str]:
        """How often each capitalised word occurs, without a possessive "'s", in the order of first occurrences."""
        return Counter(self._capitalised.forms)

    @cached_property
    def _capitalised(self) -> CapitalisedWords:
        """Every capitalised word in order, as parallel lists: one pass over the text, the rest in C (``map``)."""
        text = self.text
        matches = list(CAPITALISED.finditer(text))
        forms = list(map(regex.Match.group, matches))
        if "'s" in text or "’s" in text:
            forms = [form[:-2] if form[-2:] in POSSESSIVES else form for form in forms]
        return CapitalisedWords(forms, list(map(regex.Match.start, matches)), list(map(regex.Match.end, matches)))

    @cached_property
    def forms_after_capitalised(self) -> frozenset[str]:
        """Capitalised words that somewhere follow another after one space ("Stefan Meier"): maybe after a given name."""
        forms, starts, ends = self._capitalised
        follows = map(operator.eq, map(operator.sub, starts[1:], ends), itertools.repeat(1))
        spaced = map(operator.eq, map(self.text.__getitem__, ends[:-1]), itertools.repeat(" "))
        return frozenset(itertools.compress(forms[1:], map(operator.and_, follows, spaced)))

    @cached_property
    def _name_starts(self) -> dict[str, list[int]]:
        """Where each capitalised word starts, by form: built on the first question about a form's places."""
        starts_by_form: dict[str, list[int]] = {}
        forms, starts, _ = self._capitalised
        for form, start in zip(forms, starts):
            starts_by_form.setdefault(form, []).append(start)
        return starts_by_form

    def first_position(self, form: str) -> int:
        return self._name_starts[form][0]

    def name_tokens(self, form: str) -> Iterator[NameToken]:
        """The occurrences of the capitalised word ``form`` (with or without a possessive), in order."""
        for start in self._name_starts.get(form, ()):
            yield NameToken(form, start, start + len(form))

    @property
    def distinct_words(self) -> set[str]:
        """Every word of the text once (``WORD``), from the document's shared word list."""
        return self._document.analysis.distinct_words

    @property
    def lower_words(self) -> set[str]:
        """Every lower-case word (``LOWER_WORD``), as written, and a few more strings.

        Taken from the document's shared word list (one pass for all rules). Each
        ``LOWER_WORD`` match is a whole word in lower case; the few other strings
        (a word in "post-war", an uncased script) are no ``LOWER_WORD``s, which
        ``lower_word_starts`` tells.
        """
        return self._document.analysis.lower_words

    def lower_word_starts(self, word: str) -> list[int]:
        """Where the lower-case word ``word`` occurs as a whole word (a ``LOWER_WORD`` match), in order."""
        starts = []
        text = self.text
        at = text.find(word)
        while at >= 0:
            match = LOWER_WORD.match(text, at)
            if match is not None and match.end() - at == len(word):
                starts.append(at)
            at = text.find(word, at + 1)
        return starts

    def in_heading(self, offset: int) -> bool:
        """Whether ``offset`` is on a title-case line (a headline), where capitals prove nothing about names."""
        line = bisect.bisect_right(self._document.line_starts, offset) - 1
        if line not in self._headings:
            start, end = self._document.line_span(line + 1)
            self._headings[line] = _is_heading(self.text[start:end])
        return self._headings[line]

    def in_foreign_line(self, offset: int) -> bool:
        """Whether ``offset`` is on a line in another language (``language.is_foreign``): a text judged
        English as a whole may quote a comment or a promotion in Spanish or French."""
        line = bisect.bisect_right(self._document.line_starts, offset) - 1
        if line not in self._foreign_lines:
            start, end = self._document.line_span(line + 1)
            self._foreign_lines[line] = is_foreign(self.text[start:end])
        return self._foreign_lines[line]

    def is_protected(self, start: int, end: int) -> bool:
        return _overlaps(self.protected, start, end)

    def is_kept(self, start: int, end: int) -> bool:
        return (
            _overlaps(self.kept, start, end)
            or _overlaps(self.protected, start, end)
            or glued_to_damage(self.text, start, end)
        )


WORD_MAY_FOLLOW = frozenset(" \t\r\n\"'([{“‘«„-–—/*_")
WORD_MAY_PRECEDE = frozenset(" \t\r\n.,;:!?)]}\"'”’»-–—/…*_")


def glued_to_damage(text: str, start: int, end: int) -> bool:
    """A word glued to a symbol or stray letter ("FranÃ§ois" read as "ois", "â€œThe" as "â") is
    encoding damage, which the ENC rules report; a typo rule must not read it as a word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return (before not in WORD_MAY_FOLLOW and not before.isalnum()) or (after not in WORD_MAY_PRECEDE and not after.isalnum())


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping ``spans``.

    Only the last span starting at or before ``start`` and the one after it can.
    """
    if not spans:
        return False
    index = bisect.bisect_right(spans, (start, INFINITY)) - 1
    if index >= 0 and spans[index][0] < end and start < spans[index][1]:
        return True
    following = index + 1
    return following < len(spans) and spans[following][0] < end


def analyse(document: Document) -> Analysis:
    """The shared analysis of one document, created once and filled in as rules ask."""
    cached = document.cache.get(CACHE_KEY)
    if cached is None:
        cached = document.cache[CACHE_KEY] = Analysis(document)
    return cached


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """The PROTECTED matches, found by scanning only the space-delimited stretches that hold a hint.

    No match crosses a space or line break (inline code aside, which gets a
    full scan), so scanning each stretch alone gives the same matches as
    scanning the whole text; and every match contains a hint character.
    """
    if "`" in text:
        return [match.span() for match in PROTECTED.finditer(text)]
    spans: list[tuple[int, int]] = []
    floor = 0
    for hint in PROTECTED_HINT.finditer(text):
        at = hint.start()
        if at < floor:
            continue
        start = max(text.rfind(" ", floor, at), text.rfind("\n", floor, at), floor - 1) + 1
        separator = SEPARATOR.search(text, at)
        end = separator.start() if separator else len(text)
        spans.extend(match.span() for match in PROTECTED.finditer(text, start, end))
        floor = end + 1
    return spans


def _sic_words(text: str) -> Iterable[tuple[int, int]]:
    """The word (or words, up to three) just before "[sic]"."""
    if not SIC_HINT.search(text):
        return
    for match in SIC.finditer(text):
        window_start = max(0, match.start() - 60)
        words = list(WORD.finditer(text, window_start, match.start()))
        if words:
            yield words[max(0, len(words) - 3)].start(), match.end()


def _short_quotes(text: str) -> Iterable[tuple[int, int]]:
    """Quotations of a few words on one line: scare quotes and quoted words, often kept as written."""
    position = 0
    for opening in QUOTE_OPENING.finditer(text):
        start = opening.start()
        if start < position:
            continue
        line_end = text.find("\n", start)
        closing = text.find(QUOTE_PAIRS[opening.group()], start + 1, line_end if line_end >= 0 else len(text))
        if closing < 0:
            continue
        words = WORD.finditer(text, start + 1, closing)
        if sum(1 for _ in itertools.islice(words, SHORT_QUOTE_WORDS + 1)) <= SHORT_QUOTE_WORDS:
            yield start, closing + 1
        position = closing + 1


def _without_possessive(word: str) -> str:
    return word[:-2] if word.endswith(POSSESSIVES) else word


def _is_heading(line: str) -> bool:
    """A title-case line: at least two words, half of them or more capitalised."""
    words = WORD.findall(line)
    return len(words) >= 2 and sum(w[0].isupper() for w in words) / len(words) >= 0.5


def sentence_words(text: str, start: int, limit: int = 400) -> int:
    """How many words the sentence starting at ``start`` has (up to its end or the line's)."""
    end = start
    stop = min(len(text), start + limit)
    while end < stop and text[end] not in ".?!\n":
        end += 1
    return len(WORD.findall(text, start, end))


def title_case(word: str) -> str:
    return word[:1].upper() + word[1:]


MIN_NAME_LENGTH = 5
"""Shorter names (Iran, Iraq, Mali) differ by one letter too often to compare."""
MIN_SLIP_LENGTH = 4
"""A slip may shorten a five-letter name ("Jpan", "Inia")."""


@lru_cache(maxsize=65536)
def _may_be_name(form: str, gazetteer: Gazetteer) -> bool:
    """Long enough to compare, no ambiguous name, no English word."""
    return len(form) >= MIN_NAME_LENGTH and fold(form) not in gazetteer.ambiguous and not is_english_word(form)


def name_candidates(analysis: Analysis, gazetteer: Gazetteer) -> dict[str, NameToken]:
    """Capitalised words that may be names, with their first occurrence, in the order of those.

    No English words, no ambiguous names, no words only found where kept as
    written (quotations, [sic]).
    """
    if gazetteer not in analysis._name_candidates:
        candidates = []
        for form in analysis.capitalised_counts:
            if not _may_be_name(form, gazetteer):
                continue
            tokens = analysis.name_tokens(form)
            first = next(tokens)
            if not analysis.is_kept(first.start, first.end) or not all(analysis.is_kept(t.start, t.end) for t in tokens):
                candidates.append((form, first))
        analysis._name_candidates[gazetteer] = dict(sorted(candidates, key=lambda candidate: candidate[1].start))
    return analysis._name_candidates[gazetteer]
