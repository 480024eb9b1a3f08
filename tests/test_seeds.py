"""The user's example articles: a snapshot of the expected findings, and the gold score.

The snapshot grows as rules land.  After a deliberate change, regenerate it
with ``CORPUS_LINTER_UPDATE_SNAPSHOTS=1 pytest tests/test_seeds.py`` and
review the diff like code.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from linter.config import discover_config
from linter.engine import Linter

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SNAPSHOT = ROOT / "tests" / "snapshots" / "seeds.json"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


def current_findings() -> list[dict]:
    """The findings as `corpus-linter check seeds` run from the repository root gives them
    (messages name other documents by path, so the path must not depend on the checkout)."""
    linter = Linter(discover_config(None, SEEDS), jobs=1)
    result = linter.run(["seeds"])
    assert not result.warnings, result.warnings
    return [
        {
            "path": Path(f.path).name,
            "code": f.code,
            "text": (ROOT / f.path).read_text(encoding="utf-8")[f.start : f.end][:120],
            "start": f.start,
            "end": f.end,
            "message": f.message,
        }
        for f in result.findings
    ]


def test_seed_findings_match_the_snapshot(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    found = current_findings()
    if os.environ.get("CORPUS_LINTER_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert found == expected


def test_seeds_config_dates_them() -> None:
    config = discover_config(None, SEEDS)
    assert str(config.date) == "2025-06-02"


@pytest.mark.skipif(not (SHARED_EVAL / "score.py").exists(), reason="../shared/eval is not beside this checkout")
def test_seed_gold_score() -> None:
    """Every must-label found would be recall 1.0; these floors only ever go up."""
    command = [
        sys.executable, str(SHARED_EVAL / "score.py"),
        "--gold", str(SHARED_EVAL / "seeds.gold.jsonl"), "--corpus", str(SEEDS),
        "--min-precision", str(MIN_PRECISION), "--min-recall", str(MIN_RECALL),
        "--", sys.executable, "-m", "linter", "check", str(SEEDS), "--date", "2025-06-02", "--output-format", "json",
    ]
    proc = subprocess.run(command, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


MIN_PRECISION = 1.0
MIN_RECALL = 1.0
