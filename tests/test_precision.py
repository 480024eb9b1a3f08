"""Precision first: every rule that is on by default stays silent on clean, well-edited news.

``tests/corpora/clean`` holds original wire-style articles from 1992 to 2026,
full of the hard cases (foreign names, particles, abbreviations, decimals,
titles with "former" and "then-", figures for different things).  Each is
dated by its file name.  A finding here is a false alarm.
"""

from __future__ import annotations

from pathlib import Path

from linter.config import Config
from linter.engine import Linter

CLEAN = Path(__file__).resolve().parent / "corpora" / "clean"


def test_clean_corpus_has_no_findings() -> None:
    result = Linter(Config(root=CLEAN), jobs=1).run([str(CLEAN)])
    assert result.documents >= 30
    alarms = [
        f"{Path(f.path).name}:{f.location.line}: {f.code} {f.message}"
        for f in result.findings
    ]
    assert not alarms, "false alarms on clean text:\n" + "\n".join(alarms)
