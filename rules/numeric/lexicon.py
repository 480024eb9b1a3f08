"""The numeric family's word lists and tables, read once per process from ``data/``.

Everything a NUM rule knows about English number words, qualifiers, counted nouns, time cues
and the calendar lives in these data files; this module only loads them and turns lists into
patterns.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import regex

DATA = Path(__file__).parent / "data"


def word_list(name: str) -> list[str]:
    """A data file's entries, one a line, lower case; ``#`` starts a comment line."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip().lower() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(word_list(name))


@cache
def data_yaml(name: str) -> dict:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's when PyYAML has it: 8 times faster, same data
    return yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=loader)


def alternation(phrases: list[str] | frozenset[str]) -> str:
    """A regex alternation of phrases, longest first, a space matching any run of spaces."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@cache
def compiled(pattern: str, flags: int = 0) -> regex.Pattern:
    """A small pattern compiled once (the regex module's own cache costs more per call)."""
    return regex.compile(pattern, flags)


FOLDS_TO_ASCII = "\u0130\u017f\u212a"
"""Non-ASCII letters that the regex module's IGNORECASE matches to ASCII letters (İ, ſ, Kelvin K):
in a text with one of them, a search of the ASCII-lowered text may miss a case-insensitive match."""

ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """The text with ASCII letters lower-cased and nothing else changed, so offsets stay offsets.

    Done on UTF-8 bytes, where an ASCII byte is always an ASCII character: many times faster
    than ``str.translate``. ``surrogatepass`` lets lone surrogates (bad input) through unchanged.
    """
    if text.isascii():
        return text.lower()
    return text.encode("utf-8", "surrogatepass").translate(ASCII_LOWER).decode("utf-8", "surrogatepass")


@cache
def numbers() -> dict:
    """Number words: ``units``, ``tens``, ``multipliers``, ``scales``, ``phrases``, ``fractions``, ``digit_scales``."""
    return data_yaml("numbers.yaml")


def number_words() -> list[str]:
    vocab = numbers()
    return [*vocab["units"], *vocab["tens"], *vocab["multipliers"], *vocab["scales"]]


@cache
def calendar() -> dict:
    return data_yaml("calendar.yaml")


@cache
def month_pattern() -> str:
    return alternation(list(calendar()["months"]))


@cache
def qualifiers() -> dict[str, tuple[float, float | None]]:
    """Qualifier -> (low factor, high factor or None for open-ended): "at least" -> (1, None)."""
    return {k.lower(): (float(v[0]), None if v[1] is None else float(v[1])) for k, v in data_yaml("qualifiers.yaml").items()}


@cache
def noun_classes() -> dict[str, str]:
    """A counted noun's surface form (lower case) -> its class ("pows" -> "prisoner")."""
    return {form.lower(): name for name, forms in data_yaml("counted_nouns.yaml").items() for form in forms}


@cache
def time_cues() -> dict[str, frozenset[str]]:
    """``other_time`` cues (another time than the story's) and ``update`` cues (a figure that changed)."""
    return {kind: frozenset(words) for kind, words in data_yaml("time_cues.yaml").items()}


@cache
def not_names() -> frozenset[str]:
    """Capitalised words that start sentences or name a day or month, never a person, place or party."""
    return (
        word_set("function_words.txt")
        | word_set("common_capitals.txt")
        | word_set("definite_words.txt")
        | frozenset(calendar()["months"])
        | frozenset(calendar()["weekdays"])
    )
