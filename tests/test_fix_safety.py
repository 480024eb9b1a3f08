"""--fix never loses or changes data it was not asked to change (each test is a reported reproducer)."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import linter.fixer
import linter.safe_write
from linter.cli import main
from linter.engine import Linter
from linter.safe_write import TEMPORARY_SUFFIX


def fix(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args, "--select", "TYP003", "--output-format", "concise", "--jobs", "1", "--fix"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_only_the_text_value_changes_in_a_fixed_record(capsys, tmp_path: Path) -> None:
    """Numbers, duplicate keys, spacing and the BOM stay byte for byte; only the text literal changes."""
    target = tmp_path / "c.jsonl"
    first = '\ufeff{"id": 1, "score": 1e400, "p": 1.00000000000000001, "text": "the the end",  "k": 1, "k": 2}\n'
    second = '{"id":2,"text":"fine"}\r\n'
    target.write_bytes((first + second).encode("utf-8"))
    code, out, _ = fix(capsys, str(target))
    assert code == 0 and "Fixed 1." in out
    assert target.read_bytes() == (first.replace('"the the end"', '"the end"') + second).encode("utf-8")


def test_a_duplicate_text_key_is_fixed_where_the_reader_read_it(capsys, tmp_path: Path) -> None:
    target = tmp_path / "c.jsonl"
    line = '{"text": "a a decoy", "text": "the the end"}\n'
    target.write_text(line, encoding="utf-8")
    fix(capsys, str(target))
    assert target.read_text(encoding="utf-8") == '{"text": "a a decoy", "text": "the end"}\n'


def test_ascii_escaped_records_stay_ascii_escaped(capsys, tmp_path: Path) -> None:
    target = tmp_path / "c.jsonl"
    target.write_text('{"text": "caf\\u00e9 the the end"}\n', encoding="utf-8")
    fix(capsys, str(target))
    assert target.read_text(encoding="utf-8") == '{"text": "caf\\u00e9 the end"}\n'


def test_a_lone_surrogate_is_kept_escaped_and_counted_once(capsys, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "c.jsonl"
    target.write_text('{"text": "the the \\ud800 end"}\n{"text": "ok"}\n', encoding="utf-8")
    runs = []
    original_run = Linter.run
    monkeypatch.setattr(Linter, "run", lambda self, *a, **k: runs.append(1) or original_run(self, *a, **k))
    code, out, _ = fix(capsys, str(target))
    assert "Fixed 1." in out and code == 0
    assert json.loads(target.read_text(encoding="utf-8").splitlines()[0]) == {"text": "the \ud800 end"}
    assert len(runs) == 2, "one check, one re-check after the one write"


def test_a_fix_that_cannot_be_written_is_not_counted_and_not_rechecked(capsys, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.txt"
    target.write_text("the the end", encoding="utf-8")
    target.chmod(0o444)
    runs = []
    original_run = Linter.run
    monkeypatch.setattr(Linter, "run", lambda self, *a, **k: runs.append(1) or original_run(self, *a, **k))
    code, out, err = fix(capsys, str(target))
    assert code == 1 and "Fixed" not in out
    assert "read-only" in err and target.read_text(encoding="utf-8") == "the the end"
    assert len(runs) == 1


def test_lines_appended_while_fixing_are_never_lost(capsys, tmp_path: Path, monkeypatch) -> None:
    """Another process appends between the fixer's read and its replace: the file is left alone."""
    target = tmp_path / "c.jsonl"
    target.write_text('{"text": "the the end"}\n', encoding="utf-8")
    compute = linter.fixer._fix_jsonl

    def compute_then_someone_appends(*args, **kwargs):
        result = compute(*args, **kwargs)
        with open(target, "a", encoding="utf-8") as handle:
            handle.write('{"text": "appended meanwhile"}\n')
        return result

    monkeypatch.setattr(linter.fixer, "_fix_jsonl", compute_then_someone_appends)
    code, out, err = fix(capsys, str(target))
    assert "changed while it was being fixed" in err and "Fixed" not in out
    assert target.read_text(encoding="utf-8").splitlines() == ['{"text": "the the end"}', '{"text": "appended meanwhile"}']
    assert not list(tmp_path.glob(f"*{TEMPORARY_SUFFIX}"))


