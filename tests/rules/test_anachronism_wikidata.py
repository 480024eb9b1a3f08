"""The Wikidata converter turns a SPARQL result into a file the knowledge base loads cleanly."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from rules.anachronism import wikidata
from rules.anachronism.consistency import consistency_problems
from rules.anachronism.kb import load
from rules.anachronism.title_not_held import TitleNotHeld
from linter.testing import lint

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "wikidata" / "gb_prime_minister.json"
ARGS = [
    str(FIXTURE),
    "--office-id", "xx-prime-minister",
    "--office-label", "Prime Minister of Testland",
    "--jurisdiction", "XX",
    "--label", "Testland",
    "--title", "Prime Minister",
    "--name", "Testland",
    "--as-of", "2025-12-01",
    "--since", "1990-01-01",
]


def run(capsys, args: list[str]) -> tuple[int, str, str]:
    code = wikidata.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_converts_fixture(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, ARGS)
    assert code == 0
    path = tmp_path / "xx.yaml"
    path.write_text(out, encoding="utf-8")
    kb = load([path])
    assert not consistency_problems(kb)
    terms = kb.offices["xx-prime-minister"].terms
    assert [(t.person, t.start, t.end) for t in terms] == [
        ("margaret-thatcher", dt.date(1979, 5, 4), dt.date(1990, 11, 28)),
        ("boris-johnson", dt.date(2019, 7, 24), dt.date(2022, 9, 6)),
        ("keir-starmer", dt.date(2024, 7, 5), None),
    ], "duplicates merged, terms ended before --since dropped, open term kept"
    assert terms[1].source == "https://www.wikidata.org/wiki/Q180589"
    assert "Johnson" in kb.people["boris-johnson"].aliases
    assert "BoJo" in kb.people["boris-johnson"].aliases
    assert "no English label" in err and "row 7" in err


def test_converted_file_drives_the_rule(capsys, tmp_path: Path) -> None:
    _code, out, _err = run(capsys, ARGS)
    path = tmp_path / "xx.yaml"
    path.write_text(out, encoding="utf-8")
    findings = lint(TitleNotHeld, "Testland Prime Minister Boris Johnson opened the bridge on Monday.",
                    options={"extra-kb-files": [str(path)]}, date="2025-06-02")
    assert len(findings) == 1
    assert "Prime Minister of Testland" in findings[0].message


def test_homonyms_get_distinct_ids() -> None:
    row = {"personLabel": {"value": "John Smith"}, "start": {"value": "2001-01-01T00:00:00Z"}}
    result = {"results": {"bindings": [
        {**row, "person": {"value": "http://www.wikidata.org/entity/Q1"}},
        {**row, "person": {"value": "http://www.wikidata.org/entity/Q2"}, "start": {"value": "2005-01-01T00:00:00Z"}},
    ]}}
    spec = wikidata.OfficeSpec("xx-chair", "Chair", "XX", "Testland", ["Chair"], single_holder=False)
    people = wikidata.convert(result, spec)["people"]
    assert [p["id"] for p in people] == ["john-smith", "john-smith-2"]


def test_print_query(capsys) -> None:
    code, out, _err = run(capsys, ["--print-query", "Q14211"])
    assert code == 0 and "wd:Q14211" in out and "pq:P580" in out


def test_bad_json_is_a_usage_error(capsys, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    try:
        wikidata.main([str(broken), "--office-id", "x", "--jurisdiction", "XX", "--title", "T"])
    except SystemExit as exit:
        assert exit.code == 2
    else:
        raise AssertionError("expected a usage error")
    assert "cannot read" in capsys.readouterr().err


def test_fixture_is_valid_json() -> None:
    assert json.loads(FIXTURE.read_text(encoding="utf-8"))["results"]["bindings"]
