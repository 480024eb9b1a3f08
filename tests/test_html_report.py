"""The HTML report: its numbers match the JSON output, hostile text stays text, big runs stay small, and a
real browser renders it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from linter.cli import main
from linter.finding import Finding, Location, Severity, Snippet
from linter.reporters.base import Report
from linter.reporters.html import DETAILED_FINDINGS, FULL_TEXT_CHARACTERS, HtmlReporter, page_data

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
HOSTILE = "He wrote </script><script>document.title='pwned'</script> and <img src=x onerror=\"document.title='pwned'\"> &amp; \"quotes\" ' the the end.\n"


class PageParts(HTMLParser):
    """The embedded data, the summary cards and the SVG bars of a report page."""

    def __init__(self) -> None:
        super().__init__()
        self.data_text = ""
        self.cards: dict[str, str] = {}
        self.bars: list[str] = []
        self.scripts = 0
        self._in: list[str] = []
        self._card_value = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "script":
            self.scripts += 1
        self._in.append(attributes.get("id") or attributes.get("class") or tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        where = self._in[-1] if self._in else ""
        if where == "report-data":
            self.data_text += data
        elif where == "value":
            self._card_value = data
        elif where == "label":
            self.cards[data] = self._card_value
        elif where == "title" and len(self._in) >= 2 and self._in[-2] == "bar":
            self.bars.append(data)


def render(tmp_path: Path, *paths: str, extra: tuple[str, ...] = ()) -> tuple[Path, list[dict]]:
    html_file, json_file = tmp_path / "report.html", tmp_path / "report.json"
    for fmt, out in (("html", html_file), ("json", json_file)):
        main(["check", *paths, "--date", "2025-06-02", "--jobs", "1", "--output-format", fmt, "-o", str(out), *extra])
    return html_file, json.loads(json_file.read_text(encoding="utf-8"))


def parse(html_file: Path) -> PageParts:
    parts = PageParts()
    parts.feed(html_file.read_text(encoding="utf-8"))
    return parts


def test_the_numbers_on_the_page_are_those_of_the_json_output(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    html_file, findings = render(tmp_path, "seeds")
    parts = parse(html_file)
    data = json.loads(parts.data_text)
    assert parts.cards["findings"] == f"{len(findings):,}"
    assert parts.cards["documents"] == "5"
    assert parts.cards["documents with findings"] == str(len({f["path"] for f in findings}))
    severities = Counter(f["severity"] for f in findings)
    assert parts.cards["warnings"] == f"{severities['warning']:,}" and parts.cards["infos"] == f"{severities['info']:,}"
    by_rule = Counter(f["code"] for f in findings)
    page_by_rule = Counter()
    for document in data["documents"]:
        page_by_rule.update(document["codes"])
    assert page_by_rule == by_rule
    bar_values = {title.split(" ")[0]: int(title.rsplit(": ", 1)[1].replace(",", "")) for title in parts.bars if re.match(r"[A-Z]{3}\d{3} ", title)}
    assert bar_values == dict(by_rule)
    listed = {(f["code"], f["start"], f["end"], f["message"]) for f in data["findings"]}
    assert listed == {(f["code"], f["start"], f["end"], f["message"]) for f in findings}


def test_full_text_is_the_document_and_offsets_point_into_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    html_file, _ = render(tmp_path, "seeds")
    data = json.loads(parse(html_file).data_text)
    for document in data["documents"]:
        text = (ROOT / document["name"]).read_text(encoding="utf-8")
        assert document["text"] == text
        for index in document["findings"]:
            finding = data["findings"][index]
            assert 0 <= finding["start"] <= finding["end"] <= len(text)


def test_hostile_text_cannot_leave_the_page(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(HOSTILE, encoding="utf-8")
    (corpus / "b.jsonl").write_text(json.dumps({"id": "<script>x</script>", "text": HOSTILE}) + "\n", encoding="utf-8")
    html_file, findings = render(tmp_path, str(corpus), extra=("--select", "TYP003"))
    page = html_file.read_text(encoding="utf-8")
    assert findings, "the hostile documents have a finding, so their text is embedded"
    parts = parse(html_file)
    assert parts.scripts == 2, "only the report's own data and script elements"
    assert "<script>document" not in page and "<img" not in page and "<script>x" not in page
    data = json.loads(parts.data_text)
    assert {d.get("text") for d in data["documents"]} == {HOSTILE}


def synthetic_report(documents: int, per_document: int, text: str) -> Report:
    findings = []
    for d in range(documents):
        for k in range(per_document):
            location = Location("big.jsonl", k, k + 1, 1, k + 1, 1, k + 2, d, f"doc-{d}")
            findings.append(
                Finding("TYP003", "repeated-word", "typo", Severity.WARNING, "m", location, snippet=Snippet(text[:80]))
            )
    return Report(findings, {}, documents, documents * len(text), load_texts=lambda keys: {k: text for k in keys})


def test_a_large_run_lists_the_worst_documents_and_counts_the_rest(tmp_path: Path) -> None:
    report = synthetic_report(documents=DETAILED_FINDINGS, per_document=2, text="x" * 30_000)
    data = page_data(report)
    assert len(data["findings"]) <= DETAILED_FINDINGS
    assert sum(d["total"] for d in data["documents"]) == len(report.findings)
    embedded = sum(len(d.get("text", "")) for d in data["documents"])
    assert 0 < embedded <= FULL_TEXT_CHARACTERS
    out = tmp_path / "big.html"
    with open(out, "w", encoding="utf-8") as handle:
        HtmlReporter().render(report, handle)
    page = out.read_text(encoding="utf-8")
    assert "counts by rule" in page and "Full text is embedded for the" in page
    assert len(page.encode("utf-8")) < 20_000_000


def browser() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def rendered_dom(page: Path, fragment: str = "") -> str:
    command = [
        browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={page.parent / 'profile'}", "--dump-dom", page.as_uri() + fragment,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120).stdout


@pytest.mark.skipif(browser() is None, reason="no Chromium: .ci/run installs Debian's chromium; install it to run this test")
def test_a_real_browser_renders_the_seeds_report(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    html_file, findings = render(tmp_path, "seeds")
    dom = rendered_dom(html_file)
    assert "<svg" in dom and "Findings by rule" in dom
    table_rows = re.findall(r'<tr data-doc="\d+"', dom)
    assert len(table_rows) == len({f["path"] for f in findings})
    marks = re.findall(r'<mark class="finding cat-(\w+)', dom)
    worst = Counter(f["path"] for f in findings).most_common(1)[0][1]
    assert marks and len(marks) >= worst // 2, "the worst document is shown with its problems marked"
    assert "cat-junk" in dom


@pytest.mark.skipif(browser() is None, reason="no Chromium: .ci/run installs Debian's chromium; install it to run this test")
def test_hostile_text_runs_nothing_in_a_real_browser(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(HOSTILE, encoding="utf-8")
    html_file, _ = render(tmp_path, str(corpus), extra=("--select", "TYP003"))
    dom = rendered_dom(html_file)
    assert "pwned" not in re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    view = dom[dom.index('id="document-text"') :]
    assert "<img" not in view[: view.index("</pre>")]
    assert "&lt;img src=x onerror" in view


def test_crlf_documents_are_embedded_as_read_so_offsets_match(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(b"First line.\r\nThe the end.\r\n")
    html_file, findings = render(tmp_path, str(corpus), extra=("--select", "TYP003"))
    data = json.loads(parse(html_file).data_text)
    [document] = data["documents"]
    [finding] = findings
    assert document["text"][finding["start"] : finding["end"]] == "The the"


def name_variant_corpus(tmp_path: Path) -> Path:
    """Four documents spell a name one way, one another: TYP008's related place is in a document without findings."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for index in range(4):
        (corpus / f"a{index}.txt").write_text("Talks with Dmitry Medinsky went on. Medinsky said they went well.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Talks with Dmitry Medinski went on. Medinski said they were hard.\n", encoding="utf-8")
    return corpus


