"""The machine-readable output formats: exact structure, escaping, schema validity."""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from io import StringIO
from pathlib import Path

import jsonschema
import pytest

from linter import Document, Fix, Rule, Severity
from linter.cli import main
from linter.checker import snippet_for
from linter.finding import Finding, Location
from linter.reporters import BUILTIN_REPORTERS
from linter.reporters.base import Report
from linter.reporters.github import GithubReporter
from linter.reporters.gitlab import GitlabReporter
from linter.reporters.junit import JunitReporter
from linter.reporters.sarif import SarifReporter

ROOT = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
LONG_MESSAGE = "figures disagree: " + "; ".join(f"paragraph {n} says {n * 1000:,} troops" for n in range(1, 200))


class DoubledWord(Rule):
    """Flags a word written twice in a row.

    ## What it flags
    "the the".

    ## Why
    A doubled word is almost always a slip.

    ## Example
    `The the minister` -> `The minister`

    ## Fix
    Deletes the second word (safe).
    """

    code = "TST001"
    name = "doubled-word"
    category = "typo"
    fixable = True


class FigureMismatch(Rule):
    """Flags figures that disagree within one article.

    ## What it flags
    Two different counts of the same thing.

    ## Why
    One of them is wrong.

    ## Example
    `40 killed` ... `45 killed`
    """

    code = "TST002"
    name = "figure-mismatch"
    category = "numeric"
    severity = Severity.ERROR


class StyleNote(Rule):
    """Notes a style matter.

    ## What it flags
    Anything, in these tests.

    ## Why
    To show the info severity.

    ## Example
    `x`
    """

    code = "TST003"
    name = "style-note"
    category = "junk"
    severity = Severity.INFO


RULES = {rule.code: rule for rule in (DoubledWord, FigureMismatch, StyleNote)}


def with_snippet(document: Document, finding: Finding) -> Finding:
    return dataclasses.replace(finding, snippet=snippet_for(document, finding))


def doubled(document: Document, word: str, occurrence: int = 0) -> Finding:
    """A TST001 finding on the n-th "word word" of the document, with its fix."""
    start = -1
    for _ in range(occurrence + 1):
        start = document.text.index(f"{word} {word.lower()}", start + 1)
    end = start + 2 * len(word) + 1
    fix = Fix.delete(start + len(word), end, description=f"remove the second '{word.lower()}'")
    return with_snippet(document, DoubledWord().finding(document, start, end, f"repeated word: '{word.lower()}'", fix=fix))


PLAIN = Document(text="Breaking news\nThe the minister said 50% of votes.\n", path="corpus/a.txt")
RECORD = Document(
    text="Erdoğan met Sybiha.\nOfficials said 40 killed, later 45 killed.",
    path="corpus/news.jsonl",
    record=3,
    id="doc-7",
)
RECORD_NO_ID = Document(text="It was was late.", path="corpus/news.jsonl", record=5)
ODD_PATH = Document(text="Été: a note\n", path="news/été, part: 2.txt")


@pytest.fixture
def findings() -> list[Finding]:
    forty = RECORD.text.index("40 killed")
    forty_five = RECORD.text.index("45 killed")
    mismatch = FigureMismatch().finding(
        RECORD,
        forty_five,
        forty_five + 9,
        "45 killed contradicts 40 killed — ‘figures’ disagree",
        related=[RECORD.location(forty, forty + 9, "earlier figure")],
    )
    note = StyleNote().finding(ODD_PATH, 0, 3, "50% sure:\r\nsecond line, with comma")
    problem = Finding(
        code="INP003",
        name="broken-record",
        category="input",
        severity=Severity.ERROR,
        message="invalid JSON: Expecting value (column 1)",
        location=Location("corpus/news.jsonl", 0, 0, 9, 1, 9, 1, record=8),
    )
    long = FigureMismatch().finding(PLAIN, 0, 8, LONG_MESSAGE)
    return [
        doubled(PLAIN, "The"),
        with_snippet(RECORD, mismatch),
        doubled(RECORD_NO_ID, "was"),
        note,
        problem,
        long,
    ]


