"""The pytest plugin: --corpus-lint items and the corpus_lint fixture."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_pytest(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=folder,
        capture_output=True,
        text=True,
    )


def test_corpus_lint_option_makes_one_item_per_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "clean.txt").write_text("The talks ended.\n", encoding="utf-8")
    (corpus / "dirty.txt").write_text("The the talks ended.\n", encoding="utf-8")
    (tmp_path / "test_nothing.py").write_text("def test_ok():\n    assert True\n", encoding="utf-8")
    proc = run_pytest(tmp_path, "--corpus-lint", "corpus", "--corpus-lint-select", "TYP003", "-q")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "1 failed, 2 passed" in proc.stdout
    assert "TYP003" in proc.stdout and "The the" in proc.stdout


def test_fixture(tmp_path: Path) -> None:
    (tmp_path / "test_fixture_use.py").write_text(
        "def test_lint(corpus_lint):\n"
        "    findings = corpus_lint(text='the the end', select=['TYP003'])\n"
        "    assert [f.code for f in findings] == ['TYP003']\n",
        encoding="utf-8",
    )
    proc = run_pytest(tmp_path, "-q")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_fixture_takes_text_or_paths_positionally(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("The the talks ended.\n", encoding="utf-8")
    (tmp_path / "test_fixture_use.py").write_text(
        "from pathlib import Path\n"
        "def test_lint(corpus_lint):\n"
        "    text = corpus_lint('Officials said the the plan.', select=['TYP003'])\n"
        "    assert [f.path for f in text] == ['<text>']\n"
        "    for target in ('story.txt', Path('story.txt'), ['story.txt']):\n"
        "        found = corpus_lint(target, select=['TYP003'])\n"
        "        assert [(f.code, f.path) for f in found] == [('TYP003', 'story.txt')], target\n",
        encoding="utf-8",
    )
    proc = run_pytest(tmp_path, "-q")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_missing_path_is_reported_not_linted_as_a_text(tmp_path: Path) -> None:
    """A wrong path (the test runs from another folder, a typo) must fail the test, not pass it."""
    (tmp_path / "test_missing.py").write_text(
        "def test_lint(corpus_lint):\n"
        "    for target in ('data/corpus.jsonl', 'missing_folder/', 'news.jsonl.gz'):\n"
        "        assert [f.code for f in corpus_lint(target)] == ['INP001'], target\n"
        "    assert corpus_lint('goverment', select=['TYP001'])[0].path == '<text>'\n",
        encoding="utf-8",
    )
    proc = run_pytest(tmp_path, "-q")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_bad_selector_is_a_usage_error_under_strict_markers(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The the end.\n", encoding="utf-8")
    proc = run_pytest(tmp_path, "--strict-markers", "--corpus-lint", "corpus", "--corpus-lint-select", "TYP003, NOPE9")
    assert proc.returncode == 4 and "INTERNALERROR" not in proc.stdout + proc.stderr
    assert "unknown rule selector(s): NOPE9" in proc.stderr
    proc = run_pytest(tmp_path, "--strict-markers", "--corpus-lint", "corpus", "--corpus-lint-select", "TYP003, ENC", "-q")
    assert proc.returncode == 1 and "1 failed" in proc.stdout