def test_a_related_place_in_a_document_without_findings_is_linked_and_marked(tmp_path: Path) -> None:
    html_file, findings = render(tmp_path, str(name_variant_corpus(tmp_path)), extra=("--select", "TYP008"))
    assert [f["code"] for f in findings] == ["TYP008"]
    data = json.loads(parse(html_file).data_text)
    related = data["findings"][0]["related"][0]
    target = data["documents"][related["doc"]]
    assert related["doc"] >= 0 and target["total"] == 0 and target["name"] == related["name"]
    assert target["anchors"] == [[related["start"], related["end"]]]
    assert target["text"][related["start"] : related["end"]] == "Medinsky"
    cards = parse(html_file).cards
    assert cards["documents with findings"] == "1" and cards["documents"] == "5"


def marked_passages(dom: str) -> list[str]:
    view = dom[dom.index('id="document-text"') :]
    return re.findall(r"<mark [^>]*>([^<]*)</mark>", view[: view.index("</pre>")])


@pytest.mark.skipif(browser() is None, reason="no Chromium: .ci/run installs Debian's chromium; install it to run this test")
def test_marks_sit_on_the_flagged_text_after_emoji_in_a_real_browser(tmp_path: Path) -> None:
    """Offsets count code points; JavaScript counts UTF-16 units, two for an emoji."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Intro \U0001F600\U0001F600 line.\nThe the plan, \U0001F4F0 and and more.\n", encoding="utf-8")
    html_file, findings = render(tmp_path, str(corpus), extra=("--select", "TYP003"))
    assert len(findings) == 2
    assert marked_passages(rendered_dom(html_file)) == ["The the", "and and"]


@pytest.mark.skipif(browser() is None, reason="no Chromium: .ci/run installs Debian's chromium; install it to run this test")
def test_a_related_place_is_shown_marked_in_a_real_browser(tmp_path: Path) -> None:
    html_file, _ = render(tmp_path, str(name_variant_corpus(tmp_path)), extra=("--select", "TYP008"))
    data = json.loads(parse(html_file).data_text)
    related = data["findings"][0]["related"][0]
    dom = rendered_dom(html_file, f"#doc={related['doc']}&at={related['start']}")
    assert marked_passages(dom) == ["Medinsky"] and 'class="related-place"' in dom
    assert "No findings of its own" in dom


def test_a_finding_of_an_unregistered_code_still_has_its_rule_data() -> None:
    """The page's script looks up each finding's severity and category by code; a plugin may emit any code."""
    finding = Finding("ZZZ999", "made-up", "junk", Severity.ERROR, "m", Location("a.txt", 0, 1, 1, 1, 1, 2))
    rules = page_data(Report([finding], {}))["rules"]
    assert rules["ZZZ999"] == {"name": "made-up", "category": "junk", "summary": "", "severity": "error"}