def render(reporter_class, report: Report) -> str:
    out = StringIO()
    reporter_class().render(report, out)
    return out.getvalue()


def sarif_errors(log: dict) -> list[str]:
    validator_class = jsonschema.validators.validator_for(SARIF_SCHEMA)
    validator_class.check_schema(SARIF_SCHEMA)
    return [error.message for error in validator_class(SARIF_SCHEMA).iter_errors(log)]


# -- SARIF ------------------------------------------------------------------------


def test_sarif_validates_against_the_official_schema(findings) -> None:
    log = json.loads(render(SarifReporter, Report(findings, RULES, documents=4)))
    assert sarif_errors(log) == []


def test_the_schema_check_is_live(findings) -> None:
    """A log with a level SARIF does not have must fail, or the validation above proves nothing."""
    log = json.loads(render(SarifReporter, Report(findings, RULES)))
    log["runs"][0]["results"][0]["level"] = "info"
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert len(sarif_errors(log)) == 2


def test_sarif_tool_and_rule_metadata(findings) -> None:
    run = json.loads(render(SarifReporter, Report(findings, RULES)))["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "corpus-linter"
    assert driver["version"]
    assert driver["informationUri"].startswith("https://")
    assert [rule["id"] for rule in driver["rules"]] == ["INP003", "TST001", "TST002", "TST003"]
    tst001 = driver["rules"][1]
    assert tst001 == {
        "id": "TST001",
        "name": "doubled-word",
        "shortDescription": {"text": "Flags a word written twice in a row."},
        "fullDescription": {"text": DoubledWord.documentation()},
        "help": {"text": DoubledWord.documentation(), "markdown": DoubledWord.documentation()},
        "defaultConfiguration": {"enabled": True, "level": "warning"},
        "properties": {"category": "typo", "fixable": True, "tags": ["typo"]},
    }
    assert driver["rules"][2]["defaultConfiguration"]["level"] == "error"
    assert driver["rules"][3]["defaultConfiguration"]["level"] == "note"
    assert driver["rules"][0]["name"] == "broken-record"
    assert run["columnKind"] == "unicodeCodePoints"
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_result_with_fix(findings) -> None:
    result = json.loads(render(SarifReporter, Report(findings, RULES)))["runs"][0]["results"][0]
    assert result == {
        "ruleId": "TST001",
        "ruleIndex": 1,
        "level": "warning",
        "message": {"text": "repeated word: 'the'"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "corpus/a.txt", "uriBaseId": "%SRCROOT%"},
                    "region": {
                        "startLine": 2,
                        "startColumn": 1,
                        "endLine": 2,
                        "endColumn": 8,
                        "charOffset": 14,
                        "charLength": 7,
                    },
                }
            }
        ],
        "fixes": [
            {
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": "corpus/a.txt", "uriBaseId": "%SRCROOT%"},
                        "replacements": [
                            {"deletedRegion": {"charOffset": 17, "charLength": 4}, "insertedContent": {"text": ""}}
                        ],
                    }
                ],
                "properties": {"safe": True},
                "description": {"text": "remove the second 'the'"},
            }
        ],
        "properties": {"category": "typo"},
    }


def test_sarif_record_locations_and_related(findings) -> None:
    results = json.loads(render(SarifReporter, Report(findings, RULES)))["runs"][0]["results"]
    mismatch = results[1]
    assert mismatch["level"] == "error"
    assert mismatch["message"]["text"] == "45 killed contradicts 40 killed — ‘figures’ disagree"
    location = mismatch["locations"][0]
    # code scanning marks the record's line of the file; the place in the record's text rides along
    assert location["physicalLocation"]["region"] == {"startLine": 4}
    assert location["logicalLocations"] == [
        {"name": "3, id=doc-7", "fullyQualifiedName": "corpus/news.jsonl[3, id=doc-7]", "kind": "record"}
    ]
    assert location["properties"] == {
        "record": 3,
        "recordId": "doc-7",
        "textRegion": {"startLine": 2, "startColumn": 33, "endLine": 2, "endColumn": 42, "charOffset": 52, "charLength": 9},
    }
    [related] = mismatch["relatedLocations"]
    assert related["id"] == 1
    assert related["message"] == {"text": "earlier figure"}
    assert related["properties"]["textRegion"]["startColumn"] == 16
    assert "fixes" not in mismatch


