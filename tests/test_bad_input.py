"""Bad input gets a clear message or finding naming the place; the rest is still checked."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from linter.cli import main


def check_json(capsys, *paths: str, select: str = "TYP003") -> tuple[int, list[dict], str]:
    code = main(["check", *paths, "--select", select, "--output-format", "json", "--jobs", "1"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_each_bad_input_is_named_and_the_rest_checked(capsys, tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 the the end".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "records.jsonl").write_text(
        '{"id": 1, "text": "fine"}\n{broken\n{"id": 3}\n[1, 2]\n{"id": 5, "text": 5}\n\n{"id": 7, "text": "a a"}\n',
        encoding="utf-8",
    )
    (tmp_path / "good.txt").write_text("the the", encoding="utf-8")
    code, findings, err = check_json(capsys, str(tmp_path), str(tmp_path / "missing.txt"))
    assert code == 1 and "Traceback" not in err
    by = {(Path(f["path"]).name, f["record"], f["code"]) : f for f in findings}
    assert by[("binary.txt", None, "INP001")]["message"].startswith("looks like a binary file")
    assert "invalid UTF-8 at byte 3" in by[("latin1.txt", None, "INP002")]["message"]
    assert ("latin1.txt", None, "TYP003") in by, "the lossy text is still checked"
    assert "invalid JSON" in by[("records.jsonl", 1, "INP003")]["message"]
    assert by[("records.jsonl", 1, "INP003")]["message"].endswith("(line 2 of the file)")
    assert "has no field 'text'" in by[("records.jsonl", 2, "INP003")]["message"]
    assert "not an object" in by[("records.jsonl", 3, "INP003")]["message"]
    assert "non-string field" in by[("records.jsonl", 4, "INP003")]["message"]
    assert ("records.jsonl", 6, "TYP003") in by
    assert ("good.txt", None, "TYP003") in by
    assert by[("missing.txt", None, "INP001")]["message"] == "no such file or directory"


def test_truncated_gzip_is_reported_after_the_records_read(capsys, tmp_path: Path) -> None:
    data = gzip.compress(b"".join(json.dumps({"id": i, "text": "x x"}).encode() + b"\n" for i in range(50)))
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    code, findings, err = check_json(capsys, str(tmp_path))
    assert "Traceback" not in err
    assert any(f["code"] == "INP001" and "stopped reading" in f["message"] for f in findings)


def test_not_parquet(capsys, tmp_path: Path) -> None:
    (tmp_path / "fake.parquet").write_bytes(b"this is not parquet")
    code, findings, err = check_json(capsys, str(tmp_path))
    assert [f["code"] for f in findings] == ["INP001"] and "Parquet" in findings[0]["message"]


def test_unreadable_file(capsys, tmp_path: Path) -> None:
    import os

    target = tmp_path / "secret.txt"
    target.write_text("x", encoding="utf-8")
    target.chmod(0)
    try:
        if os.access(target, os.R_OK):  # root reads anything; nothing to test then
            return
        code, findings, _ = check_json(capsys, str(target))
        assert findings[0]["code"] == "INP001" and "cannot be read" in findings[0]["message"]
    finally:
        target.chmod(0o644)


def test_a_huge_single_line_file_is_reported_not_checked(capsys, tmp_path: Path) -> None:
    sentence = "The delegation met in Istanbul on Monday and agreed to exchange 1,000 prisoners each. "
    (tmp_path / "huge.txt").write_text(sentence * (50_000_000 // len(sentence)), encoding="utf-8")
    (tmp_path / "small.txt").write_text("the the end", encoding="utf-8")
    code, findings, err = check_json(capsys, str(tmp_path))
    assert code == 1 and "Traceback" not in err
    by = {(Path(f["path"]).name, f["code"]): f for f in findings}
    assert "max-document-chars" in by[("huge.txt", "INP004")]["message"]
    assert ("small.txt", "TYP003") in by


def test_a_long_single_line_is_checked_by_every_rule(capsys, tmp_path: Path) -> None:
    sentence = "The delegation met in Istanbul on Monday, June 2, and agreed to exchange 1,000 prisoners each. "
    (tmp_path / "long.txt").write_text(sentence * (1_000_000 // len(sentence)) + "the the end", encoding="utf-8")
    code = main(["check", str(tmp_path), "--output-format", "json", "--jobs", "1", "--exit-zero", "--date", "2025-06-02"])
    out, err = capsys.readouterr()
    assert code == 0 and "Traceback" not in err and "internal error" not in err and "failed on" not in err
    assert any(f["code"] == "TYP003" for f in json.loads(out))


def test_input_problems_show_whatever_is_selected_unless_ignored(capsys, tmp_path: Path) -> None:
    (tmp_path / "r.jsonl").write_text("{broken\n", encoding="utf-8")
    _, findings, _ = check_json(capsys, str(tmp_path), select="TYP003")
    assert [f["code"] for f in findings] == ["INP003"]
    code = main(["check", str(tmp_path), "--ignore", "INP003", "--output-format", "json"])
    assert code == 0 and json.loads(capsys.readouterr().out) == []


def test_a_file_too_large_to_be_a_document_is_not_read_whole(capsys, tmp_path: Path) -> None:
    (tmp_path / "corpus-linter.toml").write_text("max-document-chars = 1000\n", encoding="utf-8")
    (tmp_path / "big.txt").write_text("x" * 5000, encoding="utf-8")
    (tmp_path / "chars.txt").write_text("é" * 1500, encoding="utf-8")
    code, findings, _ = check_json(capsys, str(tmp_path))
    messages = {Path(f["path"]).name: f["message"] for f in findings if f["code"] == "INP004"}
    assert "larger than max-document-chars allows" in messages["big.txt"]
    assert "1,500 characters, more than max-document-chars (1,000)" in messages["chars.txt"]


def _zst_records(count: int) -> bytes:
    import zstandard

    return zstandard.ZstdCompressor().compress(
        b"".join(json.dumps({"id": i, "text": "x x"}).encode() + b"\n" for i in range(count))
    )


def test_truncated_zstd_is_a_finding_not_a_pass(capsys, tmp_path: Path) -> None:
    data = _zst_records(2000)
    for cut in (len(data) // 2, len(data) - 1, 5):
        (tmp_path / "cut.jsonl.zst").write_bytes(data[:cut])
        code, findings, err = check_json(capsys, str(tmp_path / "cut.jsonl.zst"))
        assert "Traceback" not in err
        assert any(f["code"] == "INP001" and "cut short" in f["message"] for f in findings), cut


def test_concatenated_zstd_frames_are_all_read(capsys, tmp_path: Path) -> None:
    (tmp_path / "two.jsonl.zst").write_bytes(_zst_records(3) + _zst_records(2))
    code, findings, _ = check_json(capsys, str(tmp_path))
    assert [f["record"] for f in findings] == [0, 1, 2, 3, 4] and {f["code"] for f in findings} == {"TYP003"}


def test_a_reader_that_raises_midway_is_a_finding(tmp_path: Path) -> None:
    from linter import hookimpl
    from linter.config import Config
    from linter.document import Document
    from linter.engine import Linter
    from linter.plugin import default_host
    from linter.readers.base import Reader

    class FlakyReader(Reader):
        name = "flaky"
        suffixes = (".flaky",)

        def read(self, path, stream, settings):
            yield Document(text="the the", path=path, record=0)
            raise RuntimeError("lost the connection")

    class Plugin:
        @hookimpl
        def corpus_linter_register_readers(self):
            return [FlakyReader]

    (tmp_path / "data.flaky").write_bytes(b"")
    host = default_host()
    host.register(Plugin())
    findings = Linter(Config(root=tmp_path), host=host, select=["TYP003"], jobs=1).run([str(tmp_path)]).findings
    assert [f.code for f in findings] == ["INP001", "TYP003"]
    assert "the flaky reader stopped: RuntimeError('lost the connection')" in findings[0].message
