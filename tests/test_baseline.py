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


FOOTER = "Subscribe to our newsletter for more stories like this one\n"


def test_corpus_wide_findings_stay_known_when_other_documents_change(capsys, tmp_path: Path, monkeypatch) -> None:
    """JNK007's message counts documents; one more page with the footer must not make every known finding new."""
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for index in range(5):
        (corpus / f"site{index}.txt").write_text(f"Story {index} of the site.\n\n{FOOTER}", encoding="utf-8")
    main(["check", "corpus", "--select", "JNK007", "--jobs", "1", "--write-baseline", "baseline.json"])
    (corpus / "site5.txt").write_text(f"Story 5 of the site.\n\n{FOOTER}", encoding="utf-8")
    capsys.readouterr()
    code = main(["check", "corpus", "--select", "JNK007", "--jobs", "1", "--baseline", "baseline.json",
                 "--statistics", "--output-format", "json"])
    statistics = json.loads(capsys.readouterr().out)
    assert code == 1 and statistics["findings"] == [{"code": "JNK007", "name": "recurring-line", "count": 1, "fixable": True}]
    assert statistics["baseline"] == {"known": 5, "stale": 0}


def test_checking_some_files_leaves_other_entries_alone(capsys, corpus: Path) -> None:
    """A pre-commit run names a few files: the others' entries are neither stale nor pruned; a deleted file's are."""
    check(capsys, "corpus", "--write-baseline", "baseline.json")
    code, out, _ = check(capsys, "corpus/a.txt", "--baseline", "baseline.json", "--statistics")
    assert code == 0 and "2 known finding(s) not shown, 0 stale entries" in out
    check(capsys, "corpus/a.txt", "--baseline", "baseline.json", "--prune-baseline")
    assert len(json.loads(Path("baseline.json").read_text(encoding="utf-8"))["entries"]) == 4
    (corpus / "b.jsonl").unlink()
    code, out, _ = check(capsys, "corpus", "--baseline", "baseline.json", "--statistics")
    assert "2 known finding(s) not shown, 2 stale entries" in out
    code, out, err = check(capsys, "corpus", "--baseline", "baseline.json", "--diff-base", "HEAD", "--prune-baseline")
    assert code == 2 and "--prune-baseline needs every finding of a full check" in err


def test_a_baseline_that_is_not_an_object_is_a_clear_error(capsys, corpus: Path) -> None:
    Path("baseline.json").write_text("[]", encoding="utf-8")
    code, _, err = check(capsys, "corpus", "--baseline", "baseline.json")
    assert code == 2 and "baseline.json: not a corpus-linter baseline" in err


def test_a_written_baseline_is_readable_by_the_team(capsys, corpus: Path) -> None:
    import os
    import stat

    check(capsys, "corpus", "--write-baseline", "baseline.json")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(os.stat("baseline.json").st_mode) == 0o666 & ~umask


def test_a_baseline_is_never_written_over_something_that_is_not_a_file(capsys, corpus: Path) -> None:
    """os.replace would swap a device (as root, /dev/full: it happened) or a folder for the baseline; fail before the run."""
    import os

    Path("folder.json").mkdir()
    code, _, err = check(capsys, "corpus", "--write-baseline", "folder.json")
    assert code == 2 and "folder.json: not a regular file" in err and Path("folder.json").is_dir()
    code, _, err = check(capsys, "corpus", "--write-baseline", "missing/baseline.json")
    assert code == 2 and "no folder" in err
    if hasattr(os, "mkfifo"):  # stands for a device: never a real one here, should the check ever break
        os.mkfifo("pipe.json")
        code, _, err = check(capsys, "corpus", "--write-baseline", "pipe.json")
        assert code == 2 and "not a regular file" in err and not os.path.isfile("pipe.json")
    Path("real.json").write_text("{}", encoding="utf-8")
    Path("link.json").symlink_to("real.json")
    check(capsys, "corpus", "--write-baseline", "link.json")
    assert Path("link.json").is_symlink() and json.loads(Path("real.json").read_text(encoding="utf-8"))["entries"]
