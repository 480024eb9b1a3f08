"""Input in the forms real corpora come in: UTF-16/UTF-32 with a byte-order mark, upper-case
file endings, records whose ids repeat.  Each is read and named like any other input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import zstandard

from linter.cli import main

TEXT = "Hello there, reader.\nShare this article\nThe talks went on 中文 ёж.\n"
RECORDS = [{"id": "x", "text": TEXT}, {"id": "y", "text": "Leave a Reply\nAll fine here."}]
WIDE = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]


def with_bom(text: str, codec: str) -> bytes:
    """``text`` encoded with a byte-order mark, whichever endianness ``codec`` names."""
    if codec in ("utf-16", "utf-32"):
        return text.encode(codec)  # Python writes the mark itself
    return "\ufeff".encode(codec) + text.encode(codec)


def check(capsys, *args: str) -> tuple[int, list[dict], str]:
    code = main(["check", *args, "--select", "JNK001", "--output-format", "json", "--jobs", "1"])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else [], err


def flagged(findings: list[dict]) -> set[tuple[str, int | None, str]]:
    return {(Path(f["path"]).name, f["record"], f["code"]) for f in findings}


@pytest.mark.parametrize("codec", WIDE)
def test_wide_text_files_with_a_mark_are_decoded_not_called_binary(capsys, tmp_path: Path, codec: str) -> None:
    (tmp_path / "article.txt").write_bytes(with_bom(TEXT, codec))
    (tmp_path / "article.md").write_bytes(with_bom(TEXT, codec))
    code, findings, err = check(capsys, str(tmp_path))
    assert "Traceback" not in err
    assert flagged(findings) == {("article.txt", None, "JNK001"), ("article.md", None, "JNK001")}
    assert all(f["line"] == 2 and f["column"] == 1 for f in findings)


@pytest.mark.parametrize("codec", WIDE)
@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson.gz", ".jsonl.zst"])
def test_wide_json_lines_with_a_mark_are_read_record_by_record(capsys, tmp_path: Path, codec: str, suffix: str) -> None:
    data = with_bom("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), codec)
    if suffix.endswith(".gz"):
        data = gzip.compress(data)
    elif suffix.endswith(".zst"):
        data = zstandard.ZstdCompressor().compress(data)
    (tmp_path / f"records{suffix}").write_bytes(data)
    code, findings, err = check(capsys, str(tmp_path))
    assert "Traceback" not in err
    assert flagged(findings) == {(f"records{suffix}", 0, "JNK001"), (f"records{suffix}", 1, "JNK001")}
    assert {f["id"] for f in findings} == {"x", "y"}


def test_broken_wide_text_is_reported_with_its_encoding(capsys, tmp_path: Path) -> None:
    (tmp_path / "cut.txt").write_bytes("\ufeffok\n".encode("utf-16-le") + b"\x00\xd8")  # a lone high surrogate
    (tmp_path / "cut.jsonl").write_bytes(with_bom('{"text": "ok"}\n', "utf-16-le") + b"\x00\xd8X\x00")
    code, findings, err = check(capsys, str(tmp_path))
    messages = {Path(f["path"]).name: f["message"] for f in findings if f["code"] == "INP002"}
    assert "Traceback" not in err and code == 1
    assert messages["cut.txt"].startswith("invalid UTF-16 at byte 8")
    assert messages["cut.jsonl"].startswith("invalid UTF-16 near the start")


def test_nul_bytes_without_a_mark_are_still_binary(capsys, tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "nomark.txt").write_bytes("Share this article".encode("utf-16-le"))  # no mark: not guessed
    code, findings, err = check(capsys, str(tmp_path))
    assert flagged(findings) == {("image.txt", None, "INP001"), ("nomark.txt", None, "INP001")}


@pytest.mark.parametrize("codec", ["utf-16", "utf-32-be"])
def test_a_fix_writes_wide_text_back_in_its_own_encoding(capsys, tmp_path: Path, codec: str) -> None:
    target = tmp_path / "article.txt"
    target.write_bytes(with_bom(TEXT, codec))
    before = target.read_bytes()
    assert main(["check", str(target), "--select", "JNK001", "--fix", "--jobs", "1"]) == 0
    capsys.readouterr()
    after = target.read_bytes()
    assert after[:4] == before[:4], "the byte-order mark stays"
    assert after.decode(codec if codec != "utf-32-be" else "utf-32") == TEXT.replace("Share this article\n", "")


def test_a_fix_refuses_wide_json_lines_and_says_why(capsys, tmp_path: Path) -> None:
    target = tmp_path / "records.jsonl"
    target.write_bytes(with_bom("".join(json.dumps(r) + "\n" for r in RECORDS), "utf-16"))
    before = target.read_bytes()
    main(["check", str(target), "--select", "JNK001", "--fix", "--jobs", "1"])
    out, err = capsys.readouterr()
    assert target.read_bytes() == before
    assert "JSON lines in UTF-16 are not rewritten" in err and "convert the file to UTF-8" in err


@pytest.mark.parametrize("name", ["X.JSONL.GZ", "x.Jsonl.Zst", "x.NDJSON", "X.TXT", "x.Md"])
def test_file_endings_are_matched_in_any_case(capsys, tmp_path: Path, name: str) -> None:
    if ".JSONL" in name.upper() or ".NDJSON" in name.upper():
        data = "".join(json.dumps(r) + "\n" for r in RECORDS).encode()
        data = gzip.compress(data) if name.upper().endswith(".GZ") else data
        data = zstandard.ZstdCompressor().compress(data) if name.upper().endswith(".ZST") else data
        expected = {(name, 0, "JNK001"), (name, 1, "JNK001")}
    else:
        data, expected = TEXT.encode(), {(name, None, "JNK001")}
    (tmp_path / name).write_bytes(data)
    code, findings, err = check(capsys, str(tmp_path))
    assert flagged(findings) == expected


def test_records_with_the_same_id_are_told_apart_in_every_report(capsys, tmp_path: Path) -> None:
    records = [{"id": "a", "text": "Share this article"}, {"id": "a", "text": "Leave a Reply"}, {"text": "Share this article"}]
    target = tmp_path / "broken.jsonl"
    target.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    main(["check", str(target), "--select", "JNK001", "--output-format", "concise", "--jobs", "1"])
    out = capsys.readouterr().out
    assert f"{target}[0, id=a]:1:1:" in out and f"{target}[1, id=a]:1:1:" in out and f"{target}[2]:1:1:" in out
    for output_format in ("github", "junit", "gitlab", "sarif", "full", "grouped"):
        main(["check", str(target), "--select", "JNK001", "--output-format", output_format, "--jobs", "1"])
        out = capsys.readouterr().out
        assert "0, id=a" in out and "1, id=a" in out, output_format


def test_the_dask_engine_cuts_utf8_json_lines_of_any_ending_case_but_reads_wide_ones_whole(tmp_path: Path) -> None:
    pytest.importorskip("dask")
    from linter.config import Config
    from linter.dask_engine import Files, LineRange, input_parts
    from linter.engine import Linter

    records = "".join(json.dumps({"id": i, "text": TEXT * 5}) + "\n" for i in range(400))
    (tmp_path / "upper.JSONL").write_text(records, encoding="utf-8")
    (tmp_path / "wide.jsonl").write_bytes(with_bom(records, "utf-16"))
    parts = list(input_parts(Linter(Config(root=tmp_path), jobs=1), [str(tmp_path)], 40_000, []))
    assert {Path(p.path).name for p in parts if isinstance(p, LineRange)} == {"upper.JSONL"}
    assert any(isinstance(p, Files) and any(Path(f).name == "wide.jsonl" for f in p.paths) for p in parts)
