"""--fix: applied atomically, only when asked, never losing data."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from linter.cli import main
from linter.config import Config
from linter.engine import Linter
from linter.fixer import fix_files
from tests.helpers import TestRulesPlugin
from linter.plugin import default_host


def fix(capsys, *args: str) -> tuple[int, str]:
    code = main(["check", *args, "--select", "TYP003", "--output-format", "concise", "--jobs", "1"])
    return code, capsys.readouterr().out


def test_check_alone_never_writes(capsys, tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("the the end", encoding="utf-8")
    assert fix(capsys, str(tmp_path))[0] == 1
    assert target.read_text(encoding="utf-8") == "the the end"


def test_fix_text_file(capsys, tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes("\ufeffthe the end\r\nand and more\r\n".encode("utf-8"))
    code, out = fix(capsys, str(tmp_path), "--fix")
    assert code == 0 and "Fixed 2." in out
    assert target.read_bytes() == "\ufeffthe end\r\nand more\r\n".encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"], "no temporary file is left behind"


def test_fix_jsonl_keeps_other_records_byte_for_byte(capsys, tmp_path: Path) -> None:
    target = tmp_path / "c.jsonl"
    untouched = '{"id": 1,   "text": "fine",  "extra": [1, 2]}\n'
    target.write_text(untouched + '{"id": 2, "text": "a a b", "meta": {"k": "é"}}\n', encoding="utf-8")
    assert fix(capsys, str(target), "--fix")[0] == 0
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[0] == untouched
    assert json.loads(lines[1]) == {"id": 2, "text": "a b", "meta": {"k": "é"}}


def test_fix_gzipped_jsonl(capsys, tmp_path: Path) -> None:
    target = tmp_path / "c.jsonl.gz"
    target.write_bytes(gzip.compress(b'{"text": "x x"}\n'))
    assert fix(capsys, str(target), "--fix")[0] == 0
    assert json.loads(gzip.decompress(target.read_bytes())) == {"text": "x"}


def test_unsafe_fixes_need_the_flag(capsys, tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("Story.\nlorem ipsum\n", encoding="utf-8")
    (tmp_path / "corpus-linter.toml").write_text(
        '[[custom-rules]]\ncode = "CUS001"\nname = "lorem"\nmessage = "m"\nphrases = ["lorem ipsum"]\nreplacement = ""\n',
        encoding="utf-8",
    )
    main(["check", str(target), "--select", "CUS001", "--fix", "--jobs", "1"])
    assert target.read_text(encoding="utf-8") == "Story.\nlorem ipsum\n"
    main(["check", str(target), "--select", "CUS001", "--fix", "--unsafe-fixes", "--jobs", "1"])
    assert target.read_text(encoding="utf-8") == "Story.\n", "the emptied line goes with its line break"
    capsys.readouterr()
    assert main(["check", str(target), "--unsafe-fixes"]) == 2


def test_a_file_changed_since_the_check_is_not_fixed(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("SHOUT now", encoding="utf-8")
    host = default_host()
    host.register(TestRulesPlugin())
    result = Linter(Config(root=tmp_path), host=host, select=["TST001"], jobs=1).run([str(target)], take_digests=True)
    target.write_text("SHOUT later, edited", encoding="utf-8")
    outcome = fix_files(result.findings, result.digests)
    assert outcome.applied == [] and "changed since it was checked" in outcome.warnings[0]
    assert target.read_text(encoding="utf-8") == "SHOUT later, edited"


def test_invalid_utf8_is_never_rewritten(capsys, tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    original = "the the caf\xe9".encode("latin-1")
    target.write_bytes(original)
    main(["check", str(target), "--select", "TYP003", "--fix", "--jobs", "1"])
    assert target.read_bytes() == original
    assert "not fixed" in capsys.readouterr().err


def test_fixes_repeat_until_nothing_more_is_fixed(capsys, tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("the the the end", encoding="utf-8")
    code, out = fix(capsys, str(target), "--fix")
    assert target.read_text(encoding="utf-8") == "the end"
    assert code == 0 and "Fixed 2." in out


def test_remaining_findings_point_at_the_fixed_text(capsys, tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("The the talks. Later lorem ipsum here.\n", encoding="utf-8")
    (tmp_path / "corpus-linter.toml").write_text(
        '[[custom-rules]]\ncode = "CUS001"\nname = "lorem"\nmessage = "m"\nphrases = ["lorem ipsum"]\n',
        encoding="utf-8",
    )
    main(["check", str(target), "--select", "TYP003,CUS001", "--fix", "--output-format", "json", "--jobs", "1"])
    [finding] = json.loads(capsys.readouterr().out)
    text = target.read_text(encoding="utf-8")
    assert text[finding["start"] : finding["end"]] == "lorem ipsum"


def test_fix_through_a_symlink_changes_the_real_file(capsys, tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("the the end", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").symlink_to(real / "a.txt")
    fix(capsys, f"{corpus}/./a.txt", "--fix")
    assert (corpus / "a.txt").is_symlink()
    assert (real / "a.txt").read_text(encoding="utf-8") == "the end"


def test_fix_refuses_stdin(capsys) -> None:
    assert main(["check", "-", "--fix"]) == 2
    assert "standard input" in capsys.readouterr().err


def test_corpus_phase_fixes_are_applied(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Story {name}.\nShared footer\n", encoding="utf-8")
    host = default_host()
    host.register(TestRulesPlugin())
    linter = Linter(Config(root=tmp_path), host=host, select=["TST002"], jobs=1)
    result = linter.run([str(tmp_path)], take_digests=True)
    outcome = fix_files(result.findings, result.digests, unsafe=True)
    assert len(outcome.applied) == 2 and outcome.warnings == []
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Story a.\n"


def test_without_fix_no_digests_are_kept(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("SHOUT", encoding="utf-8")
    host = default_host()
    host.register(TestRulesPlugin())
    result = Linter(Config(root=tmp_path), host=host, select=["TST001"], jobs=1).run([str(tmp_path)])
    assert result.findings and result.digests == {}


@pytest.mark.parametrize(
    "text, spans, fixed",
    [
        ("Para one.\n\nShare this\n\nPara two.\n", [(11, 22)], "Para one.\n\nPara two.\n"),
        ("Para one.\n\nShare this\nFollow us\n\nPara two.\n", [(11, 22), (22, 32)], "Para one.\n\nPara two.\n"),
        ("Para one.\n\nShare this\n\nFollow us\n\nPara two.\n", [(11, 22), (23, 33)], "Para one.\n\nPara two.\n"),
        ("Home > News\n\nPara one.\n", [(0, 12)], "Para one.\n"),
        ("Para one.\r\n\r\nShare this\r\n\r\nPara two.\r\n", [(13, 25)], "Para one.\r\n\r\nPara two.\r\n"),
        ("Line one\nShare this\nLine two\n", [(9, 19)], "Line one\nLine two\n"),
        ("Kept as is.\n\n\n\nThe the end.\n", [(16, 20)], "Kept as is.\n\n\n\nThe end.\n"),
        ("Para one.\n\nShare this\n", [(11, 22)], "Para one.\n"),
        ("Para one.\n\nShare this", [(11, 21)], "Para one.\n"),
        ("Para one.\r\n\r\nShare this\r\n", [(13, 25)], "Para one.\r\n"),
    ],
)
def test_removed_lines_leave_one_paragraph_break(text: str, spans: list, fixed: str) -> None:
    from linter.finding import Edit
    from linter.fixer import apply_edits

    assert apply_edits(text, [Edit(start, end, "") for start, end in spans]) == fixed


def test_diff_shows_the_fixes_and_writes_nothing(capsys, tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    original = "Para one.\n\nShare this article\n\nThe the end.\n"
    target.write_text(original, encoding="utf-8")
    records = tmp_path / "b.jsonl"
    records.write_text('{"id": 1, "text": "fine"}\n{"id": 2, "text": "a a b"}\n', encoding="utf-8")
    code = main(["check", str(tmp_path), "--diff", "--jobs", "1"])
    captured = capsys.readouterr()
    assert code == 1 and "Would fix 3 findings in 2 files." in captured.err
    assert f"--- {target}\n+++ {target}\n" in captured.out
    assert "-Share this article\n-\n-The the end.\n+The end.\n" in captured.out
    assert '-{"id": 2, "text": "a a b"}\n+{"id": 2, "text": "a b"}\n' in captured.out
    assert target.read_text(encoding="utf-8") == original
    assert records.read_text(encoding="utf-8").endswith('"a a b"}\n')


def test_diff_exits_zero_when_there_is_nothing_to_fix(capsys, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A clean sentence.\n", encoding="utf-8")
    assert main(["check", str(tmp_path), "--diff", "--jobs", "1"]) == 0
    assert capsys.readouterr().out == ""


def _fixable(spans: list[tuple[int, int]]) -> list:
    from linter.finding import Finding, Fix, Location, Severity

    return [
        Finding("TST001", "test", "junk", Severity.WARNING, "m", Location("a.txt", start, end, 1, 1, 1, 1), Fix.replace(start, end, ""))
        for start, end in spans
    ]


def _fix_seconds(lines: int) -> float:
    """Choosing and applying a fix for each of ``lines`` junk lines between paragraphs (best of three)."""
    import time

    from linter.fixer import apply_edits, choose_edits

    text = "A paragraph of text.\n\nShare this\n\n" * lines
    spans = [(start + 22, start + 33) for start in range(0, len(text), 34)]
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        edits, applied = choose_edits(_fixable(spans), unsafe=False, length=len(text))
        fixed = apply_edits(text, edits)
        best = min(best, time.perf_counter() - started)
    assert len(applied) == lines and fixed == "A paragraph of text.\n\n" * lines
    return best


def test_fix_time_growth_is_linear_in_the_number_of_fixes() -> None:
    """A document with tens of thousands of fixes (invisible characters, junk lines) must not hang --fix."""
    for _attempt in range(3):
        small, large = _fix_seconds(1_500), _fix_seconds(6_000)
        if large / small < 10:
            return
    raise AssertionError(f"fixing 4x more lines took {large / small:.1f}x longer: not linear")


def test_diff_splits_lines_only_at_line_feeds(capsys, tmp_path: Path) -> None:
    """U+2028, form feed or a lone CR inside a line is not a line end for diff and patch."""
    target = tmp_path / "a.txt"
    target.write_text("The the plan\u2028stays\x0cput.\nLast the the line", encoding="utf-8", newline="")
    assert main(["check", str(target), "--diff", "--select", "TYP003", "--jobs", "1"]) == 1
    assert capsys.readouterr().out.split("\n")[2:] == [
        "@@ -1,2 +1,2 @@",
        "-The the plan\u2028stays\x0cput.",
        "-Last the the line",
        "\\ No newline at end of file",
        "+The plan\u2028stays\x0cput.",
        "+Last the line",
        "\\ No newline at end of file",
        "",
    ]
