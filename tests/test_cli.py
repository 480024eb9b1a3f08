"""The command line: exit codes, selection, formats, bad input, config errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from linter.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "clean.txt").write_text("The talks ended on Monday.\n", encoding="utf-8")
    (folder / "doubled.txt").write_text("After mounting mounting hostility, talks stalled.\n", encoding="utf-8")
    return folder


def test_exit_codes(capsys, corpus: Path) -> None:
    assert run(capsys, "check", str(corpus / "clean.txt"), "--select", "TYP003")[0] == 0
    assert run(capsys, "check", str(corpus), "--select", "TYP003")[0] == 1
    assert run(capsys, "check", str(corpus), "--select", "TYP003", "--exit-zero")[0] == 0
    assert run(capsys, "check", str(corpus), "--select", "NOPE999")[0] == 2
    assert run(capsys, "check", str(corpus), "--output-format", "nope")[0] == 2
    assert run(capsys, "check", str(corpus), "--date", "yesterday")[0] == 2


def test_full_output_shows_line_and_caret(capsys, corpus: Path) -> None:
    code, out, _ = run(capsys, "check", str(corpus), "--select", "TYP003")
    assert code == 1
    assert "doubled.txt:1:7: TYP003 [*] [warning] repeated word" in out
    assert "  1 | After mounting mounting hostility" in out
    assert "    |       ^^^^^^^^^^^^^^^^^" in out
    assert "Found 1 finding in 2 documents." in out


def test_json_schema_fields(capsys, corpus: Path) -> None:
    _, out, _ = run(capsys, "check", str(corpus), "--select", "TYP003", "--output-format", "json")
    [finding] = json.loads(out)
    assert set(finding) >= {
        "path", "id", "record", "line", "column", "end_line", "end_column", "start", "end",
        "code", "name", "category", "severity", "message", "fix", "related",
    }
    assert (finding["start"], finding["end"], finding["code"], finding["category"]) == (6, 23, "TYP003", "typo")
    assert finding["fix"]["safe"] is True and finding["fix"]["edits"] == [{"start": 14, "end": 23, "replacement": ""}]


def test_ignore_by_name_category_and_prefix(capsys, corpus: Path) -> None:
    for selector in ("repeated-word", "typo", "TYP", "TYP003"):
        _, out, _ = run(capsys, "check", str(corpus), "--select", "ALL", "--ignore", selector, "--output-format", "json")
        assert "TYP003" not in {f["code"] for f in json.loads(out)}


def test_more_specific_selector_wins_like_ruff(capsys, corpus: Path) -> None:
    assert run(capsys, "check", str(corpus), "--select", "TYP003", "--ignore", "typo")[0] == 1
    assert run(capsys, "check", str(corpus), "--select", "typo", "--ignore", "TYP003")[0] == 0


def test_statistics_and_output_file(capsys, corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    code, out, _ = run(capsys, "check", str(corpus), "--select", "TYP003", "--statistics", "-o", str(target))
    assert code == 1 and out == ""
    assert target.read_text(encoding="utf-8").split() == ["1", "TYP003", "[*]", "repeated-word"]


def test_quiet_hides_warnings(capsys, corpus: Path) -> None:
    (corpus / "broken.jsonl").write_text("{not json\n", encoding="utf-8")
    _, out, err = run(capsys, "check", str(corpus), "--select", "TYP003", "-q", "--output-format", "concise")
    assert "INP003" in out and err == ""


def test_rules_rule_and_show_config(capsys, corpus: Path) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "TYP003" in out and "repeated-word" in out
    code, out, _ = run(capsys, "rules", "--output-format", "json")
    assert any(r["code"] == "TYP003" and r["documentation"] for r in json.loads(out))
    code, out, _ = run(capsys, "rule", "repeated-word")
    assert code == 0 and out.startswith("# repeated-word (TYP003)") and "## What it flags" in out
    assert run(capsys, "rule", "XYZ123")[0] == 2
    code, out, _ = run(capsys, "show-config")
    assert code == 0 and "TYP003" in json.loads(out)["enabled-rules"]


def test_config_errors_name_file_and_key(capsys, corpus: Path) -> None:
    (corpus / "corpus-linter.toml").write_text('selekt = ["TYP"]\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(corpus))
    assert code == 2 and "corpus-linter.toml" in err and "selekt" in err
    (corpus / "corpus-linter.toml").write_text('[rules.TYP003]\nallowed = "mounting"\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(corpus))
    assert code == 2 and "TYP003" in err and "allowed" in err
    (corpus / "corpus-linter.toml").write_text("date = [\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(corpus))
    assert code == 2 and "not valid TOML" in err


def test_config_discovered_above_the_checked_path(capsys, corpus: Path) -> None:
    (corpus / "pyproject.toml").write_text('[tool.corpus-linter]\nignore = ["TYP003"]\n', encoding="utf-8")
    assert run(capsys, "check", str(corpus))[0] == 0


def test_rule_options_from_config(capsys, corpus: Path) -> None:
    (corpus / "corpus-linter.toml").write_text('select = ["TYP003"]\n[rules.repeated-word]\nallowed = ["mounting"]\n', encoding="utf-8")
    assert run(capsys, "check", str(corpus))[0] == 0


def test_stdin(corpus: Path) -> None:
    command = [sys.executable, "-m", "linter", "check", "-", "--select", "TYP003", "--output-format", "json"]
    proc = subprocess.run(command, input="the the end".encode(), capture_output=True, cwd=corpus)
    assert proc.returncode == 1
    [finding] = json.loads(proc.stdout)
    assert finding["path"] == "-" and finding["start"] == 0
    proc = subprocess.run(
        command + ["--stdin-filename", "in.jsonl"], input=b'{"id": "x", "text": "a a b"}\n', capture_output=True, cwd=corpus
    )
    assert json.loads(proc.stdout)[0]["id"] == "x"


def test_no_command_prints_help(capsys) -> None:
    code, out, _ = run(capsys)
    assert code == 2 and "check" in out


def test_a_rule_that_cannot_start_is_a_config_error(capsys, corpus: Path) -> None:
    (corpus / "corpus-linter.toml").write_text('[rules.ANA001]\nextra-kb-files = ["missing.yaml"]\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(corpus), "--select", "ANA001")
    assert code == 2 and "ANA001" in err and "missing.yaml" in err and "Traceback" not in err


def test_a_folder_without_documents_is_a_warning_not_a_quiet_pass(capsys, tmp_path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert f"warning: no documents found in {tmp_path}" in captured.err and ".jsonl" in captured.err


def test_a_full_disk_is_a_clear_error(capsys, tmp_path) -> None:
    import os

    import pytest

    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full")
    (tmp_path / "a.txt").write_text("The the end.\n", encoding="utf-8")
    for extra in ((), ("--diff",), ("--output-format", "html")):
        assert main(["check", str(tmp_path), "--jobs", "1", "-o", "/dev/full", *extra]) == 2
        err = capsys.readouterr().err
        assert "corpus-linter: error: No space left on device" in err and "internal error" not in err


def test_closed_standard_streams_are_named(tmp_path) -> None:
    import shutil
    import subprocess
    import sys

    import pytest

    if shutil.which("sh") is None:
        pytest.skip("needs a POSIX shell")
    (tmp_path / "a.txt").write_text("The the end.\n", encoding="utf-8")
    command = f"'{sys.executable}' -m linter"
    closed_in = subprocess.run(["sh", "-c", f"{command} check - <&-"], capture_output=True, text=True, cwd=tmp_path)
    assert closed_in.returncode == 1 and "INP001 [error] standard input is closed" in closed_in.stdout
    closed_out = subprocess.run(["sh", "-c", f"{command} check a.txt >&-"], capture_output=True, text=True, cwd=tmp_path)
    assert closed_out.returncode == 2 and "standard output is closed (give -o FILE)" in closed_out.stderr


def test_the_process_exits_with_its_output_whole_and_exit_handlers_run(corpus: Path) -> None:
    """The command skips the interpreter's teardown: what it printed must still all arrive, with the
    exit code, and exit handlers (a plugin's, multiprocessing's) must still run."""
    for number in range(300):
        (corpus / f"doubled-{number}.txt").write_text("Talks stalled stalled again.\n", encoding="utf-8")
    script = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('handler ran', file=sys.stderr))\n"
        "sys.argv[0] = 'corpus-linter'\n"
        "from linter.cli import entry_point\n"
        "entry_point()\n"
    )
    command = [sys.executable, "-c", script, "check", str(corpus), "--select", "TYP003", "--no-cache", "--output-format", "json"]
    proc = subprocess.run(command, capture_output=True, cwd=corpus, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 1
    assert len(json.loads(proc.stdout)) == 301
    assert b"handler ran" in proc.stderr
