"""Line ends are normalised once, in the document model; offsets that leave a run refer to the file as read."""

from __future__ import annotations

import shutil
from pathlib import Path

from linter.cli import main
from linter.config import Config, discover_config
from linter.document import Document
from linter.engine import Linter
from linter.plugin import default_host
from tests.helpers import TestRulesPlugin

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def test_rules_see_newlines_and_offsets_map_back() -> None:
    source = "one\r\ntwo\rthree\r\n"
    document = Document(text=source, path="a.txt")
    assert document.text == "one\ntwo\nthree\n"
    assert document.source_text == source
    assert [document.to_source(i) for i in (0, 3, 4, 7, 8, 13, 14)] == [0, 3, 5, 8, 9, 14, 16]
    assert document.text[8:13] == source[document.to_source(8) : document.to_source(13)] == "three"


def test_text_without_carriage_returns_is_not_copied() -> None:
    text = "plain\ntext\n"
    document = Document(text=text, path="a.txt")
    assert document.text is text and document.source_text is text and not document.line_ends_changed


def test_whole_line_rules_find_lines_ending_in_crlf(make_linter) -> None:
    source = "Share this article\r\nLeave a Reply\r\n"
    findings = make_linter(select=["JNK001"]).check_text(source)
    assert [source[f.start : f.end] for f in findings] == ["Share this article", "Leave a Reply"]
    assert [(f.location.line, f.location.column) for f in findings] == [(1, 1), (2, 1)]
    assert [f.snippet.text for f in findings] == ["Share this article", "Leave a Reply"]
    # The safe fix deletes each whole line, "\r\n" included.
    assert [[(e.start, e.end) for e in f.fix.edits] for f in findings] == [[(0, 20)], [(20, 35)]]


def test_fix_of_a_crlf_file_keeps_its_line_ends(tmp_path: Path) -> None:
    target = tmp_path / "page.txt"
    target.write_bytes(b"Talks resumed.\r\nShare this article\r\nThe end.\r\n")
    assert main(["check", str(target), "--select", "JNK001", "--fix", "-q", "--config", str(_empty_config(tmp_path))]) == 0
    assert target.read_bytes() == b"Talks resumed.\r\nThe end.\r\n"


def test_corpus_phase_locations_map_back(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Story one.\r\nFooter line\r\n")
    (tmp_path / "b.txt").write_bytes(b"Another story here.\r\nFooter line\r\n")
    host = default_host()
    host.register(TestRulesPlugin())
    result = Linter(Config(root=tmp_path), host=host, select=["TST002"], jobs=1).run([str(tmp_path)])
    footers = [f for f in result.findings if "Footer" in Path(f.path).read_bytes().decode()[f.start : f.end]]
    assert len(footers) == 2
    for finding in footers:
        source = Path(finding.path).read_bytes().decode()
        assert source[finding.start : finding.end] == "Footer line"
        [related] = finding.related
        assert Path(related.path).read_bytes().decode()[related.start : related.end] == "Footer line"


def test_seeds_saved_with_crlf_give_the_same_findings(tmp_path: Path) -> None:
    crlf = tmp_path / "seeds"
    shutil.copytree(SEEDS, crlf)
    for path in crlf.glob("*.txt"):
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))

    def flagged(folder: Path) -> list[tuple]:
        result = Linter(discover_config(None, folder), jobs=1).run([str(folder)])
        rows = []
        for f in result.findings:
            text = Path(f.path).read_bytes().decode("utf-8-sig")
            rows.append((Path(f.path).name, f.code, f.location.line, f.location.column, text[f.start : f.end].replace("\r\n", "\n")))
        return rows

    lf_rows = flagged(SEEDS)
    assert any(row[1] == "JNK001" for row in lf_rows)
    assert flagged(crlf) == lf_rows


def _empty_config(folder: Path) -> Path:
    config = folder / "corpus-linter.toml"
    config.write_text("", encoding="utf-8")
    return config
