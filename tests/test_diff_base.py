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
