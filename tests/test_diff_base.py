"""--diff-base: check only what changed since a git ref, with the whole corpus as context."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from linter.changes import changed_records
from linter.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
FOOTER = "Subscribe to our newsletter for more stories like this one\n"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True,
                   capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "old.txt").write_text("The the old slip stays.\n", encoding="utf-8")
    (corpus / "edited.txt").write_text("A clean story.\n", encoding="utf-8")
    for index in range(4):
        (corpus / f"site{index}.txt").write_text(f"Story {index} of the site.\n\n{FOOTER}", encoding="utf-8")
    (corpus / "news.jsonl").write_text(
        "".join(json.dumps({"id": i, "text": f"Record {i} of of fine."}) + "\n" for i in range(3)), encoding="utf-8"
    )
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "corpus")
    return tmp_path


def found(capsys, *args: str) -> list[tuple[str, str, object]]:
    main(["check", "corpus", "--select", "TYP003,JNK007", "--jobs", "1", "--output-format", "json", *args])
    return sorted((Path(f["path"]).name, f["code"], f["id"]) for f in json.loads(capsys.readouterr().out))


def test_only_changed_documents_are_reported(capsys, repo: Path) -> None:
    corpus = repo / "corpus"
    (corpus / "edited.txt").write_text("A clean story, and and a slip.\n", encoding="utf-8")
    (corpus / "new.txt").write_text("The the new one.\n", encoding="utf-8")  # untracked
    records = [json.dumps({"id": i, "text": f"Record {i} of of fine."}) for i in (2, 0, 1)]  # reordered
    records[0] = json.dumps({"id": 2, "text": "Record 2 of of changed."})
    (corpus / "news.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    assert found(capsys, "--diff-base", "HEAD") == [
        ("edited.txt", "TYP003", None), ("new.txt", "TYP003", None), ("news.jsonl", "TYP003", "2"),
    ]


def test_corpus_wide_rules_still_see_the_whole_corpus(capsys, repo: Path) -> None:
    (repo / "corpus" / "site4.txt").write_text(f"Story 4 of the site.\n\n{FOOTER}", encoding="utf-8")
    everything = found(capsys)
    assert [f for f in everything if f[1] == "JNK007"] == [(f"site{i}.txt", "JNK007", None) for i in range(5)]
    assert found(capsys, "--diff-base", "HEAD") == [("site4.txt", "JNK007", None)]


def test_staged_changes_count_and_an_unknown_ref_is_a_clear_error(capsys, repo: Path) -> None:
    (repo / "corpus" / "edited.txt").write_text("Staged and and slip.\n", encoding="utf-8")
    git(repo, "add", "corpus/edited.txt")
    assert found(capsys, "--diff-base", "HEAD") == [("edited.txt", "TYP003", None)]
    assert main(["check", "corpus", "--diff-base", "no-such-ref", "--jobs", "1"]) == 2
    assert "'no-such-ref' is not a commit" in capsys.readouterr().err


def test_a_first_commit_checks_everything(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("The the start.\n", encoding="utf-8")
    assert found(capsys, "--diff-base", "HEAD") == [("a.txt", "TYP003", None)]


def test_changed_records_by_id_and_by_content() -> None:
    old = b'{"id": 1, "text": "a"}\n{"id": 2, "text": "b"}\n{"text": "no id"}\n{"text": "no id"}\n'
    new = b'{"id": 2, "text": "b"}\n{"id": 1, "text": "A"}\n{"text": "no id"}\n{"text": "no id"}\n{"text": "no id"}\n'
    assert changed_records(old, new) == {1, 4}


def test_records_whose_ids_repeat_are_unchanged_when_their_lines_are(capsys, repo: Path) -> None:
    lines = [json.dumps({"id": 7, "text": f"Copy {i} of of the record."}) for i in range(3)]
    (repo / "corpus" / "dup.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "ids repeat")
    lines.append(json.dumps({"id": 7, "text": "A new one one."}))
    (repo / "corpus" / "dup.jsonl").write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    assert found(capsys, "--diff-base", "HEAD") == [("dup.jsonl", "TYP003", "7")]
    assert changed_records(b"\n".join(line.encode() for line in lines[:3]), b"\n".join(line.encode() for line in lines)) == {3}


def test_a_compressed_file_cut_short_is_checked_whole(capsys, repo: Path) -> None:
    """Its changed records cannot be told apart; the reader's error and every record it could read are reported."""
    import gzip

    records = "".join(json.dumps({"id": i, "text": f"Record {i} is fine."}) + "\n" for i in range(2000)).encode()
    (repo / "corpus" / "big.jsonl.gz").write_bytes(gzip.compress(records))
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "big")
    changed = records.replace(b"Record 5 is fine.", b"Record 5 is the the fine.")
    compressed = gzip.compress(changed)
    (repo / "corpus" / "big.jsonl.gz").write_bytes(compressed[: len(compressed) // 2])
    main(["check", "corpus", "--select", "TYP003", "--jobs", "1", "--output-format", "json", "--diff-base", "HEAD"])
    codes = sorted(f["code"] for f in json.loads(capsys.readouterr().out) if f["path"].endswith("big.jsonl.gz"))
    assert codes == ["INP001", "TYP003"]


def test_a_renamed_file_is_compared_with_its_old_name(capsys, repo: Path) -> None:
    records = [json.dumps({"id": i, "text": f"Record {i} of of fine."}) for i in range(3)]
    records[1] = json.dumps({"id": 1, "text": "Record 1 is the the edited one."})
    (repo / "corpus" / "news.jsonl").rename(repo / "corpus" / "renamed.jsonl")
    (repo / "corpus" / "renamed.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    git(repo, "add", "-A")
    assert found(capsys, "--diff-base", "HEAD") == [("renamed.jsonl", "TYP003", "1")]


def test_each_path_is_resolved_once(capsys, repo: Path, monkeypatch) -> None:
    """Resolving a path costs tens of microseconds; a JSON-lines file of a million records must not pay it per record."""
    import os

    records = "".join(json.dumps({"id": i, "text": f"Record {i} is fine."}) + "\n" for i in range(300))
    (repo / "corpus" / "news.jsonl").write_text(records, encoding="utf-8")
    calls: list[str] = []
    real = os.path.realpath
    monkeypatch.setattr(os.path, "realpath", lambda path, *args, **kwargs: calls.append(str(path)) or real(path, *args, **kwargs))
    found(capsys, "--diff-base", "HEAD")
    assert max(calls.count(path) for path in set(calls)) < 50


def test_a_repositorys_fsmonitor_command_is_not_run(capsys, repo: Path) -> None:
    """A corpus downloaded with its .git folder may carry config that runs a command on `git diff`."""
    marker = repo / "RAN"
    git(repo, "config", "core.fsmonitor", f"touch '{marker}'; false")
    (repo / "corpus" / "edited.txt").write_text("A clean story, and and a slip.\n", encoding="utf-8")
    assert found(capsys, "--diff-base", "HEAD") == [("edited.txt", "TYP003", None)]
    assert not marker.exists()


def test_an_empty_ref_is_a_usage_error(capsys, repo: Path) -> None:
    """`--diff-base "$BASE_SHA"` with the variable unset must not quietly check everything."""
    assert main(["check", "corpus", "--diff-base", "", "--jobs", "1"]) == 2
    assert "--diff-base: expected a git ref" in capsys.readouterr().err
