"""Inline and per-record suppression: one false alarm silenced where it stands."""

from __future__ import annotations

import json
from pathlib import Path

from linter.cli import main
from linter.suppression import parse

FOOTER = "Subscribe to our newsletter for more stories like this one\n"


def findings(capsys, *args: str) -> list[dict]:
    main(["check", *args, "--output-format", "json", "--jobs", "1"])
    return json.loads(capsys.readouterr().out)


def codes_by_line(found: list[dict]) -> list[tuple[str, int]]:
    return sorted((f["code"], f["line"]) for f in found)


def test_a_comment_alone_silences_the_next_line_and_a_trailing_one_its_own(capsys, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "The mayor gave a speach.\n"
        "<!-- corpus-linter: ignore TYP001 -->\n"
        "\n"
        "The the end of a speach.\n"
        "Another the the. <!-- corpus-linter: ignore repeated-word -->\n"
        "And and more.\n",
        encoding="utf-8",
    )
    found = findings(capsys, str(story), "--select", "TYP001,TYP003,ENC")
    assert codes_by_line(found) == [("TYP001", 1), ("TYP003", 4), ("TYP003", 6)]


def test_selectors_are_those_of_ignore_and_none_means_every_rule(capsys, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "<!-- corpus-linter: ignore typo -->\nThe the speach.\n<!-- corpus-linter: ignore -->\nThe the speach.\nThe the speach.\n",
        encoding="utf-8",
    )
    assert codes_by_line(findings(capsys, str(story), "--select", "TYP001,TYP003")) == [("TYP001", 5), ("TYP003", 5)]


def test_ignore_file_and_crlf(capsys, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"<!-- corpus-linter: ignore-file TYP003 -->\r\nThe the speach.\r\n")
    (tmp_path / "b.md").write_bytes(b"<!-- corpus-linter: ignore TYP001 -->\r\nThe the speach.\r\n")
    found = findings(capsys, str(tmp_path), "--select", "TYP001,TYP003")
    assert sorted((Path(f["path"]).name, f["code"]) for f in found) == [("a.md", "TYP001"), ("b.md", "TYP003")]


def test_a_directive_is_never_reported_as_html_left_in_the_text(capsys, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("<!-- corpus-linter: ignore TYP001 -->\nA clean line.\n<!-- a comment from the page -->\n", encoding="utf-8")
    found = findings(capsys, str(story), "--select", "ENC")
    assert [f["line"] for f in found] == [3], "only the page's own comment is HTML residue"


def test_a_record_field_silences_its_record(capsys, tmp_path: Path) -> None:
    records = tmp_path / "c.jsonl"
    records.write_text(
        '{"id": 1, "text": "the the speach", "lint": {"ignore": ["TYP003"]}}\n'
        '{"id": 2, "text": "a a speach"}\n'
        '{"id": 3, "text": "b b speach", "review": {"skip": "TYP"}}\n',
        encoding="utf-8",
    )
    found = findings(capsys, str(records), "--select", "TYP001,TYP003")
    assert sorted((f["id"], f["code"]) for f in found) == [
        ("1", "TYP001"), ("2", "TYP001"), ("2", "TYP003"), ("3", "TYP001"), ("3", "TYP003"),
    ]
    (tmp_path / "corpus-linter.toml").write_text('ignore-field = "review.skip"\n', encoding="utf-8")
    found = findings(capsys, str(records), "--select", "TYP001,TYP003")
    assert sorted((f["id"], f["code"]) for f in found) == [
        ("1", "TYP001"), ("1", "TYP003"), ("2", "TYP001"), ("2", "TYP003"),
    ]


def corpus_with_a_footer(folder: Path) -> None:
    folder.mkdir()
    for index in range(6):
        directive = "<!-- corpus-linter: ignore-file JNK007 -->\n" if index == 0 else ""
        (folder / f"doc{index}.txt").write_text(f"{directive}Story number {index} is here.\n\n{FOOTER}", encoding="utf-8")


def test_corpus_phase_findings_are_silenced_in_their_document(capsys, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus_with_a_footer(corpus)
    found = findings(capsys, str(corpus), "--select", "JNK007")
    assert sorted(Path(f["path"]).name for f in found) == [f"doc{i}.txt" for i in range(1, 6)]


def test_suppressions_travel_through_fact_files(capsys, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus_with_a_footer(corpus)
    single = findings(capsys, str(corpus), "--select", "JNK007")
    for shard in range(2):
        main(["check", str(corpus), "--select", "JNK007", "--shard", f"{shard}/2", "--facts-out",
              str(tmp_path / f"facts{shard}.jsonl"), "--output-format", "json", "--jobs", "1"])
    capsys.readouterr()
    main(["reduce", str(tmp_path / "facts0.jsonl"), str(tmp_path / "facts1.jsonl"), "--select", "JNK007",
          "--output-format", "json"])
    reduced = json.loads(capsys.readouterr().out)
    assert reduced == single


def test_parsing_is_skipped_for_documents_without_directives() -> None:
    assert parse("An ordinary text with <!-- a comment -->.") is None
    assert parse("Text.", record_selectors=["TYP001"]).document == ("TYP001",)
    assert parse("Text.", record_selectors=5) is None


def test_a_quoted_or_documented_directive_silences_nothing(capsys, tmp_path: Path) -> None:
    """Prose that quotes the directive, backticks and code blocks that document it are text, not directives."""
    guide = tmp_path / "guide.md"
    guide.write_text(
        "# Silencing\n"
        "\n"
        "Write `<!-- corpus-linter: ignore-file -->` to silence a file.\n"
        'He said "<!-- corpus-linter: ignore-file -->" was enough.\n'
        "<!-- corpus-linter: ignore TYP001 --> The goverment line.\n"
        "\n"
        "```text\n"
        "<!-- corpus-linter: ignore-file -->\n"
        "<!-- corpus-linter: ignore TYP001 -->\n"
        "```\n"
        "The goverment said teh plan was fine.\n",
        encoding="utf-8",
    )
    found = codes_by_line(findings(capsys, str(guide), "--select", "TYP001,ENC006"))
    assert [line for code, line in found if code == "TYP001"] == [5, 11, 11]
    assert ("ENC006", 4) in found and ("ENC006", 5) in found, "what is not a directive is HTML left in the text"