def test_sarif_record_fix_stays_out_of_file_fixes(findings) -> None:
    """A record's fix counts offsets in the record's text; applied to the file it would corrupt it."""
    result = json.loads(render(SarifReporter, Report(findings, RULES)))["runs"][0]["results"][2]
    assert "fixes" not in result
    assert result["properties"]["recordFix"] == findings[2].fix.to_dict()
    assert result["locations"][0]["logicalLocations"][0]["name"] == "5"
    assert result["locations"][0]["properties"]["record"] == 5


def test_sarif_uris_are_encoded_and_absolute_paths_are_file_uris(findings) -> None:
    absolute = dataclasses.replace(findings[0], location=dataclasses.replace(findings[0].location, path="/data/x y.txt"))
    results = json.loads(render(SarifReporter, Report([findings[3], absolute], RULES)))["runs"][0]["results"]
    assert results[0]["level"] == "note"
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "news/%C3%A9t%C3%A9%2C%20part%3A%202.txt",
        "uriBaseId": "%SRCROOT%",
    }
    assert results[1]["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///data/x%20y.txt"}


def test_cli_sarif_on_the_seeds_validates(capsys, monkeypatch, registry) -> None:
    monkeypatch.chdir(ROOT)
    code = main(["check", "seeds", "--output-format", "sarif", "--jobs", "1"])
    assert code in (0, 1)
    log = json.loads(capsys.readouterr().out)
    assert sarif_errors(log) == []
    run = log["runs"][0]
    assert {rule["id"] for rule in run["tool"]["driver"]["rules"]} >= set(registry.rules)
    assert (code == 1) == bool(run["results"])
    for result in run["results"]:
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact["uri"].startswith("seeds/") and artifact["uriBaseId"] == "%SRCROOT%"


# -- GitHub -----------------------------------------------------------------------


def test_github_annotations(findings) -> None:
    lines = render(GithubReporter, Report(findings[:5], RULES)).splitlines()
    assert lines == [
        "::warning file=corpus/a.txt,line=2,endLine=2,col=1,endColumn=8,title=TST001 doubled-word::repeated word: 'the'",
        "::error file=corpus/news.jsonl,line=4,endLine=4,title=TST002 figure-mismatch::record 3, id=doc-7, line 2, column 33: "
        "45 killed contradicts 40 killed — ‘figures’ disagree",
        "::warning file=corpus/news.jsonl,line=6,endLine=6,title=TST001 doubled-word::record 5, line 1, column 4: repeated word: 'was'",
        "::notice file=news/été%2C part%3A 2.txt,line=1,endLine=1,col=1,endColumn=4,title=TST003 style-note::"
        "50%25 sure:%0D%0Asecond line, with comma",
        "::error file=corpus/news.jsonl,line=9,endLine=9,title=INP003 broken-record::record 8, line 9, column 1: "
        "invalid JSON: Expecting value (column 1)",
    ]


def test_a_parquet_row_has_no_file_line() -> None:
    row = Document(text="It was was late.", path="corpus/rows.parquet", record=5)
    finding = with_snippet(row, DoubledWord().finding(row, 3, 10, "repeated word: 'was'"))
    [line] = render(GithubReporter, Report([finding], RULES)).splitlines()
    assert line.startswith("::warning file=corpus/rows.parquet,title=")
    [issue] = json.loads(render(GitlabReporter, Report([finding], RULES)))
    assert issue["location"]["lines"] == {"begin": 1}


def test_github_long_message_stays_one_command(findings) -> None:
    [line] = render(GithubReporter, Report([findings[5]], RULES)).splitlines()
    assert line.endswith("::" + LONG_MESSAGE)
    assert line.startswith("::error file=corpus/a.txt,line=1,endLine=1,col=1,endColumn=9,title=TST002 figure-mismatch::")


# -- JUnit ------------------------------------------------------------------------


