"""JNK009: Gopher and FineWeb document-quality ratios (info, off by default)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterator

from linter import Document, Finding, Option, Rule, Severity

DATA = Path(__file__).parent / "data"
BULLETS = ("•", "-", "*", "·", "‣", "▪", "–", "◦")
TERMINAL = tuple(".!?\"'”’)»")
SHORT_LINE = 30


@dataclass(frozen=True)
class Threshold:
    name: str
    bound: str
    value: float
    source: str


@cache
def thresholds() -> tuple[Threshold, ...]:
    rows = []
    for raw in (DATA / "quality_thresholds.tsv").read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            name, bound, value, source = raw.split("\t")
            rows.append(Threshold(name, bound, float(value), source))
    return tuple(rows)


@cache
def stop_words() -> frozenset[str]:
    lines = (DATA / "gopher_stop_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def measures(text: str) -> dict[str, float]:
    """The document measures the thresholds bound, by name."""
    words = text.split()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    word_count = len(words) or 1
    line_count = len(lines) or 1
    counts = Counter(lines)
    repeated_characters = sum(len(line) * (n - 1) for line, n in counts.items() if n > 1)
    return {
        "word-count": len(words),
        "mean-word-length": sum(len(w) for w in words) / word_count,
        "hash-to-word-ratio": text.count("#") / word_count,
        "ellipsis-to-word-ratio": (text.count("...") + text.count("…")) / word_count,
        "bullet-line-share": sum(line.startswith(BULLETS) for line in lines) / line_count,
        "ellipsis-line-share": sum(line.endswith(("...", "…")) for line in lines) / line_count,
        "alphabetic-word-share": sum(any(c.isalpha() for c in w) for w in words) / word_count,
        "stop-word-count": len(stop_words() & {w.lower() for w in words}),
        "punctuated-line-share": sum(line.endswith(TERMINAL) for line in lines) / line_count,
        "duplicate-line-character-share": repeated_characters / (sum(len(line) for line in lines) or 1),
        "short-line-share": sum(len(line) < SHORT_LINE for line in lines) / line_count,
    }


class TextQuality(Rule):
    """Document-level quality ratios of the Gopher and FineWeb filters, one info finding per ratio out of bounds.

    ## What it flags
    A document whose ratios fall outside the bounds that web-corpus
    pipelines filter on (data: `rules/junk/data/quality_thresholds.tsv`):

    - Gopher (Rae et al. 2021, "Scaling Language Models: Methods, Analysis
      & Insights from Training Gopher", appendix A.1.1): 50 to 100,000
      words; mean word length 3 to 10; "#" and ellipses at most 0.1 per
      word; at most 90% of lines starting with a bullet and 30% ending with
      an ellipsis; at least 80% of words with a letter; at least two of the
      stop words "the, be, to, of, and, that, have, with" (English only).
    - FineWeb (Penedo et al. 2024, "The FineWeb Datasets", section 3.4):
      more than 12% of lines ending in punctuation; less than 10% of
      characters in duplicated lines; less than 67% of lines shorter than
      30 characters.

    ## Why
    These are the document filters of well-documented pipelines; reporting
    them lets a corpus be audited with the same yardstick. They are
    evidence, not verdicts: the C4 and FineWeb line heuristics alone flag a
    great deal of real text (short news items, lists, poems, tables), so
    this rule is off by default and of info severity.

    ## What it leaves alone
    Checks named in `skip` (e.g. `["stop-word-count"]` for non-English
    corpora).

    ## Example
    A tag page of 40 one-word lines fails "short-line-share" and
    "punctuated-line-share".

    ## Options
    `skip`: names of ratios not to check, e.g. `["word-count", "stop-word-count"]`.
    """

    code = "JNK009"
    name = "text-quality"
    category = "junk"
    severity = Severity.INFO
    enabled_by_default = False
    default_options = {"skip": Option([], items=str)}

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if not text.strip():
            return
        skip = set(self.options["skip"])
        values = measures(text)
        for threshold in thresholds():
            if threshold.name in skip:
                continue
            value = values[threshold.name]
            if threshold.bound == "min" and value < threshold.value or threshold.bound == "max" and value > threshold.value:
                bound = "below the minimum" if threshold.bound == "min" else "above the maximum"
                message = f"{threshold.source} {threshold.name} {value:.3g} is {bound} {threshold.value:g}"
                yield self.finding(document, 0, len(text), message)
