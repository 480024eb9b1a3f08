"""How far a junk finding can be trusted: the precision measured for its rule and signal on labelled pages.

Each junk rule sorts its findings by the signal that made them (the phrase
kind, the widget kind, where a region stands, how many documents a line
recurs in).  ``data/confidence.tsv`` holds, for each rule and signal, the
share of lines such findings covered that were junk in the Dragnet half of
``junk-dev`` (both the extracted and the full pages), as measured by
``benchmarks/junk_calibrate.py``.  A finding carries that figure in its
message, and a rule's `min_confidence` option drops the findings whose
signal measured below it: raise it to trade recall for precision.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path
from typing import Iterator

from linter import Document, Finding, Option

DATA = Path(__file__).parent / "data"
MIN_CONFIDENCE = Option(0.5, minimum=0, maximum=1)
"""Every calibrated rule's `min_confidence` option: by default, drop the signals that measured worse than a coin."""
UNMEASURED = 0.5
"""The confidence of a signal never seen in the labelled pages: as likely junk as not."""


@cache
def confidence_table() -> dict[tuple[str, str], float]:
    """(rule code, signal) to measured precision."""
    table = {}
    for raw in (DATA / "confidence.tsv").read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            code, signal, precision, _lines = raw.split("\t")
            table[(code, signal)] = float(precision)
    return table


def confidence_of(code: str, signal: str) -> float:
    table = confidence_table()
    return table.get((code, signal), table.get((code, "*"), UNMEASURED))


def with_confidence(finding: Finding, confidence: float) -> Finding:
    return dataclasses.replace(finding, message=f"{finding.message} (confidence {confidence:.2f})")


class Calibrated:
    """A junk rule whose candidates carry their signal; ``check`` keeps those trusted enough.

    Subclasses implement ``candidates`` and declare `min_confidence` among
    their options.
    """

    code: str
    options: dict

    def candidates(self, document: Document) -> Iterator[tuple[Finding, str]]:
        raise NotImplementedError

    def check(self, document: Document) -> Iterator[Finding]:
        threshold = self.options["min_confidence"]
        for finding, signal in self.candidates(document):
            confidence = confidence_of(self.code, signal)
            if confidence >= threshold:
                yield with_confidence(finding, confidence)
