"""Adopting the linter on a corpus with findings: --write-baseline, --baseline, --prune-baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.cli import main


def check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args, "--select", "TYP003", "--jobs", "1", "--output-format", "concise"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Para one.\n\nThe the end of the the story.\n", encoding="utf-8")
    (folder / "b.jsonl").write_text(
        '{"id": "x", "text": "a a b"}\n{"id": "y", "text": "fine"}\n{"id": "z", "text": "c c d"}\n', encoding="utf-8"
    )
    return folder


def test_a_baseline_hides_known_findings_and_survives_edits_elsewhere(capsys, corpus: Path) -> None:
    code, _, err = check(capsys, "corpus", "--write-baseline", "baseline.json")
    assert code == 0 and "Wrote 4 finding(s)" in err
    entries = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["entries"]
    assert {e["document"] for e in entries} == {"corpus/a.txt", "corpus/b.jsonl#id=x", "corpus/b.jsonl#id=z"}
    # Lines inserted above, records reordered: nothing new.
    (corpus / "a.txt").write_text("A new first paragraph.\n\nPara one.\n\nThe the end of the the story.\n", encoding="utf-8")
    (corpus / "b.jsonl").write_text(
        '{"id": "z", "text": "c c d"}\n{"id": "y", "text": "fine"}\n{"id": "x", "text": "a a b"}\n', encoding="utf-8"
    )
    code, out, _ = check(capsys, "corpus", "--baseline", "baseline.json")
    assert code == 0 and "All checks passed" in out and "4 more in the baseline" in out


def test_a_new_finding_is_reported_even_beside_a_known_identical_one(capsys, corpus: Path) -> None:
    check(capsys, "corpus", "--write-baseline", "baseline.json")
    (corpus / "a.txt").write_text("Para one.\n\nThe the end of the the story.\n\nThen the the end.\n", encoding="utf-8")
    code, out, _ = check(capsys, "corpus", "--baseline", "baseline.json")
    assert code == 1
    assert out.count("TYP003") == 1 and "4 more in the baseline" in out


def test_stale_entries_are_counted_and_pruned(capsys, corpus: Path) -> None:
    check(capsys, "corpus", "--write-baseline", "baseline.json")
    (corpus / "a.txt").write_text("Para one.\n\nThe end of the story.\n", encoding="utf-8")
    code, out, _ = check(capsys, "corpus", "--baseline", "baseline.json", "--statistics")
    assert code == 0 and "2 known finding(s) not shown, 2 stale entries" in out
    code = main(["check", "corpus", "--select", "TYP003", "--jobs", "1", "--baseline", "baseline.json",
                 "--statistics", "--output-format", "json"])
    assert json.loads(capsys.readouterr().out)["baseline"] == {"known": 2, "stale": 2}
    code, _, err = check(capsys, "corpus", "--baseline", "baseline.json", "--prune-baseline")
    assert "Dropped 2 stale entries" in err
    assert len(json.loads(Path("baseline.json").read_text(encoding="utf-8"))["entries"]) == 2
    code, out, _ = check(capsys, "corpus", "--baseline", "baseline.json")
    assert "no longer match" not in out


def test_a_broken_baseline_is_a_clear_error(capsys, corpus: Path) -> None:
    Path("baseline.json").write_text("{not json", encoding="utf-8")
    code, _, err = check(capsys, "corpus", "--baseline", "baseline.json")
    assert code == 2 and "baseline.json: not a readable baseline" in err
    code, _, err = check(capsys, "corpus", "--baseline", "missing.json")
    assert code == 2 and "no such baseline file" in err
    code, _, err = check(capsys, "corpus", "--prune-baseline")
    assert code == 2 and "--prune-baseline goes with --baseline" in err