def test_a_writer_appending_throughout_a_fix_loses_nothing(tmp_path: Path) -> None:
    """The reported reproducer, for real: records appended by another thread during --fix all survive."""
    target = tmp_path / "big.jsonl"
    records = [json.dumps({"id": i, "text": f"Story {i} has the the slip."}) for i in range(5_000)]
    target.write_text("\n".join(records) + "\n", encoding="utf-8")
    stop = threading.Event()
    appended: list[str] = []

    def append() -> None:
        while not stop.is_set():
            line = json.dumps({"id": f"new-{len(appended)}", "text": "Appended."})
            with open(target, "a", encoding="utf-8") as handle:
                handle.write(line + "\n")
            appended.append(line)
            stop.wait(0.001)

    writer = threading.Thread(target=append)
    writer.start()
    try:
        main(["check", str(target), "--select", "TYP003", "--fix", "--quiet", "--jobs", "1"])
    finally:
        stop.set()
        writer.join()
    lines = set(target.read_text(encoding="utf-8").splitlines())
    assert appended and all(line in lines for line in appended)
    ids = {json.loads(line)["id"] for line in lines}
    assert set(range(5_000)) <= ids


def test_a_symlink_out_of_the_checked_folder_is_not_written(capsys, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("the the end", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "link.txt").symlink_to(outside)
    code, out, err = fix(capsys, str(corpus))
    assert "outside the checked paths" in err and "Fixed" not in out
    assert outside.read_text(encoding="utf-8") == "the the end"


def test_a_symlink_named_on_the_command_line_is_fixed_through(capsys, tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("the the end", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    fix(capsys, str(link))
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "the end"


def test_mode_is_kept(capsys, tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("the the end", encoding="utf-8")
    target.chmod(0o640)
    fix(capsys, str(target))
    assert target.read_text(encoding="utf-8") == "the end"
    assert target.stat().st_mode & 0o7777 == 0o640


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_owner_is_kept(capsys, tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("the the end", encoding="utf-8")
    os.chown(target, 4321, 4321)
    fix(capsys, str(target))
    assert target.read_text(encoding="utf-8") == "the end"
    assert (target.stat().st_uid, target.stat().st_gid) == (4321, 4321)


def test_hard_links_are_not_broken(capsys, tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("the the end", encoding="utf-8")
    os.link(target, tmp_path / "b.md")
    code, out, err = fix(capsys, str(target))
    assert "hard links" in err and "Fixed" not in out
    assert os.stat(target).st_ino == os.stat(tmp_path / "b.md").st_ino
    assert target.read_text(encoding="utf-8") == "the the end"


def finished_process_id() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_temporary_left_by_a_killed_run_is_removed_by_the_next(capsys, tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("the the end", encoding="utf-8")
    stale = tmp_path / f".a.txt.{finished_process_id()}.0badf00d{TEMPORARY_SUFFIX}"
    stale.write_bytes(b"x" * 1000)
    busy = tmp_path / f".a.txt.{os.getppid()}.0badf00d{TEMPORARY_SUFFIX}"  # a live writer's: kept
    busy.write_bytes(b"y")
    fix(capsys, str(target))
    assert not stale.exists() and busy.exists()


def test_sigterm_while_writing_removes_the_temporary(capsys, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.txt"
    target.write_text("the the end", encoding="utf-8")
    check = linter.safe_write.Snapshot.still_current

    def terminated_here(self) -> bool:
        os.kill(os.getpid(), signal.SIGTERM)
        return check(self)

    monkeypatch.setattr(linter.safe_write.Snapshot, "still_current", terminated_here)
    code, _, err = fix(capsys, str(target))
    assert code == 128 + signal.SIGTERM and "terminated" in err
    assert target.read_text(encoding="utf-8") == "the the end"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


SPLICE_CASES = [
    ('{"text": "a"}', "text"),
    ('  { "id" : 3 , "text" :"a\\"b" }  ', "text"),
    ('{"meta": {"text": "no"}, "text": "a"}', "text"),
    ('{"doc": {"body": "a", "x": [1, {"body": 2}]}, "body": "top"}', "doc.body"),
    ('{"te\\u0078t": "escaped key", "n": -0.0e-0}', "text"),
    ('{"text": "first", "text": "last"}', "text"),
]


@pytest.mark.parametrize("line, field", SPLICE_CASES)
def test_splicing_changes_exactly_the_field_json_loads_reads(line: str, field: str) -> None:
    from linter.json_splice import field_span, replace_field
    from linter.readers.base import dotted_get

    spliced = replace_field(line, field, "NEW ✓")
    parsed, expected = json.loads(spliced), json.loads(line)
    holder_path, _, key = field.rpartition(".")
    holder = dotted_get(expected, holder_path) if holder_path else expected
    holder[key] = "NEW ✓"
    assert parsed == expected
    start, end = field_span(line, field)
    assert spliced[:start] == line[:start] and spliced.endswith(line[end:])


def test_a_field_that_is_not_a_string_is_not_spliced() -> None:
    from linter.json_splice import replace_field

    assert replace_field('{"text": 5}', "text", "x") is None
    assert replace_field('{"other": "x"}', "text", "x") is None
    assert replace_field("[1, 2]", "text", "x") is None


def test_a_fix_run_does_not_advise_the_fix_option_for_fixes_it_refused(capsys, tmp_path: Path) -> None:
    import os
    import stat

    target = tmp_path / "a.txt"
    target.write_text("The the end.\n", encoding="utf-8")
    os.chmod(target, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    main(["check", str(target), "--select", "TYP003", "--fix", "--jobs", "1"])
    captured = capsys.readouterr()
    assert "fixable with the --fix option" not in captured.out
    assert "1 fix not applied (the warnings say why)." in captured.out and "read-only" in captured.err


def test_a_folder_is_cleaned_and_synced_once_however_many_of_its_files_are_fixed(capsys, tmp_path: Path, monkeypatch) -> None:
    """Listing or syncing a folder of thousands of files once per fixed file made --fix quadratic (6,000 files: 96 s)."""
    for index in range(5):
        (tmp_path / f"a{index}.txt").write_text("The the end.\n", encoding="utf-8")
    cleaned, synced = [], []
    monkeypatch.setattr(linter.fixer, "remove_stale_temporaries", cleaned.append)
    monkeypatch.setattr(linter.fixer, "sync_folder", synced.append)
    main(["check", str(tmp_path), "--select", "TYP003", "--diff", "--jobs", "1"])
    assert cleaned == [] and synced == [], "--diff writes nothing, removes nothing"
    main(["check", str(tmp_path), "--select", "TYP003", "--fix", "--jobs", "1"])
    assert cleaned == [tmp_path] and synced == [tmp_path]
    assert all(path.read_text(encoding="utf-8") == "The end.\n" for path in tmp_path.glob("a*.txt"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_not_fixed(tmp_path: Path) -> None:
    """The check read the pipe once; opening it again to fix it would wait forever for a writer."""
    from linter.finding import Finding, Fix, Location, Severity
    from linter.fixer import fix_files, text_digest

    pipe = tmp_path / "story.txt"
    os.mkfifo(pipe)
    finding = Finding("TYP003", "repeated-word", "typo", Severity.WARNING, "m", Location(str(pipe), 0, 7, 1, 1, 1, 8), Fix.replace(3, 7, ""))
    outcome: list = []
    worker = threading.Thread(target=lambda: outcome.append(fix_files([finding], {(str(pipe), None): text_digest("The the end.\n")})), daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # let the blocked open() return before failing
        with open(pipe, "w") as handle:
            handle.write("The the end.\n")
        worker.join(timeout=10)
    assert outcome and not outcome[0].applied and "not a regular file" in outcome[0].warnings[0]
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
