"""The example plugin in examples/ installs and works through the entry-point group, like any third party's.

It is installed with pip, offline (no index, no build isolation: hatchling is
in the environment), into a temporary folder that a subprocess puts on its
path, so ``importlib.metadata`` finds its entry points without touching the
environment the rest of the tests run in.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "corpus-linter-example"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pip") is None,
    reason="pip is not installed in this environment, and the test installs the example plugin with it",
)

ARTICLES = (
    "id,date,text\n"
    'a1,2025-06-02,"Lorem ipsum dolor sit amet, consectetur adipiscing elit."\n'
    'a2,2025-06-02,"The minister spoke to reporters on Monday, saying talks would go on."\n'
    'a3,2025-06-02,"First paragraph, with a comma.\n\nThen LOREM   IPSUM again."\n'
)


@pytest.fixture(scope="module")
def plugin_path(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("example-plugin")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index",
         "--quiet", "--disable-pip-version-check", "--target", str(target), str(EXAMPLE)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return target


def corpus_linter(plugin_path: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(plugin_path), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "linter", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def articles(tmp_path) -> Path:
    path = tmp_path / "articles.csv"
    path.write_text(ARTICLES, encoding="utf-8")
    return path


def test_rule_is_listed_and_documented(plugin_path, tmp_path) -> None:
    listing = corpus_linter(plugin_path, tmp_path, "rules")
    assert listing.returncode == 0, listing.stderr
    [line] = [line for line in listing.stdout.splitlines() if line.startswith("EXA001")]
    assert line.split()[1:3] == ["placeholder-text", "example"]
    docs = corpus_linter(plugin_path, tmp_path, "rule", "placeholder-text")
    assert docs.returncode == 0, docs.stderr
    assert "# placeholder-text (EXA001)" in docs.stdout and "## What it flags" in docs.stdout
    assert "warning:" not in listing.stderr


def test_reader_reads_csv_rows_as_records(plugin_path, articles) -> None:
    result = corpus_linter(plugin_path, articles.parent, "check", articles.name, "--select", "EXA001", "--output-format", "json")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    assert [(f["id"], f["record"], f["line"], f["column"], f["end_column"], f["message"]) for f in findings] == [
        ("a1", 0, 1, 1, 12, "placeholder text: 'Lorem ipsum'"),
        ("a1", 0, 1, 13, 27, "placeholder text: 'dolor sit amet'"),
        ("a3", 2, 3, 6, 19, "placeholder text: 'LOREM   IPSUM'"),
    ]
    assert {f["path"] for f in findings} == {"articles.csv"}


def test_count_reporter(plugin_path, articles) -> None:
    result = corpus_linter(plugin_path, articles.parent, "check", articles.name, "--select", "EXA001", "--output-format", "count")
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == ["      3  EXA001   placeholder-text", "      3  total in 3 documents"]


def test_csv_without_text_column_is_an_input_problem(plugin_path, tmp_path) -> None:
    (tmp_path / "bad.csv").write_text("id,body\n1,Lorem ipsum\n", encoding="utf-8")
    result = corpus_linter(plugin_path, tmp_path, "check", "bad.csv", "--output-format", "json")
    assert result.returncode == 1, result.stderr
    [problem] = json.loads(result.stdout)
    assert problem["code"] == "INP003" and "'text' column" in problem["message"]