def parse_junit(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def test_junit_structure(findings) -> None:
    root = parse_junit(render(JunitReporter, Report(findings, RULES, documents=4)))
    assert root.tag == "testsuites"
    [suite] = root.findall("testsuite")
    assert suite.attrib == {"name": "corpus-linter", "tests": "3", "failures": "3", "errors": "0", "skipped": "0"}
    assert {p.get("name"): p.get("value") for p in suite.iter("property")} == {"findings": "6", "documents": "4"}
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == ["corpus/a.txt", "corpus/news.jsonl", "news/été, part: 2.txt"]
    assert [len(case.findall("failure")) for case in cases] == [2, 3, 1]
    first = cases[0].findall("failure")[0]
    assert first.attrib == {"message": "line 2, column 1: TST001 repeated word: 'the'", "type": "TST001"}
    assert first.text == (
        "corpus/a.txt:2:1: TST001 [warning] repeated word: 'the'\nfix (safe): remove the second 'the'"
    )
    mismatch = cases[1].findall("failure")[0]
    assert mismatch.get("message") == "record 3, id=doc-7, line 2, column 33: TST002 45 killed contradicts 40 killed — ‘figures’ disagree"
    assert mismatch.text.splitlines()[1] == "related: corpus/news.jsonl[3, id=doc-7]:2:16: earlier figure"
    note = cases[2].find("failure")
    assert note.get("message") == "line 1, column 1: TST003 50% sure:\r\nsecond line, with comma"
    assert cases[0].findall("failure")[1].get("message").endswith(LONG_MESSAGE)


def test_junit_escapes_markup_and_control_characters(findings) -> None:
    nasty = dataclasses.replace(findings[0], message='<b>"R&D"</b> \x00\x1b junk \ufffe')
    root = parse_junit(render(JunitReporter, Report([nasty], RULES)))
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == 'line 2, column 1: TST001 <b>"R&D"</b> \\x00\\x1b junk \\xfffe'


def test_junit_without_findings_is_one_passing_case() -> None:
    root = parse_junit(render(JunitReporter, Report([], RULES, documents=3)))
    suite = root.find("testsuite")
    assert suite.get("tests") == "1" and suite.get("failures") == "0"
    [case] = suite.findall("testcase")
    assert case.get("name") == "no findings" and list(case) == []


# -- GitLab -----------------------------------------------------------------------


def test_gitlab_code_quality_structure(findings) -> None:
    issues = json.loads(render(GitlabReporter, Report(findings, RULES)))
    assert len(issues) == 6
    first = issues[0]
    assert set(first) == {"description", "check_name", "fingerprint", "severity", "location"}
    assert first["description"] == "TST001 repeated word: 'the'"
    assert first["check_name"] == "TST001"
    assert first["severity"] == "minor"
    assert first["location"] == {"path": "corpus/a.txt", "lines": {"begin": 2, "end": 2}}
    assert issues[1]["severity"] == "major"
    assert issues[1]["location"] == {"path": "corpus/news.jsonl", "lines": {"begin": 4}}, "record 3 is line 4 of the file"
    assert issues[1]["description"] == (
        "TST002 record 3, id=doc-7, line 2, column 33: 45 killed contradicts 40 killed — ‘figures’ disagree"
    )
    assert issues[3]["severity"] == "info"
    assert issues[3]["location"]["path"] == "news/été, part: 2.txt"
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    assert all(len(f) == 64 and int(f, 16) >= 0 for f in fingerprints)


def gitlab_fingerprints(findings: list[Finding]) -> list[str]:
    return [issue["fingerprint"] for issue in json.loads(render(GitlabReporter, Report(findings, RULES)))]


def test_gitlab_fingerprints_survive_unrelated_edits() -> None:
    before = Document(text="Intro.\nThe the minister spoke.\n", path="a.txt")
    after = Document(text="New lede paragraph.\n\nIntro, edited.\nThe the minister spoke.\n", path="a.txt")
    assert gitlab_fingerprints([doubled(before, "The")]) == gitlab_fingerprints([doubled(after, "The")])


def test_gitlab_fingerprints_tell_findings_apart() -> None:
    document = Document(text="The the one. A a two. The the three.", path="a.txt")
    same_text_twice = gitlab_fingerprints([doubled(document, "The"), doubled(document, "The", occurrence=1)])
    assert len(set(same_text_twice)) == 2
    other_text = gitlab_fingerprints([doubled(document, "A")])
    other_file = gitlab_fingerprints([doubled(Document(text=document.text, path="b.txt"), "The")])
    assert len({same_text_twice[0], other_text[0], other_file[0]}) == 3


# -- every reporter ---------------------------------------------------------------


BUILTIN_NAMES = [reporter.name for reporter in BUILTIN_REPORTERS]


def test_every_builtin_reporter_is_registered(registry) -> None:
    assert BUILTIN_NAMES == ["full", "concise", "grouped", "json", "json-lines", "sarif", "github", "junit", "gitlab", "html"]
    for reporter in BUILTIN_REPORTERS:
        assert registry.reporters[reporter.name] is reporter
        assert reporter.description


def test_every_builtin_reporter_is_listed(capsys, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("COLUMNS", "1000")
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    help_text = capsys.readouterr().out
    assert all(name in help_text for name in BUILTIN_NAMES)
    (tmp_path / "a.txt").write_text("Fine text.\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "a.txt"), "--output-format", "no-such-format"]) == 2
    error = capsys.readouterr().err
    assert all(name in error for name in BUILTIN_NAMES)


def valid_output(name: str, text: str, findings: int) -> None:
    """Each built-in format's own notion of well-formed."""
    if name in ("json", "gitlab"):
        assert len(json.loads(text)) == findings
    elif name == "json-lines":
        records = [json.loads(line) for line in text.splitlines()]
        assert len(records) == findings and all(isinstance(record, dict) for record in records)
    elif name == "sarif":
        log = json.loads(text)
        assert sarif_errors(log) == [] and len(log["runs"][0]["results"]) == findings
    elif name == "junit":
        assert len(parse_junit(text).findall("testsuite/testcase/failure")) == findings
    elif name == "html":
        data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', text, re.S).group(1)
        assert sum(d["total"] for d in json.loads(data)["documents"]) == findings
        assert ("All checks passed" in text) == (findings == 0)
    elif name == "github":
        lines = text.splitlines()
        assert len(lines) == findings and all(line.startswith("::") for line in lines)
    else:
        assert ("All checks passed" in text) == (findings == 0)


@pytest.mark.parametrize("name", BUILTIN_NAMES)
def test_zero_findings_output_is_valid(name, registry) -> None:
    valid_output(name, render(registry.reporters[name], Report([], RULES, documents=2)), 0)


@pytest.mark.parametrize("name", BUILTIN_NAMES)
def test_findings_output_is_valid(name, registry, findings) -> None:
    valid_output(name, render(registry.reporters[name], Report(findings, RULES, documents=4)), len(findings))


@pytest.mark.parametrize("name", BUILTIN_NAMES)
def test_a_lone_surrogate_in_a_record_does_not_break_any_output(name, registry) -> None:
    """JSON lines may escape a lone surrogate ("\\ud800"); the text reaches the findings, their snippets and fingerprints."""
    record = Document(text="The the \ud800 plan.", path="c.jsonl", record=0, id="x\ud800")
    finding = dataclasses.replace(doubled(record, "The"), message="repeated word near '\ud800'")
    valid_output(name, render(registry.reporters[name], Report([finding], RULES, documents=1)), 1)


def test_gitlab_fingerprints_of_corpus_wide_findings_survive_another_document(capsys, tmp_path: Path, monkeypatch) -> None:
    """JNK007's message counts documents: one more page with the footer must not make the old findings new."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    footer = "Subscribe to our newsletter for more stories like this one\n"

    def fingerprints() -> dict[str, str]:
        main(["check", "corpus", "--select", "JNK007", "--jobs", "1", "--output-format", "gitlab"])
        return {issue["location"]["path"]: issue["fingerprint"] for issue in json.loads(capsys.readouterr().out)}

    for index in range(6):
        (tmp_path / "corpus" / f"site{index}.txt").write_text(f"Story {index}.\n\n{footer}", encoding="utf-8")
        if index == 4:
            before = fingerprints()
    after = fingerprints()
    assert len(before) == 5 and all(after[path] == fingerprint for path, fingerprint in before.items())
